import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Fault } from '@fx-auth/mock-server';
import { DEMO, fxClient, rejectionOf, startServer } from './support.js';

const cases: Array<[string, Fault, string]> = [
  [
    'a 500',
    { type: 'status', status: 500, contentType: 'application/json', body: '{"error":"server_error"}' },
    'server',
  ],
  ['a 503 without a body', { type: 'status', status: 503 }, 'server'],
  ['an HTML error page', { type: 'html', status: 502 }, 'server'],
  [
    'an HTML page with status 200',
    { type: 'status', status: 200, contentType: 'text/html', body: '<html>hi</html>' },
    'invalid_response',
  ],
  ['truncated JSON', { type: 'truncated' }, 'invalid_response'],
  ['JSON of the wrong shape', { type: 'wrong-shape' }, 'invalid_response'],
  ['an empty 200', { type: 'status', status: 200, body: '' }, 'invalid_response'],
  [
    'a non-bearer token',
    {
      type: 'status',
      status: 200,
      contentType: 'application/json',
      body: '{"access_token":"x","token_type":"mac","expires_in":60}',
    },
    'invalid_response',
  ],
  [
    'a malformed profile',
    {
      type: 'status',
      status: 200,
      contentType: 'application/json',
      body: '{"access_token":"x","token_type":"bearer","expires_in":60,"user":{"id":[]}}',
    },
    'invalid_response',
  ],
  ['a dropped connection', { type: 'drop' }, 'network'],
  ['a hung server', { type: 'hang' }, 'timeout'],
  ['a body that never ends', { type: 'hang-body' }, 'timeout'],
];

/** The client's timeout, on fake time: a hung server costs no real waiting, and a slow machine no false timeout. */
const TIMEOUT = 10_000;

/** Settles `work`; for a server that never answers, by running the fake clock through the timeout. */
async function settle<T>(work: Promise<T>, fault: Fault): Promise<unknown> {
  const outcome = rejectionOf(work);
  if (fault.type === 'hang' || fault.type === 'hang-body') await vi.advanceTimersByTimeAsync(TIMEOUT);
  return outcome;
}

describe('token request failures', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it.each(cases)('should turn %s into %s, without a crash or a hang', async (_name, fault, code) => {
    const server = await startServer();
    server.inject('fx-token', fault);
    const client = fxClient(server, { timeout: TIMEOUT });
    const error = await settle(client.login(DEMO), fault);

    expect(error).toMatchObject({ name: 'AuthError', code });
    expect(client.getSnapshot()).toMatchObject({ status: 'anonymous', session: null, error });
  });

  it('should report an unreachable server as network', async () => {
    const server = await startServer();
    const url = server.url;
    await server.close();
    const error = await rejectionOf(fxClient({ url }).login(DEMO));

    expect(error).toMatchObject({ code: 'network' });
    expect((error as Error).cause).toBeInstanceOf(Error);
  });

  it.each(cases)('should keep the session when a refresh meets %s', async (_name, fault) => {
    const server = await startServer();
    const client = fxClient(server, { timeout: TIMEOUT });
    const session = await client.login(DEMO);
    server.inject('fx-token', fault);
    const error = await settle(client.refresh(), fault);

    expect(error).toMatchObject({ name: 'AuthError' });
    expect(client.getSnapshot()).toMatchObject({ status: 'authenticated', session, error });
    expect(await client.getAccessToken()).toBe(session.accessToken);
  });
});
