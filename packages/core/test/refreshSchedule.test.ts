import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAuthClient, jsonLogin, memoryStorage } from '@fx-auth/core';
import { DEMO, fxClient, passportClient, startServer, track, until } from './support.js';

const settled = (client: Parameters<typeof until>[0]) => until(client, (s) => s.status !== 'refreshing');

describe('refresh schedule', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'], now: new Date('2026-11-21T10:00:00Z') });
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it('should refresh proactively at expiresAt - leeway', async () => {
    const server = await startServer({ accessTokenLifetime: 600 });
    const client = fxClient(server, { refreshLeeway: 60 });
    const first = await client.login(DEMO);
    expect(first.expiresAt - Date.now()).toBe(599_000);

    await vi.advanceTimersByTimeAsync(599_000 - 60_000 - 1);
    expect(server.count('fx-token')).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(client.getSnapshot().status).toBe('refreshing');
    const next = await settled(client);

    expect(server.count('fx-token')).toBe(2);
    expect(next.status).toBe('authenticated');
    expect(next.session?.accessToken).not.toBe(first.accessToken);
  });

  it('should never wait longer than half the token lifetime', async () => {
    const server = await startServer({ accessTokenLifetime: 61 }); // expires_in 60
    const client = fxClient(server, { refreshLeeway: 300 });
    await client.login(DEMO);

    await vi.advanceTimersByTimeAsync(29_999);
    expect(server.count('fx-token')).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    await settled(client);
    expect(server.count('fx-token')).toBe(2);
  });

  it('should refresh on demand when the token is inside the leeway (after a sleep that froze timers)', async () => {
    const server = await startServer({ accessTokenLifetime: 600 });
    const client = fxClient(server);
    const first = await client.login(DEMO);
    vi.setSystemTime(first.expiresAt - 10_000); // the clock moved, no timer ran

    const tokens = await Promise.all(Array.from({ length: 10 }, () => client.getAccessToken()));

    expect(server.count('fx-token')).toBe(2);
    expect(new Set(tokens).size).toBe(1);
    expect(tokens[0]).not.toBe(first.accessToken);
  });

  it('should not use an expired token after waking up', async () => {
    const server = await startServer({ accessTokenLifetime: 600 });
    const client = fxClient(server);
    const first = await client.login(DEMO);
    vi.setSystemTime(first.expiresAt + 3_600_000);

    const token = await client.getAccessToken();

    expect(token).not.toBe(first.accessToken);
    const me = await client.ky.get(`${server.url}/api/me`);
    expect(me.status).toBe(200);
  });

  it('should refresh a restored session whose token expired before using it', async () => {
    const server = await startServer({ accessTokenLifetime: 600 });
    const storage = memoryStorage();
    const first = await fxClient(server, { storage }).login(DEMO);
    vi.setSystemTime(first.expiresAt + 1);

    const restored = fxClient(server, { storage });
    expect(restored.getSnapshot().session?.accessToken).toBe(first.accessToken);
    const token = await restored.getAccessToken();

    expect(token).not.toBe(first.accessToken);
    expect(server.count('fx-token')).toBe(2);
  });

  it('should end a session that cannot be refreshed when it expires', async () => {
    const server = await startServer({ accessTokenLifetime: 600 });
    const storage = memoryStorage();
    const client = track(
      createAuthClient({ provider: jsonLogin({ tokenUrl: `${server.url}/api/v1/cas/authenticate` }), storage }),
    );
    const session = await client.login(DEMO);

    await vi.advanceTimersByTimeAsync(session.expiresAt - Date.now() - 1);
    expect(client.getSnapshot().status).toBe('authenticated');
    expect(await client.getAccessToken()).toBe(session.accessToken); // inside the leeway, still valid
    await vi.advanceTimersByTimeAsync(1);

    expect(client.getSnapshot()).toMatchObject({
      status: 'anonymous',
      session: null,
      error: { code: 'session_expired' },
    });
    expect(storage.getItem()).toBeNull();
    expect(server.count('json-login')).toBe(1);
  });

  it('should get a new client-credentials token before expiry, and bridge lifetimes beyond setTimeout', async () => {
    const server = await startServer({ accessTokenLifetime: 40 * 365 * 86_400 });
    const client = passportClient(server);
    await client.login();
    await vi.advanceTimersByTimeAsync(30 * 86_400_000); // past setTimeout's 24.8-day limit

    expect(server.count('passport-token')).toBe(1);
    expect(client.getSnapshot().status).toBe('authenticated');
  });

  it('should retry a failed refresh with backoff and keep the session meanwhile', async () => {
    const server = await startServer({ accessTokenLifetime: 600 });
    const client = fxClient(server, { refreshLeeway: 60 });
    const first = await client.login(DEMO);
    server.inject('fx-token', { type: 'status', status: 503 }, { times: 3 });
    vi.spyOn(Math, 'random').mockReturnValue(0); // the jitter takes the most away: half of each step

    await vi.advanceTimersByTimeAsync(first.expiresAt - 60_000 - Date.now());
    const failed = await settled(client);
    expect(failed).toMatchObject({ status: 'authenticated', session: first, error: { code: 'server', status: 503 } });
    expect(await client.getAccessToken()).toBe(first.accessToken); // still valid: used despite the failure

    const attemptsAfter = async (ms: number) => {
      await vi.advanceTimersByTimeAsync(ms);
      await settled(client);
      return server.count('fx-token');
    };
    expect(await attemptsAfter(499)).toBe(2);
    expect(await attemptsAfter(1)).toBe(3); // half of 1 s
    expect(await attemptsAfter(999)).toBe(3);
    expect(await attemptsAfter(1)).toBe(4); // then half of 2 s
    expect(await attemptsAfter(2_000)).toBe(5); // then half of 4 s: succeeds

    expect(client.getSnapshot()).toMatchObject({ status: 'authenticated', error: null });
    expect(client.getSnapshot().session?.accessToken).not.toBe(first.accessToken);
  });

  it('should leave no timer running after destroy() during a token request', async () => {
    const server = await startServer();
    const client = fxClient(server, { fetch: () => new Promise<Response>(() => undefined) });
    const login = client.login(DEMO).catch((error: unknown) => error);
    expect(vi.getTimerCount()).toBe(1); // the request's deadline

    client.destroy();

    expect(vi.getTimerCount()).toBe(0);
    expect(await login).toMatchObject({ code: 'no_session' });
  });

  it('should leave no timer running after destroy()', async () => {
    const server = await startServer();
    const client = fxClient(server);
    await client.login(DEMO);
    expect(vi.getTimerCount()).toBeGreaterThan(0);

    client.destroy();

    expect(vi.getTimerCount()).toBe(0);
  });
});
