import { AuthError, type AuthErrorCode } from '../AuthError.js';
import { classifyOAuthError, isRefusalStatus, knownOAuthError } from './classifyFailure.js';
import { ERROR_MESSAGES } from './errorMessages.js';
import { parseJson } from './parseJson.js';
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
    const details = status === 0 ? {} : { status };
    throw new AuthError('server', 'The token endpoint answered with a redirect, which is not followed.', details);
  }
  const body = parseJson(answer.text);
  if (status >= 200 && status < 300) {
    const parsed = tokenResponseSchema.safeParse(body);
    if (parsed.success) return parsed.data;
    throw new AuthError('invalid_response', ERROR_MESSAGES.invalid_response, { status });
  }
  // A JSON primitive has neither field.
  const refusal = body as { error?: unknown; error_description?: unknown } | null | undefined;
  const oauthError = knownOAuthError(refusal?.error);
  const described = refusal?.error_description;
  const description = typeof described === 'string' ? described.slice(0, 200) : '';
  const code = isRefusalStatus(status)
    ? (classify(status, oauthError, description) ?? classifyOAuthError(oauthError))
    : undefined;
  const final = code ?? 'server';
  if (oauthError === undefined) throw new AuthError(final, `${ERROR_MESSAGES[final]} (HTTP ${status})`, { status });
  throw new AuthError(final, `${ERROR_MESSAGES[final]} (HTTP ${status} ${oauthError})`, { status, error: oauthError });
}
