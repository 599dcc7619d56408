import { describe, expect, it } from 'vitest';
import { basic, decodeJwt, start } from './support.js';

const T0 = Date.UTC(2026, 10, 21, 10, 0, 0);

function passport(server: { url: string }, authorization: string | undefined, body = 'grant_type=client_credentials') {
  const headers: Record<string, string> = { 'Content-Type': 'application/x-www-form-urlencoded' };
  if (authorization !== undefined) headers.Authorization = authorization;
  return fetch(`${server.url}/passport/oauth/token`, { method: 'POST', headers, body });
}

describe('Passport client_credentials', () => {
  it('should answer with the Passport token shape, in order, without a refresh token', async () => {
    const server = await start({ now: () => T0 });
    const response = await passport(server, basic('demo-client', 'demo-secret'));
    const body = (await response.json()) as Record<string, unknown> & { access_token: string };

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json;charset=UTF-8');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('pragma')).toBe('no-cache');
    expect(Object.keys(body)).toEqual([
      'access_token',
      'token_type',
      'expires_in',
      'scope',
      'client_logo',
      'client_description',
      'merchant_code',
      'requestor_id',
      'jti',
    ]);
    expect(body).toMatchObject({
      token_type: 'bearer',
      expires_in: 3599,
      scope: 'profile',
      client_logo: null,
      client_description: null,
      merchant_code: 'MX1234',
      requestor_id: '12345678901',
    });
    expect(body).not.toHaveProperty('refresh_token');
    const { header, claims } = decodeJwt(body.access_token);
    expect(header).toEqual({ alg: 'HS256', typ: 'JWT' });
    expect(claims).toMatchObject({
      scope: ['profile'],
      client_id: 'demo-client',
      jti: body.jti,
      exp: T0 / 1000 + 3600,
    });
  });

  it('should grant the requested scope and follow the configured lifetime', async () => {
    const server = await start({ accessTokenLifetime: 86_400 });
    const response = await passport(
      server,
      basic('demo-client', 'demo-secret'),
      'grant_type=client_credentials&scope=profile+payments',
    );
    const body = (await response.json()) as { scope: string; expires_in: number };

    expect(body).toEqual(expect.objectContaining({ scope: 'profile payments', expires_in: 86_399 }));
  });

  it('should accept grant_type in the query string with an empty body', async () => {
    const server = await start();
    const response = await fetch(`${server.url}/passport/oauth/token?grant_type=client_credentials`, {
      method: 'POST',
      headers: { Authorization: basic('demo-client', 'demo-secret') },
    });

    expect(response.status).toBe(200);
    expect(server.requests[0]?.body).toBe('');
  });

  it.each([
    ['a secret with colons and symbols', 'demo-client', 's3c:r&t %20+:'],
    ['non-Latin-1 characters', 'clïent', 'sécret✓'],
  ])('should decode Basic credentials with %s as UTF-8, split at the first colon', async (_name, id, secret) => {
    const server = await start({ passportClient: { id, secret } });
    const response = await passport(server, basic(id, secret));

    expect(response.status).toBe(200);
    expect(decodeJwt(((await response.json()) as { access_token: string }).access_token).claims.client_id).toBe(id);
  });

  it.each([
    ['a wrong secret', basic('demo-client', 'nope')],
    ['an unknown client', basic('nobody', 'demo-secret')],
    ['no Authorization header', undefined],
    ['a bearer token', 'Bearer abc'],
    ['base64 without a colon', `Basic ${btoa('demo-client')}`],
  ])('should answer %s with 401, a Basic challenge and a Spring Boot error body', async (_name, authorization) => {
    const server = await start({ now: () => T0 });
    const response = await passport(server, authorization);

    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Basic realm="oauth2/client"');
    expect(await response.json()).toEqual({
      timestamp: '2026-11-21T10:00:00.000+00:00',
      status: 401,
      error: 'Unauthorized',
      message: 'Unauthorized',
      path: '/passport/oauth/token',
    });
  });

  it('should reject a missing grant_type with 400 invalid_request', async () => {
    const server = await start();
    const response = await passport(server, basic('demo-client', 'demo-secret'), 'scope=profile');

    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: 'invalid_request', error_description: 'Missing grant type' });
  });

  it.each(['password', 'refresh_token'])(
    'should reject the grant %s with 400 unsupported_grant_type',
    async (grant) => {
      const server = await start();
      const response = await passport(server, basic('demo-client', 'demo-secret'), `grant_type=${grant}`);

      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({
        error: 'unsupported_grant_type',
        error_description: 'Unsupported grant type',
      });
    },
  );

  it('should answer GET with 405', async () => {
    const server = await start();
    const response = await fetch(`${server.url}/passport/oauth/token?grant_type=client_credentials`, {
      headers: { Authorization: basic('demo-client', 'demo-secret') },
    });

    expect(response.status).toBe(405);
    expect(server.count('passport-token')).toBe(1);
  });

  it('should issue a different token on each grant', async () => {
    const server = await start();
    const tokens = await Promise.all(
      [1, 2].map(async () => {
        const response = await passport(server, basic('demo-client', 'demo-secret'));
        return ((await response.json()) as { access_token: string }).access_token;
      }),
    );

    expect(tokens[0]).not.toBe(tokens[1]);
  });
});
