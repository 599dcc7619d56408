import { queryOptions } from '@tanstack/react-query';
import { AuthError, isAuthError, type AuthClient, type AuthErrorCode, type FxUser } from '@fx-auth/core';

/**
 * Query keys of the FreightExchange profile, for `invalidateQueries`, `removeQueries` and friends.
 * A profile is keyed by its user's id, so one user's profile can never answer for another's.
 *
 * @example
 * ```ts
 * queryClient.invalidateQueries({ queryKey: fxUserQueryKeys.all })
 * ```
 */
export const fxUserQueryKeys = {
  /** Every fx-auth profile query. */
  all: ['fx-auth', 'fx-user'] as const,
  /** The profile of the user with this id (`null`: no user). */
  user: (userId: string | null) => [...fxUserQueryKeys.all, userId] as const,
};

/** The error for a profile asked for without a FreightExchange session of its user. */
export const noFxProfile = (): AuthError =>
  new AuthError('no_session', 'There is no FreightExchange session for this user profile.');

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

/**
 * Query options for the FreightExchange profile of `client`'s session: for `useQuery`, prefetching
 * and router loaders. The profile comes with the token, so the cache starts from the session and
 * stays fresh until the token expires; a fetch first gets a valid token (refreshing it if needed)
 * and returns the profile that came with it.
 *
 * @param userId whose profile; by default the current session's user.
 * @example
 * ```ts
 * // in a router loader
 * const user = await queryClient.ensureQueryData(fxUserQueryOptions(client))
 * ```
 */
export function fxUserQueryOptions(client: AuthClient, userId = client.getSnapshot().session?.user?.id ?? null) {
  const sessionUser = (): FxUser | undefined => {
    const user = client.getSnapshot().session?.user;
    return user && user.id === userId ? user : undefined;
  };
  return queryOptions<FxUser, AuthError>({
    queryKey: fxUserQueryKeys.user(userId),
    queryFn: async () => {
      await client.getAccessToken();
      const user = sessionUser();
      if (!user) throw noFxProfile();
      return user;
    },
    initialData: sessionUser,
    staleTime: freshUntilExpiry(client),
    retry: retryTransient,
  });
}
