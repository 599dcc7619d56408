import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../../../tools/chromium.js';
import { startTabServer, type RunningTabServer } from '../startTabServer.js';
import { everyTab, instrument, KEY, LOCK, openTabs, refreshRequests, snapshotOf, storedIn } from './tabs.js';

let browser: Browser;
let server: RunningTabServer;
let context: BrowserContext;
let errors: string[];

beforeAll(async () => {
  [browser, server] = await Promise.all([launchChromium({ backForwardCache: true }), startTabServer()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

beforeEach(async () => {
  server.mock.reset();
  server.mock.set({ accessTokenLifetime: 60, latency: 0 });
  errors = [];
  context = await browser.newContext();
  await context.clock.install(); // every tab of the context runs on one fake clock
  await instrument(context);
});

afterEach(async () => {
  await context.close();
  expect(errors).toEqual([]);
});

const login = (page: Page, username = 'demo', password = 'demo') =>
  page.evaluate(([user, pass]) => window.fxTab.login(user!, pass!), [username, password]);
const callApi = (page: Page) => page.evaluate(() => window.fxTab.callApi());

/** Opens tabs of the fixture with `query` (e.g. `?strict=1`), and logs them in. */
function tabsWith(query: string) {
  const open = (count: number, extra = '') =>
    openTabs(context, server, count, `${query}${query && extra ? '&' : extra ? '?' : ''}${extra}`, errors);
  async function loggedIn(count: number): Promise<Page[]> {
    const tabs = await open(count);
    const token = await login(tabs[0]!);
    await everyTab(tabs, (tab) => tab.token === token);
    return tabs;
  }
  return { open, loggedIn };
}

describe.each([
  ['', 'without StrictMode'],
  ['?strict=1', 'inside StrictMode'],
])('tabs of one app on localStorage%s (%s)', (query) => {
  const { open, loggedIn } = tabsWith(query);

  it.each([2, 3, 5])(
    'should send one refresh request per expiry for %i tabs, and every API call carries the one token',
    async (count) => {
      const tabs = await loggedIn(count);
      let token = (await snapshotOf(tabs[0]!)).token;

      for (let expiry = 1; expiry <= 3; expiry += 1) {
        await context.clock.runFor(30_000); // past the refresh time (half of a 59 s lifetime)
        const after = await everyTab(tabs, (tab) => tab.status === 'authenticated' && tab.token !== token, 5_000);

        expect(refreshRequests(server)).toBe(expiry);
        expect(new Set(after.map((tab) => tab.token)).size).toBe(1);
        token = after[0]!.token;
        const calls = await Promise.all(tabs.map(callApi));
        expect(calls).toEqual(tabs.map(() => ({ status: 200, token })));
      }
      expect(server.mock.count('fx-token')).toBe(4);
    },
  );

  it('should bring a login, another user and a logout to every tab within a second, with no token request of their own', async () => {
    const tabs = await open(3);

    const token = await login(tabs[1]!);
    await everyTab(tabs, (tab) => tab.token === token && tab.user === 'demo');
    expect(server.mock.count('fx-token')).toBe(1);

    await login(tabs[2]!, 'alice', 'p@ss w0rd&=?+%');
    await everyTab(tabs, (tab) => tab.user === 'alice');
    for (const tab of tabs) {
      await expect.poll(() => tab.getByTestId('user').textContent(), { timeout: 1_000 }).toBe('Alice Martin');
      const renders = await tab.evaluate(() => window.fxTab.renders);
      expect(renders.filter((render) => render.sessionUser === 'alice' && render.shownUser === 'demo')).toEqual([]);
    }
    expect(server.mock.count('fx-token')).toBe(2);

    await tabs[0]!.evaluate(() => window.fxTab.logout());
    await everyTab(tabs, (tab) => tab.status === 'anonymous' && tab.error === null);
    // Each tab reads localStorage itself, and another tab's write may reach it a moment late.
    await expect.poll(() => Promise.all(tabs.map(storedIn)), { timeout: 1_000 }).toEqual([null, null, null]);
    await context.clock.runFor(120_000); // past every refresh time and expiry: nothing comes back
    expect(await Promise.all(tabs.map(snapshotOf))).toEqual(
      tabs.map(() => ({ status: 'anonymous', token: null, user: null, error: null })),
    );
    expect(server.mock.count('fx-token')).toBe(2);
  });

  it("should keep a logout made while another tab's refresh is in flight", async () => {
    const tabs = await loggedIn(3);
    let answered = 0;
    server.mock.set({ now: () => ((answered += 1), Date.now()) });
    server.mock.inject('fx-token', { type: 'delay', ms: 300 });

    await tabs[1]!.evaluate(() => window.fxTab.refresh());
    await expect.poll(() => refreshRequests(server)).toBe(1);
    await tabs[0]!.evaluate(() => window.fxTab.logout());

    await everyTab(tabs, (tab) => tab.status === 'anonymous');
    await expect.poll(() => tabs[1]!.evaluate(() => window.fxTab.refreshes)).toEqual(['error:no_session']);
    await expect.poll(() => answered, { timeout: 5_000 }).toBeGreaterThan(0); // the server did answer
    await context.clock.runFor(120_000);
    expect((await Promise.all(tabs.map(snapshotOf))).map((tab) => tab.status)).toEqual([
      'anonymous',
      'anonymous',
      'anonymous',
    ]);
    await expect.poll(() => Promise.all(tabs.map(storedIn)), { timeout: 1_000 }).toEqual([null, null, null]);
  });

  it('should end every tab with the same session_expired error when the server rejects the refresh token', async () => {
    const tabs = await loggedIn(3);
    server.mock.revokeRefreshTokens();

    await tabs[2]!.evaluate(() => window.fxTab.refresh());

    await everyTab(tabs, (tab) => tab.status === 'anonymous' && tab.error === 'session_expired');
    await expect.poll(() => Promise.all(tabs.map(storedIn)), { timeout: 1_000 }).toEqual([null, null, null]);
    expect(refreshRequests(server)).toBe(1);
  });

  it('should make one request when tabs wake up together after the machine slept past expiry', async () => {
    const tabs = await loggedIn(3);
    const before = (await snapshotOf(tabs[0]!)).token;
    await context.clock.setSystemTime(Date.now() + 10 * 60_000); // the clock jumps; no timer runs

    await Promise.all(tabs.map((tab) => tab.evaluate(() => document.dispatchEvent(new Event('visibilitychange')))));

    const after = await everyTab(tabs, (tab) => tab.status === 'authenticated' && tab.token !== before, 5_000);
    expect(new Set(after.map((tab) => tab.token)).size).toBe(1);
    expect(refreshRequests(server)).toBe(1);
  });

  it('should send a fresh token with the first API call after the clock jumped past expiry, and no 401 reaches the app', async () => {
    const [tab] = await loggedIn(1);
    const before = (await snapshotOf(tab!)).token;
    await context.clock.setSystemTime(Date.now() + 10 * 60_000);

    const call = await callApi(tab!);

    expect(call.status).toBe(200);
    expect(call.token).not.toBe(before);
    expect(server.mock.requests.filter((request) => request.api === 'me')).toHaveLength(1);
    expect(refreshRequests(server)).toBe(1);
  });

  it('should refresh a tab restored from the back/forward cache after the clock passed its expiry', async () => {
    const tabs = await loggedIn(2);
    const before = (await snapshotOf(tabs[0]!)).token;
    // The clock jumps (no timer runs) as the tab leaves: Playwright cannot move a frozen page's clock.
    await context.clock.setSystemTime(Date.now() + 10 * 60_000);
    await tabs[0]!.goto(`${server.url}elsewhere.html`);

    await tabs[0]!.goBack({ waitUntil: 'commit' });
    await tabs[0]!.waitForFunction(() => window.fxTab?.restoredFromCache !== null);

    expect(await tabs[0]!.evaluate(() => window.fxTab.restoredFromCache)).toBe(true);
    const after = await everyTab(tabs, (tab) => tab.status === 'authenticated' && tab.token !== before, 5_000);
    expect(new Set(after.map((tab) => tab.token)).size).toBe(1);
    expect(refreshRequests(server)).toBe(1);
  });

  // Chromium evicts a cached page that a BroadcastChannel message reaches, so this tab comes back as a
  // new load; a restore that missed the logout is covered in packages/core/test/tabs/wakeUps.test.ts.
  it('should show a logout made while a tab was in the back/forward cache when it comes back', async () => {
    const tabs = await loggedIn(2);
    await tabs[0]!.goto(`${server.url}elsewhere.html`);
    await tabs[1]!.evaluate(() => window.fxTab.logout());

    await tabs[0]!.goBack({ waitUntil: 'commit' });
    await tabs[0]!.waitForFunction(() => window.fxTab?.restoredFromCache != null);

    await everyTab(tabs, (tab) => tab.status === 'anonymous', 5_000); // a reload may load the app anew
    expect(await storedIn(tabs[0]!)).toBeNull();
  });

  it('should open one channel pair per client, leave no lock held, and close everything on destroy()', async () => {
    const tabs = await loggedIn(2);
    await context.clock.runFor(30_000); // one refresh
    await everyTab(tabs, (tab) => tab.status === 'authenticated' && refreshRequests(server) === 1, 5_000);

    const counts = () => tabs[0]!.evaluate(() => (window as unknown as { channelCounts: object }).channelCounts);
    expect(await counts()).toEqual({ opened: 2, closed: 0 });
    // The refreshing tab lets its lock go once every tab has echoed the news, a moment after they show it.
    await expect
      .poll(() => tabs[0]!.evaluate(async () => (await navigator.locks.query()).held?.length), { timeout: 5_000 })
      .toBe(0);
    await tabs[0]!.evaluate(() => window.fxTab.destroy());
    expect(await counts()).toEqual({ opened: 2, closed: 2 });
  });
});

describe('tabs of one app on localStorage, further cases', () => {
  const { open, loggedIn } = tabsWith('');

  it('should send a rejected refresh token once when five tabs are due together', async () => {
    const tabs = await loggedIn(5);
    server.mock.revokeRefreshTokens();

    await context.clock.runFor(30_000);

    await everyTab(tabs, (tab) => tab.status === 'anonymous' && tab.error === 'session_expired', 5_000);
    expect(refreshRequests(server)).toBe(1);
  });

  it('should send one request per retry round while the server fails, however many tabs there are', async () => {
    const tabs = await loggedIn(5);
    const pageTimes = await Promise.all(tabs.map((tab) => tab.evaluate(() => Date.now())));
    await context.clock.pauseAt(Math.max(...pageTimes) + 1_000); // only runFor moves time
    server.mock.inject('fx-token', { type: 'status', status: 503 }, { times: 3 });
    const roundOver = () => everyTab(tabs, (tab) => tab.status === 'authenticated' && tab.error === 'server', 5_000);

    await context.clock.runFor(30_000); // the refresh time
    await roundOver();
    const counts = [refreshRequests(server)];
    for (const backoff of [1_000, 2_000]) {
      await context.clock.runFor(backoff);
      await expect.poll(() => refreshRequests(server)).toBe(counts.length + 1);
      await roundOver();
      counts.push(refreshRequests(server));
    }
    await context.clock.runFor(4_000); // the server is back
    await everyTab(tabs, (tab) => tab.status === 'authenticated' && tab.error === null, 5_000);

    expect([...counts, refreshRequests(server)]).toEqual([1, 2, 3, 4]);
  });

  it('should leave every tab and the storage with the same user when two tabs log in at once', async () => {
    for (let round = 0; round < 3; round += 1) {
      const tabs = await open(3);
      await Promise.all([login(tabs[0]!), login(tabs[1]!, 'alice', 'p@ss w0rd&=?+%')]);

      const [first] = await everyTab(tabs, (tab) => tab.user !== null, 5_000);
      await everyTab(tabs, (tab) => tab.user === first!.user);
      // Read through a tab that wrote nothing: its view of localStorage may lag a moment behind.
      const storedUser = async () =>
        (JSON.parse((await storedIn(tabs[2]!)) ?? 'null') as { session: { user: { login: string } } } | null)?.session
          .user.login;
      await expect.poll(storedUser, { timeout: 1_000 }).toBe(first!.user);
      await tabs[0]!.evaluate(() => window.fxTab.logout());
      await everyTab(tabs, (tab) => tab.status === 'anonymous');
      await Promise.all(tabs.map((tab) => tab.close()));
    }
  });

  it('should not log out the other tabs when a tab back from the back/forward cache finds the storage emptied', async () => {
    const tabs = await loggedIn(3);
    await tabs[0]!.goto(`${server.url}elsewhere.html`);
    await tabs[1]!.evaluate((key) => localStorage.removeItem(key), KEY); // app code, or a race: no message

    await tabs[0]!.goBack({ waitUntil: 'commit' });
    await tabs[0]!.waitForFunction(() => window.fxTab?.restoredFromCache != null);

    // A guess ends only that tab's copy; the next refresh of the others brings it back.
    expect(await tabs[0]!.evaluate(() => window.fxTab.restoredFromCache)).toBe(true);
    await everyTab(tabs.slice(0, 1), (tab) => tab.status === 'anonymous', 5_000);
    expect((await Promise.all(tabs.slice(1).map(snapshotOf))).map((tab) => tab.status)).toEqual([
      'authenticated',
      'authenticated',
    ]);
    await context.clock.runFor(30_000);
    const after = await everyTab(tabs, (tab) => tab.status === 'authenticated', 5_000);
    expect(new Set(after.map((tab) => tab.token)).size).toBe(1);
    expect(refreshRequests(server)).toBe(1);
  });

  it('should keep the session when another tab holds the refresh lock too long, and refresh once it is free', async () => {
    const tabs = await loggedIn(2);
    const before = (await snapshotOf(tabs[0]!)).token;
    const hung = await context.newPage(); // a tab that hangs (or was frozen) holding the lock
    await hung.goto(`${server.url}elsewhere.html`);
    await hung.evaluate((name) => void navigator.locks.request(name, () => new Promise(() => undefined)), LOCK);
    const pageTimes = await Promise.all([...tabs, hung].map((page) => page.evaluate(() => Date.now())));
    await context.clock.pauseAt(Math.max(...pageTimes) + 1_000); // from here only runFor moves time

    await Promise.all(tabs.map((tab) => tab.evaluate(() => window.fxTab.refresh()))); // both wait for the lock
    await everyTab(tabs, (tab) => tab.status === 'refreshing', 5_000);
    await context.clock.runFor(10_000); // the client's timeout: they stop waiting

    await everyTab(
      tabs,
      (tab) => tab.error === 'timeout' && tab.status === 'authenticated' && tab.token === before,
      5_000,
    );
    expect(await callApi(tabs[0]!)).toEqual({ status: 200, token: before });
    expect(refreshRequests(server)).toBe(0);

    await hung.close(); // its lock is released
    await tabs[0]!.evaluate(() => window.fxTab.refresh());
    const after = await everyTab(tabs, (tab) => tab.status === 'authenticated' && tab.token !== before, 5_000);
    expect(after.map((tab) => tab.error)).toEqual([null, null]);
    expect(refreshRequests(server)).toBe(1);
  });

  it('should keep other storage keys and sessionStorage apart', async () => {
    const [first, otherKey] = [await open(1, 'key=one'), await open(1, 'key=two')];
    const perTab = await open(2, 'storage=session');

    await login(first[0]!);
    await login(perTab[0]!);
    await everyTab([first[0]!, perTab[0]!], (tab) => tab.status === 'authenticated', 5_000);
    await expect.poll(() => first[0]!.evaluate(() => window.fxTab.renders.length)).toBeGreaterThan(0);

    expect((await snapshotOf(otherKey[0]!)).status).toBe('anonymous');
    expect((await snapshotOf(perTab[1]!)).status).toBe('anonymous');
  });
});
