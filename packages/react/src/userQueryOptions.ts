import { queryOptions } from '@tanstack/react-query';
import { AuthError, isAuthError, type AuthClient, type Session } from '@fx-auth/core';
import { freshUntilExpiry, retryTransient } from './fxUserQueryOptions.js';
import type { StandardSchemaV1 } from './standardSchema.js';

/** A user profile of your API, for {@link useUser}: where it comes from and what it must look like. */
export interface UserProfile<TSchema extends StandardSchemaV1 = StandardSchemaV1> {
  /** Names the profile in the query cache (`userQueryKeys.profile(name, …)`): one name per kind of profile. */
  readonly name: string;
  /** Any Standard Schema (zod, valibot, arktype…): checks the raw profile and gives its type. */
  readonly schema: TSchema;
  /**
   * Gets the raw profile, called with a valid token: an API call through `client.ky`, or what came
   * with the session. Whatever it throws reaches the query's `error` as it is (ky's `HTTPError`,
   * say), not retried: ky retries its own.
   */
  readonly fetch: (context: { client: AuthClient; session: Session; signal: AbortSignal }) => unknown;
}

/** Query keys of {@link useUser}'s profiles. */
export const userQueryKeys = {
  /** Every profile of `useUser()`. */
  all: ['fx-auth', 'user'] as const,
  /** The profile `name` of the login `sessionId` (`AuthSnapshot.sessionId`). */
  profile: (name: string, sessionId: string | null) => [...userQueryKeys.all, name, sessionId] as const,
};

/**
 * Query options of a profile of `client`'s session: for `useQuery`, prefetching and router
 * loaders. Keyed by the login (`sessionId`): one login's profile never answers for another's.
 * Fresh until the token expires; a fetch first gets a valid token, then checks the answer with the
 * schema: a mismatch is an `AuthError` `invalid_response` that names no value.
 *
 * @example
 * ```ts
 * const me = await queryClient.ensureQueryData(userQueryOptions(client, myProfile))
 * ```
 */
export function userQueryOptions<TSchema extends StandardSchemaV1>(
  client: AuthClient,
  profile: UserProfile<TSchema>,
  sessionId: string | null = client.getSnapshot().sessionId,
) {
  const noSession = (): AuthError =>
    new AuthError('no_session', `There is no session for this ${profile.name} profile.`);
  return queryOptions<StandardSchemaV1.InferOutput<TSchema>>({
    queryKey: userQueryKeys.profile(profile.name, sessionId),
    queryFn: async ({ signal }) => {
      await client.getAccessToken();
      const { session, sessionId: current } = client.getSnapshot();
      if (!session || current !== sessionId) throw noSession();
      const result = await profile.schema['~standard'].validate(await profile.fetch({ client, session, signal }));
      if (result.issues) {
        throw new AuthError('invalid_response', `The ${profile.name} profile does not match its schema.`);
      }
      // Another login meanwhile: its answer must not be kept as this login's profile.
      if (client.getSnapshot().sessionId !== sessionId) throw noSession();
      return result.value;
    },
    staleTime: freshUntilExpiry(client),
    // A profile that does not match its schema will not match it the next time either; what
    // `fetch` throws (ky's errors: ky has retried already) is not retried either.
    retry: (failures, error) =>
      !(isAuthError(error) && error.code === 'invalid_response') && retryTransient(failures, error),
  });
}
