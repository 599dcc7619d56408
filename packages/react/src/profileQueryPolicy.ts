import { isAuthError, type AuthClient, type AuthErrorCode } from '@fx-auth/core';

/** Failures that another attempt may fix; the rest (no session, rejected tokens) are final. */
const TRANSIENT: ReadonlySet<AuthErrorCode> = new Set(['network', 'timeout', 'server', 'invalid_response']);

/** TanStack's `retry` for profiles: up to three attempts, for transient failures only. */
export const retryTransient = (failures: number, error: unknown): boolean =>
  failures < 3 && isAuthError(error) && TRANSIENT.has(error.code);

/** TanStack's `staleTime` for what belongs to the session: fresh until its token expires. */
export const freshUntilExpiry =
  (client: AuthClient) =>
  (query: { state: { dataUpdatedAt: number } }): number => {
    const expiresAt = client.getSnapshot().session?.expiresAt;
    return expiresAt === undefined ? 0 : Math.max(0, expiresAt - query.state.dataUpdatedAt);
  };
