import { afterEach, describe, expect, it, vi } from 'vitest';
import { createAuthClient, freightExchange, jsonLogin, memoryStorage, type AuthClient } from '@fx-auth/core';
import { DEMO, fxClient, rejectionOf, startServer, track, until } from '../support.js';
import { countChannels, deliveredSoFar, installLocks, sharedStorage, slowChannels, unevenChannels } from './support.js';

const ALICE = { username: 'alice', password: 'p@ss w0rd&=?+%' } as const;

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

const statusOf = (client: AuthClient) => client.getSnapshot().status;
const userOf = (client: AuthClient) => client.getSnapshot().session?.user?.login;
const dueTime = (client: AuthClient) => client.getSnapshot().session!.expiresAt - 60_000;

describe('races between tabs', () => {
  it('should leave the storage with the session every tab holds when two tabs log in at once', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    installLocks();
    slowChannels();
    const server = await startServer({ rotateRefreshTokens: true });
    const storage = sharedStorage('test-shared', { lag: true });
    const tabs = [0, 1, 2].map(() => fxClient(server, { storage: storage.tab() }));
    server.inject('fx-token', { type: 'delay', ms: 10 }); // the first login's answer comes last

    const first = tabs[0]!.login(DEMO);
    vi.setSystemTime(Date.now() + 1_000);
    const second = tabs[1]!.login(ALICE);
    await Promise.all([first, second].map((login) => login.catch(() => undefined)));
    const user = userOf(tabs[0]!);
    await Promise.all(tabs.map((tab) => until(tab, () => userOf(tab) === user)));

    const opened = fxClient(server, { storage: storage.tab() }); // a new tab, or a reload
    expect(userOf(opened)).toBe(user);
    expect(tabs.map(userOf)).toEqual([user, user, user]);
  });

  it("should hand its new session to the next holder of the lock, even when its news travels slower than that tab's own ping", async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    installLocks();
    unevenChannels([30, 1]); // every tab's channel is slow, its probe (which pings) is fast
    const server = await startServer({ accessTokenLifetime: 600, rotateRefreshTokens: true });
    const storage = sharedStorage('test-shared', { lag: true });
    const tabs = [0, 1, 2].map(() => fxClient(server, { storage: storage.tab() }));
    const first = await tabs[0]!.login(DEMO);
    await Promise.all(tabs.map((tab) => until(tab, (snapshot) => snapshot.session?.accessToken === first.accessToken)));

    vi.setSystemTime(dueTime(tabs[0]!)); // every tab finds its token due at its next call
    await Promise.all(tabs.map((tab) => tab.getAccessToken()));

    expect(server.count('fx-token')).toBe(2);
    expect(new Set(tabs.map((tab) => tab.getSnapshot().session?.accessToken)).size).toBe(1);
  });

  it('should send a rejected refresh token once, however many tabs are due', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    installLocks();
    slowChannels();
    const server = await startServer({ accessTokenLifetime: 600 });
    const storage = sharedStorage('test-shared', { lag: true });
    const tabs = [0, 1, 2, 3, 4].map(() => fxClient(server, { storage: storage.tab() }));
    await tabs[0]!.login(DEMO);
    await Promise.all(tabs.map((tab) => until(tab, (snapshot) => snapshot.status === 'authenticated')));
    server.revokeRefreshTokens();

    vi.setSystemTime(dueTime(tabs[0]!)); // every tab finds its token due at its next call
    await Promise.all(tabs.map((tab) => tab.getAccessToken().catch(() => undefined)));
    await Promise.all(tabs.map((tab) => until(tab, (snapshot) => snapshot.status === 'anonymous')));

    expect(server.count('fx-token')).toBe(2);
    expect(tabs.map((tab) => tab.getSnapshot().error?.code)).toEqual(tabs.map(() => 'session_expired'));
  });

  it('should send one request per retry round when the server fails, however many tabs there are', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    vi.spyOn(Math, 'random').mockReturnValue(0.999); // the backoff's jitter: each round ends just before the next step
    installLocks();
    const server = await startServer({ accessTokenLifetime: 600 });
    const storage = sharedStorage('test-shared', { lag: true });
    const tabs = [0, 1, 2, 3, 4].map(() => fxClient(server, { storage: storage.tab() }));
    const first = await tabs[0]!.login(DEMO);
    await Promise.all(tabs.map((tab) => until(tab, (snapshot) => snapshot.status === 'authenticated')));
    server.inject('fx-token', { type: 'status', status: 503 }, { times: 3 });
    const settled = () => Promise.all(tabs.map((tab) => until(tab, (snapshot) => snapshot.status !== 'refreshing')));

    await vi.advanceTimersByTimeAsync(dueTime(tabs[0]!) - Date.now());
    await settled();
    const counts = [server.count('fx-token')];
    for (const backoff of [1_000, 2_000, 4_000]) {
      await vi.advanceTimersByTimeAsync(backoff);
      await settled();
      counts.push(server.count('fx-token'));
    }

    expect(counts).toEqual([2, 3, 4, 5]); // the login, then one request per round; the fourth succeeds
    expect(tabs.map((tab) => tab.getSnapshot().session?.accessToken)).not.toContain(first.accessToken);
    expect(new Set(tabs.map((tab) => tab.getSnapshot().session?.accessToken)).size).toBe(1);
  });

  it("should keep the tabs that hold a later refresh when a newly opened tab's stale one is rejected", async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    installLocks();
    const server = await startServer({ accessTokenLifetime: 600, rotateRefreshTokens: true });
    const storage = sharedStorage('test-shared', { lag: true });
    const tabs = [0, 1].map(() => fxClient(server, { storage: storage.tab() }));
    const x0 = await tabs[0]!.login(DEMO);
    await Promise.all(tabs.map((tab) => until(tab, (snapshot) => snapshot.session?.accessToken === x0.accessToken)));
    const opening = storage.tab(); // a tab being opened: its first read of the storage is the one it gets
    await vi.advanceTimersByTimeAsync(x0.expiresAt - 60_000 - Date.now()); // one tab refreshes to X1
    await Promise.all(tabs.map((tab) => until(tab, (snapshot) => snapshot.session?.accessToken !== x0.accessToken)));
    const x1 = tabs[0]!.getSnapshot().session!.accessToken;

    const late = fxClient(server, { storage: opening }); // restores X0, due: sends its spent token
    await until(late, (snapshot) => snapshot.session?.accessToken === x1);

    expect(server.count('fx-token')).toBe(3);
    expect([...tabs, late].map(statusOf)).toEqual(['authenticated', 'authenticated', 'authenticated']);
    // The stale tab cleared the storage by its late view of it: a holder of X1 stores it again.
    await vi.waitFor(() => expect(storage.value()).toContain(x1));
    storage.deliver();
    expect(fxClient(server, { storage: storage.tab() }).getSnapshot().session?.accessToken).toBe(x1);
  });

  it('should store again the session another tab made when a login started before hearing of it fails', async () => {
    installLocks();
    slowChannels();
    const server = await startServer();
    const storage = sharedStorage('test-shared', { lag: true });
    const [a, b] = [0, 1].map(() => fxClient(server, { storage: storage.tab() }));
    const session = await a!.login(DEMO);
    expect(statusOf(b!)).toBe('anonymous'); // A's news is on its way; B's login will clear the storage

    server.inject('fx-token', { type: 'delay', ms: 100 });
    expect(await rejectionOf(b!.login({ username: 'demo', password: 'wrong' }))).toMatchObject({
      code: 'invalid_credentials',
    });

    expect(b!.getSnapshot().session?.accessToken).toBe(session.accessToken);
    await vi.waitFor(() => expect(storage.value()).toContain(session.accessToken));
    storage.deliver();
    expect(fxClient(server, { storage: storage.tab() }).getSnapshot().session?.accessToken).toBe(session.accessToken);
  });

  it('should tell a tab that restored a session logged out meanwhile, when it announces it', async () => {
    installLocks();
    const server = await startServer({ rotateRefreshTokens: true });
    const storage = sharedStorage('test-shared', { lag: true });
    const a = fxClient(server, { storage: storage.tab() });
    await a.login(DEMO);
    const lateView = storage.tab(); // still shows the session after the logout
    await a.logout();
    await deliveredSoFar();

    const b = fxClient(server, { storage: lateView });
    // It announces a session of the ended lineage, hears of the end before it lets the lock go, and stops.
    expect(await rejectionOf(b.refresh())).toMatchObject({ code: 'no_session' });
    await until(b, (snapshot) => snapshot.status === 'anonymous');
    storage.deliver();

    expect(statusOf(a)).toBe('anonymous');
    expect(storage.value()).toBeNull();
  });

  it('should bring a login made after the clock went back to the tabs already open', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    installLocks();
    const server = await startServer();
    const storage = sharedStorage('test-shared', { lag: false });
    const open = fxClient(server, { storage: storage.tab() });
    await open.login(DEMO);
    await open.logout();
    vi.setSystemTime(Date.now() - 5 * 60_000); // a clock that ran fast is corrected

    const reloaded = fxClient(server, { storage: storage.tab() });
    const session = await reloaded.login(ALICE);
    await until(open, (snapshot) => snapshot.session?.accessToken === session.accessToken);

    expect(userOf(open)).toBe('alice');
  });

  it('should not write the session another tab made over a newer one when its own login fails', async () => {
    installLocks();
    const server = await startServer({ rotateRefreshTokens: true });
    const storage = sharedStorage('test-shared', { lag: true });
    let failLogin!: () => void;
    const a = fxClient(server, {
      storage: storage.tab(),
      fetch: (input, init) =>
        String(input instanceof Request ? input.url : input).includes('grant_type=password')
          ? new Promise<Response>((_resolve, reject) => (failLogin = () => reject(new TypeError('offline'))))
          : fetch(input, init),
    });
    const b = fxClient(server, { storage: storage.tab() });
    const loginA = a.login(DEMO); // waits
    await b.login(DEMO); // A keeps it beside its login
    await deliveredSoFar();
    const y1 = await b.refresh(); // B stores and announces a later one
    failLogin();
    expect(await rejectionOf(loginA)).toMatchObject({ code: 'network' });
    await deliveredSoFar();
    storage.deliver();

    expect(storage.value()).toContain(y1.accessToken);
    const opened = fxClient(server, { storage: storage.tab() });
    await opened.refresh();
    await deliveredSoFar();
    expect([a, b, opened].map(statusOf)).toEqual(['authenticated', 'authenticated', 'authenticated']);
  });

  it("should leave another provider's record alone when the storage changes", async () => {
    installLocks();
    const server = await startServer();
    const storage = sharedStorage('test-shared', { lag: false });
    const json = track(
      createAuthClient({
        provider: jsonLogin({ tokenUrl: `${server.url}/api/v1/cas/authenticate` }),
        storage: storage.tab(),
      }),
    );
    const fx = fxClient(server, { storage: storage.tab() });

    const session = await fx.login(DEMO);
    await deliveredSoFar();

    expect(statusOf(json)).toBe('anonymous');
    expect(storage.value()).toContain(session.accessToken);
  });
});

describe('clients of one page on one memoryStorage()', () => {
  it('should send one refresh request per expiry between them', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const server = await startServer({ accessTokenLifetime: 600, rotateRefreshTokens: true });
    const storage = memoryStorage();
    const a = fxClient(server, { storage });
    const first = await a.login(DEMO);
    const b = fxClient(server, { storage });

    await vi.advanceTimersByTimeAsync(first.expiresAt - 60_000 - Date.now());
    await Promise.all([a, b].map((client) => until(client, (snapshot) => snapshot.status !== 'refreshing')));

    expect(server.count('fx-token')).toBe(2);
    expect(b.getSnapshot().session?.accessToken).toBe(a.getSnapshot().session?.accessToken);
  });

  it('should never hand out an expired token that another client stored', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const server = await startServer({ accessTokenLifetime: 600 });
    const storage = memoryStorage();
    const a = fxClient(server, { storage });
    await a.login(DEMO);
    const b = fxClient(server, { storage });
    const x1 = await a.refresh();
    vi.setSystemTime(x1.expiresAt + 1_000); // the machine slept

    const token = await b.getAccessToken();

    expect(token).not.toBe(x1.accessToken);
    expect(server.count('fx-token')).toBe(3);
  });
});

describe('a client alone', () => {
  it("should send one request for refresh() even when its answer lands inside the new token's leeway", async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const server = await startServer({ accessTokenLifetime: 121 }); // expires_in 120 s
    let refreshes = 0;
    const client = fxClient(server, {
      fetch: async (input, init) => {
        const response = await fetch(input, init);
        // A slow network, or a machine that slept during the request: the answer lands 70 s later.
        if (String(input instanceof Request ? input.url : input).includes('refresh_token') && ++refreshes <= 10) {
          vi.setSystemTime(Date.now() + 70_000);
        }
        return response;
      },
    });
    await client.login(DEMO);

    await client.refresh();

    expect(refreshes).toBe(1);
  });

  it('should hand out a fresh token at once while a forced refresh runs', async () => {
    const server = await startServer({ accessTokenLifetime: 600 });
    const client = fxClient(server);
    const first = await client.login(DEMO);
    server.inject('fx-token', { type: 'hang' });

    const refreshing = client.refresh().catch(() => undefined);
    expect(await client.getAccessToken()).toBe(first.accessToken);
    client.destroy();
    await refreshing;
  });

  it('should leave nothing running when its options are refused', () => {
    const channels = countChannels();
    installLocks();
    const storage = sharedStorage('test-shared').tab();

    expect(() =>
      createAuthClient({ provider: freightExchange(), storage, authorizedOrigins: ['not an origin'] }),
    ).toThrow(/options.authorizedOrigins\[0\]/);
    expect(channels.open()).toBe(0);
  });

  it('should refresh without the lock where the browser refuses Web Locks (an opaque origin)', async () => {
    vi.stubGlobal('navigator', {
      onLine: true,
      locks: { request: () => Promise.reject(new DOMException('The request was denied.', 'SecurityError')) },
    });
    const server = await startServer();
    const client = fxClient(server, { storage: sharedStorage('test-shared').tab() });
    const first = await client.login(DEMO);

    expect((await client.refresh()).accessToken).not.toBe(first.accessToken);
  });
});
