import { Buffer } from 'node:buffer';
import { describe, expect, it } from 'vitest';
import { decodeJwt, start } from './support.js';

const T0 = Date.UTC(2026, 10, 21, 10, 0, 0);

function postJson(server: { url: string }, path: string, body: unknown): Promise<Response> {
  return fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

const login = (server: { url: string }, body: unknown) => postJson(server, '/api/v1/cas/authenticate', body);
const refresh = (server: { url: string }, body: unknown) => postJson(server, '/api/v1/cas/refresh', body);

interface CasAnswer {
  token_type: string;
  expires_in: number | string;
  access_token: string;
  refresh_token: string;
}

describe('JSON login (CAS)', () => {
  it('should answer the seed shape with a number expires_in and an opaque refresh token', async () => {
    const server = await start({ now: () => T0 });
    const response = await login(server, { username: 'demo', password: 'demo' });
    const body = (await response.json()) as CasAnswer;

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(Object.keys(body)).toEqual(['token_type', 'expires_in', 'access_token', 'refresh_token']);
    expect(body).toMatchObject({ token_type: 'bearer', expires_in: 3600 });
    const inner = Buffer.from(body.refresh_token, 'base64').toString('utf8');
    expect(inner).toHaveLength(88);
    expect(Buffer.from(inner, 'base64')).toHaveLength(64);
  });

  it('should issue a CAS-looking JWT: kid cas-pk header and the real claim set', async () => {
    const server = await start({ now: () => T0 + 250 });
    const body = (await (await login(server, { username: 'demo', password: 'demo' })).json()) as CasAnswer;
    const { header, claims } = decodeJwt(body.access_token);

    expect(body.access_token.split('.')[0]).toBe('eyJraWQiOiJjYXMtcGsiLCJhbGciOiJSUzUxMiJ9');
    expect(header).toEqual({ kid: 'cas-pk', alg: 'RS512' });
    expect(claims).toMatchObject({
      sub: '0001',
      iss: 'http://cas-api.development:8080/',
      aud: 'MessagingPlatform',
      name: 'demo',
      iat: T0 / 1000,
      exp: T0 / 1000 + 3600,
      email: 'demo@example.com',
    });
    expect(claims.jti).toMatch(/^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}){2}$/);
  });

  it('should send expires_in as a string when jsonExpiresInAsString is set, with the configured lifetime', async () => {
    const server = await start({ jsonExpiresInAsString: true, accessTokenLifetime: 600 });
    const body = (await (await login(server, { username: 'demo', password: 'demo' })).json()) as CasAnswer;

    expect(body.expires_in).toBe('600');
  });

  it('should accept a password with quotes, backslashes and unicode', async () => {
    const server = await start({ users: [{ username: 'TEST_USER', password: 'p"w\\✓', profile: { id: '1' } }] });
    const response = await login(server, { username: 'TEST_USER', password: 'p"w\\✓' });

    expect(response.status).toBe(200);
    expect(JSON.parse(server.requests[0]?.body ?? '')).toEqual({ username: 'TEST_USER', password: 'p"w\\✓' });
  });

  it.each([
    ['no username', { password: 'demo' }, 'username'],
    ['no password', { username: 'demo' }, 'password'],
    ['an empty body', '', 'username'],
    ['a body that is not JSON', 'username=demo&password=demo', 'username'],
    ['a JSON array', '[]', 'username'],
    ['a number as password', { username: 'demo', password: 1 }, 'password'],
  ])('should answer %s with 400 missing parameters', async (_name, body, field) => {
    const server = await start();
    const response = await login(server, body);

    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: 'missing parameters', error_description: `${field} is required` });
  });

  it.each([
    ['a wrong password', { username: 'demo', password: 'wrong' }],
    ['an unknown user', { username: 'nobody', password: 'demo' }],
  ])('should answer %s with 401 Invalid credentials', async (_name, body) => {
    const server = await start();
    const response = await login(server, body);

    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: 'invalid_request', error_description: 'Invalid credentials' });
  });

  it('should answer GET with 405', async () => {
    const server = await start();

    expect((await fetch(`${server.url}/api/v1/cas/authenticate`)).status).toBe(405);
  });
});

describe('JSON login refresh', () => {
  it('should rotate: a new access token and refresh token, the old refresh token spent', async () => {
    const server = await start();
    const first = (await (await login(server, { username: 'demo', password: 'demo' })).json()) as CasAnswer;
    const response = await refresh(server, { refresh_token: first.refresh_token });
    const second = (await response.json()) as CasAnswer;
    const reused = await refresh(server, { refresh_token: first.refresh_token });

    expect(response.status).toBe(200);
    expect(Object.keys(second)).toEqual(['token_type', 'expires_in', 'access_token', 'refresh_token']);
    expect(second.access_token).not.toBe(first.access_token);
    expect(second.refresh_token).not.toBe(first.refresh_token);
    expect(decodeJwt(second.access_token).claims.name).toBe('demo');
    expect(reused.status).toBe(401);
    expect(server.count('json-refresh')).toBe(2);
    expect(server.count('json-login')).toBe(1);
  });

  it.each([
    ['an unknown token', async () => 'bm9wZQ=='],
    ['a JWT-looking string', async () => 'a.b.c'],
  ])('should reject %s with 401 invalid_token', async (_name, token) => {
    const server = await start();
    const response = await refresh(server, { refresh_token: await token() });

    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: 'invalid_token', error_description: 'Invalid refresh token' });
  });

  it('should reject an expired refresh token', async () => {
    let now = T0;
    const server = await start({ now: () => now, refreshTokenLifetime: 60 });
    const first = (await (await login(server, { username: 'demo', password: 'demo' })).json()) as CasAnswer;
    now += 60_000;

    expect((await refresh(server, { refresh_token: first.refresh_token })).status).toBe(401);
  });

  it('should reject revoked refresh tokens', async () => {
    const server = await start();
    const first = (await (await login(server, { username: 'demo', password: 'demo' })).json()) as CasAnswer;
    server.revokeRefreshTokens();
    const response = await refresh(server, { refresh_token: first.refresh_token });

    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: 'invalid_token', error_description: 'Invalid refresh token' });
  });

  it('should answer a missing refresh_token with 400 missing parameters', async () => {
    const server = await start();
    const response = await refresh(server, {});

    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: 'missing parameters',
      error_description: 'refresh_token is required',
    });
  });
});
