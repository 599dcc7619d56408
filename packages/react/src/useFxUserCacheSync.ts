import { useEffect } from 'react';
import type { QueryClient } from '@tanstack/react-query';
import type { AuthClient, AuthSnapshot, FxUser } from '@fx-auth/core';
import { fxUserQueryKeys } from './fxUserQueryOptions.js';

/**
 * Keeps the profile cache in step with the session: the profile that comes with a refreshed token
 * replaces the cached one (structural sharing keeps unchanged data identical), and when the session
 * ends or changes hands every cached profile is removed, so no one sees the previous user's.
 */
export function useFxUserCacheSync(client: AuthClient, queryClient: QueryClient): void {
  useEffect(() => {
    let synced: FxUser | undefined;
    const sync = ({ session }: AuthSnapshot): void => {
      const user = session?.user;
      if (user === synced) return;
      const cached = queryClient.getQueryData<FxUser>(fxUserQueryKeys.current());
      if (!user || (cached && cached.id !== user.id)) {
        queryClient.removeQueries({ queryKey: fxUserQueryKeys.all });
      }
      if (user) queryClient.setQueryData(fxUserQueryKeys.current(), user);
      synced = user;
    };
    sync(client.getSnapshot());
    return client.subscribe(sync);
  }, [client, queryClient]);
}
