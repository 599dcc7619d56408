import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createServer, type ViteDevServer } from 'vite';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../../../../tools/chromium.js';

let browser: Browser;
let server: ViteDevServer;
let url: string;
let page: Page;
let problems: string[];

beforeAll(async () => {
  server = await createServer({
    root: fileURLToPath(new URL('page', import.meta.url)),
    configFile: false,
    logLevel: 'silent',
    esbuild: { jsx: 'automatic' },
    resolve: { conditions: ['@fx-auth/source'] },
    define: { 'process.env.NODE_ENV': JSON.stringify('development') },
    server: { host: '127.0.0.1', port: 0 },
  });
  await server.listen();
  url = server.resolvedUrls?.local[0] ?? '';
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

beforeEach(async () => {
  page = await browser.newPage();
  problems = [];
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
  page.on('request', (request) => {
    if (!request.url().startsWith(url)) problems.push(`a request left the page: ${request.url()}`);
  });
  await page.clock.install();
  await page.goto(url);
});

afterEach(async () => {
  await page.close();
  expect(problems).toEqual([]);
});

const shown = (id: string) => page.getByTestId(id).textContent();

describe('@fx-auth/testing in Chromium', () => {
  it('should show a screen anonymous, logged in, refreshing, failing and expired, with no request leaving the page', async () => {
    await expect.poll(() => shown('status')).toBe('anonymous');

    await page.evaluate(() => window.fxMockAuth.logIn());
    await expect.poll(() => shown('user')).toBe('Demo User');

    await page.evaluate(() => window.fxMockAuth.holdRefresh());
    await expect.poll(() => shown('status')).toBe('refreshing');
    await page.evaluate(() => window.fxMockAuth.finishRefresh());
    await expect.poll(() => shown('status')).toBe('authenticated');

    await page.evaluate(() => window.fxMockAuth.failRefreshes('network'));
    await expect.poll(() => shown('error')).toBe('network');
    expect(await shown('status')).toBe('authenticated');

    await page.evaluate(() => window.fxMockAuth.expire());
    await expect.poll(() => shown('status')).toBe('anonymous');
    expect(await shown('error')).toBe('session_expired');
  });

  it("should refresh on the page's fake clock before the token expires", async () => {
    await page.evaluate(() => window.fxMockAuth.logIn());
    await expect.poll(() => shown('status')).toBe('authenticated');
    const first = Number(await shown('expires'));

    await page.clock.runFor(16_000); // past the refresh time: half of a 30 s lifetime

    await expect.poll(async () => Number(await shown('expires'))).toBeGreaterThan(first);
    expect(await page.evaluate(() => window.fxMockAuth.calls.refresh)).toBe(1);
  });
});
