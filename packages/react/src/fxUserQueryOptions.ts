import type { AuthClient, AuthError } from '@fx-auth/core';
import { fxUserProfile, type FxUserSchema } from './fxUserProfile.js';
import { userQueryKeys, userQueryOptions } from './userQueryOptions.js';

/**
 * Query keys of the FreightExchange profile, for `invalidateQueries`, `removeQueries` and friends.
 * A profile is keyed by its login (`AuthSnapshot.sessionId`), so one login's profile can never
 * answer for another's.
 *
 * @example
 * ```ts
 * queryClient.invalidateQueries({ queryKey: fxUserQueryKeys.all })
 * ```
 */
export const fxUserQueryKeys = {
  /** The FreightExchange profile of every login. */
  all: userQueryKeys.named(fxUserProfile.name),
  /** The profile of the login `sessionId` (`AuthSnapshot.sessionId`). */
  profile: (sessionId: string | null) => userQueryKeys.profile(fxUserProfile.name, sessionId),
};

/**
 * Query options for the FreightExchange profile of `client`'s session: for `useQuery`, prefetching
 * and router loaders (`userQueryOptions(client, fxUserProfile)`). The profile comes with the token,
 * so the cache starts from the session and stays fresh until the token expires; a fetch first gets
 * a valid token (refreshing it if needed) and returns the profile that came with it. Without a
 * FreightExchange session it fails with an `AuthError` `no_session`.
 *
 * @example
 * ```ts
 * // in a router loader
 * const user = await queryClient.ensureQueryData(fxUserQueryOptions(client))
 * ```
 */
export function fxUserQueryOptions(client: AuthClient) {
  return userQueryOptions<FxUserSchema, AuthError>(client, fxUserProfile); // its fetch throws nothing else
}
