import { isAuthError, type AuthErrorCode } from '../AuthError.js';
import type { TokenOperation } from '../client/probe.js';
import type { TokenTransport } from '../http/sendTokenRequest.js';
import type { TokenProvider } from '../providers/TokenProvider.js';
import type { AuthEvent, TokenRequestGrant } from './authEvents.js';

/** The grant a provider's operation sends. */
export function grantOf(kind: TokenProvider['kind'], operation: TokenOperation): TokenRequestGrant {
  if (operation === 'revoke') return 'revocation';
  if (kind === 'clientCredentials') return 'client_credentials';
  return operation === 'login' ? 'password' : 'refresh_token';
}

/**
 * Runs one token request, telling `emit` when it starts and how it ended: its HTTP status and its
 * error's code, never its body.
 */
export function observeTokenRequest<T>(
  grant: TokenRequestGrant,
  emit: (event: AuthEvent) => void,
  transport: TokenTransport,
  call: (transport: TokenTransport) => Promise<T>,
): Promise<T> {
  const startedAt = Date.now();
  let status: number | null = null;
  const finished = (errorCode: AuthErrorCode | null): void => {
    const success = errorCode === null && status !== null && status >= 200 && status < 300;
    emit({
      type: 'token_request_finished',
      at: Date.now(),
      grant,
      outcome: success ? 'success' : 'failure',
      durationMs: Date.now() - startedAt,
      status,
      errorCode,
    });
  };
  emit({ type: 'token_request_started', at: startedAt, grant });
  const answered = (answer: number): void => {
    status = answer;
  };
  return call({ ...transport, answered }).then(
    (result) => {
      finished(null);
      return result;
    },
    (error: unknown) => {
      finished(isAuthError(error) ? error.code : null);
      throw error;
    },
  );
}
