import type { UseQueryResult } from '@tanstack/react-query';
import type { AuthError, FxUser } from '@fx-auth/core';
import { fxUserProfile, type FxUserSchema } from './fxUserProfile.js';
import { useUser } from './useUser.js';

/**
 * The FreightExchange profile of the current session, as a TanStack Query result:
 * `useUser(fxUserProfile)`. The profile comes with the token, so it is there at once (no pending
 * state) and is replaced after every refresh; fresh until the token expires. Skipped (`skipToken`)
 * while there is no profile (anonymous, another token API's session, on the server, during
 * hydration). On logout, or at another login, the previous profile is removed from the cache.
 *
 * @example
 * ```tsx
 * const { data: user } = useFxUser()
 * return <p>{user?.firstName} ({user?.company.name}): {user?.autoUplift.max} auto uplifts</p>
 * ```
 */
export function useFxUser(): UseQueryResult<FxUser, AuthError> {
  return useUser<FxUserSchema, AuthError>(fxUserProfile); // fxUserProfile's fetch throws nothing else
}
