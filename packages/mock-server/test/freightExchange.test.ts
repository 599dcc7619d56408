import { describe, expect, it } from 'vitest';
import { defaultUsers, type MockUser } from '../src/index.js';
import { decodeJwt, FX_CLIENT, fxLogin, postQuery, start } from './support.js';

const SPRING_HEADER_B64 = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const T0 = Date.UTC(2026, 10, 21, 10, 0, 0);
const demoProfile = defaultUsers()[0]?.profile;

const password = (username: string, secret: string) => ({
  ...FX_CLIENT,
  scope: 'any',
  grant_type: 'password',
  username,
  password: secret,
});

describe('FreightExchange password grant', () => {
  it('should answer the seed request with Spring headers and keys in Spring order', async () => {
    const server = await start({ now: () => T0 });
    const response = await postQuery(server, '/oauth/token', password('demo', 'demo'));

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json;charset=UTF-8');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('pragma')).toBe('no-cache');
    const body = (await response.json()) as Record<string, unknown>;
    expect(Object.keys(body)).toEqual([
      'access_token',
      'token_type',
      'refresh_token',
      'expires_in',
      'scope',
      'user',
      'jti',
    ]);
    expect(body).toMatchObject({ token_type: 'bearer', expires_in: 3599, scope: 'any', user: demoProfile });
    expect(body.jti).toMatch(UUID);
  });

  it('should send the demo profile with the seed key order, null fax and spoken languages', async () => {
    const server = await start();
    const { user } = await fxLogin(server);

    expect(Object.keys(user as object)).toEqual([
      'fname',
      'a_uplft_init',
      'cmp_post_code',
      'login',
      'cmp_name',
      'cmp_id',
      'lname',
      'phone',
      'a_uplft_cnt',
      'id',
      'bus_id',
      'fax',
      'lang',
      'email',
      'sp_langs',
      'a_uplft',
    ]);
    expect(user).toMatchObject({ id: '0001', login: 'demo', fname: 'Demo', fax: null, sp_langs: ['en', 'fr'] });
  });

  it('should issue HS256 JWTs with the Spring header and access/refresh claims', async () => {
    const server = await start({ now: () => T0 + 400 });
    const body = await fxLogin(server);
    const access = decodeJwt(body.access_token);
    const refresh = decodeJwt(body.refresh_token);

    expect(body.access_token.split('.')[0]).toBe(SPRING_HEADER_B64);
    expect(body.access_token.split('.')[1]).toMatch(/^eyJ1c2/); // {"us… as in the seed
    expect(access.header).toEqual({ alg: 'HS256', typ: 'JWT' });
    expect(access.claims).toEqual({
      user_name: 'demo',
      scope: ['any'],
      exp: T0 / 1000 + 3600,
      jti: body.jti,
      client_id: 'freightexchange',
    });
    expect(refresh.header).toEqual({ alg: 'HS256', typ: 'JWT' });
    expect(refresh.claims).toEqual({
      user_name: 'demo',
      scope: ['any'],
      ati: body.jti,
      exp: T0 / 1000 + 30 * 86_400,
      jti: expect.stringMatching(UUID),
      client_id: 'freightexchange',
    });
    expect(refresh.claims.jti).not.toBe(body.jti);
  });

  it.each([
    [T0, 599],
    [T0 + 500, 599],
    [T0 + 999, 599],
  ])('should report expires_in as lifetime - 1 like Spring (now = %i)', async (now, expected) => {
    const server = await start({ accessTokenLifetime: 600, now: () => now });
    const body = await fxLogin(server);

    expect(body.expires_in).toBe(expected);
    expect(decodeJwt(body.access_token).claims.exp).toBe(Math.floor(now / 1000) + 600);
  });

  it('should serve /user/token like /oauth/token', async () => {
    const server = await start();
    const response = await postQuery(server, '/user/token', password('demo', 'demo'));

    expect(response.status).toBe(200);
    expect(server.requests[0]?.api).toBe('fx-token');
  });

  it('should read the parameters from a form body', async () => {
    const server = await start();
    const response = await fetch(`${server.url}/oauth/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(password('alice', 'p@ss w0rd&=?+%')),
    });

    expect(response.status).toBe(200);
    expect(((await response.json()) as { user: { login: string } }).user.login).toBe('alice');
  });

  it('should merge query and form parameters, the query first', async () => {
    const server = await start();
    const response = await fetch(`${server.url}/oauth/token?client_id=freightexchange&username=demo`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded;charset=UTF-8' },
      body: 'client_secret=secret&grant_type=password&username=alice&password=demo',
    });

    expect(response.status).toBe(200);
    expect(((await response.json()) as { user: { login: string } }).user.login).toBe('demo');
  });

  it('should not read parameters from a body that is not a form', async () => {
    const server = await start();
    const response = await fetch(`${server.url}/oauth/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain' },
      body: new URLSearchParams(password('demo', 'demo')).toString(),
    });

    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: 'invalid_client', error_description: 'Bad client credentials' });
  });

  it.each([
    ['p@ss w0rd&=?+%', 'p%40ss%20w0rd%26%3D%3F%2B%25'],
    ['pässwörd✓', 'p%C3%A4ssw%C3%B6rd%E2%9C%93'],
  ])('should decode the percent-encoded password %j from the query string', async (secret, encoded) => {
    const users: MockUser[] = [{ username: 'ü ser&1', password: secret, profile: { id: '7', login: 'u' } }];
    const server = await start({ users });
    const url = `${server.url}/oauth/token?client_id=freightexchange&client_secret=secret&grant_type=password&username=%C3%BC%20ser%261&password=${encoded}`;
    const response = await fetch(url, { method: 'POST' });

    expect(response.status).toBe(200);
    expect(server.requests[0]?.url).toContain(`password=${encoded}`);
    expect(((await response.json()) as { user: unknown }).user).toEqual({ id: '7', login: 'u' });
  });

  it('should read + in the query string as a space', async () => {
    const server = await start({ users: [{ username: 'a b', password: 'c d', profile: { id: '9' } }] });
    const url = `${server.url}/oauth/token?client_id=freightexchange&client_secret=secret&grant_type=password&username=a+b&password=c%20d`;

    expect((await fetch(url, { method: 'POST' })).status).toBe(200);
  });

  it('should grant the requested scope, space-joined, in the token and the answer', async () => {
    const server = await start();
    const body = await fxLogin(server, { scope: 'read  write read' });

    expect(body.scope).toBe('read write');
    expect(decodeJwt(body.access_token).claims.scope).toEqual(['read', 'write']);
  });

  it('should accept the configured client and reject the default one then', async () => {
    const server = await start({ fxClient: { id: 'my-app', secret: 's3cr3t' } });
    const ok = await postQuery(server, '/oauth/token', {
      ...password('demo', 'demo'),
      client_id: 'my-app',
      client_secret: 's3cr3t',
    });
    const rejected = await postQuery(server, '/oauth/token', password('demo', 'demo'));

    expect(ok.status).toBe(200);
    expect(decodeJwt(((await ok.json()) as { access_token: string }).access_token).claims.client_id).toBe('my-app');
    expect(rejected.status).toBe(401);
  });

  it.each(['GET', 'PUT', 'DELETE'])('should answer %s with 405 method_not_allowed', async (method) => {
    const server = await start();
    const response = await fetch(`${server.url}/oauth/token?${new URLSearchParams(password('demo', 'demo'))}`, {
      method,
    });

    expect(response.status).toBe(405);
    expect(await response.json()).toEqual({
      error: 'method_not_allowed',
      error_description: `Request method '${method}' not supported`,
    });
  });

  it.each([
    ['a wrong secret', { client_secret: 'nope' }],
    ['a wrong id', { client_id: 'other' }],
    ['no client secret', { client_secret: undefined }],
    ['no client at all', { client_id: undefined, client_secret: undefined }],
  ])('should reject %s with 401 invalid_client and a Form challenge', async (_name, change) => {
    const server = await start();
    const query = Object.fromEntries(
      Object.entries({ ...password('demo', 'demo'), ...change }).filter(
        (entry): entry is [string, string] => entry[1] !== undefined,
      ),
    );
    const response = await postQuery(server, '/oauth/token', query);

    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe(
      'Form realm="oauth2/client", error="invalid_client", error_description="Bad client credentials"',
    );
    expect(await response.json()).toEqual({ error: 'invalid_client', error_description: 'Bad client credentials' });
  });

  it('should reject a missing grant_type with 400 invalid_request', async () => {
    const server = await start();
    const response = await postQuery(server, '/oauth/token', { ...FX_CLIENT, username: 'demo', password: 'demo' });

    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: 'invalid_request', error_description: 'Missing grant type' });
  });

  it.each(['client_credentials', 'magic'])(
    'should reject the grant %s with 400 unsupported_grant_type',
    async (grant) => {
      const server = await start();
      const response = await postQuery(server, '/oauth/token', { ...password('demo', 'demo'), grant_type: grant });

      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({
        error: 'unsupported_grant_type',
        error_description: 'Unsupported grant type',
      });
    },
  );

  it.each([
    ['a wrong password', { password: 'wrong' }],
    ['an unknown user', { username: 'nobody' }],
    ['a password of another user', { password: 'p@ss w0rd&=?+%' }],
    ['no password', { password: undefined }],
  ])('should reject %s with 400 invalid_grant Bad credentials', async (_name, change) => {
    const server = await start();
    const query = Object.fromEntries(
      Object.entries({ ...password('demo', 'demo'), ...change }).filter(
        (entry): entry is [string, string] => entry[1] !== undefined,
      ),
    );
    const response = await postQuery(server, '/oauth/token', query);

    expect(response.status).toBe(400);
    expect(response.headers.get('www-authenticate')).toBeNull();
    expect(await response.json()).toEqual({ error: 'invalid_grant', error_description: 'Bad credentials' });
  });
});
