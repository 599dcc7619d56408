import type { AuthClient } from '@fx-auth/core';
import { useAuthContext } from './useAuthContext.js';

/**
 * The client given to the nearest `<AuthProvider>`.
 *
 * @throws {Error} when called outside an `<AuthProvider>`.
 * @example
 * ```tsx
 * const client = useAuthClient()
 * const offers = await client.ky.get(url).json()
 * ```
 */
export function useAuthClient(): AuthClient {
  return useAuthContext().client;
}
