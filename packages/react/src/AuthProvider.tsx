import { useContext, useMemo, useState, type ReactNode } from 'react';
import { QueryClient, QueryClientContext, QueryClientProvider } from '@tanstack/react-query';
import type { AuthClient } from '@fx-auth/core';
import { AuthContext } from './AuthContext.js';
import { useProfileCacheSync } from './useProfileCacheSync.js';

/** Props of {@link AuthProvider}. */
export interface AuthProviderProps {
  /** A client made with `createAuthClient`, outside React (it outlives renders). */
  client: AuthClient;
  /**
   * The TanStack `QueryClient` for the profile, used when there is no surrounding
   * `QueryClientProvider`. Without either, the provider creates one.
   */
  queryClient?: QueryClient;
  children?: ReactNode;
}

/**
 * Makes `client` available to the fx-auth hooks below it.
 *
 * @example
 * ```tsx
 * const client = createAuthClient({ provider: freightExchange() })
 *
 * createRoot(root).render(
 *   <AuthProvider client={client}>
 *     <App />
 *   </AuthProvider>,
 * )
 * ```
 */
export function AuthProvider({ client, queryClient, children }: AuthProviderProps): ReactNode {
  const surrounding = useContext(QueryClientContext);
  // Cheap when unused (no timers or listeners until a QueryClientProvider mounts it), and always
  // there if the surrounding provider or the prop goes away later.
  const [fallback] = useState(() => new QueryClient());
  const active = surrounding ?? queryClient ?? fallback;
  useProfileCacheSync(client, active);
  const value = useMemo(() => ({ client, queryClient: active }), [client, active]);

  const content = <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
  return surrounding ? content : <QueryClientProvider client={active}>{content}</QueryClientProvider>;
}
