import {
  skipToken,
  useQuery,
  useSuspenseQuery,
  type UseQueryResult,
  type UseSuspenseQueryResult,
} from '@tanstack/react-query';
import { useCallback } from 'react';
import type { AuthError, AuthSnapshot } from '@fx-auth/core';
import type { StandardSchemaV1 } from './standardSchema.js';
import { useAuthSnapshot } from './useAuthSnapshot.js';
import { useProfileClient } from './useProfileCacheSync.js';
import { noProfileSession, profileLogin, userQueryOptions, type UserProfile } from './userQueryOptions.js';

/**
 * The profile's query options for the current login, `null` if there is none or its session has
 * no such profile (other logins' copies go: see useProfileCacheSync).
 */
function useUserQuery<TSchema extends StandardSchemaV1, TError>(profile: UserProfile<TSchema, TError>) {
  const client = useProfileClient();
  const selectLogin = useCallback((snapshot: AuthSnapshot) => profileLogin(snapshot, profile), [profile]);
  const sessionId = useAuthSnapshot(selectLogin);
  return { sessionId, options: userQueryOptions(client, profile, sessionId) };
}

/**
 * A profile of your API, typed by its schema, as a TanStack Query result: any Standard Schema
 * (zod, valibot, arktype…) checks it and types `data`. `error` is an `AuthError` (`no_session`,
 * `invalid_response` for a mismatch, the token's failures) or what the profile's `fetch` threw
 * (typed by the profile's `TError`). Skipped (`skipToken`) without a session that has the profile;
 * fresh until the token expires; one login's profile is never shown for another's. A profile that
 * comes with the session (`fromSession`) is there at once. `useFxUser()` is `useUser(fxUserProfile)`.
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
export function useUser<TSchema extends StandardSchemaV1, TError = Error>(
  profile: UserProfile<TSchema, TError>,
): UseQueryResult<StandardSchemaV1.InferOutput<TSchema>, TError | AuthError> {
  const { sessionId, options } = useUserQuery(profile);
  const { queryFn } = options;
  return useQuery({ ...options, queryFn: sessionId === null || !queryFn ? skipToken : queryFn });
}

/**
 * {@link useUser} for `<Suspense>`: `data` is always there. Without a session it throws an
 * `AuthError` `no_session` to the nearest error boundary (see `AuthErrorBoundary`).
 */
export function useSuspenseUser<TSchema extends StandardSchemaV1, TError = Error>(
  profile: UserProfile<TSchema, TError>,
): UseSuspenseQueryResult<StandardSchemaV1.InferOutput<TSchema>, TError | AuthError> {
  const { sessionId, options } = useUserQuery(profile);
  // At once: nothing to wait for, so no Suspense fallback first.
  if (sessionId === null) throw noProfileSession(profile);
  return useSuspenseQuery(options);
}
