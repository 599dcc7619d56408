import { Buffer } from 'node:buffer';
import { describe, expect, it } from 'vitest';
import { clientCredentials, createAuthClient, type ClientCredentialsOptions } from '@fx-auth/core';
import { passportClient, rejectionOf, startServer, track } from './support.js';

async function setUp(
  credentials: { id: string; secret: string } = { id: 'demo-client', secret: 'demo-secret' },
  extra: Partial<ClientCredentialsOptions> = {},
) {
  const server = await startServer({ passportClient: credentials });
  const client = track(
    createAuthClient({
      provider: clientCredentials({
        tokenUrl: `${server.url}/passport/oauth/token`,
        clientId: credentials.id,
        clientSecret: credentials.secret,
        ...extra,
      }),
    }),
  );
  return { server, client };
}

describe('clientCredentials', () => {
  it('should send Basic base64(id:secret) and the form body grant_type=client_credentials', async () => {
    const { server, client } = await setUp();
    const session = await client.login();

    const [request] = server.requests;
    expect(request?.method).toBe('POST');
    expect(request?.url).toBe('/passport/oauth/token');
    expect(request?.headers.authorization).toBe(`Basic ${btoa('demo-client:demo-secret')}`);
    expect(request?.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(request?.body).toBe('grant_type=client_credentials');
    expect(session).toMatchObject({ tokenType: 'Bearer', scope: 'profile' });
    expect(session.refreshToken).toBeUndefined();
  });

  it.each([
    ['symbols, and a colon in the secret', { id: 'IKIA9/+=', secret: 's3c:r&t %20+' }],
    ['non-Latin-1 characters', { id: 'clïent', secret: 'sécret✓' }],
  ])(
    'should encode credentials with %s exactly as base64(id + ":" + secret) with client_secret_basic_unencoded (the seed\'s form)',
    async (_name, credentials) => {
      const { server, client } = await setUp(credentials, { clientAuthentication: 'client_secret_basic_unencoded' });
      await client.login();

      const expected = Buffer.from(`${credentials.id}:${credentials.secret}`, 'utf8').toString('base64');
      expect(server.requests[0]?.headers.authorization).toBe(`Basic ${expected}`);
    },
  );

  it('should send the scope when given', async () => {
    const { server, client } = await setUp(undefined, { scope: 'profile payments' });
    const session = await client.login();

    expect(server.requests[0]?.body).toBe('grant_type=client_credentials&scope=profile+payments');
    expect(session.scope).toBe('profile payments');
  });

  it('should get a new grant to refresh, as there is no refresh token', async () => {
    const { server, client } = await setUp();
    const first = await client.login();
    const second = await client.refresh();

    expect(server.count('passport-token')).toBe(2);
    expect(server.requests[1]?.body).toBe('grant_type=client_credentials');
    expect(second.accessToken).not.toBe(first.accessToken);
  });

  it('should report any 401 as invalid_client', async () => {
    const server = await startServer();
    const client = passportClient(server, { clientSecret: 'wrong' });
    const error = await rejectionOf(client.login());

    expect(error).toMatchObject({ name: 'AuthError', code: 'invalid_client', status: 401 });
    expect(client.getSnapshot().status).toBe('anonymous');
  });

  it('should keep the session when a re-grant is refused, until the token expires', async () => {
    const { server, client } = await setUp();
    const session = await client.login();
    server.inject('passport-token', { type: 'status', status: 401, body: '{"error":"invalid_client"}' });

    const error = await rejectionOf(client.refresh());

    expect(error).toMatchObject({ code: 'invalid_client' });
    expect(client.getSnapshot()).toMatchObject({ status: 'authenticated', session });
  });

  it.each([401, 403])(
    'should take a bare %i on a re-grant (a proxy page, say) as transient, and retry',
    async (status) => {
      const { server, client } = await setUp();
      const session = await client.login();
      server.inject('passport-token', { type: 'html', status });

      expect(await rejectionOf(client.refresh())).toMatchObject({ code: 'server', status });
      expect(client.getSnapshot()).toMatchObject({ status: 'authenticated', session });
      expect(await client.refresh()).not.toEqual(session); // not refused: the next try goes out
    },
  );
});
