import { useCallback, useMemo, useState } from 'react';
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

const KEYS = ['accessToken', 'expiresAt', 'status', 'expired'] as const satisfies ReadonlyArray<keyof TokenState>;

/** `state` with getters that note which of its fields the component reads. */
function trackReads(state: TokenState, read: Set<keyof TokenState>): TokenState {
  const tracked = {} as TokenState;
  for (const key of KEYS) {
    Object.defineProperty(tracked, key, {
      enumerable: true,
      get: () => {
        read.add(key);
        return state[key];
      },
    });
  }
  return tracked;
}

/**
 * The current access token, its expiry and the status. Re-renders only when a field the component
 * has read changes: one that reads only `accessToken` renders once per refresh; one that reads
 * `status` as well also sees `'refreshing'` in between.
 *
 * @example
 * ```tsx
 * const { accessToken, expiresAt } = useToken()
 * ```
 */
export function useToken(): TokenState {
  const [read] = useState(() => new Set<keyof TokenState>()); // the fields this component has read so far
  const isEqual = useCallback(
    (a: TokenState, b: TokenState): boolean => (read.size > 0 ? [...read] : KEYS).every((key) => a[key] === b[key]),
    [read],
  );
  const state = useAuthSnapshot(selectToken, isEqual);
  return useMemo(() => trackReads(state, read), [state, read]);
}
