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
 * error's code, never its body. A login or refresh succeeded when the provider returned (a custom
 * provider may not report a status); a revocation, which never throws, by its status.
 */
export function observeTokenRequest<T>(
  grant: TokenRequestGrant,
  emit: (event: AuthEvent) => void,
  transport: TokenTransport,
  call: (transport: TokenTransport) => Promise<T>,
): Promise<T> {
  const startedAt = Date.now();
  let status: number | null = null;
  const finished = (outcome: 'success' | 'failure', errorCode: AuthErrorCode | null): void => {
    const at = Date.now();
    emit({
      type: 'token_request_finished',
      at,
      grant,
      outcome,
      durationMs: at - startedAt,
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
      // A provider that returns got its token; a revocation returns whatever happened (its status tells).
      const refused = status !== null && status >= 400;
      const unanswered = grant === 'revocation' && status === null;
      finished(refused || unanswered ? 'failure' : 'success', null);
      return result;
    },
    (error: unknown) => {
      finished('failure', isAuthError(error) ? error.code : null);
      throw error;
    },
  );
}
