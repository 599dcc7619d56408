import { useEffect } from 'react';
import { useQueryClient, type InitialDataFunction, type QueryClient } from '@tanstack/react-query';
import type { AuthClient, AuthSnapshot, Session } from '@fx-auth/core';
import { useAuthContext } from './useAuthContext.js';
import { userQueryKeys } from './userQueryOptions.js';

/**
 * Keeps `queryClient`'s profile caches in step with the session, from the client itself (not a
 * render, which may show the server's anonymous snapshot while hydrating): every profile of another
 * login is removed, so no one sees, and no persisted cache keeps, the previous user's; a profile
 * that comes with the session (the FreightExchange one) is replaced by the refreshed session's
 * (structural sharing keeps unchanged data identical). `null`: nothing to do.
 */
export function useProfileCacheSync(client: AuthClient, queryClient: QueryClient | null): void {
  useEffect(() => {
    if (!queryClient) return undefined;
    let synced: Session | null | undefined;
    let login: string | null | undefined;
    const sync = ({ session, sessionId }: AuthSnapshot): void => {
      if (sessionId !== login) {
        queryClient.removeQueries({
          queryKey: userQueryKeys.all,
          predicate: ({ queryKey }) => queryKey[3] !== sessionId,
        });
        login = sessionId;
      }
      if (session === synced) return;
      synced = session;
      if (!session) return;
      for (const query of queryClient.getQueryCache().findAll({ queryKey: [...userQueryKeys.all] })) {
        // userQueryOptions' initialData: the profile that came with the current session, if any.
        const { initialData } = query.options;
        const data: unknown =
          typeof initialData === 'function' ? (initialData as InitialDataFunction<unknown>)() : undefined;
        if (data !== undefined) queryClient.setQueryData(query.queryKey, data);
      }
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
