import type { AuthClient } from '@fx-auth/core';
import { useAuthContext } from './useAuthContext.js';

/**
 * The client given to the nearest `<AuthProvider>`.
 *
 * @throws {Error} when called outside an `<AuthProvider>`.
 * @example
 * ```tsx
 * const client = useAuthClient()
 * const offers = useQuery({ queryKey: ['offers'], queryFn: () => client.ky.get('https://api.example.com/offers').json() })
 * ```
 */
export function useAuthClient(): AuthClient {
  return useAuthContext().client;
}
