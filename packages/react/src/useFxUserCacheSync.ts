import { useEffect } from 'react';
import type { QueryClient } from '@tanstack/react-query';
import type { AuthClient, AuthSnapshot, FxUser } from '@fx-auth/core';
import { fxUserQueryKeys } from './fxUserQueryOptions.js';

/**
 * Keeps `queryClient`'s profile cache in step with the session: the profile that comes with a
 * refreshed token replaces the cached one (structural sharing keeps unchanged data identical), and
 * every other user's profile is removed, so no one sees the previous user's. `null`: nothing to do.
 */
export function useFxUserCacheSync(client: AuthClient, queryClient: QueryClient | null): void {
  useEffect(() => {
    if (!queryClient) return undefined;
    let synced: FxUser | undefined;
    const sync = ({ session }: AuthSnapshot): void => {
      const user = session?.user;
      if (user === synced) return;
      queryClient.removeQueries({
        queryKey: fxUserQueryKeys.all,
        predicate: ({ queryKey }) => queryKey[2] !== user?.id,
      });
      if (user) queryClient.setQueryData(fxUserQueryKeys.user(user.id), user);
      synced = user;
    };
    sync(client.getSnapshot());
    return client.subscribe(sync);
  }, [client, queryClient]);
}
