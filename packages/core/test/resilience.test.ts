import { afterEach, describe, expect, it, vi } from 'vitest';
import { createAuthClient, jsonLogin, memoryStorage } from '@fx-auth/core';
import { DEMO, fxClient, passportClient, rejectionOf, startServer, track, until } from './support.js';

afterEach(() => {
  vi.useRealTimers();
});

describe('a fetch that ignores aborts', () => {
  const neverSettles = () => new Promise<Response>(() => undefined);

  it('should still time out a login', async () => {
    const server = await startServer();
    const client = fxClient(server, { fetch: neverSettles, timeout: 50 });

    expect(await rejectionOf(client.login(DEMO))).toMatchObject({ code: 'timeout' });
    expect(client.getSnapshot().status).toBe('anonymous');
  });

  it('should still time out a body that never ends', async () => {
    const server = await startServer();
    const endless = async () => new Response(new ReadableStream({ start: () => undefined }), { status: 200 });
    const client = fxClient(server, { fetch: endless, timeout: 50 });

    expect(await rejectionOf(client.login(DEMO))).toMatchObject({ code: 'timeout' });
  });

  it('should settle a login that logout() interrupted', async () => {
    const server = await startServer();
    const client = fxClient(server, { fetch: neverSettles });
    const login = client.login(DEMO);
    const waiting = client.getAccessToken();

    await client.logout();

    expect(await rejectionOf(login)).toMatchObject({ code: 'no_session' });
    expect(await rejectionOf(waiting)).toMatchObject({ code: 'no_session' });
  });
});

describe('secrets in low-level errors', () => {
  it('should scrub a password with spaces from a fetch error that quotes the decoded URL', async () => {
    const server = await startServer();
    const password = 'hunter2 with space';
    const client = fxClient(server, {
      fetch: async (input) => {
        throw new TypeError(
          `request to ${decodeURIComponent(String(input instanceof Request ? input.url : input))} failed`,
        );
      },
    });
    const error = (await rejectionOf(client.login({ username: 'demo', password }))) as Error;

    const cause = (error.cause as Error).message;
    for (const part of ['hunter2', 'with space']) expect(cause).not.toContain(part);
  });
});

describe('refresh back-off and refusals', () => {
  it('should not send a request per getAccessToken() while backing off after a failed refresh', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const server = await startServer({ accessTokenLifetime: 600 });
    const client = fxClient(server);
    const first = await client.login(DEMO);
    server.inject('fx-token', { type: 'status', status: 503 }, { times: 100 });
    vi.setSystemTime(first.expiresAt - 10_000); // inside the leeway

    const tokens: string[] = [];
    for (let call = 0; call < 10; call += 1) tokens.push(await client.getAccessToken());

    expect(tokens).toEqual(Array.from({ length: 10 }, () => first.accessToken));
    expect(server.count('fx-token')).toBe(2);
  });

  it('should stop asking once the server refuses the client, and end the session at expiry', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const server = await startServer({ accessTokenLifetime: 120 });
    const client = passportClient(server, { refreshLeeway: 30 });
    const session = await client.login();
    server.inject(
      'passport-token',
      { type: 'status', status: 401, body: '{"error":"invalid_client"}' },
      { times: 100 },
    );

    // Exactly to the refresh time: going further would also fire the in-flight request's deadline.
    await vi.advanceTimersByTimeAsync(session.expiresAt - 30_000 - Date.now());
    await until(client, (snapshot) => snapshot.error?.code === 'invalid_client');
    expect(await client.getAccessToken()).toBe(session.accessToken); // still valid
    await vi.advanceTimersByTimeAsync(30_000);

    expect(client.getSnapshot()).toMatchObject({ status: 'anonymous', error: { code: 'session_expired' } });
    expect(server.count('passport-token')).toBe(2);
    expect(await rejectionOf(client.getAccessToken())).toMatchObject({ code: 'session_expired' }); // says why
    expect(await rejectionOf(client.refresh())).toMatchObject({ code: 'session_expired' });
  });
});

describe('timing of the session', () => {
  it('should count the lifetime from when the request was sent', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const server = await startServer({ accessTokenLifetime: 600 });
    // The real fetch, on a clock that moves 100 s while the answer travels.
    const slowNetwork: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      vi.setSystemTime(Date.now() + 100_000);
      return response;
    };
    const sent = Date.now();
    const session = await fxClient(server, { fetch: slowNetwork }).login(DEMO);

    expect(Date.now()).toBe(sent + 100_000);
    expect(session.expiresAt).toBe(sent + 599_000); // Spring's expires_in (599), from the sending
  });

  it('should not refresh right after a login, even when forced during it', async () => {
    const server = await startServer({ latency: 20 });
    const client = fxClient(server);
    const login = client.login(DEMO);

    const [forced, refreshed] = await Promise.all([client.getAccessToken({ forceRefresh: true }), client.refresh()]);

    expect(server.count('fx-token')).toBe(1);
    expect(forced).toBe((await login).accessToken);
    expect(refreshed.accessToken).toBe(forced);
  });

  it('should present a restored, due session as refreshing until its refresh lands', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const server = await startServer({ accessTokenLifetime: 600 });
    const storage = memoryStorage();
    const first = await fxClient(server, { storage }).login(DEMO);
    vi.setSystemTime(first.expiresAt + 1);

    const restored = fxClient(server, { storage });

    expect(restored.getSnapshot().status).toBe('refreshing');
    const next = await until(restored, (snapshot) => snapshot.status === 'authenticated');
    expect(next.session?.accessToken).not.toBe(first.accessToken);
  });

  it('should present a restored session that cannot be refreshed as authenticated until it expires', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const server = await startServer({ accessTokenLifetime: 600 });
    const storage = memoryStorage();
    const provider = jsonLogin({ tokenUrl: `${server.url}/api/v1/cas/authenticate` });
    const first = await track(createAuthClient({ provider, storage })).login(DEMO);
    vi.setSystemTime(first.expiresAt - 10_000); // inside the leeway, still valid

    const restored = track(createAuthClient({ provider, storage }));

    expect(restored.getSnapshot()).toMatchObject({ status: 'authenticated', session: first });
    expect(await restored.getAccessToken()).toBe(first.accessToken);
  });

  it('should leave a consistent snapshot when destroyed during a refresh', async () => {
    const server = await startServer({ latency: 50 });
    const client = fxClient(server);
    const session = await client.login(DEMO);
    const refresh = client.refresh();

    client.destroy();

    expect(client.getSnapshot()).toMatchObject({ status: 'authenticated', session });
    expect(await rejectionOf(refresh)).toMatchObject({ code: 'no_session' });
  });
});
