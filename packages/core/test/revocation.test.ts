import type { IncomingMessage } from 'node:http';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { clientCredentials, createAuthClient, freightExchange, jsonLogin, memoryStorage } from '@fx-auth/core';
import { DEMO, macrotasks, startHttpServer, startServer, track } from './support.js';

interface Revoked {
  authorization: string | undefined;
  form: URLSearchParams;
}

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  vi.restoreAllMocks();
  await Promise.all(closers.splice(0).map((close) => close()));
});

/**
 * A real RFC 7009 endpoint on 127.0.0.1 that answers `status` (or never); `received` is its first
 * request, `closed` settles when the client drops that request's connection.
 */
async function revocationEndpoint(status: number | 'never' = 200) {
  let arrived: (revoked: Revoked) => void = () => undefined;
  const received = new Promise<Revoked>((resolve) => (arrived = resolve));
  let dropped: () => void = () => undefined;
  const closed = new Promise<void>((resolve) => (dropped = resolve));
  const server = await startHttpServer((request: IncomingMessage, response) => {
    response.on('close', () => dropped());
    let text = '';
    request.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
    request.on('end', () => {
      arrived({ authorization: request.headers.authorization, form: new URLSearchParams(text) });
      if (status !== 'never') response.writeHead(status).end();
    });
  });
  closers.push(server.close);
  return { url: `${server.url}/revoke`, received, closed };
}

describe('token revocation on logout (RFC 7009)', () => {
  it('should revoke the FreightExchange refresh token with the client parameters, after the logout took effect', async () => {
    const [server, endpoint] = [await startServer(), await revocationEndpoint()];
    const storage = memoryStorage();
    const provider = freightExchange({ baseUrl: server.url, revocationUrl: endpoint.url });
    const client = track(createAuthClient({ provider, storage }));
    const session = await client.login(DEMO);

    await client.logout();
    expect(client.getSnapshot().status).toBe('anonymous');
    expect(storage.getItem()).toBeNull();

    const { form } = await endpoint.received;
    expect(Object.fromEntries(form)).toEqual({
      token: session.refreshToken,
      token_type_hint: 'refresh_token',
      client_id: 'freightexchange',
      client_secret: 'secret',
    });
  });

  it('should revoke a client-credentials access token with the client authentication of the token endpoint', async () => {
    const [server, endpoint] = [await startServer(), await revocationEndpoint()];
    const provider = clientCredentials({
      tokenUrl: `${server.url}/passport/oauth/token`,
      clientId: 'demo-client',
      clientSecret: 'demo-secret',
      revocationUrl: endpoint.url,
    });
    const client = track(createAuthClient({ provider }));
    const session = await client.login();

    await client.logout();

    const { form, authorization } = await endpoint.received;
    expect(Object.fromEntries(form)).toEqual({ token: session.accessToken, token_type_hint: 'access_token' });
    expect(authorization).toBe(`Basic ${Buffer.from('demo-client:demo-secret').toString('base64')}`);
  });

  it('should neither keep nor revoke a refresh token a client-credentials server sends anyway (RFC 6749 §4.4.3)', async () => {
    const tokenEndpoint = await startHttpServer((_request, response) => {
      const grant = { access_token: 'AT-1', token_type: 'bearer', expires_in: 600, refresh_token: 'RT-unused' };
      response.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(grant));
    });
    closers.push(tokenEndpoint.close);
    const endpoint = await revocationEndpoint();
    const provider = clientCredentials({
      tokenUrl: `${tokenEndpoint.url}/token`,
      clientId: 'demo-client',
      clientSecret: 'demo-secret',
      revocationUrl: endpoint.url,
    });
    const client = track(createAuthClient({ provider }));

    expect(await client.login()).not.toHaveProperty('refreshToken');
    await client.logout();

    expect(Object.fromEntries((await endpoint.received).form)).toEqual({
      token: 'AT-1',
      token_type_hint: 'access_token',
    });
  });

  it('should let go of a revocation still waiting when the client is destroyed', async () => {
    const [server, endpoint] = [await startServer(), await revocationEndpoint('never')];
    const provider = jsonLogin({ tokenUrl: `${server.url}/api/v1/cas/authenticate`, revocationUrl: endpoint.url });
    const client = track(createAuthClient({ provider }));
    await client.login(DEMO);
    await client.logout();
    await endpoint.received;

    client.destroy();

    await endpoint.closed; // the connection is dropped, not held until the timeout
  });

  it('should log out at once when the revocation endpoint never answers', async () => {
    const [server, endpoint] = [await startServer(), await revocationEndpoint('never')];
    const provider = jsonLogin({ tokenUrl: `${server.url}/api/v1/cas/authenticate`, revocationUrl: endpoint.url });
    const client = track(createAuthClient({ provider }));
    const session = await client.login(DEMO);

    await client.logout(); // does not wait for the answer

    expect(client.getSnapshot()).toMatchObject({ status: 'anonymous', session: null, error: null });
    expect((await endpoint.received).form.get('token')).toBe(session.refreshToken ?? session.accessToken);
  });

  it.each([500, 400, 'refused'] as const)(
    'should neither fail the logout nor print anything when revocation fails (%s)',
    async (failure) => {
      const printed = vi.spyOn(console, 'error').mockImplementation(() => undefined);
      const warned = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
      const server = await startServer();
      const endpoint = failure === 'refused' ? { url: 'http://127.0.0.1:9/revoke' } : await revocationEndpoint(failure);
      const provider = freightExchange({ baseUrl: server.url, revocationUrl: endpoint.url });
      const client = track(createAuthClient({ provider }));
      await client.login(DEMO);

      await expect(client.logout()).resolves.toBeUndefined();
      await macrotasks(50); // the revocation's answer (or its failure) comes and goes

      expect(client.getSnapshot().status).toBe('anonymous');
      expect([...printed.mock.calls, ...warned.mock.calls]).toEqual([]);
    },
  );

  it('should send nothing without a revocation URL', async () => {
    const server = await startServer();
    const client = track(createAuthClient({ provider: freightExchange({ baseUrl: server.url }) }));
    await client.login(DEMO);

    await client.logout();
    await macrotasks();

    expect(server.requests.map((request) => request.url.split('?')[0])).toEqual(['/oauth/token']);
  });
});
