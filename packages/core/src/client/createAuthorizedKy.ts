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
  /** Told of a call to `url` that got a 401 and goes again with a new token. */
  retried: (url: string) => void;
}

/** Whether the caller set its own `Authorization` header: it is kept, and its 401 is the caller's. */
const callerAuthorizes = (options: { headers?: HeadersInit }): boolean =>
  new Headers(options.headers).has('Authorization');

/**
 * A ky instance that sends `Authorization: Bearer <token>` to authorized origins only. On a 401 from
 * one of them it retries once, in the fetch layer under ky: with the current token if the one sent
 * has since been replaced, else after one (shared) refresh. A second 401 reaches the caller as ky's
 * `HTTPError`; with `retry: 0` there is no retry. A 401 refreshes at most once per
 * {@link MIN_REFRESH_INTERVAL_MS}: an API that answers every call with 401 (a permission, not an
 * expiry) must not make each call cost a token request. No `afterResponse` hook: ky clones every
 * response for those, and a successful call must cost no more than bare ky's.
 */
export function createAuthorizedKy(
  tokens: TokenSource,
  { isAuthorized, withheld, retried }: TokenAudience,
  options: Pick<Options, 'fetch'>,
): KyInstance {
  // The requests that went out with the client's token and may be retried once after a 401: the
  // very objects ky hands to `fetch` after its `beforeRequest` hooks.
  const retryable = new WeakSet<Request>();
  // The last renewal a 401 set off: the token that got the 401, when, and the renewal itself.
  let last: { sent: string; at: number; renewal: Promise<string> } | undefined;
  const send = (input: Request, init?: RequestInit): Promise<Response> => (options.fetch ?? fetch)(input, init);

  /** Whether a call whose token `sent` got a 401 goes again (with the token then current). */
  const renewed = async (sent: string): Promise<boolean> => {
    const current = tokens.currentToken();
    if (current !== sent && current !== undefined) return true; // replaced meanwhile: no refresh
    if (!tokens.canRefresh()) return false;
    const recent = last !== undefined && Date.now() - last.at < MIN_REFRESH_INTERVAL_MS;
    if (recent && sent === last?.sent) {
      await last.renewal; // one renewal per token: its result, or its failure, is shared
    } else if (recent && sent === (await last?.renewal.catch(() => undefined))) {
      return false; // the renewed token got a 401 too: a permission, not an expiry
    } else {
      last = { sent, at: Date.now(), renewal: tokens.getAccessToken({ forceRefresh: true }) };
      await last.renewal;
    }
    return true;
  };

  return ky.create({
    ...options,
    fetch: async (input, init) => {
      if (!(input instanceof Request) || !retryable.has(input)) return send(input as Request, init);
      const spare = input.body === null ? input : input.clone(); // a body can be sent once
      const response = await send(input, init);
      const sent = BEARER.exec(input.headers.get('Authorization') ?? '')?.[1];
      if (response.status !== 401 || sent === undefined || !(await renewed(sent))) {
        if (spare !== input) void spare.body?.cancel().catch(() => undefined); // its copy of the body is not needed
        return response;
      }
      void response.body?.cancel().catch(() => undefined);
      retried(input.url);
      const headers = new Headers(input.headers);
      headers.set('Authorization', `Bearer ${await tokens.getAccessToken()}`);
      return send(new Request(spare, { headers }), init);
    },
    // ky retries any error its fetch throws as if it were a network failure; an AuthError (no
    // session, a rejected refresh token) is final. Other errors keep ky's own rules (`undefined`).
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
          if ((options.retry.limit ?? 2) > 0) retryable.add(request);
        },
      ],
    },
  });
}
