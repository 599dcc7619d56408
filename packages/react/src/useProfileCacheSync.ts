import { useEffect } from 'react';
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { AuthClient, AuthSnapshot, FxUser } from '@fx-auth/core';
import { fxUserQueryKeys } from './fxUserQueryOptions.js';
import { useAuthContext } from './useAuthContext.js';
import { userQueryKeys } from './userQueryOptions.js';

/**
 * Keeps `queryClient`'s profile caches in step with the session, from the client itself (not a
 * render, which may show the server's anonymous snapshot while hydrating): the FreightExchange
 * profile that comes with a refreshed token replaces the cached one (structural sharing keeps
 * unchanged data identical), every other user's is removed, and every `useUser()` profile of
 * another login is removed, so no one sees, and no persisted cache keeps, the previous user's.
 * `null`: nothing to do.
 */
export function useProfileCacheSync(client: AuthClient, queryClient: QueryClient | null): void {
  useEffect(() => {
    if (!queryClient) return undefined;
    let synced: FxUser | undefined;
    let login: string | null | undefined;
    const sync = ({ session, sessionId }: AuthSnapshot): void => {
      if (sessionId !== login) {
        queryClient.removeQueries({
          queryKey: userQueryKeys.all,
          predicate: ({ queryKey }) => queryKey[3] !== sessionId,
        });
        login = sessionId;
      }
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

/**
 * The nearest `<AuthProvider>`'s client, for the profile hooks: a `QueryClientProvider` nested
 * inside `<AuthProvider>` holds its own cache, which is kept in step too (the provider keeps its own).
 */
export function useProfileClient(): AuthClient {
  const { client, queryClient: kept } = useAuthContext();
  const queryClient = useQueryClient();
  useProfileCacheSync(client, queryClient === kept ? null : queryClient);
  return client;
}
