import { useMemo } from 'react';
import type { AuthClient, AuthError, AuthSnapshot, AuthStatus, Session } from '@fx-auth/core';
import { useAuthClient } from './useAuthClient.js';
import { useAuthSnapshot } from './useAuthSnapshot.js';

/** What {@link useAuth} returns. */
export interface UseAuthResult {
  status: AuthStatus;
  session: Session | null;
  error: AuthError | null;
  /** `true` while there is a session (also during `refreshing`). */
  isAuthenticated: boolean;
  /** `true` while the token has expired and refreshes keep failing transiently: show "reconnecting". */
  expired: boolean;
  /** When the client will next try to refresh (epoch ms), or `null`: see `AuthSnapshot.refreshAt`. */
  refreshAt: number | null;
  /** The login's id, the same across its refreshes and tabs (a profile's cache key): see `AuthSnapshot.sessionId`. */
  sessionId: string | null;
  login: AuthClient['login'];
  logout: AuthClient['logout'];
  refresh: AuthClient['refresh'];
}

const whole = (snapshot: AuthSnapshot): AuthSnapshot => snapshot;

/**
 * The auth state and actions. Re-renders on every change of the snapshot; use {@link useToken}
 * or {@link useFxUser} to re-render less.
 *
 * @example
 * ```tsx
 * const { isAuthenticated, session, logout } = useAuth()
 * return isAuthenticated ? <button onClick={() => logout()}>Log out {session?.user?.firstName}</button> : <LoginForm />
 * ```
 */
export function useAuth(): UseAuthResult {
  const client = useAuthClient();
  const snapshot = useAuthSnapshot(whole);
  return useMemo(
    () => ({
      status: snapshot.status,
      session: snapshot.session,
      error: snapshot.error,
      isAuthenticated: snapshot.session !== null,
      expired: snapshot.expired,
      refreshAt: snapshot.refreshAt,
      sessionId: snapshot.sessionId,
      login: client.login,
      logout: client.logout,
      refresh: client.refresh,
    }),
    [client, snapshot],
  );
}
