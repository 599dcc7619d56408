import { useMutation, type UseMutationResult } from '@tanstack/react-query';
import type { AuthError, Credentials, Session } from '@fx-auth/core';
import { useAuthClient } from './useAuthClient.js';

/**
 * `client.login` as a TanStack mutation: a form gets `isPending` and a typed `AuthError`.
 *
 * @example
 * ```tsx
 * const login = useLogin()
 * <form onSubmit={() => login.mutate({ username, password })}>
 *   {login.error?.code === 'invalid_credentials' && <p role="alert">Wrong username or password</p>}
 * </form>
 * ```
 */
export function useLogin(): UseMutationResult<Session, AuthError, Credentials | void> {
  const client = useAuthClient();
  return useMutation<Session, AuthError, Credentials | void>({
    mutationFn: (credentials) => client.login(credentials ?? undefined),
  });
}
