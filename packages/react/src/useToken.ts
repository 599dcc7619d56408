import type { AuthSnapshot, AuthStatus } from '@fx-auth/core';
import { useAuthSnapshot } from './useAuthSnapshot.js';

/** What {@link useToken} returns: nulls while anonymous. */
export interface TokenState {
  accessToken: string | null;
  /** Epoch milliseconds. */
  expiresAt: number | null;
  status: AuthStatus;
  /** `true` while the token has expired and refreshes keep failing transiently (see `AuthSnapshot.expired`). */
  expired: boolean;
}

const selectToken = (snapshot: AuthSnapshot): TokenState => ({
  accessToken: snapshot.session?.accessToken ?? null,
  expiresAt: snapshot.session?.expiresAt ?? null,
  status: snapshot.status,
  expired: snapshot.expired,
});

const sameToken = (a: TokenState, b: TokenState): boolean =>
  a.accessToken === b.accessToken && a.expiresAt === b.expiresAt && a.status === b.status && a.expired === b.expired;

/**
 * The current access token, its expiry and the status. Re-renders only when one of these changes
 * (a refresh passes through `status: 'refreshing'`).
 *
 * @example
 * ```tsx
 * const { accessToken, expiresAt } = useToken()
 * ```
 */
export function useToken(): TokenState {
  return useAuthSnapshot(selectToken, sameToken);
}
