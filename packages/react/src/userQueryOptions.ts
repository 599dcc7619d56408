import { queryOptions, type DefaultError } from '@tanstack/react-query';
import { AuthError, isAuthError, type AuthClient, type AuthSnapshot, type Session } from '@fx-auth/core';
import { freshUntilExpiry, retryTransient } from './profileQueryPolicy.js';
import { rememberSessionProfile } from './sessionProfiles.js';
import type { StandardSchemaV1 } from './standardSchema.js';

/** A user profile of your API, for {@link useUser}: where it comes from and what it must look like. */
export interface UserProfile<TSchema extends StandardSchemaV1 = StandardSchemaV1> {
  /**
   * Names the profile in the query cache (`userQueryKeys.profile(name, …)`): one name per kind of
   * profile (`'fx-user'` is `fxUserProfile`'s).
   */
  readonly name: string;
  /** Any Standard Schema (zod, valibot, arktype…): checks the raw profile and gives its type. */
  readonly schema: TSchema;
  /**
   * Gets the raw profile, called with a valid token: an API call through `client.ky`, or what came
   * with the session. Whatever it throws reaches the query's `error` as it is (ky's `HTTPError`,
   * say), not retried: ky retries its own.
   */
  readonly fetch: (context: { client: AuthClient; session: Session; signal: AbortSignal }) => unknown;
  /**
   * The raw profile that came with the session (in the token's answer), if any: checked by the
   * schema (when it checks synchronously), shown at once without a fetch and replaced after every
   * refresh.
   */
  readonly fromSession?: (session: Session) => unknown;
  /**
   * Whether a session has this profile at all (every session by default). Where it returns `false`
   * the query is skipped and the suspending hook throws `no_session`, as without a session.
   */
  readonly available?: (session: Session) => boolean;
}

/** Query keys of {@link useUser}'s profiles. */
export const userQueryKeys = {
  /** Every profile of `useUser()`, `useFxUser()`'s included. */
  all: ['fx-auth', 'user'] as const,
  /** The profile `name` of every login. */
  named: <TName extends string>(name: TName) => [...userQueryKeys.all, name] as const,
  /** The profile `name` of the login `sessionId` (`AuthSnapshot.sessionId`). */
  profile: <TName extends string>(name: TName, sessionId: string | null) =>
    [...userQueryKeys.named(name), sessionId] as const,
};

/** The login whose profile this is: the snapshot's `sessionId` if its session has the profile, else `null`. */
export const profileLogin = ({ session, sessionId }: AuthSnapshot, profile: UserProfile): string | null =>
  session && profile.available?.(session) !== false ? sessionId : null;

/** The profile that came with `session`, checked: `undefined` if none, if it does not match, or if the check is asynchronous. */
export function sessionProfile<TSchema extends StandardSchemaV1>(
  profile: UserProfile<TSchema>,
  session: Session,
): StandardSchemaV1.InferOutput<TSchema> | undefined {
  if (!profile.fromSession) return undefined;
  const result = profile.schema['~standard'].validate(profile.fromSession(session));
  return result instanceof Promise || result.issues ? undefined : result.value;
}

/** The error for a profile asked for without a session that has it. */
export const noProfileSession = (profile: UserProfile): AuthError =>
  new AuthError('no_session', `There is no session with a ${profile.name} profile.`);

/**
 * Query options of a profile of `client`'s session: for `useQuery`, prefetching and router
 * loaders. Keyed by the login (`sessionId`): one login's profile never answers for another's.
 * Fresh until the token expires; a fetch first gets a valid token, then checks the answer with the
 * schema: a mismatch is an `AuthError` `invalid_response` that names no value. `TError`: what
 * `profile.fetch` throws besides `AuthError`s, for the type of `error`.
 *
 * @param sessionId whose profile: by default the current login's (`null` if its session has none).
 * @example
 * ```ts
 * const me = await queryClient.ensureQueryData(userQueryOptions(client, myProfile))
 * ```
 */
export function userQueryOptions<TSchema extends StandardSchemaV1, TError = DefaultError>(
  client: AuthClient,
  profile: UserProfile<TSchema>,
  sessionId: string | null = profileLogin(client.getSnapshot(), profile),
) {
  rememberSessionProfile(client, profile);
  const noSession = (): AuthError => noProfileSession(profile);
  /** The session, if it is still the one of this login. */
  const sessionOf = (): Session | undefined => {
    const snapshot = client.getSnapshot();
    return sessionId !== null && profileLogin(snapshot, profile) === sessionId
      ? (snapshot.session ?? undefined)
      : undefined;
  };
  return queryOptions<StandardSchemaV1.InferOutput<TSchema>, TError | AuthError>({
    queryKey: userQueryKeys.profile(profile.name, sessionId),
    queryFn: async ({ signal }) => {
      await client.getAccessToken();
      const session = sessionOf();
      if (!session) throw noSession();
      const result = await profile.schema['~standard'].validate(await profile.fetch({ client, session, signal }));
      if (result.issues) {
        throw new AuthError('invalid_response', `The ${profile.name} profile does not match its schema.`);
      }
      // Another login meanwhile: its answer must not be kept as this login's profile.
      if (!sessionOf()) throw noSession();
      return result.value;
    },
    // The profile that came with this login's session; the provider's cache sync puts in the
    // refreshed session's (useProfileCacheSync).
    initialData: () => {
      const session = sessionOf();
      return session && sessionProfile(profile, session);
    },
    staleTime: freshUntilExpiry(client),
    // A profile that does not match its schema will not match it the next time either; what
    // `fetch` throws (ky's errors: ky has retried already) is not retried either.
    retry: (failures, error) =>
      !(isAuthError(error) && error.code === 'invalid_response') && retryTransient(failures, error),
  });
}
