import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  clientCredentials,
  createAuthClient,
  freightExchange,
  isAuthError,
  jsonLogin,
  MAX_LIFETIME_SECONDS,
  type AuthClient,
  type TokenProvider,
} from '@fx-auth/core';
import { exposed, expectNoSecrets } from '../exposure.js';
import { propertyRuns, startHttpServer } from '../support.js';

const PASSWORD = 'pw:S3cr3t &=?+%/ "q"';
const CLIENT_SECRET = 'cs-Secr3t/=+';
const FIRST_ACCESS = 'at-first-0123456789';
const FIRST_REFRESH = 'rt-first-0123456789';
const SECRETS = [PASSWORD, CLIENT_SECRET, FIRST_ACCESS, FIRST_REFRESH];

/** What the token endpoint plays next: an answer, or a dropped connection. */
type Answer = { drop: true } | { drop: false; status: number; headers: Record<string, string>; body: string };

const GOOD_ANSWER: Answer = {
  drop: false,
  status: 200,
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify({
    access_token: FIRST_ACCESS,
    token_type: 'bearer',
    expires_in: 600,
    refresh_token: FIRST_REFRESH,
  }),
};

let next: Answer = GOOD_ANSWER;
let server: Awaited<ReturnType<typeof startHttpServer>>;
let url = '';

beforeAll(async () => {
  server = await startHttpServer((request, response) => {
    request.resume();
    request.on('end', () => {
      const answer = next;
      if (answer.drop) response.socket?.destroy();
      else response.writeHead(answer.status, answer.headers).end(answer.body);
    });
  });
  url = server.url;
});
afterAll(() => server.close());

const printed: string[] = [];
afterEach(() => {
  vi.restoreAllMocks();
  printed.length = 0;
});
function captureConsole(): void {
  for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      printed.push(
        args.map((arg) => (arg instanceof Error ? `${arg.stack} ${String(arg.cause)}` : String(arg))).join(' '),
      );
    });
  }
}

// ---- generated answers ----------------------------------------------------------------------

const secret = fc.constantFrom(...SECRETS);
const token = fc.oneof(
  fc.stringMatching(/^[A-Za-z0-9._~+/-]{1,40}=*$/),
  fc.string(),
  fc.constantFrom('abc\u0000def', 'a\r\nSet-Cookie: x', 'tökén', 'two words', ''),
  secret,
);
const lifetime = fc.oneof(
  fc.integer({ min: -10, max: 10_000_000 }),
  fc.double({ noNaN: false }),
  fc.constantFrom(1e-300, 1e306, 0, '0.000001', '1e306', '3600', ' 60 ', 'soon', ''),
  fc.constant(null),
);
const errorCode = fc.oneof(
  fc.constantFrom('invalid_grant', 'invalid_token', 'invalid_client', 'invalid_request', 'invalid_scope'),
  fc.constantFrom('unauthorized_client', 'unsupported_grant_type', 'server_error', 'temporarily_unavailable'),
  fc.string(),
  secret,
  secret.map((value) => `invalid_grant: ${value}`),
);
const tokenBody = fc
  .record(
    {
      access_token: token,
      token_type: fc.constantFrom('bearer', 'Bearer', 'mac', 'N_A'),
      expires_in: lifetime,
      refresh_token: token,
      scope: fc.constantFrom('any', 'read write'),
    },
    { requiredKeys: [] },
  )
  .map((body) => JSON.stringify(body));
const errorBody = fc
  .record(
    {
      error: errorCode,
      error_description: fc.oneof(fc.string(), secret),
      error_uri: secret.map((s) => `https://x.test/?s=${s}`),
    },
    { requiredKeys: [] },
  )
  .map((body) => JSON.stringify(body));
const otherBody = fc.oneof(
  fc.string(),
  secret.map((value) => `<html><body>${value}</body></html>`),
  fc.constantFrom('', '{"access_token":"abc', 'null', '[]', '"text"'),
);
const answer: fc.Arbitrary<Answer> = fc.oneof(
  { weight: 1, arbitrary: fc.constant<Answer>({ drop: true }) },
  {
    weight: 19,
    arbitrary: fc.record({
      drop: fc.constant(false as const),
      status: fc.constantFrom(200, 201, 204, 301, 302, 303, 307, 308, 400, 401, 403, 404, 408, 425, 429, 500, 502, 503),
      headers: fc.record(
        {
          'Content-Type': fc.constantFrom('application/json', 'application/json;charset=UTF-8', 'text/html'),
          Location: secret.map((value) => `https://elsewhere.test/token?p=${encodeURIComponent(value)}`),
        },
        { requiredKeys: [] },
      ),
      body: fc.oneof(tokenBody, errorBody, otherBody),
    }),
  },
);

// ---- what must hold -------------------------------------------------------------------------

const PROVIDERS: Record<string, () => TokenProvider> = {
  freightExchange: () => freightExchange({ baseUrl: url, clientSecret: CLIENT_SECRET }),
  clientCredentials: () => clientCredentials({ tokenUrl: `${url}/token`, clientId: 'id', clientSecret: CLIENT_SECRET }),
  jsonLogin: () => jsonLogin({ tokenUrl: `${url}/login`, refreshUrl: `${url}/refresh` }),
};
const LISTED_CODES = [
  'invalid_credentials',
  'invalid_client',
  'session_expired',
  'network',
  'timeout',
  'server',
  'invalid_response',
  'invalid_request',
  'invalid_grant',
  'unauthorized_client',
  'unsupported_grant_type',
  'invalid_scope',
];
const REGISTERED_ERRORS = [
  'invalid_request',
  'invalid_client',
  'invalid_grant',
  'unauthorized_client',
  'unsupported_grant_type',
  'invalid_scope',
  'invalid_token',
  'server_error',
  'temporarily_unavailable',
  'insufficient_scope',
  'unsupported_token_type',
  'access_denied',
  'method_not_allowed', // Spring, for a GET
  'missing parameters', // the JSON-login seed
];

/** A session fit to use, or a listed AuthError; never a secret anywhere. */
function expectWellFormed(outcome: unknown, started: number): void {
  if (isAuthError(outcome)) {
    expect(LISTED_CODES).toContain(outcome.code);
    if (outcome.error !== undefined) expect(REGISTERED_ERRORS).toContain(outcome.error);
    expectNoSecrets(exposed(outcome), SECRETS);
  } else {
    const session = outcome as { accessToken: string; expiresAt: number; tokenType: string };
    expect(session.accessToken).toMatch(/^[\x21-\x7E]+$/);
    expect(session.tokenType).toBe('Bearer');
    expect(Number.isFinite(session.expiresAt)).toBe(true);
    expect(session.expiresAt).toBeGreaterThan(Date.now());
    expect(session.expiresAt).toBeLessThanOrEqual(Date.now() + MAX_LIFETIME_SECONDS * 1000);
    expect(session.expiresAt).toBeGreaterThan(started);
  }
  expectNoSecrets(printed.join('\n'), SECRETS);
}

/** Whether `played` explicitly rejects the refresh token: 400 or 401 with invalid_grant or invalid_token. */
function rejectsRefreshToken(played: Answer): boolean {
  if (played.drop || (played.status !== 400 && played.status !== 401)) return false;
  try {
    const { error } = JSON.parse(played.body) as { error?: unknown };
    return error === 'invalid_grant' || error === 'invalid_token';
  } catch {
    return false;
  }
}

const settle = (promise: Promise<unknown>): Promise<unknown> => promise.catch((error: unknown) => error);
const login = (client: AuthClient, kind: string) =>
  settle(kind === 'clientCredentials' ? client.login() : client.login({ username: 'u', password: PASSWORD }));

/**
 * 150 runs of real HTTP exchanges take a few seconds, more on a busy 2-core machine: the runs are
 * counted, and the timeout only guards against a hang.
 */
const PROPERTY_TIMEOUT_MS = 60_000;

describe.each(Object.keys(PROVIDERS))(
  '%s against generated token endpoint answers',
  { timeout: PROPERTY_TIMEOUT_MS },
  (kind) => {
    it('should settle every login with a well-formed session or a listed AuthError, and show no secret', async () => {
      captureConsole();
      await fc.assert(
        fc.asyncProperty(answer, async (played) => {
          next = played;
          const client = createAuthClient({ provider: PROVIDERS[kind]!(), timeout: 5_000 });
          const started = Date.now();
          try {
            expectWellFormed(await login(client, kind), started);
            expectWellFormed(client.getSnapshot().error ?? client.getSnapshot().session, started);
          } finally {
            client.destroy();
          }
        }),
        propertyRuns(150),
      );
    });

    it('should end a session on a refresh only when the server rejects the refresh token', async () => {
      captureConsole();
      await fc.assert(
        fc.asyncProperty(answer, async (played) => {
          next = GOOD_ANSWER;
          const client = createAuthClient({ provider: PROVIDERS[kind]!(), timeout: 5_000 });
          try {
            const session = await login(client, kind);
            next = played;
            const started = Date.now();
            const outcome = await settle(client.refresh());

            expectWellFormed(outcome, started);
            const snapshot = client.getSnapshot();
            const ends = kind !== 'clientCredentials' && rejectsRefreshToken(played);
            if (ends) {
              expect(snapshot).toMatchObject({
                status: 'anonymous',
                session: null,
                error: { code: 'session_expired' },
              });
            } else {
              expect(snapshot.status).toBe('authenticated');
              expect(snapshot.session).toEqual(isAuthError(outcome) ? session : outcome);
            }
            expectNoSecrets(JSON.stringify(snapshot.error), SECRETS);
          } finally {
            client.destroy();
          }
        }),
        propertyRuns(150),
      );
    });
  },
);
