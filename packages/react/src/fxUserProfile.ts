import type { FxUser, Session } from '@fx-auth/core';
import type { StandardSchemaV1 } from './standardSchema.js';
import type { UserProfile } from './userQueryOptions.js';

/** The schema of `fxUserProfile`. */
export type FxUserSchema = StandardSchemaV1<FxUser>;

/**
 * Passes the profile core has already checked on the wire, typed as what it is: it is only asked
 * for sessions that have one (`available`).
 */
const fxUserSchema: FxUserSchema = {
  '~standard': { version: 1, vendor: 'fx-auth', validate: (value) => ({ value: value as FxUser }) },
};

const userOf = (session: Session): FxUser | undefined => session.user;

/**
 * The FreightExchange profile as a {@link UserProfile}: the one that comes with the token, so it
 * shows at once and is replaced after every refresh; sessions of other token APIs have none.
 * `useFxUser()` is `useUser(fxUserProfile)`.
 */
export const fxUserProfile: UserProfile<FxUserSchema> = {
  name: 'fx-user',
  schema: fxUserSchema,
  fetch: ({ session }) => userOf(session),
  fromSession: userOf,
  available: (session) => userOf(session) !== undefined,
};
