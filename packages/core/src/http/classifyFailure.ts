import type { AuthErrorCode } from '../AuthError.js';

/**
 * The RFC 6749 §5.2 refusals that have an error code of the same name: asking again will not change
 * them.
 */
export const OAUTH_REFUSALS: ReadonlySet<AuthErrorCode> = new Set([
  'invalid_request',
  'invalid_client',
  'invalid_grant',
  'unauthorized_client',
  'unsupported_grant_type',
  'invalid_scope',
]);

/**
 * The `error` values a token endpoint may send that the client keeps: those registered for OAuth 2.0
 * (RFC 6749 §4.1.2.1 and §5.2, RFC 6750 §3.1, RFC 7009 §2.2.1) and those the seed APIs document.
 * Anything else is dropped: a server or proxy may echo the submitted credentials there.
 */
const KNOWN_ERRORS: ReadonlySet<string> = new Set([
  ...OAUTH_REFUSALS,
  'invalid_token',
  'insufficient_scope',
  'unsupported_token_type',
  'access_denied',
  'server_error',
  'temporarily_unavailable',
  'method_not_allowed', // Spring Security OAuth2, for a GET
  'missing parameters', // the JSON-login seed
]);

/** The server's OAuth `error`, if it is one the client knows; never anything else. */
export function knownOAuthError(value: unknown): string | undefined {
  return typeof value === 'string' && KNOWN_ERRORS.has(value) ? value : undefined;
}

/** 408, 425 and 429 say "later", whatever the body says. */
const LATER: ReadonlySet<number> = new Set([408, 425, 429]);

/** Whether a status refuses the request itself (a 4xx other than 408, 425 and 429). */
export function isRefusalStatus(status: number): boolean {
  return status >= 400 && status < 500 && !LATER.has(status);
}

/** Whether a refusal rejects the refresh credential itself (`invalid_grant`, or `invalid_token`, with 400 or 401). */
export function rejectsRefreshToken(status: number, error: string | undefined): boolean {
  return (status === 400 || status === 401) && (error === 'invalid_grant' || error === 'invalid_token');
}

/** The code of an RFC 6749 §5.2 refusal (and the seeds' own), on any grant: each has its own. */
export function classifyOAuthError(error: string | undefined): AuthErrorCode | undefined {
  if (error === 'missing parameters') return 'invalid_request'; // the JSON-login seed
  return OAUTH_REFUSALS.has(error as AuthErrorCode) ? (error as AuthErrorCode) : undefined;
}
