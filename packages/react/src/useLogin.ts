import { useMutation, type UseMutationResult } from '@tanstack/react-query';
import type { AuthError, LoginCredentials, Session } from '@fx-auth/core';
import { useAuthClient } from './useAuthClient.js';

/**
 * `client.login` as a TanStack mutation: a form gets `isPending` and a typed `AuthError`.
 * `TCredentials` is what the provider logs in with: pass `Credentials` for a password provider so
 * that `mutate()` requires them, `void` for client credentials.
 *
 * @example
 * ```tsx
 * function LoginForm() {
 *   const login = useLogin<Credentials>()
 *   const submit = (event: SyntheticEvent<HTMLFormElement>) => {
 *     event.preventDefault() // else the browser reloads the page and the login is lost
 *     const form = new FormData(event.currentTarget)
 *     login.mutate({ username: String(form.get('username')), password: String(form.get('password')) })
 *   }
 *   return (
 *     <form onSubmit={submit}>
 *       <input name="username" autoComplete="username" />
 *       <input name="password" type="password" autoComplete="current-password" />
 *       <button disabled={login.isPending}>Log in</button>
 *       {login.error?.code === 'invalid_credentials' && <p role="alert">Wrong username or password</p>}
 *     </form>
 *   )
 * }
 * ```
 */
export function useLogin<TCredentials extends LoginCredentials = LoginCredentials>(): UseMutationResult<
  Session,
  AuthError,
  TCredentials
> {
  const client = useAuthClient();
  return useMutation<Session, AuthError, TCredentials>({
    mutationFn: (credentials) => client.login(credentials ?? undefined),
  });
}
