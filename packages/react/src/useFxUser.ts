import { skipToken, useQuery, type UseQueryResult } from '@tanstack/react-query';
import type { AuthError, FxUser } from '@fx-auth/core';
import { useFxUserQuery } from './useFxUserQuery.js';

/**
 * The FreightExchange profile of the current session, as a TanStack Query result. Skipped
 * (`skipToken`) while there is no profile (anonymous, on the server, during hydration); kept while
 * the session is refreshed; fresh until the token expires. On logout, or when another user logs
 * in, the previous profile is removed from the cache.
 *
 * @example
 * ```tsx
 * const { data: user } = useFxUser()
 * return <p>{user?.firstName} ({user?.company.name}): {user?.autoUplift.max} auto uplifts</p>
 * ```
 */
export function useFxUser(): UseQueryResult<FxUser, AuthError> {
  const { userId, options } = useFxUserQuery();
  const { queryFn } = options;
  return useQuery({ ...options, queryFn: userId === null || !queryFn ? skipToken : queryFn });
}
