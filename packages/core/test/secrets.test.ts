import { describe, expect, it } from 'vitest';
import { clientCredentials, createAuthClient, freightExchange, jsonLogin, type AuthClient } from '@fx-auth/core';
import type { Fault } from '@fx-auth/mock-server';
import { exposed, expectNoSecrets } from './exposure.js';
import { fxClient, rejectionOf, startServer, track } from './support.js';

const PASSWORD = 'Sup3r$ecret pw+/=&%?';
const CLIENT_SECRET = 'cl!ent-$ecret:with colon';

const faults: Fault[] = [
  { type: 'status', status: 500, body: `<pre>${PASSWORD}</pre>`, contentType: 'text/html' },
  { type: 'status', status: 400, contentType: 'application/json', body: `{"error":"${PASSWORD}"}` },
  { type: 'drop' },
  { type: 'hang' },
  { type: 'truncated' },
];

describe('secrets', () => {
  it.each(faults)('should keep the FreightExchange password out of a login failure (%o)', async (fault) => {
    const server = await startServer({
      users: [{ username: 'u', password: PASSWORD, profile: { id: '1', login: 'u' } }],
      fxClient: { id: 'freightexchange', secret: CLIENT_SECRET },
    });
    server.inject('fx-token', fault);
    const provider = freightExchange({ baseUrl: server.url, clientSecret: CLIENT_SECRET });
    const client = track(createAuthClient({ provider, timeout: 200 }));
    const error = await rejectionOf(client.login({ username: 'u', password: PASSWORD }));

    expectNoSecrets(exposed(error), [PASSWORD, CLIENT_SECRET]);
  });

  it('should keep the refresh token out of a rejected refresh, though Spring echoes it', async () => {
    const server = await startServer();
    const client = fxClient(server);
    const session = await client.login({ username: 'demo', password: 'demo' });
    server.revokeRefreshTokens();
    const error = await rejectionOf(client.refresh());

    expectNoSecrets(exposed(error), [session.refreshToken!, session.accessToken]);
    expectNoSecrets(JSON.stringify(client.getSnapshot().error), [session.refreshToken!]);
  });

  it.each(faults)('should keep the client secret out of a client-credentials failure (%o)', async (fault) => {
    const server = await startServer({ passportClient: { id: 'id', secret: CLIENT_SECRET } });
    server.inject('passport-token', fault);
    const client: AuthClient = track(
      createAuthClient({
        provider: clientCredentials({
          tokenUrl: `${server.url}/passport/oauth/token`,
          clientId: 'id',
          clientSecret: CLIENT_SECRET,
        }),
        timeout: 200,
      }),
    );
    const error = await rejectionOf(client.login());

    expectNoSecrets(exposed(error), [CLIENT_SECRET, btoa(`id:${CLIENT_SECRET}`)]);
  });

  it.each(faults)('should keep the JSON-login password out of a failure (%o)', async (fault) => {
    const server = await startServer({
      users: [{ username: 'u', password: PASSWORD, profile: { id: '1', login: 'u' } }],
    });
    server.inject('json-login', fault);
    const client = track(
      createAuthClient({ provider: jsonLogin({ tokenUrl: `${server.url}/api/v1/cas/authenticate` }), timeout: 200 }),
    );
    const error = await rejectionOf(client.login({ username: 'u', password: PASSWORD }));

    expectNoSecrets(exposed(error), [PASSWORD]);
  });

  describe('in the failure of a fetch wrapper that repeats its request (a logger, an offline queue)', () => {
    /** A `fetch` option that fails, while `failing()`, with the URL, headers and body in its message. */
    const echoingFetch =
      (failing: () => boolean): typeof fetch =>
      async (input, init) => {
        const request = new Request(input, init);
        if (!failing()) return fetch(request);
        const headers = JSON.stringify([...request.headers]);
        throw new TypeError(`Failed to fetch ${request.url} ${headers} ${await request.text()}`);
      };

    it('should keep the JSON-login password out', async () => {
      const server = await startServer({
        users: [{ username: 'u', password: PASSWORD, profile: { id: '1', login: 'u' } }],
      });
      const provider = jsonLogin({ tokenUrl: `${server.url}/api/v1/cas/authenticate` });
      const client = track(createAuthClient({ provider, fetch: echoingFetch(() => true) }));

      const error = await rejectionOf(client.login({ username: 'u', password: PASSWORD }));

      expect(error).toMatchObject({ code: 'network' });
      expectNoSecrets(exposed(error), [PASSWORD]);
    });

    it.each([
      ['FreightExchange', (url: string) => freightExchange({ baseUrl: url, parameters: 'body' })],
      [
        'JSON login',
        (url: string) =>
          jsonLogin({ tokenUrl: `${url}/api/v1/cas/authenticate`, refreshUrl: `${url}/api/v1/cas/refresh` }),
      ],
    ])('should keep the %s refresh and access tokens out of a failed refresh', async (_name, provider) => {
      const server = await startServer();
      let failing = false;
      const client = track(createAuthClient({ provider: provider(server.url), fetch: echoingFetch(() => failing) }));
      const session = await client.login({ username: 'demo', password: 'demo' });
      failing = true;

      const error = await rejectionOf(client.refresh());

      expect(error).toMatchObject({ code: 'network' });
      expectNoSecrets(exposed(error), [session.refreshToken!, session.accessToken]);
    });
  });
});
