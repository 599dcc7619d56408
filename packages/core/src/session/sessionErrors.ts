import { AuthError } from '../AuthError.js';

/** Nothing to work with: never logged in, logged out (also for work that was running then), destroyed. */
export function noSession(): AuthError {
  return new AuthError('no_session', 'There is no session: log in first.');
}

/** A login that another login, a logout or `destroy()` replaced before it finished (a double click, say). */
export function loginReplaced(): AuthError {
  return new AuthError('no_session', 'Another login or a logout replaced this login before it finished.');
}

/** A session that cannot be refreshed reached its expiry; `refusal` is why it could not be. */
export function sessionExpired(refusal: AuthError | null): AuthError {
  return refusal
    ? new AuthError('session_expired', 'The session expired: the server refused to renew it.', { cause: refusal })
    : new AuthError('session_expired', 'The session has expired; sign in again.');
}

/** A refresh was asked of a session that has no way to be refreshed. */
export function cannotRefresh(): AuthError {
  return new AuthError('session_expired', 'This session cannot be refreshed; sign in again when it expires.');
}
