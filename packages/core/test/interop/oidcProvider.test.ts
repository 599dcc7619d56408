import { afterEach, describe, expect, it } from 'vitest';
import { clientCredentials, createAuthClient, type ClientAuthentication } from '@fx-auth/core';
import { rejectionOf, track } from '../support.js';
import { startOidcProvider, type OidcClient } from './oidcProvider.js';

const SECRET = 'S3c:r%t+/= x~'; // VSCHAR only: oidc-provider refuses non-ASCII client secrets (RFC 6749 Appendix A)
const BASIC: OidcClient = { id: 'basic-app', secret: SECRET, method: 'client_secret_basic', scope: 'read' };
const POST: OidcClient = { id: 'post-app', secret: SECRET, method: 'client_secret_post' };

const servers: { close: () => Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function serve(accessTokenSeconds?: number) {
  const server = await startOidcProvider([BASIC, POST], accessTokenSeconds);
  servers.push(server);
  return server;
}

function clientOf(
  url: string,
  registered: OidcClient,
  options: { clientAuthentication?: ClientAuthentication; secret?: string; scope?: string } = {},
) {
  const provider = clientCredentials({
    tokenUrl: `${url}/token`,
    clientId: registered.id,
    clientSecret: options.secret ?? registered.secret,
    clientAuthentication: options.clientAuthentication ?? registered.method,
    revocationUrl: `${url}/token/revocation`,
    ...(options.scope === undefined ? {} : { scope: options.scope }),
  });
  return track(createAuthClient({ provider }));
}

/** RFC 6749 §2.3.1 Basic credentials, written out here without the library's helper. */
const basicOf = ({ id, secret }: OidcClient): string => {
  const encode = (text: string) => new URLSearchParams({ v: text }).toString().slice(2);
  return `Basic ${btoa(`${encode(id)}:${encode(secret)}`)}`;
};

describe('interop: oidc-provider 8.8', () => {
  it.each([BASIC, POST])(
    'should get a token with $method and a secret with ": % + / = ~" and a space, valid at the protected endpoint',
    async (registered) => {
      const server = await serve();
      const client = clientOf(server.url, registered);
      await client.login();

      expect(await client.ky.get(`${server.url}/api/me`).json()).toEqual({ client: registered.id });
    },
  );

  it('should be refused with Basic credentials that are not form-encoded (it decodes them, as RFC 6749 asks)', async () => {
    const server = await serve();
    const client = clientOf(server.url, BASIC, { clientAuthentication: 'client_secret_basic_unencoded' });

    expect(await rejectionOf(client.login())).toMatchObject({ name: 'AuthError' });
    expect(client.getSnapshot().status).toBe('anonymous');
  });

  it('should report a wrong secret as invalid_client', async () => {
    const server = await serve();

    expect(await rejectionOf(clientOf(server.url, BASIC, { secret: 'wrong' }).login())).toMatchObject({
      code: 'invalid_client',
      status: 401,
    });
  });

  it('should grant an allowed scope and report a refused one as invalid_scope', async () => {
    const server = await serve();

    expect((await clientOf(server.url, BASIC, { scope: 'read' }).login()).scope).toBe('read');
    expect(await rejectionOf(clientOf(server.url, BASIC, { scope: 'write' }).login())).toMatchObject({
      code: 'invalid_scope',
    });
  });

  it('should take the per-client lifetime the server announces', async () => {
    const server = await serve(30);
    const before = Date.now();
    const session = await clientOf(server.url, BASIC).login();

    expect(session.expiresAt - before).toBeGreaterThanOrEqual(29_000);
    expect(session.expiresAt - before).toBeLessThanOrEqual(31_000);
  });

  it('should revoke the token on logout, after which the protected endpoint refuses it', async () => {
    const server = await serve();
    const client = clientOf(server.url, BASIC);
    const session = await client.login();
    await client.logout(); // it does not wait for the best-effort revocation: the endpoint is asked until it refuses

    const status = async () =>
      (await fetch(`${server.url}/api/me`, { headers: { Authorization: `Bearer ${session.accessToken}` } })).status;
    await expect.poll(status, { timeout: 5_000 }).toBe(401);
  });

  it('should answer a token revoked behind its back with one new grant and one retry of the call', async () => {
    const server = await serve();
    const client = clientOf(server.url, BASIC);
    const session = await client.login();
    const revoked = await fetch(`${server.url}/token/revocation`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Authorization: basicOf(BASIC) },
      body: new URLSearchParams({ token: session.accessToken }),
    });

    expect(revoked.status).toBe(200);
    expect(await client.ky.get(`${server.url}/api/me`).json()).toEqual({ client: BASIC.id });
    expect(server.tokenRequests()).toBe(2);
    expect(client.getSnapshot().session?.accessToken).not.toBe(session.accessToken);
  });

  it('should make one token request for 50 concurrent callers', async () => {
    const server = await serve();
    const client = clientOf(server.url, BASIC);
    await client.login();

    await Promise.all(Array.from({ length: 50 }, () => client.getAccessToken({ forceRefresh: true })));

    expect(server.tokenRequests()).toBe(2);
  });
});
