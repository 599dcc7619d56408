import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import type { AuthError, AuthSnapshot, FxUser } from '@fx-auth/core';
import { fxUserQueryOptions } from './fxUserQueryOptions.js';
import { useAuthClient } from './useAuthClient.js';
import { useAuthSnapshot } from './useAuthSnapshot.js';

const hasSession = (snapshot: AuthSnapshot): boolean => snapshot.session !== null;

/**
 * The FreightExchange profile of the current session, as a TanStack Query result. Disabled while
 * anonymous; kept while the session is refreshed; fresh until the token expires. On logout, or
 * when another user logs in, the previous profile is removed from the cache.
 *
 * @example
 * ```tsx
 * const { data: user } = useFxUser()
 * return <p>{user?.firstName} ({user?.company.name}): {user?.autoUplift.max} auto uplifts</p>
 * ```
 */
export function useFxUser(): UseQueryResult<FxUser, AuthError> {
  const client = useAuthClient();
  const enabled = useAuthSnapshot(hasSession);
  // Seed from the session only when this render sees one: on the server and during hydration the
  // snapshot is anonymous, and the profile must not show up where the session does not.
  const initialData = (): FxUser | undefined => (enabled ? client.getSnapshot().session?.user : undefined);
  return useQuery({ ...fxUserQueryOptions(client), initialData, enabled });
}
