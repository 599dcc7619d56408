import { useQuery, useQueryClient, type UseQueryResult } from '@tanstack/react-query';
import type { AuthError, AuthSnapshot, FxUser } from '@fx-auth/core';
import { fxUserQueryOptions } from './fxUserQueryOptions.js';
import { useAuthContext } from './useAuthContext.js';
import { useAuthSnapshot } from './useAuthSnapshot.js';
import { useFxUserCacheSync } from './useFxUserCacheSync.js';

const selectUserId = (snapshot: AuthSnapshot): string | null => snapshot.session?.user?.id ?? null;

/**
 * The FreightExchange profile of the current session, as a TanStack Query result. Disabled while
 * there is no profile (anonymous, on the server, during hydration); kept while the session is
 * refreshed; fresh until the token expires. On logout, or when another user logs in, the previous
 * profile is removed from the cache.
 *
 * @example
 * ```tsx
 * const { data: user } = useFxUser()
 * return <p>{user?.firstName} ({user?.company.name}): {user?.autoUplift.max} auto uplifts</p>
 * ```
 */
export function useFxUser(): UseQueryResult<FxUser, AuthError> {
  const { client, queryClient: kept } = useAuthContext();
  const queryClient = useQueryClient();
  // A QueryClientProvider inside <AuthProvider> holds its own cache: keep that one in step too.
  useFxUserCacheSync(client, queryClient === kept ? null : queryClient);
  const userId = useAuthSnapshot(selectUserId);
  return useQuery({ ...fxUserQueryOptions(client, userId), enabled: userId !== null });
}
