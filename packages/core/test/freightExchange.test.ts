import { describe, expect, it } from 'vitest';
import { createAuthClient, freightExchange, isAuthError } from '@fx-auth/core';
import { DEMO, fxClient, rejectionOf, startServer, track } from './support.js';

const PASSWORDS = [
  'p@ss w0rd&=?+%',
  'pässwörd✓',
  `quote"'back\\slash`,
  '#hash/slash?',
  'plus+space tab\t',
  '😀 emoji',
  '',
];

describe('freightExchange', () => {
  it('should send the seed request byte for byte: POST, every parameter in the query, no body', async () => {
    const server = await startServer();
    await fxClient(server).login(DEMO);

    const [request] = server.requests;
    expect(request?.method).toBe('POST');
    expect(request?.url).toBe(
      '/oauth/token?client_id=freightexchange&client_secret=secret&scope=any&grant_type=password&username=demo&password=demo',
    );
    expect(request?.headers.accept).toBe('application/json');
    expect(request?.headers['cache-control']).toBe('no-cache');
    expect(request?.headers['content-type']).toBeUndefined();
    expect(request?.body).toBe('');
  });

  it('should send every parameter in a form body, and none in the URL, with parameters: body', async () => {
    const server = await startServer();
    const client = track(createAuthClient({ provider: freightExchange({ baseUrl: server.url, parameters: 'body' }) }));
    const session = await client.login({ username: 'demo', password: 'demo' });
    await client.refresh();

    const [login, refresh] = server.requests;
    expect([login?.url, refresh?.url]).toEqual(['/oauth/token', '/oauth/token']);
    expect(login?.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(login?.body).toBe(
      'client_id=freightexchange&client_secret=secret&scope=any&grant_type=password&username=demo&password=demo',
    );
    expect(new URLSearchParams(refresh?.body).get('refresh_token')).toBe(session.refreshToken);
    expect(new URLSearchParams(refresh?.body).get('grant_type')).toBe('refresh_token');
  });

  it.each(PASSWORDS)('should deliver the password %j unchanged in a form body', async (password) => {
    const server = await startServer({ users: [{ username: 'ü ser&1', password, profile: { id: '7', login: 'u' } }] });
    const provider = freightExchange({ baseUrl: server.url, parameters: 'body' });

    await track(createAuthClient({ provider })).login({ username: 'ü ser&1', password });

    expect(new URLSearchParams(server.requests[0]?.body).get('password')).toBe(password);
  });

  it('should send the client in a Basic header, and not among the parameters, with client_secret_basic', async () => {
    const server = await startServer();
    const provider = freightExchange({
      baseUrl: server.url,
      clientSecret: 's e+c',
      clientAuthentication: 'client_secret_basic',
    });
    await rejectionOf(track(createAuthClient({ provider })).login(DEMO)); // the mock, like the API, wants parameters

    const [request] = server.requests;
    expect(request?.headers.authorization).toBe(`Basic ${Buffer.from('freightexchange:s+e%2Bc').toString('base64')}`);
    expect(request?.url).not.toMatch(/client_id|client_secret/);
  });

  it('should refuse parameters other than query or body, naming the option', () => {
    expect(() => freightExchange({ parameters: 'header' as 'body' })).toThrow(/options\.parameters/);
  });

  it.each(PASSWORDS)('should deliver the password %j unchanged', async (password) => {
    const server = await startServer({ users: [{ username: 'ü ser&1', password, profile: { id: '7', login: 'u' } }] });
    const session = await fxClient(server).login({ username: 'ü ser&1', password });

    expect(session.accessToken).toBeTruthy();
    const query = new URLSearchParams(server.requests[0]?.url.split('?')[1]);
    expect(query.get('password')).toBe(password);
    expect(query.get('username')).toBe('ü ser&1');
    // strictly percent-encoded: nothing that a server could read as a separator or a space
    expect(server.requests[0]?.url).not.toMatch(/[ +'!()*]/);
  });

  it('should use the configured client, scope and token path', async () => {
    const server = await startServer({ fxClient: { id: 'my-app', secret: 's3cr3t' } });
    const client = track(
      createAuthClient({
        provider: freightExchange({
          baseUrl: `${server.url}/`,
          tokenPath: 'user/token',
          clientId: 'my-app',
          clientSecret: 's3cr3t',
          scope: 'read',
        }),
      }),
    );
    const session = await client.login(DEMO);

    expect(server.requests[0]?.url).toBe(
      '/user/token?client_id=my-app&client_secret=s3cr3t&scope=read&grant_type=password&username=demo&password=demo',
    );
    expect(session.scope).toBe('read');
  });

  it('should map the response, with the profile, to a session', async () => {
    const server = await startServer({ accessTokenLifetime: 3600 });
    const before = Date.now();
    const session = await fxClient(server).login(DEMO);

    expect(session.tokenType).toBe('Bearer');
    expect(session.accessToken.split('.')).toHaveLength(3);
    expect(session.refreshToken?.split('.')).toHaveLength(3);
    expect(session.scope).toBe('any');
    expect(session.expiresAt).toBeGreaterThanOrEqual(before + 3599_000);
    expect(session.expiresAt).toBeLessThanOrEqual(Date.now() + 3599_000);
    expect(session.user).toEqual({
      id: '0001',
      login: 'demo',
      firstName: 'Demo',
      lastName: 'User',
      email: 'demo@example.com',
      phone: '+3221234567',
      fax: null,
      language: 'en_GB',
      spokenLanguages: ['en', 'fr'],
      businessId: 'abc-123456',
      company: { id: '123456789', name: 'Demo Freight Ltd', postCode: '1930' },
      autoUplift: { enabled: true, initial: 1, max: 3 },
    });
  });

  it('should read auto-uplift counters and log in with a profile missing optional fields', async () => {
    const server = await startServer({
      users: [
        { username: 'min', password: 'pw', profile: { id: '0042', login: 'min', a_uplft: '0', a_uplft_cnt: '5' } },
      ],
    });
    const session = await fxClient(server).login({ username: 'min', password: 'pw' });

    expect(session.user).toMatchObject({
      id: '0042',
      login: 'min',
      firstName: null,
      fax: null,
      spokenLanguages: [],
      company: { id: null, name: null, postCode: null },
      autoUplift: { enabled: false, initial: 1, max: 5 },
    });
  });

  it('should refresh on the same endpoint with grant_type=refresh_token and the client parameters', async () => {
    const server = await startServer();
    const client = fxClient(server);
    const first = await client.login(DEMO);
    const second = await client.refresh();

    const refresh = server.requests[1];
    expect(refresh?.method).toBe('POST');
    expect(refresh?.url).toBe(
      `/oauth/token?client_id=freightexchange&client_secret=secret&grant_type=refresh_token&refresh_token=${first.refreshToken}`,
    );
    expect(refresh?.body).toBe('');
    expect(second.accessToken).not.toBe(first.accessToken);
    expect(second.user).toBe(first.user); // an unchanged profile keeps its identity
  });

  it('should report a wrong password (400 invalid_grant) as invalid_credentials', async () => {
    const server = await startServer();
    const error = await rejectionOf(fxClient(server).login({ username: 'demo', password: 'wrong' }));

    expect(isAuthError(error)).toBe(true);
    expect(error).toMatchObject({ code: 'invalid_credentials', status: 400, error: 'invalid_grant' });
  });

  it('should report a rejected client (401 invalid_client) as invalid_client', async () => {
    const server = await startServer();
    const client = track(
      createAuthClient({ provider: freightExchange({ baseUrl: server.url, clientSecret: 'nope' }) }),
    );
    const error = await rejectionOf(client.login(DEMO));

    expect(error).toMatchObject({ code: 'invalid_client', status: 401, error: 'invalid_client' });
  });

  it('should end the session with session_expired when the refresh token is rejected (401 invalid_token)', async () => {
    const server = await startServer();
    const client = fxClient(server);
    await client.login(DEMO);
    server.revokeRefreshTokens();
    const error = await rejectionOf(client.refresh());

    expect(error).toMatchObject({ code: 'session_expired', status: 401, error: 'invalid_token' });
    expect(client.getSnapshot()).toMatchObject({ status: 'anonymous', session: null, error });
  });

  it('should end the session with session_expired on 400 invalid_grant from a refresh', async () => {
    const server = await startServer();
    const client = fxClient(server);
    await client.login(DEMO);
    server.inject('fx-token', {
      type: 'status',
      status: 400,
      contentType: 'application/json',
      body: '{"error":"invalid_grant","error_description":"Wrong client for this refresh token: x"}',
    });
    const error = await rejectionOf(client.refresh());

    expect(error).toMatchObject({ code: 'session_expired', status: 400, error: 'invalid_grant' });
    expect(client.getSnapshot().status).toBe('anonymous');
  });

  it('should reject a login without credentials before sending anything', async () => {
    const server = await startServer();
    const error = await rejectionOf(fxClient(server).login());

    expect(error).toMatchObject({ code: 'invalid_credentials' });
    expect(server.count()).toBe(0);
  });
});
