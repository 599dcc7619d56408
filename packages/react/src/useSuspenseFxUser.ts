import type { UseSuspenseQueryResult } from '@tanstack/react-query';
import type { AuthError, FxUser } from '@fx-auth/core';
import { fxUserProfile, type FxUserSchema } from './fxUserProfile.js';
import { useSuspenseUser } from './useUser.js';

/**
 * The FreightExchange profile of the current session, for `<Suspense>`: `data` is always there
 * (`useSuspenseUser(fxUserProfile)`). The profile comes with the token, so a session's profile
 * shows at once, with no fallback. Without a FreightExchange session it throws an `AuthError`
 * `no_session` to the nearest error boundary ({@link AuthErrorBoundary} takes `AuthError`s and lets
 * others through). On the server (and during hydration) there is no session: render it on the client.
 *
 * @example
 * ```tsx
 * function Greeting() {
 *   const { data: user } = useSuspenseFxUser()
 *   return <p>Hello {user.firstName}</p>
 * }
 * ```
 */
export function useSuspenseFxUser(): UseSuspenseQueryResult<FxUser, AuthError> {
  return useSuspenseUser<FxUserSchema, AuthError>(fxUserProfile); // fxUserProfile's fetch throws nothing else
}
