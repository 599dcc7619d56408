import type { AuthSnapshot } from '@fx-auth/core';
import { fxUserQueryOptions } from './fxUserQueryOptions.js';
import { useAuthSnapshot } from './useAuthSnapshot.js';
import { useProfileClient } from './useProfileCacheSync.js';

const selectUserId = (snapshot: AuthSnapshot): string | null => snapshot.session?.user?.id ?? null;

/**
 * What `useFxUser()` and `useSuspenseFxUser()` share: the query options of the current session's
 * profile (keyed by its user id, `null` without one), with the caches kept in step with the session.
 */
export function useFxUserQuery() {
  const client = useProfileClient();
  const userId = useAuthSnapshot(selectUserId);
  return { userId, options: fxUserQueryOptions(client, userId) };
}
