import { describe, expect, it } from 'vitest';
import { createAuthClient, jsonLogin, type AuthClient } from '@fx-auth/core';
import type { RunningMockTokenServer } from '@fx-auth/mock-server';
import { DEMO, fxClient, passportClient, rejectionOf, startServer, track } from './support.js';

type Route = 'fx-token' | 'json-login' | 'passport-token';

/** A refusal as it comes from the server: a status, with an OAuth JSON body or an HTML page. */
interface Answer {
  status: number;
  oauth?: { error: string; error_description?: string };
}

const CLIENTS: Record<Route, (server: RunningMockTokenServer) => AuthClient> = {
  'fx-token': (server) => fxClient(server),
  'passport-token': (server) => passportClient(server),
  'json-login': (server) =>
    track(createAuthClient({ provider: jsonLogin({ tokenUrl: `${server.url}/api/v1/cas/authenticate` }) })),
};

async function loginRefusedWith(route: Route, answer: Answer) {
  const server = await startServer();
  server.inject(
    route,
    answer.oauth
      ? { type: 'status', status: answer.status, contentType: 'application/json', body: JSON.stringify(answer.oauth) }
      : { type: 'html', status: answer.status },
  );
  const client = CLIENTS[route](server);
  const error = await rejectionOf(route === 'passport-token' ? client.login() : client.login(DEMO));
  expect(client.getSnapshot().status).toBe('anonymous');
  return error;
}

describe('the code of a refused login, per provider', () => {
  it.each<[Route, Answer, string]>([
    // FreightExchange (Spring): a wrong password is 400 invalid_grant; a bad client a bare 401.
    ['fx-token', { status: 400, oauth: { error: 'invalid_grant' } }, 'invalid_credentials'],
    ['fx-token', { status: 401 }, 'invalid_client'],
    ['fx-token', { status: 403 }, 'invalid_client'],
    ['fx-token', { status: 400 }, 'server'],
    ['fx-token', { status: 401, oauth: { error: 'invalid_client' } }, 'invalid_client'],
    ['fx-token', { status: 400, oauth: { error: 'invalid_scope' } }, 'invalid_scope'],
    // JSON login: a bare 400, 401 or 403 is a wrong password.
    ['json-login', { status: 400 }, 'invalid_credentials'],
    ['json-login', { status: 401 }, 'invalid_credentials'],
    ['json-login', { status: 403 }, 'invalid_credentials'],
    ['json-login', { status: 404 }, 'server'],
    ['json-login', { status: 401, oauth: { error: 'invalid_grant' } }, 'invalid_credentials'],
    ['json-login', { status: 404, oauth: { error: 'invalid_grant' } }, 'invalid_grant'],
    [
      'json-login',
      { status: 400, oauth: { error: 'invalid_request', error_description: 'Invalid credentials' } },
      'invalid_credentials',
    ],
    [
      'json-login',
      { status: 400, oauth: { error: 'invalid_request', error_description: 'The password is required' } },
      'invalid_request',
    ],
    ['json-login', { status: 400, oauth: { error: 'unauthorized_client' } }, 'unauthorized_client'],
    // Passport: a bad client is a bare 401 (a Spring Boot error page).
    ['passport-token', { status: 401 }, 'invalid_client'],
    ['passport-token', { status: 403 }, 'invalid_client'],
    ['passport-token', { status: 400 }, 'server'],
    ['passport-token', { status: 401, oauth: { error: 'invalid_request' } }, 'invalid_request'],
  ])('should report %s answering %j as %s', async (route, answer, code) => {
    const error = await loginRefusedWith(route, answer);

    expect(error).toMatchObject({ name: 'AuthError', code, status: answer.status });
  });
});

describe('a login without credentials', () => {
  it.each([
    null,
    'demo',
    { username: 'demo' },
    { password: 'demo' },
    { username: 1, password: 'demo' },
    { username: 'demo', password: 1 },
  ])('should refuse %j before anything is sent', async (credentials) => {
    const server = await startServer();
    const client = fxClient(server);

    const error = await rejectionOf(client.login(credentials as never));

    expect(error).toMatchObject({
      name: 'AuthError',
      code: 'invalid_credentials',
      message: 'A username and password are required to log in.',
    });
    expect(server.requests).toEqual([]);
  });
});
