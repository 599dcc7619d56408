import type { AuthClient } from '@fx-auth/core';
import { fxUserProfile } from './fxUserProfile.js';
import type { UserProfile } from './userQueryOptions.js';

/**
 * Per client, the profiles that come with its sessions (`fromSession`), by name: what the cache
 * sync updates. The FreightExchange one is always there, so that a cache restored from storage is
 * brought up to date before any hook asks for it.
 */
const profilesOf = new WeakMap<AuthClient, Map<string, UserProfile>>();

const profilesFor = (client: AuthClient): Map<string, UserProfile> => {
  let profiles = profilesOf.get(client);
  if (!profiles) profilesOf.set(client, (profiles = new Map([[fxUserProfile.name, fxUserProfile]])));
  return profiles;
};

/** Notes that `client`'s cache may hold `profile`, if it comes with the session (idempotent). */
export function rememberSessionProfile(client: AuthClient, profile: UserProfile): void {
  if (profile.fromSession) profilesFor(client).set(profile.name, profile);
}

/** The profiles of `client` that come with its sessions. */
export const sessionProfilesOf = (client: AuthClient): Iterable<UserProfile> => profilesFor(client).values();
