import { useEffect } from 'react';
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { AuthClient, AuthSnapshot, Session } from '@fx-auth/core';
import { useAuthContext } from './useAuthContext.js';
import { sessionProfilesOf } from './sessionProfiles.js';
import { profileLogin, sessionProfile, userQueryKeys } from './userQueryOptions.js';

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
    let synced: Session | undefined;
    let login: string | null | undefined;
    const sync = (snapshot: AuthSnapshot): void => {
      const { session, sessionId } = snapshot;
      if (sessionId !== login) {
        queryClient.removeQueries({
          queryKey: userQueryKeys.all,
          predicate: ({ queryKey }) => queryKey[3] !== sessionId,
        });
        login = sessionId;
      }
      if (!session || session === synced) return;
      synced = session;
      for (const profile of sessionProfilesOf(client)) {
        const key = userQueryKeys.profile(profile.name, sessionId);
        if (profileLogin(snapshot, profile) !== sessionId || !queryClient.getQueryState(key)) continue;
        const data = sessionProfile(profile, session);
        if (data !== undefined) queryClient.setQueryData(key, data);
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
