import { AuthError, type AuthErrorCode } from '../AuthError.js';
import type { TokenAnswer } from './sendTokenRequest.js';
import { tokenResponseSchema, type TokenResponse } from './tokenResponseSchema.js';

/**
 * Maps a refused token request (a 4xx) to an error code, from its status and the OAuth `error`
 * field. `undefined` means the provider has no better name than `server`.
 */
export type FailureClassifier = (status: number, oauthError: string | undefined) => AuthErrorCode | undefined;

const MESSAGES: Record<AuthErrorCode, string> = {
  invalid_credentials: 'The username or password was rejected.',
  invalid_client: 'The client id or secret was rejected.',
  session_expired: 'The session has expired; sign in again.',
  no_session: 'There is no session.',
  network: 'The token endpoint could not be reached.',
  timeout: 'The token endpoint did not answer in time.',
  server: 'The token endpoint failed.',
  invalid_response: 'The token endpoint did not send a valid token response.',
};

/** An OAuth `error` value is a short identifier; anything else is not echoed. */
const OAUTH_ERROR = /^[\w.-]{1,64}$/;

/**
 * Reads a token endpoint's answer: the validated token response on success, else a typed
 * {@link AuthError}. Never echoes the body, which may hold tokens (Spring echoes refresh tokens).
 *
 * @throws {AuthError} the classified code for a 4xx, `server` for a 5xx, `invalid_response` for a
 * success whose body is not a token response.
 */
export function readTokenAnswer(answer: TokenAnswer, classify: FailureClassifier): TokenResponse {
  const { status } = answer;
  const body = parseJson(answer.text);
  if (status >= 200 && status < 300) {
    const parsed = tokenResponseSchema.safeParse(body);
    if (parsed.success) return parsed.data;
    throw new AuthError('invalid_response', MESSAGES.invalid_response, { status });
  }
  const oauthError = readOAuthError(body);
  const code = (status >= 400 && status < 500 ? classify(status, oauthError) : undefined) ?? 'server';
  const suffix = oauthError === undefined ? `HTTP ${status}` : `HTTP ${status} ${oauthError}`;
  throw new AuthError(
    code,
    `${MESSAGES[code]} (${suffix})`,
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
  const error = (body as { error?: unknown }).error;
  return typeof error === 'string' && OAUTH_ERROR.test(error) ? error : undefined;
}
