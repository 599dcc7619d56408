import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../../../tools/chromium.js';
import { startMockTokenServer } from '@fx-auth/mock-server';
import { startDemo, type RunningDemo } from './startDemo.js';

const SESSION_KEY = 'fx-auth-demo.session';
let browser: Browser;
let demo: RunningDemo;
let context: BrowserContext;
let page: Page;
let pageErrors: string[];
/** Paths whose failed loads a test provoked on purpose (the browser reports them on the console). */
let provoked: string[];

beforeAll(async () => {
  [browser, demo] = await Promise.all([launchChromium(), startDemo()]);
});

afterAll(async () => {
  await browser?.close();
  await demo?.close();
});

beforeEach(async () => {
  demo.mock.reset();
  demo.mock.set({ accessTokenLifetime: 30, latency: 0 });
  context = await browser.newContext({ viewport: { width: 1100, height: 820 } });
  page = await context.newPage();
  pageErrors = [];
  provoked = ['/oauth/token'];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    // The browser itself reports the token endpoint's refusals (a wrong password is a 400); the
    // app logs nothing, and no other resource fails.
    const refusal =
      message.text().startsWith('Failed to load resource') &&
      provoked.some((path) => message.location().url.includes(path));
    if (message.type() === 'error' && !refusal) pageErrors.push(message.text());
  });
});

afterEach(async () => {
  await context.close();
  expect(pageErrors).toEqual([]);
});

async function logIn(username = 'demo', password = 'demo'): Promise<void> {
  await page.goto(demo.url);
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
}

const focusedText = () => page.evaluate(() => document.activeElement?.textContent ?? '');
const storedSession = () => page.evaluate((key) => sessionStorage.getItem(key), SESSION_KEY);
const text = (testId: string) => page.getByTestId(testId).textContent();

describe('demo app in Chromium', () => {
  it('should show the demo credentials, then the profile and auto-uplift counters after login', async () => {
    await page.goto(demo.url);
    await expect.poll(() => page.getByText('Demo credentials').textContent()).toContain('demo');

    await logIn();

    await page.getByRole('heading', { name: 'Demo User' }).waitFor();
    const profile = await page.getByRole('region', { name: 'Profile' }).textContent();
    for (const fact of [
      'Demo Freight Ltd',
      'demo@example.com',
      'British English (en_GB)',
      'English (en), French (fr)',
    ]) {
      expect(profile).toContain(fact);
    }
    // Every field of the seed's profile, the null fax included.
    expect(await text('user-id')).toBe('0001');
    expect(await text('phone')).toBe('+3221234567');
    expect(await text('fax')).toBe('—');
    expect(await text('business-id')).toBe('abc-123456');
    expect(await text('company-id')).toBe('123456789');
    expect(await text('post-code')).toBe('1930');
    expect(await focusedText()).toBe('Demo User'); // focus moved to the new screen's heading
    expect(await text('uplift-enabled')).toBe('Yes');
    expect(await text('uplift-initial')).toBe('1');
    expect(await text('uplift-max')).toBe('3');
    expect(await storedSession()).toContain('accessToken');
  });

  it('should show a focused error for a wrong password and store nothing', async () => {
    await logIn('demo', 'not-the-password');

    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toBe('Wrong username or password.');
    expect(await alert.evaluate((element) => element === document.activeElement)).toBe(true);
    expect(await page.evaluate(() => [sessionStorage.length, localStorage.length])).toEqual([0, 0]);
    expect(await page.getByLabel('Password').getAttribute('aria-invalid')).toBe('true');
    const border = () => page.getByLabel('Password').evaluate((input) => getComputedStyle(input).borderTopColor);
    expect(await border()).toBe('rgb(164, 22, 26)'); // marked, not only announced

    await page.getByLabel('Password').fill('demo2'); // typing again: the old message goes

    expect(await page.getByRole('alert').count()).toBe(0);
    expect(await page.getByLabel('Password').getAttribute('aria-invalid')).toBe('false');
    expect(await border()).not.toBe('rgb(164, 22, 26)');
  });

  it('should explain an unreachable server', async () => {
    // A server that is gone: the page is loaded, then its server stops. (A dropped connection is
    // not enough: Chromium silently retries it on another pooled socket.)
    const gone = await startDemo();
    await page.goto(gone.url);
    await page.getByLabel('Username').fill('demo');
    await page.getByLabel('Password').fill('demo');
    await gone.close();
    await page.getByRole('button', { name: 'Log in' }).click();

    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toBe('The server cannot be reached. Check your connection and try again.');
    expect(await storedSession()).toBeNull();
  });

  it('should ask for empty fields without sending anything', async () => {
    await page.goto(demo.url);
    await page.getByRole('button', { name: 'Log in' }).click();

    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toBe('Enter your username.');
    expect(await focusedText()).toBe('Enter your username.');
    expect(await page.getByLabel('Username').getAttribute('aria-invalid')).toBe('true');
    expect(demo.mock.count('fx-token')).toBe(0);
  });

  it('should log in with the keyboard alone', async () => {
    await page.goto(demo.url);
    await expect.poll(focusedText).toBe('Log in to FreightExchange'); // the page starts at its heading
    await page.keyboard.press('Tab');
    await page.keyboard.type('demo');
    await page.keyboard.press('Tab');
    await page.keyboard.type('demo');
    await page.keyboard.press('Enter');

    await page.getByRole('heading', { name: 'Demo User' }).waitFor();
  });

  it('should show a pending state while logging in', async () => {
    demo.mock.set({ latency: 1_000 });
    await logIn();

    const button = page.getByRole('button', { name: 'Logging in…' });
    await button.waitFor();
    expect(await button.isDisabled()).toBe(true);
    await page.getByRole('heading', { name: 'Demo User' }).waitFor();
  });

  it.each([
    ['a malformed answer', { type: 'truncated' as const }, 'The server sent an answer that could not be read.'],
    ['a server error', { type: 'status' as const, status: 503 }, 'The server had a problem (HTTP 503).'],
  ])('should explain %s', async (_name, fault, message) => {
    demo.mock.inject('fx-token', fault);
    await logIn();

    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain(message);
    expect(await storedSession()).toBeNull();
  });

  it('should refresh the token by itself while the page is open, and keep the protected call working', async () => {
    await page.clock.install(); // the page's timers run on a clock the test moves
    await logIn();
    await page.getByRole('heading', { name: 'Demo User' }).waitFor();
    const firstToken = JSON.parse((await storedSession()) ?? '{}').session?.accessToken as string;
    expect(await text('refresh-count')).toBe('0');

    await page.clock.runFor(16_000); // past the refresh time: half of a 30 s lifetime
    await expect.poll(() => text('refresh-count')).toBe('1');
    await page.clock.runFor(16_000); // the new token's refresh time
    await expect.poll(() => text('refresh-count')).toBe('2');
    expect(await text('last-refresh')).not.toBe('not yet');
    expect(JSON.parse((await storedSession()) ?? '{}').session?.accessToken).not.toBe(firstToken);

    await page.getByRole('button', { name: 'Call the protected API' }).click();
    await expect.poll(() => text('call-result')).toBe('200 OK: signed in as demo');
    expect(demo.mock.count('fx-token')).toBe(3); // the login and two refreshes, nothing more
    const lastCall = demo.mock.requests.filter((request) => request.api === 'me').at(-1);
    expect(lastCall?.headers.authorization).toMatch(/^Bearer /);
  });

  it('should show that automatic refreshes fail, and keep the session', async () => {
    await page.clock.install();
    await logIn();
    await page.getByRole('heading', { name: 'Demo User' }).waitFor();
    demo.mock.inject('fx-token', { type: 'status', status: 503 }, { times: 100 });

    await page.clock.runFor(16_000); // the refresh time
    await expect.poll(() => text('refresh-error')).toContain('Automatic refresh failed');
    expect(await text('refresh-error')).toContain('HTTP 503');
    expect(await page.getByRole('heading', { name: 'Demo User' }).count()).toBe(1);
    expect(await storedSession()).toContain('accessToken');
  });

  it('should return to a focused "session expired" message when the refresh token is rejected', async () => {
    await logIn();
    await page.getByRole('heading', { name: 'Demo User' }).waitFor();
    demo.mock.revokeRefreshTokens();

    await page.getByRole('button', { name: 'Refresh now' }).click();

    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toBe('Your session has expired. Please log in again.');
    expect(await focusedText()).toBe('Your session has expired. Please log in again.');
    expect(await storedSession()).toBeNull();
  });

  it('should count down to expiry', async () => {
    await page.clock.install();
    await logIn();
    await page.getByRole('heading', { name: 'Demo User' }).waitFor();
    const first = Number(await text('expires-in'));
    expect(first).toBeGreaterThan(25);
    expect(first).toBeLessThanOrEqual(30);

    await page.clock.runFor(5_000);

    // Five seconds less, or six if the page's clock crossed one more second while the test ran.
    await expect.poll(async () => first - Number(await text('expires-in'))).toBeGreaterThanOrEqual(5);
    expect(first - Number(await text('expires-in'))).toBeLessThanOrEqual(6);
  });

  it("should show your API's profile, checked by its zod schema through useUser()", async () => {
    await logIn();
    await page.getByRole('heading', { name: 'Demo User' }).waitFor();

    await expect.poll(() => text('api-profile')).toBe('demo of Demo Freight Ltd');
    const calls = demo.mock.requests.filter((request) => request.api === 'me');
    expect(calls.length).toBe(1);
    expect(calls[0]?.headers.authorization).toMatch(/^Bearer /);
  });

  it('should show the devtools panel: the session, live countdowns and a timeline without whole tokens', async () => {
    await page.clock.install();
    await logIn();
    await page.getByRole('heading', { name: 'Demo User' }).waitFor();
    await page.getByRole('button', { name: 'fx-auth: authenticated' }).click();
    const panel = page.getByRole('region', { name: 'fx-auth devtools' });
    const fact = (name: string) => panel.getByTestId(`fx-devtools-${name}`).textContent();
    const seconds = async (name: string) => Number(/^(\d+)s /.exec((await fact(name)) ?? '')?.[1]);
    const timeline = () => panel.getByRole('list', { name: 'Token lifecycle events' }).textContent();
    const token = JSON.parse((await storedSession()) ?? '{}').session?.accessToken as string;

    expect(await fact('status')).toBe('authenticated');
    expect(await fact('token')).toBe(`…${token.slice(-4)}`);
    const left = await seconds('expires');
    expect(left).toBeGreaterThan(25);
    expect(await timeline()).toContain('password: HTTP 200');

    await page.clock.runFor(5_000);
    await expect.poll(async () => left - (await seconds('expires'))).toBeGreaterThanOrEqual(5);
    await page.clock.runFor(11_000); // past the refresh time: half of a 30 s lifetime
    await expect.poll(timeline).toContain('refresh token: HTTP 200');

    const shown = (await panel.textContent()) ?? '';
    expect(shown).not.toContain(token);
    const renewed = JSON.parse((await storedSession()) ?? '{}').session?.accessToken as string;
    expect(shown).not.toContain(renewed);
    expect(await fact('token')).toBe(`…${renewed.slice(-4)}`);
  });

  it('should return to the login page on logout, with the profile gone', async () => {
    await logIn();
    await page.getByRole('heading', { name: 'Demo User' }).waitFor();

    await page.getByRole('button', { name: 'Log out' }).click();

    await page.getByRole('heading', { name: 'Log in to FreightExchange' }).waitFor();
    expect(await page.getByText('Demo Freight Ltd').count()).toBe(0);
    expect(await storedSession()).toBeNull();
    expect(await focusedText()).toBe('Log in to FreightExchange');
    await page.goBack().catch(() => undefined);
    expect(await page.getByText('Demo Freight Ltd').count()).toBe(0);
  });

  it('should stay logged in after a reload (sessionStorage), but not in a new tab', async () => {
    await logIn();
    await page.getByRole('heading', { name: 'Demo User' }).waitFor();
    const logins = demo.mock.count('fx-token');

    await page.reload();

    await page.getByRole('heading', { name: 'Demo User' }).waitFor();
    expect(await text('uplift-max')).toBe('3');
    expect(demo.mock.count('fx-token')).toBe(logins); // restored, not logged in again
    const other = await context.newPage();
    await other.goto(demo.url);
    await other.getByRole('heading', { name: 'Log in to FreightExchange' }).waitFor();
  });

  it.each([320, 360, 412])('should read well on a %i px phone: no horizontal scrolling', async (phoneWidth) => {
    await page.setViewportSize({ width: phoneWidth, height: 740 });
    await logIn();
    await page.getByRole('heading', { name: 'Demo User' }).waitFor();

    const [scrollWidth, width] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
    expect(scrollWidth).toBeLessThanOrEqual(width);
    const screenshotDir = join(tmpdir(), 'fx-auth-demo');
    mkdirSync(screenshotDir, { recursive: true });
    await page.screenshot({ path: join(screenshotDir, `phone-${phoneWidth}.png`), fullPage: true });
  });

  it('should take the README screenshot of the logged-in page', async () => {
    await page.setViewportSize({ width: 1200, height: 560 });
    await logIn();
    await page.getByRole('heading', { name: 'Demo User' }).waitFor();
    await page.getByRole('button', { name: 'Refresh now' }).click();
    await expect.poll(() => text('refresh-count')).toBe('1');
    await page.getByRole('button', { name: 'Call the protected API' }).click();
    await expect.poll(() => text('call-result')).toBe('200 OK: signed in as demo');

    // Written to docs/ only when asked (FX_UPDATE_DEMO_SCREENSHOT=1), so that a test run leaves the tree as it was.
    const target = process.env.FX_UPDATE_DEMO_SCREENSHOT
      ? fileURLToPath(new URL('../../../docs/demo.png', import.meta.url))
      : join(tmpdir(), 'fx-auth-demo.png');
    const image = await page.screenshot({ path: target });
    expect(image.byteLength).toBeGreaterThan(10_000);
  });
});

describe('demo configuration', () => {
  it('should refuse a token lifetime that is not a whole number of seconds, at least 5', async () => {
    const { demoConfig } = await import('../demoConfig.js');
    for (const bad of [0, 1, Number.NaN, 2.5])
      expect(() => demoConfig({ tokenLifetime: bad })).toThrow(/FX_DEMO_TOKEN_LIFETIME/);
    expect(demoConfig({ tokenLifetime: 5 }).plugins).toHaveLength(1);
  });

  it('should proxy the FreightExchange API, and only its paths, to FX_API_URL', async () => {
    const upstream = await startMockTokenServer({ accessTokenLifetime: 30 });
    const proxied = await startDemo({}, `${upstream.url}/`);
    const proxyPage = await browser.newPage();
    try {
      await proxyPage.goto(proxied.url);
      await proxyPage.getByLabel('Username').fill('demo');
      await proxyPage.getByLabel('Password').fill('demo');
      await proxyPage.getByRole('button', { name: 'Log in' }).click();
      await proxyPage.getByRole('heading', { name: 'Demo User' }).waitFor();

      expect(upstream.count('fx-token')).toBe(1);
      expect(proxied.mock.count()).toBe(0); // the embedded mock is not used
      // Only whole segments are forwarded: '/users.json' stays with the dev server (its SPA page).
      const notProxied = await proxyPage.evaluate(async () => (await fetch('/users.json')).headers.get('content-type'));
      expect(notProxied).toContain('text/html');
      expect(upstream.requests.some((request) => request.url.startsWith('/users'))).toBe(false);
    } finally {
      await proxyPage.close();
      await proxied.close();
      await upstream.close();
    }
  });

  describe('after login', () => {
    it('should call the protected API through client.ky, showing only the last action and its failure', async () => {
      await logIn();
      await page.getByRole('heading', { name: 'Demo User' }).waitFor();
      await page.getByRole('button', { name: 'Refresh now' }).click();
      await expect.poll(() => text('call-result')).toBe('Token refreshed.');

      await page.getByRole('button', { name: 'Call the protected API' }).click();
      await expect.poll(() => text('call-result')).toBe('200 OK: signed in as demo'); // the refresh's message is gone

      demo.mock.inject('me', { type: 'status', status: 503 }, { times: 3 }); // ky's own retries too
      provoked.push('/api/me');
      await page.getByRole('button', { name: 'Call the protected API' }).click();
      await expect.poll(() => text('call-result')).toMatch(/^The call failed: .*503/);
      expect(await page.getByTestId('call-result').getAttribute('class')).toBe('error');
      const calls = demo.mock.requests.filter((request) => request.api === 'me');
      expect(calls.every((request) => /^Bearer /.test(request.headers.authorization ?? ''))).toBe(true);
    });

    it('should say when the next refresh is due, and keep the refresh history across a reload until logout', async () => {
      await logIn();
      await page.getByRole('heading', { name: 'Demo User' }).waitFor();
      // 30 s tokens: refreshed at half their life (the 60 s leeway is capped there).
      expect(Number(/^in (\d+) s$/.exec((await text('next-refresh')) ?? '')?.[1])).toBeGreaterThanOrEqual(10);
      expect(Number(/^in (\d+) s$/.exec((await text('next-refresh')) ?? '')?.[1])).toBeLessThanOrEqual(15);

      await page.getByRole('button', { name: 'Refresh now' }).click();
      await expect.poll(() => text('refresh-count')).toBe('1');
      const history = await text('refresh-history');
      await page.reload();
      await page.getByRole('heading', { name: 'Demo User' }).waitFor();

      expect(await text('refresh-count')).toBe('1');
      expect(await text('refresh-history')).toBe(history);
      await page.getByRole('button', { name: 'Log out' }).click();
      await logIn();
      await page.getByRole('heading', { name: 'Demo User' }).waitFor();
      expect(await text('refresh-count')).toBe('0');
    });

    it('should put the account, the logout and the token panel in reach on a 360 px phone', async () => {
      await page.setViewportSize({ width: 360, height: 640 });
      await logIn();
      await page.getByRole('heading', { name: 'Demo User' }).waitFor();

      expect(await page.evaluate(() => window.scrollY)).toBe(0); // focus did not scroll past them
      for (const target of [page.getByRole('button', { name: 'Log out' }), page.getByTestId('expires-in')]) {
        const box = await target.boundingBox();
        expect(box && box.y + box.height).toBeLessThanOrEqual(640);
      }
    });
  });
});
