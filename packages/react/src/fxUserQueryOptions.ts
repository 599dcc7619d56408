import { queryOptions } from '@tanstack/react-query';
import { AuthError, type AuthClient, type FxUser } from '@fx-auth/core';

/**
 * Query keys of the FreightExchange profile, for `invalidateQueries`, `removeQueries` and friends.
 *
 * @example
 * ```ts
 * queryClient.invalidateQueries({ queryKey: fxUserQueryKeys.all })
 * ```
 */
export const fxUserQueryKeys = {
  /** Every fx-auth profile query. */
  all: ['fx-auth', 'fx-user'] as const,
  /** The profile of the current session. */
  current: () => [...fxUserQueryKeys.all, 'current'] as const,
};

/**
 * Query options for the FreightExchange profile of `client`'s session: for `useQuery`, prefetching
 * and router loaders. The profile comes with the token, so the cache starts from the session and
 * stays fresh until the token expires; a fetch first gets a valid token (refreshing it if needed)
 * and returns the profile that came with it.
 *
 * @example
 * ```ts
 * // in a router loader
 * const user = await queryClient.ensureQueryData(fxUserQueryOptions(client))
 * ```
 */
export function fxUserQueryOptions(client: AuthClient) {
  return queryOptions<FxUser, AuthError>({
    queryKey: fxUserQueryKeys.current(),
    queryFn: async () => {
      await client.getAccessToken();
      const user = client.getSnapshot().session?.user;
      if (!user) throw new AuthError('no_session', 'There is no FreightExchange session with a user profile.');
      return user;
    },
    initialData: () => client.getSnapshot().session?.user,
    staleTime: (query) => {
      const expiresAt = client.getSnapshot().session?.expiresAt;
      return expiresAt === undefined ? 0 : Math.max(0, expiresAt - query.state.dataUpdatedAt);
    },
  });
}
