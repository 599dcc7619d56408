import { Buffer } from 'node:buffer';
import { describe, expect, it } from 'vitest';
import { decodeJwt, FX_CLIENT, fxLogin, fxRefresh, postQuery, start } from './support.js';

const T0 = Date.UTC(2026, 10, 21, 10, 0, 0);
const DAY = 86_400_000;

function invalidToken(description: string) {
  return { error: 'invalid_token', error_description: description };
}

describe('FreightExchange refresh_token grant', () => {
  it('should answer a refresh with the login shape, the profile included, and a new access token', async () => {
    const server = await start();
    const login = await fxLogin(server);
    const response = await fxRefresh(server, login.refresh_token);
    const body = (await response.json()) as Record<string, unknown> & { access_token: string };

    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(Object.keys(body)).toEqual(Object.keys(login));
    expect(body).toMatchObject({ token_type: 'bearer', expires_in: 3599, scope: 'any', user: login.user });
    expect(body.access_token).not.toBe(login.access_token);
    expect(decodeJwt(body.access_token).claims.jti).toBe(body.jti);
  });

  it("should re-encode the refresh token by default (Spring's reuse): same jti and exp, new ati", async () => {
    let now = T0;
    const server = await start({ now: () => now });
    const login = await fxLogin(server);
    now += DAY;
    const body = (await (await fxRefresh(server, login.refresh_token)).json()) as {
      jti: string;
      refresh_token: string;
    };
    const before = decodeJwt(login.refresh_token).claims;
    const after = decodeJwt(body.refresh_token).claims;

    expect(body.refresh_token).not.toBe(login.refresh_token);
    expect(after).toEqual({ ...before, ati: body.jti });
    expect(after.ati).not.toBe(before.ati);
    // the old one stays valid (stateless JWT store)
    expect((await fxRefresh(server, login.refresh_token)).status).toBe(200);
  });

  it('should issue a new refresh token with a new jti and expiry when rotateRefreshTokens is set', async () => {
    let now = T0;
    const server = await start({ now: () => now, rotateRefreshTokens: true, refreshTokenLifetime: 7 * 86_400 });
    const login = await fxLogin(server);
    now += DAY;
    const body = (await (await fxRefresh(server, login.refresh_token)).json()) as { refresh_token: string };
    const before = decodeJwt(login.refresh_token).claims;
    const after = decodeJwt(body.refresh_token).claims;

    expect(after.jti).not.toBe(before.jti);
    expect(after.exp).toBe((now + 7 * DAY) / 1000);
    expect(before.exp).toBe((T0 + 7 * DAY) / 1000);
  });

  it('should refuse a rotated refresh token used a second time, and accept its successor', async () => {
    const server = await start({ rotateRefreshTokens: true });
    const login = await fxLogin(server);
    const first = await fxRefresh(server, login.refresh_token);
    const { refresh_token: successor } = (await first.json()) as { refresh_token: string };

    const reused = await fxRefresh(server, login.refresh_token);

    expect(reused.status).toBe(401);
    expect(await reused.json()).toMatchObject({ error: 'invalid_token' });
    expect((await fxRefresh(server, successor)).status).toBe(200);
  });

  it('should take the parameters from a form body too', async () => {
    const server = await start();
    const login = await fxLogin(server);
    const response = await fetch(`${server.url}/oauth/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ ...FX_CLIENT, grant_type: 'refresh_token', refresh_token: login.refresh_token }),
    });

    expect(response.status).toBe(200);
  });

  it('should narrow the scope on request and refuse to widen it', async () => {
    const server = await start();
    const login = await fxLogin(server, { scope: 'read write' });
    const narrowed = (await (await fxRefresh(server, login.refresh_token, { scope: 'read' })).json()) as {
      scope: string;
      access_token: string;
    };
    const widened = await fxRefresh(server, login.refresh_token, { scope: 'read admin' });

    expect(narrowed.scope).toBe('read');
    expect(decodeJwt(narrowed.access_token).claims.scope).toEqual(['read']);
    expect(widened.status).toBe(400);
    expect(await widened.json()).toEqual({
      error: 'invalid_scope',
      error_description: 'Unable to narrow the scope of the client authentication to [read, admin].',
    });
  });

  it('should send the current profile of the user', async () => {
    const server = await start();
    const login = await fxLogin(server);
    server.set({ users: [{ username: 'demo', password: 'demo', profile: { id: '0001', fname: 'Renamed' } }] });
    const body = (await (await fxRefresh(server, login.refresh_token)).json()) as { user: unknown };

    expect(body.user).toEqual({ id: '0001', fname: 'Renamed' });
  });

  it.each([
    ['garbage', () => 'not-a-jwt'],
    ['three garbage parts', () => 'a.b.c'],
  ])('should reject %s with 401 "Cannot convert access token to JSON"', async (_name, token) => {
    const server = await start();
    const response = await fxRefresh(server, token());

    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe(
      'Bearer error="invalid_token", error_description="Cannot convert access token to JSON"',
    );
    expect(await response.json()).toEqual(invalidToken('Cannot convert access token to JSON'));
  });

  it('should reject a tampered refresh token and one signed by another server', async () => {
    const server = await start();
    const other = await start();
    const { refresh_token: token } = await fxLogin(server);
    const [header = '', payload = '', signature = ''] = token.split('.');
    const claims = { ...decodeJwt(token).claims, user_name: 'alice' };
    const tampered = `${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${signature}`;
    const badSignature = `${header}.${payload}.${signature.startsWith('A') ? 'B' : 'A'}${signature.slice(1)}`;

    for (const [target, value] of [
      [server, tampered],
      [server, badSignature],
      [other, token],
    ] as const) {
      const response = await fxRefresh(target, value);
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual(invalidToken('Cannot convert access token to JSON'));
    }
  });

  it('should reject an access token sent as the refresh token', async () => {
    const server = await start();
    const login = await fxLogin(server);
    const response = await fxRefresh(server, login.access_token);

    expect(response.status).toBe(401);
    expect(await response.json()).toEqual(invalidToken('Encoded token is not a refresh token'));
  });

  it('should reject an expired refresh token, echoing it like Spring', async () => {
    let now = T0;
    const server = await start({ now: () => now, refreshTokenLifetime: 60 });
    const login = await fxLogin(server);
    now += 59_999;
    expect((await fxRefresh(server, login.refresh_token)).status).toBe(200);
    now += 1;
    const response = await fxRefresh(server, login.refresh_token);

    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toContain('error="invalid_token"');
    expect(await response.json()).toEqual(invalidToken(`Invalid refresh token (expired): ${login.refresh_token}`));
  });

  it('should reject revoked refresh tokens as expired, also their re-encoded successors', async () => {
    const server = await start();
    const login = await fxLogin(server);
    const successor = ((await (await fxRefresh(server, login.refresh_token)).json()) as { refresh_token: string })
      .refresh_token;
    server.revokeRefreshTokens();

    for (const token of [login.refresh_token, successor]) {
      const response = await fxRefresh(server, token);
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual(invalidToken(`Invalid refresh token (expired): ${token}`));
    }
    const fresh = await fxLogin(server);
    expect((await fxRefresh(server, fresh.refresh_token)).status).toBe(200);
  });

  it('should reject the refresh token of another client with 400 invalid_grant', async () => {
    const server = await start();
    const login = await fxLogin(server);
    server.set({ fxClient: { id: 'other-app', secret: 'other' } });
    const response = await postQuery(server, '/oauth/token', {
      client_id: 'other-app',
      client_secret: 'other',
      grant_type: 'refresh_token',
      refresh_token: login.refresh_token,
    });

    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: 'invalid_grant',
      error_description: `Wrong client for this refresh token: ${login.refresh_token}`,
    });
  });

  it('should reject a missing refresh_token with 400 invalid_request', async () => {
    const server = await start();
    const response = await postQuery(server, '/oauth/token', { ...FX_CLIENT, grant_type: 'refresh_token' });

    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: 'invalid_request',
      error_description: 'refresh_token parameter not provided',
    });
  });

  it('should check the client before the refresh token', async () => {
    const server = await start();
    const login = await fxLogin(server);
    const response = await fxRefresh(server, login.refresh_token, { client_secret: 'wrong' });

    expect(response.status).toBe(401);
    expect(((await response.json()) as { error: string }).error).toBe('invalid_client');
  });
});
