import type { AuthErrorCode } from '../AuthError.js';

/**
 * The message of each error code when a token endpoint refuses or fails; its keys are every code
 * this version knows (another tab's error with any other code is not taken).
 */
export const ERROR_MESSAGES: Readonly<Record<AuthErrorCode, string>> = {
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
