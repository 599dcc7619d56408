import { useMemo } from 'react';
import { AuthError, type AuthSnapshot, type Session } from '@fx-auth/core';
import { useAuthClient } from './useAuthClient.js';
import { useAuthSnapshot } from './useAuthSnapshot.js';
import { untilChange } from './untilChange.js';

/** What {@link useSuspenseToken} returns: a token that was valid when the component rendered. */
export interface ValidToken {
  readonly accessToken: string;
  /** Epoch milliseconds. */
  readonly expiresAt: number;
}

/** What the hook needs of a snapshot: the session, the last failure, and whether a login runs. */
interface TokenFacts {
  session: Session | null;
  error: AuthError | null;
  loggingIn: boolean;
}

const selectFacts = ({ session, error, status }: AuthSnapshot): TokenFacts => ({
  session,
  error,
  loggingIn: status === 'authenticating',
});

const sameFacts = (a: TokenFacts, b: TokenFacts): boolean =>
  a.session === b.session && a.error === b.error && a.loggingIn === b.loggingIn;

/**
 * Whether a token is still valid now: read at each render on purpose, as a snapshot does not change
 * when its token's time runs out (a tab back from sleep renders before the client has noticed).
 */
const validNow = (token: ValidToken | null): token is ValidToken => token !== null && Date.now() < token.expiresAt;

/**
 * The access token for `<Suspense>`: always a token, valid when the component rendered (checked
 * against the clock at each render). Suspends while a login is running or an expired token is
 * refreshed (a tab back from sleep: one request, however many components wait). Throws to the
 * nearest error boundary (see `AuthErrorBoundary`, which tries again when the session changes):
 * an `AuthError` `no_session` without a session (`session_expired` when a rejected refresh token
 * ended it), and the last failure (`network`, `server`…) while an expired token's refreshes fail.
 * Re-renders once per refresh. The server has no session: render it on the client.
 *
 * @example
 * ```tsx
 * function Map() {
 *   const { accessToken } = useSuspenseToken() // for a third-party SDK that takes the header
 *   return <MapView headers={{ Authorization: `Bearer ${accessToken}` }} />
 * }
 * ```
 */
export function useSuspenseToken(): ValidToken {
  const client = useAuthClient();
  const { session, error, loggingIn } = useAuthSnapshot(selectFacts, sameFacts);
  const token = useMemo(() => session && { accessToken: session.accessToken, expiresAt: session.expiresAt }, [session]);
  if (validNow(token)) return token;
  if (!session && !loggingIn) {
    throw error?.code === 'session_expired'
      ? error
      : new AuthError('no_session', 'There is no session to take a token from.');
  }
  // An expired token whose last refresh failed: that failure, not a wait of unknown length.
  if (session && error) throw error;
  // eslint-disable-next-line @typescript-eslint/only-throw-error -- Suspense: React waits for a thrown promise (as TanStack's useSuspenseQuery), in React 18 and 19
  throw untilChange(client);
}
