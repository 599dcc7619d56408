/**
 * Why an auth operation failed. Stable: branch on it, do not parse messages.
 *
 * - `invalid_credentials`: the server rejected the username or password.
 * - `invalid_client`: the server rejected the client id or secret.
 * - `session_expired`: the refresh token was rejected, or the session reached its expiry and cannot
 *   be refreshed. The session has ended (or, from `refresh()`, cannot be extended).
 * - `no_session`: there is no session (never logged in, logged out, or the client was destroyed),
 *   including for an operation that was still running when that happened.
 * - `network`: the request never got an HTTP answer (offline, DNS, refused or dropped connection).
 * - `timeout`: no complete answer within `options.timeout`, or another tab held the refresh lock
 *   that long (transient: the session stays).
 * - `server`: the server answered with an error it did not attribute to the user or client (5xx, an
 *   unexpected 4xx).
 * - `invalid_response`: a success status with a body that is not a valid token response (a token
 *   that is not a valid header value, for one).
 * - `invalid_request`: the server refused the request as malformed (`invalid_request`, or the
 *   JSON-login seed's `missing parameters`). Retrying will not help.
 * - `invalid_grant`: the server refused the grant for another reason than a wrong password or an
 *   expired refresh token. Retrying will not help.
 * - `unauthorized_client`: this client may not use this grant. Retrying will not help.
 * - `unsupported_grant_type`: the server does not know this grant. Retrying will not help.
 * - `invalid_scope`: the server refused the requested scope. Retrying will not help.
 * - `invalid_options`: `createAuthClient()` or a provider was given a wrong option; the message names
 *   it. Thrown at creation, never later.
 */
export type AuthErrorCode =
  | 'invalid_credentials'
  | 'invalid_client'
  | 'session_expired'
  | 'no_session'
  | 'network'
  | 'timeout'
  | 'server'
  | 'invalid_response'
  | 'invalid_request'
  | 'invalid_grant'
  | 'unauthorized_client'
  | 'unsupported_grant_type'
  | 'invalid_scope'
  | 'invalid_options';

/** Extra facts carried by an {@link AuthError}. */
export interface AuthErrorDetails {
  /** HTTP status of the token endpoint's answer, when there was one. */
  status?: number;
  /**
   * The OAuth `error` field of the server's answer (e.g. `invalid_grant`), when it was a registered
   * OAuth 2.0 code or one the seed APIs document; anything else is dropped, never echoed.
   */
  error?: string;
  /** A sanitized description of the underlying failure (never carries secrets or URLs). */
  cause?: Error;
}

/**
 * The one error type fx-auth throws. Never contains a password, client secret or token in its
 * message, stack, `String()` or JSON form.
 *
 * @example
 * ```ts
 * try {
 *   await client.login({ username, password })
 * } catch (error) {
 *   if (isAuthError(error) && error.code === 'invalid_credentials') showWrongPassword()
 * }
 * ```
 */
export class AuthError extends Error {
  override readonly name = 'AuthError' as const;
  /** Why it failed; see {@link AuthErrorCode}. */
  readonly code: AuthErrorCode;
  /** HTTP status of the answer that caused it, if any. */
  declare readonly status?: number;
  /**
   * The server's OAuth `error` value, if it was a registered one (e.g. `invalid_grant`,
   * `invalid_token`); an unknown value is dropped.
   */
  declare readonly error?: string;

  constructor(code: AuthErrorCode, message: string, details: AuthErrorDetails = {}) {
    super(message, details.cause ? { cause: details.cause } : undefined);
    this.code = code;
    if (details.status !== undefined) this.status = details.status;
    if (details.error !== undefined) this.error = details.error;
  }

  /** A plain, secret-free object for logging and serialization. */
  toJSON(): { name: 'AuthError'; code: AuthErrorCode; message: string; status?: number; error?: string } {
    return {
      name: this.name,
      code: this.code,
      message: this.message,
      ...(this.status === undefined ? {} : { status: this.status }),
      ...(this.error === undefined ? {} : { error: this.error }),
    };
  }
}

/**
 * Whether `value` is an {@link AuthError}. Also true for one from another realm or copy of the
 * package (it compares `name` and `code`, like ky's guards).
 */
export function isAuthError(value: unknown): value is AuthError {
  if (value instanceof AuthError) return true;
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as { name?: unknown; code?: unknown };
  return candidate.name === 'AuthError' && typeof candidate.code === 'string';
}
