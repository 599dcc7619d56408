import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  clientCredentials,
  createAuthClient,
  jsonLogin,
  type AuthClient,
  type AuthSnapshot,
  type TokenProvider,
} from '@fx-auth/core';
import { ANONYMOUS, DEMO, fxClient, rejectionOf, startServer, track, until } from '../support.js';
import { countChannels, deliveredSoFar, installLocks, sharedStorage } from './support.js';

const ALICE = { username: 'alice', password: 'p@ss w0rd&=?+%' } as const;
const LOCK = 'fx-auth test-shared';

afterEach(() => {
  vi.useRealTimers();
});

const tokenOf = (client: AuthClient): string | undefined => client.getSnapshot().session?.accessToken;
const allReach = (tabs: AuthClient[], predicate: (snapshot: AuthSnapshot) => boolean) =>
  Promise.all(tabs.map((tab) => until(tab, predicate)));

/**
 * Runs the fake clock to the next refresh time of the tabs' session and waits until every tab
 * has the new token; returns it after checking that they all hold the same one.
 */
async function nextExpiry(tabs: AuthClient[]): Promise<string> {
  const before = tokenOf(tabs[0]!);
  const { expiresAt } = tabs[0]!.getSnapshot().session!;
  await vi.advanceTimersByTimeAsync(expiresAt - 60_000 - Date.now());
  await allReach(tabs, (snapshot) => snapshot.status === 'authenticated' && snapshot.session?.accessToken !== before);
  const token = tokenOf(tabs[0]!)!;
  expect(tabs.map(tokenOf)).toEqual(tabs.map(() => token));
  return token;
}

async function tabsOf(count: number, options: { lag?: boolean; lifetime?: number; rotate?: boolean } = {}) {
  const server = await startServer({
    accessTokenLifetime: options.lifetime ?? 600,
    rotateRefreshTokens: options.rotate ?? true,
  });
  const storage = sharedStorage('test-shared', { lag: options.lag ?? true });
  const tabs = Array.from({ length: count }, () => fxClient(server, { storage: storage.tab(), timeout: 5_000 }));
  return { server, storage, tabs };
}

async function loggedIn(count: number, options: Parameters<typeof tabsOf>[1] = {}) {
  const setup = await tabsOf(count, options);
  const session = await setup.tabs[0]!.login(DEMO);
  await allReach(setup.tabs, (snapshot) => snapshot.session?.accessToken === session.accessToken);
  return { ...setup, session };
}

describe('tabs sharing a storage', () => {
  it.each([2, 3, 5])(
    'should send one refresh request per expiry for %i tabs, and give them all the same token',
    async (count) => {
      vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
      installLocks();
      const { server, tabs } = await loggedIn(count);
      let token = '';

      for (let expiry = 1; expiry <= 3; expiry += 1) {
        token = await nextExpiry(tabs);

        expect(server.count('fx-token')).toBe(1 + expiry);
        const calls = await Promise.all(tabs.map((tab) => tab.ky.get(`${server.url}/api/me`)));
        expect(calls.map((call) => call.status)).toEqual(tabs.map(() => 200));
      }
      const sent = server.requests
        .filter((request) => request.api === 'me')
        .map((request) => request.headers.authorization);
      expect(sent.slice(-count)).toEqual(tabs.map(() => `Bearer ${token}`));
    },
  );

  it('should hand a login to every other tab without a token request, though their storage reads are stale', async () => {
    installLocks();
    const { server, tabs, storage } = await tabsOf(3, { lag: true });

    const session = await tabs[1]!.login(DEMO);
    await allReach(tabs, (snapshot) => snapshot.status === 'authenticated');

    expect(tabs.map(tokenOf)).toEqual(tabs.map(() => session.accessToken));
    expect(tabs[0]!.getSnapshot().session?.user?.login).toBe('demo');
    expect(server.count('fx-token')).toBe(1);
    expect(storage.value()).toContain(session.accessToken);
  });

  it("should replace the session in every tab when another user logs in, never keeping the first user's profile", async () => {
    installLocks();
    const { server, tabs } = await loggedIn(3);

    await tabs[2]!.login(ALICE);
    await allReach(tabs, (snapshot) => snapshot.session?.user?.login === 'alice');

    expect(server.count('fx-token')).toBe(2);
    expect(new Set(tabs.map(tokenOf)).size).toBe(1);
  });

  it('should log every tab out, leave no token in storage, and refresh nothing later', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    installLocks();
    const { server, tabs, storage, session } = await loggedIn(3);

    await tabs[1]!.logout();
    await allReach(tabs, (snapshot) => snapshot.status === 'anonymous');
    await vi.advanceTimersByTimeAsync(session.expiresAt - Date.now() + 60_000);

    expect(tabs.map((tab) => tab.getSnapshot())).toEqual(tabs.map(() => ANONYMOUS));
    expect(storage.value()).toBeNull();
    expect(server.count('fx-token')).toBe(1);
  });

  it('should end every tab with the same session_expired error when the refresh token is rejected', async () => {
    installLocks();
    const { server, tabs, storage } = await loggedIn(3);
    server.revokeRefreshTokens();

    const error = await rejectionOf(tabs[0]!.refresh());
    await allReach(tabs, (snapshot) => snapshot.status === 'anonymous');

    expect(error).toMatchObject({ code: 'session_expired', status: 401 });
    for (const tab of tabs) {
      expect(tab.getSnapshot().error).toMatchObject({
        code: 'session_expired',
        message: (error as Error).message,
        status: 401,
      });
    }
    expect(storage.value()).toBeNull();
    expect(server.count('fx-token')).toBe(2);
  });

  it("should keep a logout when another tab's refresh answer arrives after it", async () => {
    installLocks();
    const { server, tabs, storage } = await loggedIn(2, { lag: false });
    let sent!: () => void;
    const refreshSent = new Promise<void>((resolve) => (sent = resolve));
    const late = fxClient(server, {
      storage: storage.tab(),
      fetch: (input, init) => {
        if (String(input instanceof Request ? input.url : input).includes('grant_type=refresh_token')) sent();
        return fetch(input, init);
      },
    });
    await until(late, (snapshot) => snapshot.status === 'authenticated');
    server.inject('fx-token', { type: 'delay', ms: 50 });

    const refresh = late.refresh();
    await refreshSent;
    await vi.waitFor(() => expect(server.count('fx-token')).toBe(2)); // the server has it
    await tabs[0]!.logout();

    expect(await rejectionOf(refresh)).toMatchObject({ code: 'no_session' });
    await allReach([...tabs, late], (snapshot) => snapshot.status === 'anonymous');
    await deliveredSoFar();
    expect([...tabs, late].map((tab) => tab.getSnapshot().status)).toEqual(['anonymous', 'anonymous', 'anonymous']);
    expect(storage.value()).toBeNull();
    expect(server.count('fx-token')).toBe(2); // the refresh was answered, and its session dropped
  });

  it('should not let a late announcement of an ended session bring it back, and clear its stored copy', async () => {
    installLocks();
    const { tabs, storage } = await loggedIn(2, { lag: false });
    const stored = storage.value()!;
    await tabs[0]!.logout();
    await allReach(tabs, (snapshot) => snapshot.status === 'anonymous');

    // A tab that had not heard of the logout refreshed, stored and announced the old session.
    const late = JSON.stringify({ ...(JSON.parse(stored) as object), seq: 7 });
    storage.tab().setItem(late);
    const announcer = new BroadcastChannel('fx-auth test-shared');
    announcer.postMessage({ v: 1, kind: 'session', record: late });
    announcer.close();
    await deliveredSoFar();

    expect(tabs.map((tab) => tab.getSnapshot().status)).toEqual(['anonymous', 'anonymous']);
    expect(storage.value()).toBeNull();
  });

  it('should not log out when the refresh lock cannot be had in time: it keeps the valid token and retries', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const locks = installLocks();
    const { server, tabs, session } = await loggedIn(2);
    const release = await locks.hold(LOCK); // another tab hangs, or was frozen, holding it

    await vi.advanceTimersByTimeAsync(session.expiresAt - 60_000 - Date.now());
    expect(tabs[0]!.getSnapshot().status).toBe('refreshing');
    await vi.advanceTimersByTimeAsync(5_000); // the client's timeout

    await allReach(tabs, (snapshot) => snapshot.error?.code === 'timeout');
    expect(tabs.map((tab) => tab.getSnapshot().status)).toEqual(['authenticated', 'authenticated']);
    await vi.advanceTimersByTimeAsync(1_000); // the first backoff step: the retry waits for the lock again
    expect(tabs.map((tab) => tab.getSnapshot().status)).toEqual(['refreshing', 'refreshing']);
    // Meanwhile callers get the still-valid token at once rather than wait on the retry.
    expect(await Promise.all(tabs.map((tab) => tab.getAccessToken()))).toEqual([
      session.accessToken,
      session.accessToken,
    ]);
    expect(server.count('fx-token')).toBe(1);

    release();
    await allReach(tabs, (snapshot) => snapshot.status === 'authenticated' && snapshot.error === null);
    expect(server.count('fx-token')).toBe(2);
    expect(new Set(tabs.map(tokenOf)).size).toBe(1);
  });

  it('should go on, a second later, when its channel loses the ping that flushes it', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    installLocks();
    let lost = (): void => undefined;
    const nextLostPing = () => new Promise<void>((resolve) => (lost = resolve));
    const Native = BroadcastChannel;
    vi.stubGlobal(
      'BroadcastChannel',
      class extends Native {
        override postMessage(message: unknown): void {
          if ((message as { kind?: string }).kind === 'ping') lost();
          else super.postMessage(message);
        }
      },
    );
    const { server, tabs } = await tabsOf(1);
    let ping = nextLostPing();
    const login = tabs[0]!.login(DEMO); // a login stores its session under the lock, after the same flush
    await ping;
    await vi.advanceTimersByTimeAsync(1_000);
    await login;

    ping = nextLostPing();
    const refresh = tabs[0]!.refresh();
    await ping;
    await vi.advanceTimersByTimeAsync(999);
    expect(server.count('fx-token')).toBe(1);
    await vi.advanceTimersByTimeAsync(1);

    expect((await refresh).accessToken).toBe(tokenOf(tabs[0]!));
    expect(server.count('fx-token')).toBe(2);
  });

  it('should keep clients on different storages apart: no shared session, lock or message', async () => {
    const locks = installLocks();
    const server = await startServer({ rotateRefreshTokens: true });
    const [one, two] = [sharedStorage('one'), sharedStorage('two')];
    const a = fxClient(server, { storage: one.tab() });
    const b = fxClient(server, { storage: two.tab() });

    await a.login(DEMO);
    await b.login(ALICE);
    await Promise.all([a.refresh(), b.refresh()]);
    await deliveredSoFar();

    expect(a.getSnapshot().session?.user?.login).toBe('demo');
    expect(b.getSnapshot().session?.user?.login).toBe('alice');
    expect(server.count('fx-token')).toBe(4);
    // Each client stored its login and its refresh under its own storage's lock.
    expect(locks.requestedNames().sort()).toEqual(['fx-auth one', 'fx-auth one', 'fx-auth two', 'fx-auth two']);
  });
});

describe.each([
  ['JSON login, whose refresh tokens are single-use', 'json'],
  ['client credentials, which get a new grant instead of refreshing', 'passport'],
] as const)('tabs of %s', (_name, kind) => {
  it('should send one token request per expiry across three tabs', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    installLocks();
    const server = await startServer({ accessTokenLifetime: 600 });
    const storage = sharedStorage('test-shared', { lag: true });
    const provider: TokenProvider =
      kind === 'json'
        ? jsonLogin({
            tokenUrl: `${server.url}/api/v1/cas/authenticate`,
            refreshUrl: `${server.url}/api/v1/cas/refresh`,
          })
        : clientCredentials({
            tokenUrl: `${server.url}/passport/oauth/token`,
            clientId: 'demo-client',
            clientSecret: 'demo-secret',
          });
    const tabs = Array.from({ length: 3 }, () => track(createAuthClient({ provider, storage: storage.tab() })));
    const api =
      kind === 'json' ? (['json-login', 'json-refresh'] as const) : (['passport-token', 'passport-token'] as const);
    const first = await (kind === 'json' ? tabs[0]!.login(DEMO) : tabs[0]!.login());
    await allReach(tabs, (snapshot) => snapshot.session?.accessToken === first.accessToken);

    for (let expiry = 1; expiry <= 3; expiry += 1) await nextExpiry(tabs);
    expect(server.count(api[0]) + (api[0] === api[1] ? 0 : server.count(api[1]))).toBe(4);
  });
});

describe('a browser without Web Locks or BroadcastChannel', () => {
  it.each([
    ['no Web Locks', () => undefined],
    [
      'no BroadcastChannel',
      () => {
        const locks = installLocks();
        vi.stubGlobal('BroadcastChannel', undefined);
        return locks;
      },
    ],
  ])('should work as a single tab with %s: no channel, no lock, no hand-over', async (_name, arrange) => {
    const channels = countChannels();
    const locks = arrange();
    const { server, tabs } = await tabsOf(2, { lag: false, rotate: false });

    await tabs[0]!.login(DEMO);
    await tabs[0]!.refresh();
    await new Promise((resolve) => setImmediate(resolve)); // where a message would have arrived

    expect(tabs[1]!.getSnapshot().status).toBe('anonymous');
    expect(channels.open()).toBe(0);
    expect(locks?.requestCount() ?? 0).toBe(0);
    expect(server.count('fx-token')).toBe(2);
  });
});

describe('destroy() with tabs', () => {
  it('should close its channels and hear nothing more', async () => {
    const channels = countChannels();
    installLocks();
    const { tabs } = await tabsOf(2, { lag: false });
    expect(channels.open()).toBe(4); // each tab: its channel and the probe that flushes it

    tabs[1]!.destroy();
    await tabs[0]!.login(DEMO);
    await deliveredSoFar();

    expect(channels.open()).toBe(2);
    expect(tabs[1]!.getSnapshot().status).toBe('anonymous');
  });
});
