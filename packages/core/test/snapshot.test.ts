import { describe, expect, it, vi } from 'vitest';
import { Window } from 'happy-dom';
import { DEMO, fxClient, record, rejectionOf, startServer, until, withUncaughtErrors } from './support.js';
import { installLocks, sharedStorage } from './tabs/support.js';

describe('snapshot and subscriptions', () => {
  it('should keep the same snapshot object until something changes', async () => {
    const server = await startServer();
    const client = fxClient(server);
    const anonymous = client.getSnapshot();
    expect(client.getSnapshot()).toBe(anonymous);

    await client.login(DEMO);
    const authenticated = client.getSnapshot();
    await client.getAccessToken();

    expect(authenticated).not.toBe(anonymous);
    expect(client.getSnapshot()).toBe(authenticated);
  });

  it('should call listeners once per change, through login, refresh and logout', async () => {
    const server = await startServer();
    const client = fxClient(server);
    const seen = record(client);

    await client.login(DEMO);
    await client.refresh();
    await client.logout();
    await client.logout();

    expect(seen.map((snapshot) => snapshot.status)).toEqual([
      'authenticating',
      'authenticated',
      'refreshing',
      'authenticated',
      'anonymous',
    ]);
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('should publish a failed login as anonymous with the error', async () => {
    const server = await startServer();
    const client = fxClient(server);
    const seen = record(client);

    const error = await rejectionOf(client.login({ username: 'demo', password: 'nope' }));

    expect(seen).toEqual([
      { status: 'authenticating', session: null, error: null, expired: false, refreshAt: null, sessionId: null },
      { status: 'anonymous', session: null, error, expired: false, refreshAt: null, sessionId: null },
    ]);
  });

  it('should work with subscribe and getSnapshot passed bare', async () => {
    const server = await startServer();
    const client = fxClient(server);
    const { subscribe, getSnapshot, login } = client;
    let calls = 0;
    const unsubscribe = subscribe(() => (calls += 1));

    await login(DEMO);
    unsubscribe();
    await client.logout();

    expect(calls).toBe(2);
    expect(getSnapshot().status).toBe('anonymous');
  });

  it('should let getAccessToken wait for a login in progress', async () => {
    const server = await startServer({ latency: 20 });
    const client = fxClient(server);
    const login = client.login(DEMO);

    const token = await client.getAccessToken();

    expect(token).toBe((await login).accessToken);
  });

  it('should keep notifying other listeners when one throws', async () => {
    const server = await startServer();
    const client = fxClient(server);
    await withUncaughtErrors(async (uncaught) => {
      client.subscribe(() => {
        throw new Error('listener bug');
      });
      const seen = record(client);
      await client.login(DEMO);
      await new Promise((resolve) => setTimeout(resolve, 0));

      expect(seen.map((snapshot) => snapshot.status)).toEqual(['authenticating', 'authenticated']);
      expect(client.getSnapshot().status).toBe('authenticated');
      expect(uncaught).toHaveLength(2);
    });
  });
});

describe('refreshAt: when the next refresh is planned', () => {
  it('should follow the schedule: the refresh time, nothing while refreshing, the backoff after a failure, nothing after logout', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    try {
      const server = await startServer({ accessTokenLifetime: 600 });
      const client = fxClient(server, { refreshLeeway: 30 });
      expect(client.getSnapshot().refreshAt).toBeNull();
      const session = await client.login(DEMO);
      expect(client.getSnapshot().refreshAt).toBe(session.expiresAt - 30_000);

      server.inject('fx-token', { type: 'status', status: 503 });
      const seen = record(client);
      await vi.advanceTimersByTimeAsync(session.expiresAt - 30_000 - Date.now());
      await until(client, (snapshot) => snapshot.error?.code === 'server');

      expect(seen.find((snapshot) => snapshot.status === 'refreshing')?.refreshAt).toBeNull();
      const retryAt = client.getSnapshot().refreshAt!;
      expect(retryAt - Date.now()).toBeGreaterThanOrEqual(500); // the first backoff step: 0.5 to 1 s
      expect(retryAt - Date.now()).toBeLessThanOrEqual(1_000);
      await client.logout();
      expect(client.getSnapshot().refreshAt).toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });

  it('should be null for a session that cannot be refreshed (it ends at expiry)', async () => {
    const server = await startServer();
    const client = fxClient(server);
    server.inject('fx-token', {
      type: 'status',
      status: 200,
      body: '{"access_token":"AT","token_type":"bearer","expires_in":600}',
      contentType: 'application/json',
    });

    await client.login(DEMO);

    expect(client.getSnapshot()).toMatchObject({ status: 'authenticated', refreshAt: null });
  });
});

describe('destroy()', () => {
  it('should stop notifying and reject further work with no_session, keeping the stored session', async () => {
    const server = await startServer();
    const client = fxClient(server);
    await client.login(DEMO);
    const seen = record(client);

    client.destroy();

    expect(await rejectionOf(client.getAccessToken())).toMatchObject({ code: 'no_session' });
    expect(await rejectionOf(client.login(DEMO))).toMatchObject({ code: 'no_session' });
    expect(seen).toEqual([]);
    expect(server.count('fx-token')).toBe(1);
  });

  it('should react to a page waking up, and stop listening after destroy()', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const window = new Window();
    vi.stubGlobal('window', window);
    vi.stubGlobal('document', window.document);
    try {
      const server = await startServer({ accessTokenLifetime: 600 });
      const client = fxClient(server);
      const session = await client.login(DEMO);
      server.inject('fx-token', { type: 'status', status: 503 });
      await vi.advanceTimersByTimeAsync(session.expiresAt - 60_000 - Date.now());
      await until(client, (snapshot) => snapshot.error?.code === 'server'); // the scheduled refresh failed
      const afterFailure = server.count('fx-token');

      window.dispatchEvent(new window.Event('online')); // back online: retry now, not after the backoff
      await until(client, (snapshot) => snapshot.status === 'authenticated' && snapshot.error === null);
      expect(server.count('fx-token')).toBe(afterFailure + 1);

      client.destroy();
      window.dispatchEvent(new window.Event('online'));
      window.document.dispatchEvent(new window.Event('visibilitychange'));
      await vi.advanceTimersByTimeAsync(3_600_000);
      expect(server.count('fx-token')).toBe(afterFailure + 1);
    } finally {
      vi.useRealTimers();
      vi.unstubAllGlobals();
      await window.happyDOM.close();
    }
  });

  it('should remove every page listener it added on destroy(), so that nothing holds the client', async () => {
    const window = new Window();
    vi.stubGlobal('window', window);
    vi.stubGlobal('document', window.document);
    const listening = new Set<string>();
    for (const [name, target] of [
      ['window', window],
      ['document', window.document],
    ] as const) {
      const add = target.addEventListener.bind(target);
      const remove = target.removeEventListener.bind(target);
      target.addEventListener = (type: string, listener: never, options?: never) => {
        listening.add(`${name}:${type}`);
        add(type, listener, options);
      };
      target.removeEventListener = (type: string, listener: never) => {
        listening.delete(`${name}:${type}`);
        remove(type, listener);
      };
    }
    try {
      const server = await startServer();
      const client = fxClient(server);
      await client.login(DEMO);
      expect([...listening].sort()).toEqual([
        'document:visibilitychange',
        'window:focus',
        'window:offline',
        'window:online',
        'window:pageshow',
      ]);

      client.destroy();

      expect([...listening]).toEqual([]);
    } finally {
      vi.useRealTimers();
      vi.unstubAllGlobals();
      await window.happyDOM.close();
    }
  });
});

describe('sessionId: which login a session comes from', () => {
  it('should stay across refreshes and tabs, change at each login, and be null without a session', async () => {
    installLocks();
    const server = await startServer();
    const storage = sharedStorage('test-shared', { lag: false });
    const [tab, other] = [fxClient(server, { storage: storage.tab() }), fxClient(server, { storage: storage.tab() })];
    expect(tab.getSnapshot().sessionId).toBeNull();

    await tab.login(DEMO);
    const first = tab.getSnapshot().sessionId;
    await tab.refresh();
    await until(other, (snapshot) => snapshot.session?.accessToken === tab.getSnapshot().session?.accessToken);
    expect(first).toMatch(/^[\w-]{8,}$/);
    expect([tab.getSnapshot().sessionId, other.getSnapshot().sessionId]).toEqual([first, first]);

    await tab.login(DEMO);
    expect(tab.getSnapshot().sessionId).not.toBe(first);
    await tab.logout();
    expect(tab.getSnapshot().sessionId).toBeNull();
  });
});
