import { useMutation, type UseMutationResult } from '@tanstack/react-query';
import type { AuthError } from '@fx-auth/core';
import { useAuthClient } from './useAuthClient.js';

/**
 * `client.logout` as a TanStack mutation.
 *
 * @example
 * ```tsx
 * const logout = useLogout();
 * <button onClick={() => logout.mutate()} disabled={logout.isPending}>Log out</button>;
 * ```
 */
export function useLogout(): UseMutationResult<void, AuthError, void> {
  const client = useAuthClient();
  return useMutation<void, AuthError>({ mutationFn: () => client.logout() });
}
