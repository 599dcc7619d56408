import { afterEach, describe, expect, it, vi } from 'vitest';
import { createAuthClient, freightExchange, MIN_LIFETIME_SECONDS } from '@fx-auth/core';
import { DEMO, fxClient, rejectionOf, startHttpServer, startServer, track } from '../support.js';

const PASSWORD = 'pa55-w0rd-echoed';
const json = (status: number, body: object) => ({
  type: 'status' as const,
  status,
  contentType: 'application/json',
  body: JSON.stringify(body),
});

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  vi.useRealTimers();
  await Promise.all(closers.splice(0).map((close) => close()));
});

/** A real API on 127.0.0.1 that answers every call with 401 and counts them. */
async function alwaysUnauthorized(): Promise<{ url: string; calls: () => number }> {
  let calls = 0;
  const api = await startHttpServer((_request, response) => {
    calls += 1;
    response.writeHead(401, { 'Access-Control-Allow-Origin': '*' }).end();
  });
  closers.push(api.close);
  return { url: api.url, calls: () => calls };
}

describe('what a token endpoint answers', () => {
  it.each([301, 302, 303, 307, 308])('should not follow a %i and send nothing to its location', async (status) => {
    const [server, elsewhere] = [await startServer(), await startServer()];
    const location = `${elsewhere.url}/oauth/token?client_id=freightexchange&grant_type=password`;
    server.inject('fx-token', { type: 'status', status, headers: { Location: location } });
    const client = fxClient(server);

    const error = await rejectionOf(client.login({ username: 'demo', password: PASSWORD }));

    expect(error).toMatchObject({ name: 'AuthError', code: 'server', status });
    expect((error as Error).message).not.toContain(elsewhere.url);
    expect(elsewhere.requests).toEqual([]);
  });

  it('should keep the session when a refresh is redirected, and send the refresh token nowhere else', async () => {
    const [server, elsewhere] = [await startServer(), await startServer()];
    const client = fxClient(server);
    const session = await client.login(DEMO);
    server.inject('fx-token', { type: 'status', status: 308, headers: { Location: `${elsewhere.url}/oauth/token` } });

    expect(await rejectionOf(client.refresh())).toMatchObject({ code: 'server', status: 308 });
    expect(client.getSnapshot()).toMatchObject({ status: 'authenticated', session });
    expect(elsewhere.requests).toEqual([]);
  });

  it.each([
    { error: PASSWORD },
    { error: 'invalid_grant', error_description: PASSWORD, error_uri: `https://x.test/?p=${PASSWORD}` },
    { error: `invalid_grant ${PASSWORD}` },
  ])('should not echo what the server says (%o)', async (body) => {
    const server = await startServer();
    server.inject('fx-token', json(400, body));
    const client = fxClient(server);

    const error = await rejectionOf(client.login({ username: 'demo', password: PASSWORD }));

    expect(JSON.stringify(error)).not.toContain(PASSWORD);
    expect((error as Error).message).not.toContain(PASSWORD);
    expect((error as { error?: string }).error).toBe(body.error === 'invalid_grant' ? 'invalid_grant' : undefined);
  });

  it.each(
    [408, 425, 429, 500, 502, 503, 504].flatMap((status) => [
      [status, 'invalid_grant'],
      [status, 'invalid_client'],
    ]),
  )(
    'should keep the session and retry when a refresh is answered %i, even with %s in the body',
    async (status, oauthError) => {
      const server = await startServer();
      const client = fxClient(server);
      const session = await client.login(DEMO);
      server.inject('fx-token', json(status, { error: oauthError }));

      expect(await rejectionOf(client.refresh())).toMatchObject({ code: 'server', status });
      expect(client.getSnapshot()).toMatchObject({ status: 'authenticated', session });
      expect(await client.getAccessToken()).toBe(session.accessToken);
    },
  );

  it.each([
    [400, 'invalid_grant'],
    [401, 'invalid_token'],
    [401, 'invalid_grant'],
  ])('should end the session when a refresh is answered %i %s', async (status, oauthError) => {
    const server = await startServer();
    const client = fxClient(server);
    await client.login(DEMO);
    server.inject('fx-token', json(status, { error: oauthError }));

    expect(await rejectionOf(client.refresh())).toMatchObject({ code: 'session_expired', status });
    expect(client.getSnapshot()).toMatchObject({ status: 'anonymous', session: null });
  });

  it.each([
    ['invalid_request', 'invalid_request'],
    ['unsupported_grant_type', 'unsupported_grant_type'],
    ['missing parameters', 'invalid_request'],
    ['invalid_scope', 'invalid_scope'],
    ['unauthorized_client', 'unauthorized_client'],
    ['invalid_client', 'invalid_client'],
  ])(
    'should report a refresh refused with %s as %s, keep the still-valid token, and not ask again',
    async (oauthError, code) => {
      vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
      const server = await startServer({ accessTokenLifetime: 600 });
      const client = fxClient(server);
      const session = await client.login(DEMO);
      server.inject('fx-token', json(400, { error: oauthError }), { times: 100 });

      expect(await rejectionOf(client.refresh())).toMatchObject({ code, error: oauthError, status: 400 });
      await vi.advanceTimersByTimeAsync(session.expiresAt - 1_000 - Date.now()); // past every backoff and refresh time

      expect(client.getSnapshot()).toMatchObject({ status: 'authenticated', session, error: { code } });
      expect(await client.getAccessToken()).toBe(session.accessToken);
      expect(server.count('fx-token')).toBe(2); // the login and the refused refresh
      await vi.advanceTimersByTimeAsync(1_000);
      expect(client.getSnapshot()).toMatchObject({ status: 'anonymous', error: { code: 'session_expired' } });
    },
  );

  it.each(['abc\u0000def', 'abc\r\nX-Injected: 1', 'tökén', 'two words', 'tab\there', '\u{1F511}'])(
    'should refuse an access token that is not a header value (%j), without the token in the error',
    async (token) => {
      const server = await startServer();
      server.inject('fx-token', json(200, { access_token: token, token_type: 'bearer', expires_in: 600 }));
      const client = fxClient(server);

      const error = await rejectionOf(client.login(DEMO));

      expect(error).toMatchObject({ name: 'AuthError', code: 'invalid_response' });
      expect(JSON.stringify(error) + String(error)).not.toContain(token);
      expect(client.getSnapshot().status).toBe('anonymous');
    },
  );

  it('should keep the session when a refresh brings a token that is not a header value', async () => {
    const server = await startServer();
    const client = fxClient(server);
    const session = await client.login(DEMO);
    server.inject('fx-token', json(200, { access_token: 'a\r\nb', token_type: 'bearer', expires_in: 600 }));

    expect(await rejectionOf(client.refresh())).toMatchObject({ code: 'invalid_response' });
    expect(client.getSnapshot()).toMatchObject({ status: 'authenticated', session });
  });

  it('should refresh once for a 401, not once per call, when an API answers every call with 401', async () => {
    vi.useFakeTimers({ toFake: ['Date'] }); // the calls take no time: all within the least refresh interval
    const server = await startServer();
    const api = await alwaysUnauthorized();
    const provider = freightExchange({ baseUrl: server.url });
    const client = track(createAuthClient({ provider, authorizedOrigins: [server.url, api.url] }));
    await client.login(DEMO);

    for (let call = 0; call < 10; call += 1) {
      const response = await client.ky.get(api.url, { throwHttpErrors: false });
      expect(response.status).toBe(401);
    }

    expect(server.count('fx-token')).toBe(2); // the login, and one refresh for the first 401
    expect(api.calls()).toBe(11); // every call, and one retry with the new token
  });

  it('should not send a token request per call when the 401 refresh fails', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const server = await startServer();
    const api = await alwaysUnauthorized();
    const provider = freightExchange({ baseUrl: server.url });
    const client = track(createAuthClient({ provider, authorizedOrigins: [server.url, api.url] }));
    await client.login(DEMO);
    server.inject('fx-token', { type: 'status', status: 503 }, { times: 100 });

    for (let call = 0; call < 10; call += 1) {
      expect(await rejectionOf(client.ky.get(api.url))).toMatchObject({ code: 'server' });
    }

    expect(server.count('fx-token')).toBe(2); // the login, and one failed refresh shared by every call
  });

  it("should count a slow answer's lifetime at least the least lifetime from its arrival", async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const server = await startServer();
    server.inject('fx-token', json(200, { access_token: 'slow-token', token_type: 'bearer', expires_in: 10 }));
    const slow: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      vi.setSystemTime(Date.now() + 30_000); // the answer took 30 s to arrive
      return response;
    };
    const client = track(createAuthClient({ provider: freightExchange({ baseUrl: server.url }), fetch: slow }));

    const session = await client.login(DEMO);

    expect(session.expiresAt).toBeGreaterThanOrEqual(Date.now() + MIN_LIFETIME_SECONDS * 1000);
    expect(client.getSnapshot().expired).toBe(false);
  });

  it('should stop reading an endless answer and report it as invalid_response', async () => {
    let closed = false;
    const endless = await startHttpServer((_request, response) => {
      response.writeHead(200, { 'Content-Type': 'application/json' });
      const chunk = `{"pad":"${'x'.repeat(64 * 1024)}`;
      const more = (): void => {
        while (!closed && response.write(chunk));
        if (!closed) response.once('drain', more);
      };
      response.on('close', () => (closed = true));
      more();
    });
    closers.push(endless.close);
    const client = track(createAuthClient({ provider: freightExchange({ baseUrl: endless.url }) }));

    expect(await rejectionOf(client.login(DEMO))).toMatchObject({ code: 'invalid_response' });
  });
});
