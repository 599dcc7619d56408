import type { FxUser } from '@fx-auth/core';
import type { StandardSchemaV1 } from './standardSchema.js';
import type { UserProfile } from './userQueryOptions.js';

/** Passes the profile core has already checked on the wire, typed as what it is. */
const fxUserSchema: StandardSchemaV1<FxUser> = {
  '~standard': {
    version: 1,
    vendor: 'fx-auth',
    validate: (value) =>
      typeof value === 'object' && value !== null
        ? { value: value as FxUser }
        : { issues: [{ message: 'The session has no FreightExchange profile.' }] },
  },
};

/**
 * The FreightExchange profile as a {@link UserProfile}: `useUser(fxUserProfile)` gives the profile
 * that came with the token, keyed by login. `useFxUser()` gives the same profile at once from the
 * token (no pending state) and keys it by user id.
 */
export const fxUserProfile: UserProfile<typeof fxUserSchema> = {
  name: 'fx-user',
  schema: fxUserSchema,
  fetch: ({ session }) => session.user,
};
