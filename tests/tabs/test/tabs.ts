import { expect } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import type { RunningTabServer } from '../startTabServer.js';

/** The storage key of the fixture's session, and the Web Lock and channel named after it. */
export const KEY = 'fx-tabs.session';
export const LOCK = `fx-auth localStorage ${KEY}`;

/** Counts the BroadcastChannels a page opens and closes (installed before any script of the page). */
function countChannels(): void {
  const Native = BroadcastChannel;
  const counts = { opened: 0, closed: 0 };
  Object.assign(window, { channelCounts: counts });
  window.BroadcastChannel = class extends Native {
    #closed = false;
    constructor(name: string) {
      super(name);
      counts.opened += 1;
    }
    override close(): void {
      if (!this.#closed) counts.closed += 1;
      this.#closed = true;
      super.close();
    }
  };
}

/** Prepares a new context: every page counts its BroadcastChannels in `window.channelCounts`. */
export async function instrument(context: BrowserContext): Promise<void> {
  await context.addInitScript(countChannels);
}

/** Errors a page reported (uncaught, or console errors other than the token endpoint's refusals). */
export function watchErrors(page: Page, errors: string[]): void {
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    const text = message.text();
    const refusal = text.startsWith('Failed to load resource') && message.location().url.includes('/oauth/token');
    const devServer = text.includes('WebSocket connection') && text.includes('Back-Forward Cache');
    if (message.type() === 'error' && !refusal && !devServer) errors.push(text);
  });
}

/** Opens `count` tabs of the fixture in `context`, each ready to be driven through `window.fxTab`. */
export async function openTabs(
  context: BrowserContext,
  server: RunningTabServer,
  count: number,
  query = '',
  errors: string[] = [],
): Promise<Page[]> {
  return Promise.all(
    Array.from({ length: count }, async () => {
      const page = await context.newPage();
      watchErrors(page, errors);
      await page.goto(`${server.url}${query}`);
      await page.waitForFunction(() => window.fxTab !== undefined);
      return page;
    }),
  );
}

export type TabSnapshot = Awaited<ReturnType<Window['fxTab']['snapshot']>>;

export const snapshotOf = (page: Page): Promise<TabSnapshot> => page.evaluate(() => window.fxTab.snapshot());
export const storedIn = (page: Page): Promise<string | null> => page.evaluate((key) => localStorage.getItem(key), KEY);

/** Waits (at most `timeout` ms, one second by default) until every tab's snapshot satisfies `predicate`. */
export async function everyTab(
  pages: Page[],
  predicate: (snapshot: TabSnapshot) => boolean,
  timeout = 1_000,
): Promise<TabSnapshot[]> {
  let last: TabSnapshot[] = [];
  await expect
    .poll(
      async () => {
        last = await Promise.all(pages.map(snapshotOf));
        return (
          last.every(predicate) ||
          last.map(({ status, user, error, token }) => ({ status, user, error, token: token?.slice(-8) ?? null }))
        );
      },
      { timeout, interval: 20 },
    )
    .toBe(true);
  return last;
}

/** Token requests the mock answered with a refresh grant. */
export const refreshRequests = (server: RunningTabServer): number =>
  server.mock.requests.filter(
    (request) => request.api === 'fx-token' && request.url.includes('grant_type=refresh_token'),
  ).length;
