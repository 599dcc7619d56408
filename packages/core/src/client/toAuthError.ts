import { AuthError, isAuthError } from '../AuthError.js';
import { sanitizeCause } from '../http/secrets.js';

/**
 * Any failure as an {@link AuthError}. Providers throw only `AuthError`s; anything else is a defect,
 * reported as `server` with a scrubbed cause rather than leaking its message.
 */
export function toAuthError(error: unknown): AuthError {
  if (isAuthError(error)) return error;
  return new AuthError('server', 'The token request failed unexpectedly.', { cause: sanitizeCause(error, []) });
}
