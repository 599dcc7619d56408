import type { IncomingMessage } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { clientCredentials, createAuthClient, type ClientAuthentication } from '@fx-auth/core';
import { exposed, expectNoSecrets } from './exposure.js';
import { passportClient, rejectionOf, startHttpServer, startServer, track } from './support.js';

const ID = 'my id:1';
/** Unencoded Basic cannot carry a colon in the id (RFC 7617 §2): the server would split there. */
const ID_WITHOUT_COLON = 'my id é';
const SECRET = 'a:b%c+d/e=f é';

interface Seen {
  authorization: string | undefined;
  body: URLSearchParams;
}

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

/** A token endpoint on 127.0.0.1 that records what it gets and answers `status` (echoing it all back on a failure). */
async function recordingEndpoint(status = 200): Promise<{ url: string; seen: Seen[] }> {
  const seen: Seen[] = [];
  const server = await startHttpServer((request: IncomingMessage, response) => {
    let text = '';
    request.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
    request.on('end', () => {
      seen.push({ authorization: request.headers.authorization, body: new URLSearchParams(text) });
      const answer =
        status === 200
          ? { access_token: 'at', token_type: 'bearer', expires_in: 600 }
          : { error: 'invalid_client', error_description: `${request.headers.authorization} ${text}` };
      response.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(answer));
    });
  });
  closers.push(server.close);
  return { url: `${server.url}/token`, seen };
}

const decodeBasic = (header: string | undefined): string =>
  Buffer.from((header ?? '').replace(/^Basic /, ''), 'base64').toString('utf8');

function clientFor(tokenUrl: string, clientAuthentication?: ClientAuthentication) {
  const clientId = clientAuthentication === 'client_secret_basic_unencoded' ? ID_WITHOUT_COLON : ID;
  const options = { tokenUrl, clientId, clientSecret: SECRET };
  return track(
    createAuthClient({
      provider: clientCredentials(clientAuthentication ? { ...options, clientAuthentication } : options),
    }),
  );
}

describe('client authentication (RFC 6749 §2.3.1)', () => {
  it('should form-encode id and secret before Base64 by default (client_secret_basic)', async () => {
    const endpoint = await recordingEndpoint();
    await clientFor(endpoint.url).login();

    const [request] = endpoint.seen;
    expect(decodeBasic(request?.authorization)).toBe('my+id%3A1:a%3Ab%25c%2Bd%2Fe%3Df+%C3%A9');
    expect(request?.body.has('client_secret')).toBe(false);
  });

  it('should send id and secret as they are with client_secret_basic_unencoded', async () => {
    const endpoint = await recordingEndpoint();
    await clientFor(endpoint.url, 'client_secret_basic_unencoded').login();

    expect(decodeBasic(endpoint.seen[0]?.authorization)).toBe(`${ID_WITHOUT_COLON}:${SECRET}`);
  });

  it('should send id and secret as form parameters, and no Authorization header, with client_secret_post', async () => {
    const endpoint = await recordingEndpoint();
    await clientFor(endpoint.url, 'client_secret_post').login();

    const [request] = endpoint.seen;
    expect(request?.authorization).toBeUndefined();
    expect(request?.body.get('client_id')).toBe(ID);
    expect(request?.body.get('client_secret')).toBe(SECRET);
    expect(request?.body.get('grant_type')).toBe('client_credentials');
  });

  it.each<ClientAuthentication>(['client_secret_basic', 'client_secret_basic_unencoded', 'client_secret_post'])(
    'should keep the secret out of a refusal that echoes the request (%s)',
    async (method) => {
      const endpoint = await recordingEndpoint(401);
      const error = await rejectionOf(clientFor(endpoint.url, method).login());

      expect(error).toMatchObject({ code: 'invalid_client' });
      const sent = endpoint.seen[0]?.authorization?.replace(/^Basic /, '');
      expectNoSecrets(exposed(error), [SECRET, ...(sent ? [sent] : [])]);
    },
  );

  it('should be the same bytes in both Basic forms for a secret of letters, digits and -._~ (as Passport documents)', async () => {
    const server = await startServer({
      passportClient: {
        id: 'IKIA9614B82064D632E9B6418DF358A6A4AEA84D7218',
        secret: 'XCTiBtLy1G9chAnyg0z3BcaFK4cVpwDg/GTw2EmjTZ8=',
      },
    });
    const plain = await startServer({ passportClient: { id: 'IKIA-id_1.x~', secret: 'Sec-ret_2.y~' } });
    const login = (target: { url: string }, clientId: string, clientSecret: string, method: ClientAuthentication) =>
      passportClient(target, { clientId, clientSecret, clientAuthentication: method }).login();

    for (const method of ['client_secret_basic', 'client_secret_basic_unencoded'] as const) {
      await expect(login(plain, 'IKIA-id_1.x~', 'Sec-ret_2.y~', method)).resolves.toMatchObject({
        tokenType: 'Bearer',
      });
    }
    // A generated secret with "/" and "=": a server that does not decode (like Passport's Spring) needs the unencoded form.
    const id = 'IKIA9614B82064D632E9B6418DF358A6A4AEA84D7218';
    const secret = 'XCTiBtLy1G9chAnyg0z3BcaFK4cVpwDg/GTw2EmjTZ8=';
    await expect(login(server, id, secret, 'client_secret_basic_unencoded')).resolves.toMatchObject({
      tokenType: 'Bearer',
    });
    expect(await rejectionOf(login(server, id, secret, 'client_secret_basic'))).toMatchObject({
      code: 'invalid_client',
    });
  });

  it('should refuse an unknown method, naming the option', () => {
    expect(() =>
      clientCredentials({
        tokenUrl: 'https://x.test/token',
        clientId: 'id',
        clientSecret: 's',
        clientAuthentication: 'basic' as ClientAuthentication,
      }),
    ).toThrow(
      expect.objectContaining({ code: 'invalid_options', message: expect.stringContaining('clientAuthentication') }),
    );
  });
});
