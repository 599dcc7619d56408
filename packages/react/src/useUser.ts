import {
  skipToken,
  useQuery,
  useSuspenseQuery,
  type DefaultError,
  type UseQueryResult,
  type UseSuspenseQueryResult,
} from '@tanstack/react-query';
import { useCallback } from 'react';
import type { AuthError, AuthSnapshot } from '@fx-auth/core';
import type { StandardSchemaV1 } from './standardSchema.js';
import { useAuthSnapshot } from './useAuthSnapshot.js';
import { useProfileClient } from './useProfileCacheSync.js';
import { untilChange } from './untilChange.js';
import { noProfileSession, profileLogin, userQueryOptions, type UserProfile } from './userQueryOptions.js';

/**
 * The profile's query options for the current login, `null` if there is none or its session has
 * no such profile (other logins' copies go: see useProfileCacheSync).
 */
function useUserQuery<TSchema extends StandardSchemaV1, TError>(profile: UserProfile<TSchema>) {
  const client = useProfileClient();
  const selectLogin = useCallback((snapshot: AuthSnapshot) => profileLogin(snapshot, profile), [profile]);
  const sessionId = useAuthSnapshot(selectLogin);
  return { client, sessionId, options: userQueryOptions<TSchema, TError>(client, profile, sessionId) };
}

/**
 * A profile of your API, typed by its schema, as a TanStack Query result: any Standard Schema
 * (zod, valibot, arktype…) checks it and types `data`. `error` is an `AuthError` (`no_session`,
 * `invalid_response` for a mismatch, the token's failures) or what the profile's `fetch` threw:
 * say its type as the second type argument, `useUser<typeof meSchema, HTTPError>(me)`. Skipped
 * (`skipToken`) without a session that has the profile; fresh until the token expires; one
 * login's profile is never shown for another's. A profile that comes with the session
 * (`fromSession`) is there at once. `useFxUser()` is `useUser(fxUserProfile)`.
 *
 * @example
 * ```tsx
 * // meSchema: z.object({ plan: z.enum(['free', 'pro']) }), or valibot's, or arktype's
 * const me: UserProfile<typeof meSchema> = { name: 'me', schema: meSchema, fetch: ({ client }) => client.ky.get(meUrl).json() }
 * function Plan() {
 *   const { data } = useUser(me)
 *   return <p>{data?.plan}</p>
 * }
 * ```
 */
export function useUser<TSchema extends StandardSchemaV1, TError = DefaultError>(
  profile: UserProfile<TSchema>,
): UseQueryResult<StandardSchemaV1.InferOutput<TSchema>, TError | AuthError> {
  const { sessionId, options } = useUserQuery<TSchema, TError>(profile);
  const { queryFn } = options;
  return useQuery({ ...options, queryFn: sessionId === null || !queryFn ? skipToken : queryFn });
}

const selectLoggingIn = (snapshot: AuthSnapshot): boolean => snapshot.status === 'authenticating';

/**
 * {@link useUser} for `<Suspense>`: `data` is always there. It suspends while a login runs (a
 * login replaces the session it finds); without a session that has the profile it throws an
 * `AuthError` `no_session` to the nearest error boundary (see `AuthErrorBoundary`).
 */
export function useSuspenseUser<TSchema extends StandardSchemaV1, TError = DefaultError>(
  profile: UserProfile<TSchema>,
): UseSuspenseQueryResult<StandardSchemaV1.InferOutput<TSchema>, TError | AuthError> {
  const { client, sessionId, options } = useUserQuery<TSchema, TError>(profile);
  const loggingIn = useAuthSnapshot(selectLoggingIn);
  // eslint-disable-next-line @typescript-eslint/only-throw-error -- Suspense: React waits for a thrown promise
  if (sessionId === null && loggingIn) throw untilChange(client);
  // At once: nothing to wait for, so no Suspense fallback first.
  if (sessionId === null) throw noProfileSession(profile);
  return useSuspenseQuery(options);
}
