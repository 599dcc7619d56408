import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Window } from 'happy-dom';
import { ANONYMOUS, DEMO, fxClient, startServer, until } from '../support.js';
import { installLocks, sharedStorage } from './support.js';

let window: Window;

beforeEach(() => {
  window = new Window();
  vi.stubGlobal('window', window);
  vi.stubGlobal('document', window.document);
});

afterEach(async () => {
  vi.useRealTimers();
  await window.happyDOM.close();
});

const fire = (target: 'window' | 'document', type: string, persisted?: boolean): void => {
  const event = new window.Event(type);
  if (persisted !== undefined) Object.defineProperty(event, 'persisted', { value: persisted });
  (target === 'window' ? window : window.document).dispatchEvent(event);
};

/** A logged-in client whose scheduled refresh has just failed with a 503 (the server answers again after). */
async function afterFailedRefresh() {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  const server = await startServer({ accessTokenLifetime: 600 });
  const client = fxClient(server);
  const first = await client.login(DEMO);
  server.inject('fx-token', { type: 'status', status: 503 }, { times: 1 });
  await vi.advanceTimersByTimeAsync(first.expiresAt - 60_000 - Date.now());
  await until(client, (snapshot) => snapshot.error?.code === 'server');
  return { server, client };
}

describe('waking up', () => {
  it('should end a session that another tab ended while this page sat in the back/forward cache', async () => {
    installLocks();
    const server = await startServer();
    const storage = sharedStorage('test-shared', { lag: false });
    const tab = fxClient(server, { storage: storage.tab() });
    await tab.login(DEMO);
    // A tab whose news never reached this page (it was frozen in the cache): only the storage tells.
    const other = storage.tab();
    other.removeItem();
    await new Promise((resolve) => setImmediate(resolve));
    expect(tab.getSnapshot().status).toBe('authenticated'); // an emptied storage alone ends nothing

    fire('window', 'pageshow', false);
    expect(tab.getSnapshot().status).toBe('authenticated');
    fire('window', 'pageshow', true);

    expect(tab.getSnapshot()).toEqual(ANONYMOUS);
  });

  it("should end it too when the page is shown the storage as it was, and the other tab's write only later", async () => {
    installLocks();
    const server = await startServer();
    const storage = sharedStorage('test-shared', { lag: true }); // as Chromium may, after a restore
    const tab = fxClient(server, { storage: storage.tab() });
    await tab.login(DEMO);
    storage.tab().removeItem(); // another tab's logout, its news missed in the cache

    fire('window', 'pageshow', true);
    expect(tab.getSnapshot().status).toBe('authenticated'); // the storage still shows the session
    storage.deliver();

    expect(tab.getSnapshot()).toEqual(ANONYMOUS);
  });

  it('should not hold a restore while logged out against the session of a later login', async () => {
    installLocks();
    const server = await startServer();
    const storage = sharedStorage('test-shared', { lag: false });
    const tab = fxClient(server, { storage: storage.tab() });
    fire('window', 'pageshow', true); // back from the cache with no session: nothing to catch up on
    await tab.login(DEMO);

    storage.tab().removeItem(); // not a logout: no tab said so (a save can fail, too)
    await new Promise((resolve) => setImmediate(resolve));

    expect(tab.getSnapshot().status).toBe('authenticated');
  });

  it('should not take a later emptied storage for a logout once other tabs were heard from', async () => {
    installLocks();
    const server = await startServer();
    const storage = sharedStorage('test-shared', { lag: true });
    const tab = fxClient(server, { storage: storage.tab() });
    await tab.login(DEMO);
    fire('window', 'pageshow', true);
    const other = fxClient(server, { storage: storage.tab() });
    storage.deliver();
    await other.refresh(); // news from another tab: this page is in touch again
    await until(tab, (snapshot) => snapshot.session?.accessToken === other.getSnapshot().session?.accessToken);

    storage.tab().removeItem(); // not a logout: no tab said so
    storage.deliver();

    expect(tab.getSnapshot().status).toBe('authenticated');
  });

  it.each([
    ['visible', () => fire('document', 'visibilitychange')],
    ['focused', () => fire('window', 'focus')],
    ['shown', () => fire('window', 'pageshow', false)],
  ])('should refresh a token that expired while timers slept, once the page is %s', async (_name, wake) => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const server = await startServer({ accessTokenLifetime: 600 });
    const client = fxClient(server);
    const first = await client.login(DEMO);
    vi.setSystemTime(first.expiresAt + 1_000); // no timer ran

    wake();

    expect(client.getSnapshot().status).toBe('refreshing');
    await until(client, (snapshot) => snapshot.status === 'authenticated');
    expect(server.count('fx-token')).toBe(2);
  });

  it('should not skip the backoff after a failure on focus, but retry at once when the page becomes visible', async () => {
    const { server, client } = await afterFailedRefresh();

    fire('window', 'focus'); // clicking back into the window while the server is down
    expect(client.getSnapshot().status).toBe('authenticated');
    expect(server.count('fx-token')).toBe(2);

    fire('document', 'visibilitychange');
    expect(client.getSnapshot().status).toBe('refreshing');
    await until(client, (snapshot) => snapshot.status === 'authenticated' && snapshot.error === null);
    expect(server.count('fx-token')).toBe(3);
  });

  it('should pause transient retries while offline and retry at once when back online', async () => {
    const { server, client } = await afterFailedRefresh();

    fire('window', 'offline');
    await vi.advanceTimersByTimeAsync(120_000); // far past the backoff
    expect(server.count('fx-token')).toBe(2);
    expect(vi.getTimerCount()).toBe(0);

    fire('window', 'online');
    await until(client, (snapshot) => snapshot.status === 'authenticated' && snapshot.error === null);
    expect(server.count('fx-token')).toBe(3);
  });
});
