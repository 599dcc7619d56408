import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  clientCredentials,
  createAuthClient,
  freightExchange,
  type AuthClient,
  type ClientAuthentication,
} from '@fx-auth/core';
import { rejectionOf, track, until } from '../support.js';
import { startNodeOauth2Server, type InteropClient } from './nodeOauth2Server.js';

const SECRET = 'S3c:r%t+/=x';
const CLIENT: InteropClient = {
  id: 'fx-app',
  secret: SECRET,
  grants: ['password', 'refresh_token', 'client_credentials'],
};

const servers: { close: () => Promise<void> }[] = [];
afterEach(async () => {
  vi.useRealTimers();
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function serve(accessTokenLifetime?: number) {
  const server = await startNodeOauth2Server([CLIENT], accessTokenLifetime);
  servers.push(server);
  return server;
}

/** The password grant through `freightExchange()`, its parameters in the body (the server reads no query). */
const passwordClient = (url: string, clientSecret = SECRET): AuthClient =>
  track(
    createAuthClient({
      provider: freightExchange({
        baseUrl: url,
        tokenPath: '/token',
        clientId: CLIENT.id,
        clientSecret,
        parameters: 'body',
      }),
    }),
  );

describe('interop: @node-oauth/oauth2-server 5.3', () => {
  it('should log in with the password grant and call the protected endpoint with the token', async () => {
    const server = await serve();
    const client = passwordClient(server.url);
    await client.login({ username: 'demo', password: 'demo' });

    const me = await client.ky.get(`${server.url}/api/me`).json();

    expect(me).toEqual({ user: { id: 'demo' } });
  });

  it('should log in and refresh with the client in a Basic header instead of the parameters', async () => {
    const server = await serve();
    const provider = freightExchange({
      baseUrl: server.url,
      tokenPath: '/token',
      clientId: CLIENT.id,
      clientSecret: SECRET,
      parameters: 'body',
      clientAuthentication: 'client_secret_basic_unencoded', // it does not form-decode Basic credentials
    });
    const client = track(createAuthClient({ provider }));

    await client.login({ username: 'demo', password: 'demo' });
    await client.refresh();

    expect(await client.ky.get(`${server.url}/api/me`).json()).toEqual({ user: { id: 'demo' } });
    expect(server.tokenRequests()).toBe(2);
  });

  it('should refresh with rotation: the old refresh token is gone, the new one works', async () => {
    const server = await serve();
    const client = passwordClient(server.url);
    const first = await client.login({ username: 'demo', password: 'demo' });

    const second = await client.refresh();
    const third = await client.refresh();

    expect(server.hasRefreshToken(first.refreshToken!)).toBe(false);
    expect(second.refreshToken).not.toBe(first.refreshToken);
    expect(third.accessToken).not.toBe(second.accessToken);
    expect(await client.ky.get(`${server.url}/api/me`).json()).toEqual({ user: { id: 'demo' } });
  });

  it.each([
    ['a wrong password', { username: 'demo', password: 'nope' }, SECRET, 'invalid_credentials'],
    ['a wrong client secret', { username: 'demo', password: 'demo' }, 'wrong', 'invalid_client'],
  ])('should report %s with its code', async (_name, credentials, secret, code) => {
    const server = await serve();

    expect(await rejectionOf(passwordClient(server.url, secret).login(credentials))).toMatchObject({ code });
  });

  it('should end the session with session_expired when the refresh token was revoked', async () => {
    const server = await serve();
    const client = passwordClient(server.url);
    await client.login({ username: 'demo', password: 'demo' });
    server.revokeRefreshTokens();

    expect(await rejectionOf(client.refresh())).toMatchObject({ code: 'session_expired', status: 400 });
    expect(client.getSnapshot().status).toBe('anonymous');
  });

  it('should answer a revoked access token with one refresh and one retry of the call', async () => {
    const server = await serve();
    const client = passwordClient(server.url);
    await client.login({ username: 'demo', password: 'demo' });
    server.revokeAccessTokens();

    expect(await client.ky.get(`${server.url}/api/me`).json()).toEqual({ user: { id: 'demo' } });
    expect(server.tokenRequests()).toBe(2);
  });

  it('should get a new client-credentials grant before a short lifetime runs out', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const server = await serve(60);
    const provider = clientCredentials({
      tokenUrl: `${server.url}/token`,
      clientId: CLIENT.id,
      clientSecret: SECRET,
      clientAuthentication: 'client_secret_post',
    });
    const client = track(createAuthClient({ provider }));
    const first = await client.login();

    await vi.advanceTimersByTimeAsync(30_000); // half its life: the refresh time for a 60 s token
    await until(client, (snapshot) => snapshot.status === 'authenticated' && snapshot.session !== first);

    expect(server.tokenRequests()).toBe(2);
    expect(Date.now()).toBeLessThan(first.expiresAt);
    expect(await client.ky.get(`${server.url}/api/me`).json()).toEqual({ user: { id: 'client:fx-app' } });
  });

  it('should report a non-ASCII client secret, which this server refuses (RFC 6749 VSCHAR), as invalid_request', async () => {
    const registered: InteropClient = { id: 'intl-app', secret: 'sécret✓:1', grants: ['client_credentials'] };
    const server = await startNodeOauth2Server([registered]);
    servers.push(server);
    const provider = clientCredentials({
      tokenUrl: `${server.url}/token`,
      clientId: registered.id,
      clientSecret: registered.secret,
      clientAuthentication: 'client_secret_basic_unencoded',
    });

    const error = await rejectionOf(track(createAuthClient({ provider })).login());

    expect(error).toMatchObject({ code: 'invalid_request', status: 400 });
    expect(JSON.stringify(error) + String(error)).not.toContain('sécret');
  });

  it('should make one token request for 50 callers at expiry', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const server = await serve(60);
    const client = passwordClient(server.url);
    const session = await client.login({ username: 'demo', password: 'demo' });
    vi.setSystemTime(session.expiresAt + 1);

    const calls = await Promise.all(Array.from({ length: 50 }, () => client.ky.get(`${server.url}/api/me`).json()));

    expect(calls.every((me) => JSON.stringify(me) === '{"user":{"id":"demo"}}')).toBe(true);
    expect(server.tokenRequests()).toBe(2);
  });

  it.each<[ClientAuthentication, boolean]>([
    ['client_secret_basic_unencoded', true],
    ['client_secret_post', true],
    ['client_secret_basic', false], // it does not form-decode Basic credentials, as RFC 6749 §2.3.1 asks
  ])(
    'should get a client-credentials token with %s and a secret with ": % + / =" (works: %s)',
    async (method, works) => {
      const server = await serve();
      const provider = clientCredentials({
        tokenUrl: `${server.url}/token`,
        clientId: CLIENT.id,
        clientSecret: SECRET,
        clientAuthentication: method,
      });
      const client = track(createAuthClient({ provider }));

      const outcome = await client.login().catch((error: unknown) => error);

      if (works) expect(await client.ky.get(`${server.url}/api/me`).json()).toEqual({ user: { id: 'client:fx-app' } });
      else expect(outcome).toMatchObject({ code: 'invalid_client' });
    },
  );
});
