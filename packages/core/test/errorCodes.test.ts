import { describe, expect, it } from 'vitest';
import { createAuthClient, jsonLogin, type AuthErrorCode } from '@fx-auth/core';
import { DEMO, fxClient, passportClient, rejectionOf, startServer, track } from './support.js';

const answer = (status: number, body?: object) =>
  body === undefined
    ? { type: 'status' as const, status, body: '' }
    : { type: 'status' as const, status, contentType: 'application/json', body: JSON.stringify(body) };

type Case = [status: number, body: object | undefined, code: AuthErrorCode];

describe('error codes at login (RFC 6749 §5.2 and the seeds)', () => {
  it.each<Case>([
    [400, { error: 'invalid_grant', error_description: 'Bad credentials' }, 'invalid_credentials'],
    [401, { error: 'invalid_client', error_description: 'Bad client credentials' }, 'invalid_client'],
    [401, undefined, 'invalid_client'],
    [400, { error: 'invalid_scope' }, 'invalid_scope'],
    [400, { error: 'unsupported_grant_type' }, 'unsupported_grant_type'],
    [401, { error: 'unauthorized_client' }, 'unauthorized_client'],
    [400, { error: 'invalid_request', error_description: 'Missing grant type' }, 'invalid_request'],
  ])('should report a FreightExchange %i %o as %s', async (status, body, code) => {
    const server = await startServer();
    server.inject('fx-token', answer(status, body));

    expect(await rejectionOf(fxClient(server).login(DEMO))).toMatchObject({ code, status });
  });

  it.each<Case>([
    [400, { error: 'invalid_request', error_description: 'Invalid credentials' }, 'invalid_credentials'],
    [400, { error: 'missing parameters', error_description: 'username is required' }, 'invalid_request'],
    [400, { error: 'invalid_request', error_description: 'Malformed JSON' }, 'invalid_request'],
    [400, { error: 'invalid_request', error_description: 'password parameter is required' }, 'invalid_request'],
    [400, { error: 'invalid_request', error_description: 'Bad credentials' }, 'invalid_credentials'],
    [401, undefined, 'invalid_credentials'],
    [403, { error: 'unauthorized_client' }, 'unauthorized_client'],
  ])('should report a JSON login %i %o as %s', async (status, body, code) => {
    const server = await startServer();
    server.inject('json-login', answer(status, body));
    const client = track(
      createAuthClient({ provider: jsonLogin({ tokenUrl: `${server.url}/api/v1/cas/authenticate` }) }),
    );

    expect(await rejectionOf(client.login(DEMO))).toMatchObject({ code, status });
  });

  it.each<Case>([
    [401, undefined, 'invalid_client'],
    [401, { error: 'invalid_client' }, 'invalid_client'],
    [400, { error: 'unauthorized_client' }, 'unauthorized_client'],
    [400, { error: 'invalid_scope' }, 'invalid_scope'],
    [400, { error: 'invalid_grant' }, 'invalid_grant'],
  ])('should report a client-credentials %i %o as %s', async (status, body, code) => {
    const server = await startServer();
    server.inject('passport-token', answer(status, body));

    expect(await rejectionOf(passportClient(server).login())).toMatchObject({ code, status });
  });
});

describe('error messages: stable, naming the status and the OAuth error, never the body', () => {
  it.each<[status: number, body: object | string | undefined, message: string]>([
    [
      400,
      { error: 'invalid_grant', error_description: 'Bad credentials' },
      'The username or password was rejected. (HTTP 400 invalid_grant)',
    ],
    [401, { error: 'invalid_client' }, 'The client id or secret was rejected. (HTTP 401 invalid_client)'],
    [401, undefined, 'The client id or secret was rejected. (HTTP 401)'],
    [
      400,
      { error: 'invalid_request' },
      'The token endpoint refused the request as malformed. (HTTP 400 invalid_request)',
    ],
    [400, { error: 'unauthorized_client' }, 'This client may not use this grant. (HTTP 400 unauthorized_client)'],
    [
      400,
      { error: 'unsupported_grant_type' },
      'The token endpoint does not support this grant. (HTTP 400 unsupported_grant_type)',
    ],
    [400, { error: 'invalid_scope' }, 'The token endpoint refused the requested scope. (HTTP 400 invalid_scope)'],
    [503, undefined, 'The token endpoint failed. (HTTP 503)'],
    [429, { error: 'invalid_grant' }, 'The token endpoint failed. (HTTP 429 invalid_grant)'],
    [400, { error: 'made_up' }, 'The token endpoint failed. (HTTP 400)'],
    [200, { access: 'nope' }, 'The token endpoint did not send a valid token response.'],
    [300, undefined, 'The token endpoint answered with a redirect, which is not followed.'],
    [302, undefined, 'The token endpoint answered with a redirect, which is not followed.'],
    [399, undefined, 'The token endpoint answered with a redirect, which is not followed.'],
  ])('should say, for a FreightExchange login answered %i %o: %s', async (status, body, message) => {
    const server = await startServer();
    server.inject('fx-token', typeof body === 'string' ? { type: 'status', status, body } : answer(status, body));

    const error = await rejectionOf(fxClient(server).login(DEMO));

    expect(error).toMatchObject({ message, status });
  });
});
