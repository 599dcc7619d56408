import { useContext } from 'react';
import type { AuthClient } from '@fx-auth/core';
import { AuthContext } from './AuthContext.js';

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
  const client = useContext(AuthContext);
  if (!client) {
    throw new Error('useAuthClient() and the other fx-auth hooks must be used inside <AuthProvider client={…}>.');
  }
  return client;
}
