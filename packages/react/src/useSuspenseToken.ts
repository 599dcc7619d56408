import { AuthError, isAuthError, type AuthClient, type AuthSnapshot } from '@fx-auth/core';
import { useAuthClient } from './useAuthClient.js';
import { useAuthSnapshot } from './useAuthSnapshot.js';

/** What {@link useSuspenseToken} returns: a token that was valid when the component rendered. */
export interface ValidToken {
  readonly accessToken: string;
  /** Epoch milliseconds. */
  readonly expiresAt: number;
}

/** What a snapshot means for the hook: a token, an error for the boundary, or a wait. */
type Verdict = ValidToken | AuthError | 'anonymous' | 'waiting';

function verdictOf({ session, status, expired, error }: AuthSnapshot): Verdict {
  if (session && Date.now() < session.expiresAt) {
    return { accessToken: session.accessToken, expiresAt: session.expiresAt };
  }
  if (!session) return status === 'authenticating' ? 'waiting' : 'anonymous';
  // Expired while refreshes fail transiently: the last failure, not a wait of unknown length.
  return expired && error ? error : 'waiting';
}

const sameVerdict = (a: Verdict, b: Verdict): boolean =>
  a === b ||
  (typeof a === 'object' &&
    typeof b === 'object' &&
    !isAuthError(a) &&
    !isAuthError(b) &&
    a.accessToken === b.accessToken &&
    a.expiresAt === b.expiresAt);

/**
 * A wait that ends at the client's next change, after asking for a token: that waits for a login in
 * flight or refreshes a due token (joining one already running), and its outcome is the change.
 */
function nextChange(client: AuthClient): Promise<void> {
  const change = new Promise<void>((resolve) => {
    const stop = client.subscribe(() => {
      stop();
      resolve();
    });
  });
  client.getAccessToken().catch(() => undefined);
  return change;
}

/**
 * The access token for `<Suspense>`: always a token, valid when the component rendered. Suspends
 * while a login is running or an expired token is being refreshed (a tab back from sleep). Without
 * a session it throws an `AuthError` `no_session`, and while an expired token's refreshes fail
 * transiently it throws their last failure (`network`, `server`…), both to the nearest error
 * boundary (see `AuthErrorBoundary`, which tries again when the session changes). Re-renders once
 * per refresh. On the server (and during hydration) there is no session: render it on the client.
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
  const verdict = useAuthSnapshot(verdictOf, sameVerdict);
  if (verdict === 'anonymous') throw new AuthError('no_session', 'There is no session to take a token from.');
  // eslint-disable-next-line @typescript-eslint/only-throw-error -- Suspense: React waits for a thrown promise (as TanStack's useSuspenseQuery), in React 18 and 19
  if (verdict === 'waiting') throw nextChange(client);
  if (isAuthError(verdict)) throw verdict;
  return verdict;
}
