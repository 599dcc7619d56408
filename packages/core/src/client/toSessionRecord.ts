import type { ProviderGrant } from '../providers/TokenProvider.js';
import type { SessionRecord } from '../storage/sessionRecord.js';
import type { Session } from '../types.js';

/**
 * The session a grant makes. A refresh keeps what its answer left out (refresh token, scope,
 * profile), and an unchanged profile keeps its object identity, so UIs do not re-render for it.
 */
export function toSessionRecord(grant: ProviderGrant, previous: Session | null): SessionRecord {
  const issuedAt = grant.requestedAt;
  const session: Session = {
    accessToken: grant.accessToken,
    tokenType: 'Bearer',
    expiresAt: issuedAt + grant.expiresIn * 1000,
  };
  const refreshToken = grant.refreshToken ?? previous?.refreshToken;
  if (refreshToken !== undefined) session.refreshToken = refreshToken;
  const scope = grant.scope ?? previous?.scope;
  if (scope !== undefined) session.scope = scope;
  const unchanged = grant.user && previous?.user && JSON.stringify(grant.user) === JSON.stringify(previous.user);
  const user = unchanged ? previous?.user : (grant.user ?? previous?.user);
  if (user !== undefined) session.user = user;
  return { session, issuedAt };
}
