import { describe, expect, it } from 'vitest';
import {
  ASSUMED_LIFETIME_SECONDS,
  createAuthClient,
  jsonLogin,
  MAX_LIFETIME_SECONDS,
  MIN_LIFETIME_SECONDS,
  type JsonLoginOptions,
} from '@fx-auth/core';
import type { MockServerOptions, MockTokenServer } from '@fx-auth/mock-server';
import { DEMO, rejectionOf, startServer, track } from './support.js';

async function setUp(serverOptions: MockServerOptions = {}, withRefresh = true) {
  const server = await startServer(serverOptions);
  const options: JsonLoginOptions = { tokenUrl: `${server.url}/api/v1/cas/authenticate` };
  if (withRefresh) options.refreshUrl = `${server.url}/api/v1/cas/refresh`;
  return { server, client: track(createAuthClient({ provider: jsonLogin(options) })) };
}

/** The next login is answered with this raw `expires_in`. */
function answerWithExpiresIn(server: MockTokenServer, raw: string): void {
  server.inject('json-login', {
    type: 'status',
    status: 200,
    contentType: 'application/json',
    body: `{"token_type":"bearer","expires_in":${raw},"access_token":"abc"}`,
  });
}

describe('jsonLogin', () => {
  it('should POST the username and password as JSON', async () => {
    const { server, client } = await setUp({
      users: [{ username: 'TEST_USER', password: 'p"w\\✓', profile: { id: '1', login: 'x' } }],
    });
    await client.login({ username: 'TEST_USER', password: 'p"w\\✓' });

    const [request] = server.requests;
    expect(request?.method).toBe('POST');
    expect(request?.url).toBe('/api/v1/cas/authenticate');
    expect(request?.headers['content-type']).toBe('application/json');
    expect(JSON.parse(request?.body ?? '')).toEqual({ username: 'TEST_USER', password: 'p"w\\✓' });
  });

  it.each([false, true])('should accept expires_in as a number or a numeric string (string: %s)', async (asString) => {
    const { client } = await setUp({ jsonExpiresInAsString: asString, accessTokenLifetime: 3600 });
    const before = Date.now();
    const session = await client.login(DEMO);

    expect(session.expiresAt).toBeGreaterThanOrEqual(before + 3_599_000);
    expect(session.expiresAt).toBeLessThanOrEqual(Date.now() + 3_600_000);
    expect(session.refreshToken).toMatch(/^[A-Za-z0-9+/]+=*$/);
  });

  it.each([
    ['"3600"', 3600],
    ['" 120 "', 120],
    ['60.5', 60.5],
  ])('should read expires_in %s', async (raw, seconds) => {
    const { server, client } = await setUp();
    answerWithExpiresIn(server, raw);
    const before = Date.now();
    const session = await client.login(DEMO);

    expect(session.expiresAt - before).toBeGreaterThanOrEqual(seconds * 1000);
    expect(session.expiresAt - Date.now()).toBeLessThanOrEqual(seconds * 1000);
  });

  it.each([
    ['"soon"', ASSUMED_LIFETIME_SECONDS],
    ['""', ASSUMED_LIFETIME_SECONDS],
    ['null', ASSUMED_LIFETIME_SECONDS],
    ['"-1"', MIN_LIFETIME_SECONDS],
    ['0', MIN_LIFETIME_SECONDS],
    ['1e-300', MIN_LIFETIME_SECONDS],
    ['"0.000001"', MIN_LIFETIME_SECONDS],
    ['1e306', MAX_LIFETIME_SECONDS],
    ['"1e306"', MAX_LIFETIME_SECONDS],
    ['"1e400"', MAX_LIFETIME_SECONDS],
    ['"Infinity"', MAX_LIFETIME_SECONDS],
    ['true', ASSUMED_LIFETIME_SECONDS],
    ['{}', ASSUMED_LIFETIME_SECONDS],
  ])('should take expires_in %s as a lifetime of %i s', async (raw, seconds) => {
    const { server, client } = await setUp();
    answerWithExpiresIn(server, raw);
    const before = Date.now();
    const session = await client.login(DEMO);

    expect(Number.isFinite(session.expiresAt)).toBe(true);
    expect(session.expiresAt - before).toBeGreaterThanOrEqual(seconds * 1000);
    expect(session.expiresAt - Date.now()).toBeLessThanOrEqual(seconds * 1000);
  });

  it.each([400, 401])('should report a rejected login (%i) as invalid_credentials', async (status) => {
    const { server, client } = await setUp();
    server.inject('json-login', {
      type: 'status',
      status,
      contentType: 'application/json',
      body: '{"error":"invalid_request","error_description":"Invalid credentials"}',
    });

    expect(await rejectionOf(client.login(DEMO))).toMatchObject({ code: 'invalid_credentials', status });
    expect(await rejectionOf(client.login({ username: 'demo', password: 'wrong' }))).toMatchObject({
      code: 'invalid_credentials',
    });
  });

  it('should refresh with the opaque refresh token as JSON when a refreshUrl is given', async () => {
    const { server, client } = await setUp();
    const first = await client.login(DEMO);
    const second = await client.refresh();

    const request = server.requests[1];
    expect(request?.url).toBe('/api/v1/cas/refresh');
    expect(JSON.parse(request?.body ?? '')).toEqual({ refresh_token: first.refreshToken });
    expect(second.accessToken).not.toBe(first.accessToken);
    expect(second.refreshToken).not.toBe(first.refreshToken);
  });

  it('should end the session when the refresh token is rejected', async () => {
    const { server, client } = await setUp();
    await client.login(DEMO);
    server.revokeRefreshTokens();

    expect(await rejectionOf(client.refresh())).toMatchObject({ code: 'session_expired', status: 401 });
    expect(client.getSnapshot().status).toBe('anonymous');
  });

  it('should not refresh without a refreshUrl, and never keep the password', async () => {
    const { server, client } = await setUp({}, false);
    const session = await client.login(DEMO);

    expect(await rejectionOf(client.refresh())).toMatchObject({ code: 'session_expired' });
    expect(client.getSnapshot()).toMatchObject({ status: 'authenticated', session });
    expect(server.count()).toBe(1);
    expect(JSON.stringify(client.getSnapshot())).not.toContain('"demo"');
  });
});
