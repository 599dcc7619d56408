import { AuthError, type AuthErrorCode } from '../AuthError.js';
import { classifyOAuthError, isRefusalStatus, knownOAuthError } from './classifyFailure.js';
import type { TokenAnswer } from './sendTokenRequest.js';
import { tokenResponseSchema, type TokenResponse } from './tokenResponseSchema.js';

/**
 * Maps a refused token request (a 4xx but 408, 425 and 429) to an error code, from its status and
 * the OAuth `error` field (only a known one). `undefined` leaves it to the RFC 6749 §5.2 code the
 * `error` names ({@link classifyOAuthError}), then to `server`.
 */
export type FailureClassifier = (
  status: number,
  oauthError: string | undefined,
  /** The answer's `error_description`, to tell cases apart; never shown anywhere. */
  description: string,
) => AuthErrorCode | undefined;

const MESSAGES: Record<AuthErrorCode, string> = {
  invalid_credentials: 'The username or password was rejected.',
  invalid_client: 'The client id or secret was rejected.',
  session_expired: 'The session has expired; sign in again.',
  no_session: 'There is no session.',
  network: 'The token endpoint could not be reached.',
  timeout: 'The token endpoint did not answer in time.',
  server: 'The token endpoint failed.',
  invalid_response: 'The token endpoint did not send a valid token response.',
  invalid_request: 'The token endpoint refused the request as malformed.',
  invalid_grant: 'The token endpoint refused the grant.',
  unauthorized_client: 'This client may not use this grant.',
  unsupported_grant_type: 'The token endpoint does not support this grant.',
  invalid_scope: 'The token endpoint refused the requested scope.',
  invalid_options: 'The client is misconfigured.',
};

/**
 * Reads a token endpoint's answer: the validated token response on success, else a typed
 * {@link AuthError}. Never echoes the body, which may hold tokens (Spring echoes refresh tokens).
 *
 * @throws {AuthError} the classified code for a refusal, `server` for a 5xx, a 408, 425 or 429, or a
 * redirect (which is never followed: it would carry the credentials elsewhere), `invalid_response`
 * for a success whose body is not a token response.
 */
export function readTokenAnswer(answer: TokenAnswer, classify: FailureClassifier): TokenResponse {
  const { status } = answer;
  if (status === 0 || (status >= 300 && status < 400)) {
    // `redirect: 'manual'`: a browser shows the redirect as status 0, Node as the 3xx itself.
    throw new AuthError('server', 'The token endpoint answered with a redirect, which is not followed.', {
      ...(status === 0 ? {} : { status }),
    });
  }
  const body = parseJson(answer.text);
  if (status >= 200 && status < 300) {
    const parsed = tokenResponseSchema.safeParse(body);
    if (parsed.success) return parsed.data;
    throw new AuthError('invalid_response', MESSAGES.invalid_response, { status });
  }
  const oauthError = readOAuthError(body);
  const described = (body as { error_description?: unknown } | null)?.error_description;
  const description = typeof described === 'string' ? described.slice(0, 200) : '';
  const code = isRefusalStatus(status)
    ? (classify(status, oauthError, description) ?? classifyOAuthError(oauthError))
    : undefined;
  const final = code ?? 'server';
  const suffix = oauthError === undefined ? `HTTP ${status}` : `HTTP ${status} ${oauthError}`;
  throw new AuthError(
    final,
    `${MESSAGES[final]} (${suffix})`,
    oauthError === undefined ? { status } : { status, error: oauthError },
  );
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function readOAuthError(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  return knownOAuthError((body as { error?: unknown }).error);
}
