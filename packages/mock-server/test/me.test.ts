import { describe, expect, it } from 'vitest';
import { defaultUsers } from '../src/index.js';
import { basic, fxLogin, getMe, start } from './support.js';

const T0 = Date.UTC(2026, 10, 21, 10, 0, 0);

async function expectInvalidToken(response: Response, description: string) {
  expect(response.status).toBe(401);
  expect(response.headers.get('www-authenticate')).toBe(
    `Bearer error="invalid_token", error_description="${description}"`,
  );
  expect(await response.json()).toEqual({ error: 'invalid_token', error_description: description });
}

describe('GET /api/me', () => {
  it('should answer the FreightExchange user and the token expiry for an FX token', async () => {
    const server = await start({ now: () => T0 });
    const { access_token: token } = await fxLogin(server);
    const response = await getMe(server, token);

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ user: defaultUsers()[0]?.profile, token_expires_at: T0 + 3_600_000 });
    expect(server.requests.at(-1)).toMatchObject({ api: 'me', method: 'GET', url: '/api/me' });
    expect(server.count('me')).toBe(1);
  });

  it('should answer the client for a Passport token', async () => {
    const server = await start();
    const grant = await fetch(`${server.url}/passport/oauth/token?grant_type=client_credentials`, {
      method: 'POST',
      headers: { Authorization: basic('demo-client', 'demo-secret') },
    });
    const { access_token: token } = (await grant.json()) as { access_token: string };
    const response = await getMe(server, token);

    expect(response.status).toBe(200);
    expect(((await response.json()) as { user: unknown }).user).toEqual({ client_id: 'demo-client' });
  });

  it('should answer the user for a JSON-login token', async () => {
    const server = await start();
    const login = await fetch(`${server.url}/api/v1/cas/authenticate`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: 'alice', password: 'p@ss w0rd&=?+%' }),
    });
    const { access_token: token } = (await login.json()) as { access_token: string };
    const response = await getMe(server, token);

    expect(response.status).toBe(200);
    expect(((await response.json()) as { user: { id: string } }).user.id).toBe('0002');
  });

  it('should answer 401 unauthorized without a bearer token', async () => {
    const server = await start();

    for (const init of [{}, { headers: { Authorization: basic('demo', 'demo') } }]) {
      const response = await fetch(`${server.url}/api/me`, init);
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toMatch(/^Bearer error="unauthorized"/);
      expect(((await response.json()) as { error: string }).error).toBe('unauthorized');
    }
  });

  it('should reject a garbage token and one from another server', async () => {
    const server = await start();
    const other = await start();
    const { access_token: foreign } = await fxLogin(other);

    await expectInvalidToken(await getMe(server, 'garbage'), 'Cannot convert access token to JSON');
    await expectInvalidToken(await getMe(server, foreign), 'Cannot convert access token to JSON');
  });

  it('should accept a token from another server that shares its signingKey', async () => {
    const server = await start({ signingKey: 'shared' });
    const api = await start({ signingKey: 'shared' });
    const { access_token: token } = await fxLogin(server);

    expect((await getMe(api, token)).status).toBe(200);
  });

  it('should reject every earlier token once the signingKey changes', async () => {
    const server = await start();
    const { access_token: token } = await fxLogin(server);
    server.set({ signingKey: 'rotated' });

    await expectInvalidToken(await getMe(server, token), 'Cannot convert access token to JSON');
  });

  it('should reject a refresh token', async () => {
    const server = await start();
    const { refresh_token: token } = await fxLogin(server);

    await expectInvalidToken(await getMe(server, token), 'Encoded token is a refresh token');
  });

  it('should reject an expired token by the server clock', async () => {
    let now = T0;
    const server = await start({ now: () => now, accessTokenLifetime: 60 });
    const { access_token: token } = await fxLogin(server);
    now += 59_999;
    expect((await getMe(server, token)).status).toBe(200);
    now += 1;

    await expectInvalidToken(await getMe(server, token), `Access token expired: ${token}`);
  });

  it('should reject revoked access tokens but accept ones issued after', async () => {
    const server = await start();
    const { access_token: old } = await fxLogin(server);
    server.revokeAccessTokens();
    const { access_token: fresh } = await fxLogin(server);

    await expectInvalidToken(await getMe(server, old), `Invalid access token: ${old}`);
    expect((await getMe(server, fresh)).status).toBe(200);
  });

  it('should answer POST with 405', async () => {
    const server = await start();
    const response = await fetch(`${server.url}/api/me`, { method: 'POST' });

    expect(response.status).toBe(405);
  });
});
