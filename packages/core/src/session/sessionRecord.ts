import type { ProviderGrant } from '../providers/TokenProvider.js';
import type { Session } from '../types.js';

/**
 * Where a record stands among every record of its storage, in every tab. A login starts a lineage,
 * its refreshes continue it, a logout ends it.
 */
export interface RecordStamp {
  /** The login this record descends from (random, the same through its refreshes). */
  readonly lineage: string;
  /** When that login was made (epoch ms, never before a login already seen): later logins win. */
  readonly since: number;
  /** Refreshes since that login. */
  readonly seq: number;
}

/** A session with when its token was issued (for the refresh leeway) and its place in the order. */
export interface SessionRecord extends RecordStamp {
  readonly session: Session;
  readonly issuedAt: number;
}

/** Whether `a` is a later record than `b`: a later login, or a later refresh of the same one. */
export function isNewer(a: RecordStamp, b: RecordStamp): boolean {
  if (a.since !== b.since) return a.since > b.since;
  if (a.lineage !== b.lineage) return a.lineage > b.lineage;
  return a.seq > b.seq;
}

/** Whether two stamps name the same record. */
export function sameStamp(a: RecordStamp, b: RecordStamp): boolean {
  return a.lineage === b.lineage && a.since === b.since && a.seq === b.seq;
}

/** Just the stamp of a record, e.g. to remember it without its tokens. */
export function stampOf({ lineage, since, seq }: RecordStamp): RecordStamp {
  return { lineage, since, seq };
}

/**
 * The record a grant makes. A refresh keeps what its answer left out (refresh token, scope,
 * profile), and an unchanged profile keeps its object identity, so UIs do not re-render for it.
 */
export function toSessionRecord(grant: ProviderGrant, previous: Session | null, stamp: RecordStamp): SessionRecord {
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
  const kept = previous?.user;
  const unchanged = grant.user && kept && JSON.stringify(grant.user) === JSON.stringify(kept);
  const user = unchanged ? kept : (grant.user ?? kept);
  if (user !== undefined) session.user = user;
  return { ...stampOf(stamp), session, issuedAt };
}
