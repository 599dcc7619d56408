import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { HTTPError } from 'ky';
import { DEMO, fxClient, rejectionOf, startServer } from './support.js';

const apis: Array<{ close(): void }> = [];
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
  for (const api of apis.splice(0)) api.close();
});

/** An API on 127.0.0.1 that answers its first request 401, then echoes what it received. */
async function startFlakyApi(): Promise<{ url: string; seen: Array<{ auth: string | undefined; body: string }> }> {
  const seen: Array<{ auth: string | undefined; body: string }> = [];
  const read = async (request: IncomingMessage) => {
    let body = '';
    for await (const chunk of request) body += String(chunk);
    return body;
  };
  const server = createServer((request, response) => {
    void read(request).then((body) => {
      seen.push({ auth: request.headers.authorization, body });
      response.writeHead(seen.length === 1 ? 401 : 200, { 'content-type': 'application/json' });
      response.end(JSON.stringify(seen.at(-1)));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  apis.push({ close: () => server.close() });
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen };
}

const bearer = (headers: Record<string, string> | undefined) => headers?.authorization;

describe('client.ky', () => {
  it('should send the token to the token endpoint origin', async () => {
    const server = await startServer();
    const client = fxClient(server);
    const session = await client.login(DEMO);

    const me = await client.ky.get(`${server.url}/api/me`).json<{ user: { login: string } }>();

    expect(me.user.login).toBe('demo');
    expect(bearer(server.requests.at(-1)?.headers)).toBe(`Bearer ${session.accessToken}`);
  });

  it('should never send the token to another origin, nor refresh for its 401', async () => {
    const server = await startServer();
    const other = await startServer();
    const client = fxClient(server);
    await client.login(DEMO);
    const warned = vi.spyOn(console, 'warn').mockImplementation(() => undefined);

    const error = await rejectionOf(client.ky.get(`${other.url}/api/me`));

    expect(warned).toHaveBeenCalledOnce();
    expect(error).toBeInstanceOf(HTTPError);
    expect(bearer(other.requests[0]?.headers)).toBeUndefined();
    expect(other.count('me')).toBe(1);
    expect(server.count('fx-token')).toBe(1);
  });

  it('should send the token to the configured authorized origins only', async () => {
    const server = await startServer({ signingKey: 'shared' });
    const api = await startServer({ signingKey: 'shared' }); // accepts the token server's tokens
    const client = fxClient(server, { authorizedOrigins: [api.url] });
    const session = await client.login(DEMO);
    const warned = vi.spyOn(console, 'warn').mockImplementation(() => undefined);

    await client.ky.get(`${api.url}/api/me`);
    await rejectionOf(client.ky.get(`${server.url}/api/me`));

    expect(warned.mock.calls).toEqual([[expect.stringContaining(`a request to ${server.url} went without the token`)]]);
    expect(bearer(api.requests[0]?.headers)).toBe(`Bearer ${session.accessToken}`);
    expect(bearer(server.requests.at(-1)?.headers)).toBeUndefined();
  });

  it('should keep an Authorization header the caller set, and leave its 401 to the caller', async () => {
    const server = await startServer();
    const client = fxClient(server);
    await client.login(DEMO);

    const response = await client.ky.get(`${server.url}/api/me`, {
      headers: { Authorization: 'Basic dXNlcjpwdw==' },
      throwHttpErrors: false,
    });

    expect(response.status).toBe(401);
    expect(bearer(server.requests.at(-1)?.headers)).toBe('Basic dXNlcjpwdw==');
    expect(server.count('fx-token')).toBe(1); // no refresh for a credential that is not the client's
    expect(server.count('me')).toBe(1); // and no retry
  });

  it('should refresh once and retry once on a 401', async () => {
    const server = await startServer();
    const client = fxClient(server);
    const first = await client.login(DEMO);
    server.revokeAccessTokens();

    const response = await client.ky.get(`${server.url}/api/me`);

    expect(response.status).toBe(200);
    expect(server.count('fx-token')).toBe(2);
    expect(server.count('me')).toBe(2);
    expect(bearer(server.requests.at(-1)?.headers)).not.toBe(`Bearer ${first.accessToken}`);
  });

  it('should retry a POST after a 401 with its body intact and the new token', async () => {
    const server = await startServer();
    const api = await startFlakyApi();
    const client = fxClient(server, { authorizedOrigins: [api.url] });
    const first = await client.login(DEMO);

    const echoed = await client.ky.post(`${api.url}/offers`, { json: { load: 'pallets', kg: 500 } }).json();

    const second = client.getSnapshot().session;
    expect(api.seen).toEqual([
      { auth: `Bearer ${first.accessToken}`, body: '{"load":"pallets","kg":500}' },
      { auth: `Bearer ${second?.accessToken}`, body: '{"load":"pallets","kg":500}' },
    ]);
    expect(second?.accessToken).not.toBe(first.accessToken);
    expect(echoed).toEqual(api.seen[1]);
  });

  it("should let a second 401 reach the caller as ky's HTTPError, without a loop", async () => {
    const server = await startServer();
    const client = fxClient(server);
    await client.login(DEMO);
    server.inject('me', { type: 'status', status: 401, body: '{"error":"invalid_token"}' }, { times: 5 });

    const error = await rejectionOf(client.ky.get(`${server.url}/api/me`));

    expect(error).toBeInstanceOf(HTTPError);
    expect((error as HTTPError).response.status).toBe(401);
    expect(server.count('me')).toBe(2);
    expect(server.count('fx-token')).toBe(2);
  });

  it('should not retry a 401 when retries are disabled', async () => {
    const server = await startServer();
    const client = fxClient(server);
    await client.login(DEMO);
    server.revokeAccessTokens();

    const error = await rejectionOf(client.ky.get(`${server.url}/api/me`, { retry: 0 }));

    expect(error).toBeInstanceOf(HTTPError);
    expect(server.count('me')).toBe(1);
  });

  it('should fail with no_session before sending anything when logged out', async () => {
    const server = await startServer();
    const client = fxClient(server);

    const error = await rejectionOf(client.ky.get(`${server.url}/api/me`));

    expect(error).toMatchObject({ name: 'AuthError', code: 'no_session' });
    expect(server.count()).toBe(0);
  });

  it('should surface a rejected refresh during a 401 retry as session_expired and end the session', async () => {
    const server = await startServer();
    const client = fxClient(server);
    await client.login(DEMO);
    server.revokeAccessTokens();
    server.revokeRefreshTokens();

    const error = await rejectionOf(client.ky.get(`${server.url}/api/me`));

    expect(error).toMatchObject({ code: 'session_expired' });
    expect(client.getSnapshot().status).toBe('anonymous');
  });

  describe('the warning for an origin that does not get the token', () => {
    it('should warn once per origin, naming the origin and the option, never the token, path or query', async () => {
      const [server, other, third] = [await startServer(), await startServer(), await startServer()];
      const client = fxClient(server);
      const session = await client.login(DEMO);
      const warned = vi.spyOn(console, 'warn').mockImplementation(() => undefined);

      for (const target of [other, other, third, other]) {
        await rejectionOf(client.ky.get(`${target.url}/api/me?key=S3CR3T`));
      }

      expect(warned).toHaveBeenCalledTimes(2);
      const [first, second] = warned.mock.calls.map(([message]) => String(message));
      expect(first).toContain(`a request to ${other.url} went without the token`);
      expect(first).toContain(`authorizedOrigins (${server.url})`);
      expect(second).toContain(third.url);
      expect(`${first} ${second}`).not.toMatch(new RegExp(`S3CR3T|/api/me|${session.accessToken}`));
    });

    it('should say nothing in a production build, without a session, or for a call with its own Authorization', async () => {
      const [server, other] = [await startServer(), await startServer()];
      const client = fxClient(server);
      const warned = vi.spyOn(console, 'warn').mockImplementation(() => undefined);

      await rejectionOf(client.ky.get(`${other.url}/api/me`)); // anonymous: no token to withhold
      await client.login(DEMO);
      await rejectionOf(client.ky.get(`${other.url}/api/me`, { headers: { Authorization: 'Bearer mine' } }));
      vi.stubEnv('NODE_ENV', 'production');
      await rejectionOf(client.ky.get(`${other.url}/api/me`));

      expect(warned).not.toHaveBeenCalled();
    });
  });
});
