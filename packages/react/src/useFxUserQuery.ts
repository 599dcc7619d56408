import { useQueryClient } from '@tanstack/react-query';
import type { AuthSnapshot } from '@fx-auth/core';
import { fxUserQueryOptions } from './fxUserQueryOptions.js';
import { useAuthContext } from './useAuthContext.js';
import { useAuthSnapshot } from './useAuthSnapshot.js';
import { useProfileCacheSync } from './useProfileCacheSync.js';

const selectUserId = (snapshot: AuthSnapshot): string | null => snapshot.session?.user?.id ?? null;

/**
 * What `useFxUser()` and `useSuspenseFxUser()` share: the query options of the current session's
 * profile (keyed by its user id, `null` without one), with the caches kept in step with the session.
 */
export function useFxUserQuery() {
  const { client, queryClient: kept } = useAuthContext();
  const queryClient = useQueryClient();
  // A QueryClientProvider inside <AuthProvider> holds its own cache: keep that one in step too.
  useProfileCacheSync(client, queryClient === kept ? null : queryClient);
  const userId = useAuthSnapshot(selectUserId);
  return { userId, options: fxUserQueryOptions(client, userId) };
}
