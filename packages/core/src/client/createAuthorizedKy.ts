import ky, { type KyInstance, type Options } from 'ky';
import { isAuthError } from '../AuthError.js';
import { MIN_REFRESH_INTERVAL_MS } from '../session/sessionState.js';

/** What the authorized ky instance needs from the client. */
export interface TokenSource {
  /** A valid access token, refreshed first when needed. */
  getAccessToken(options?: { forceRefresh?: boolean }): Promise<string>;
  /** The current access token without any I/O, or `undefined` without a session. */
  currentToken(): string | undefined;
  /** Whether the current session can get a new token. */
  canRefresh(): boolean;
}

const BEARER = /^Bearer (.+)$/;

/** Which requests get the token. */
export interface TokenAudience {
  /** Whether `url` may receive the token. */
  isAuthorized: (url: string) => boolean;
  /** Told of a request that went without the token because of its origin, while there is a session. */
  withheld: (url: string) => void;
}

/** Whether the caller set its own `Authorization` header: it is kept, and its 401 is the caller's. */
const callerAuthorizes = (options: { headers?: HeadersInit }): boolean =>
  new Headers(options.headers).has('Authorization');

/**
 * A ky instance that sends `Authorization: Bearer <token>` to authorized origins only. On a 401 from
 * one of them it retries once through ky's own retry: with the current token if the one sent has
 * since been replaced, else after one (shared) refresh. A second 401 reaches the caller as ky's
 * `HTTPError`. The retry counts against `retry.limit`; with `retry: 0` there is none. A 401 refreshes
 * at most once per {@link MIN_REFRESH_INTERVAL_MS}: an API that answers every call with 401 (a
 * permission, not an expiry) must not make each call cost a token request.
 */
export function createAuthorizedKy(
  tokens: TokenSource,
  { isAuthorized, withheld }: TokenAudience,
  options: Pick<Options, 'fetch'>,
): KyInstance {
  // Calls that already had their one 401 retry, keyed by the call's own abort signal: ky makes one
  // per call and keeps it across retries, while `options.context` may be shared between calls.
  const retried = new WeakSet<object>();
  // The last renewal a 401 set off: the token that got the 401, when, and the renewal itself.
  let last: { sent: string; at: number; renewal: Promise<string> } | undefined;

  return ky.create({
    ...options,
    // ky retries any error a hook throws as if it were a network failure; an AuthError (no session,
    // a rejected refresh token) is final. Other errors keep ky's own rules (`undefined`).
    retry: { shouldRetry: ({ error }) => (isAuthError(error) ? false : undefined) },
    hooks: {
      beforeRequest: [
        async (request, options) => {
          if (callerAuthorizes(options)) return;
          if (!isAuthorized(request.url)) {
            if (tokens.currentToken() !== undefined) withheld(request.url);
            return;
          }
          request.headers.set('Authorization', `Bearer ${await tokens.getAccessToken()}`);
        },
      ],
      afterResponse: [
        async (request, normalized, response, state) => {
          if (response.status !== 401 || !isAuthorized(request.url) || callerAuthorizes(normalized)) return undefined;
          const sent = BEARER.exec(request.headers.get('Authorization') ?? '')?.[1];
          const call: object = normalized.signal ?? normalized.context;
          if (sent === undefined || retried.has(call) || state.retryCount >= (normalized.retry.limit ?? 2))
            return undefined;
          const current = tokens.currentToken();
          if (current === sent || current === undefined) {
            if (!tokens.canRefresh()) return undefined;
            const recent = last !== undefined && Date.now() - last.at < MIN_REFRESH_INTERVAL_MS;
            if (recent && sent === last?.sent) {
              await last.renewal; // one renewal per token: its result, or its failure, is shared
            } else if (recent && sent === (await last?.renewal.catch(() => undefined))) {
              return undefined; // the renewed token got a 401 too: a permission, not an expiry
            } else {
              last = { sent, at: Date.now(), renewal: tokens.getAccessToken({ forceRefresh: true }) };
              await last.renewal;
            }
          }
          retried.add(call);
          return ky.retry({ delay: 0, code: 'FX_AUTH_TOKEN_REPLACED' });
        },
      ],
    },
  });
}
