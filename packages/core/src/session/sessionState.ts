import type { AuthError } from '../AuthError.js';
import type { AuthSnapshot, Session } from '../types.js';
import type { Ending, RetryPlan } from './sessionEvents.js';
import type { RecordStamp, SessionRecord } from './sessionRecord.js';

/** What the session is doing. Only the phases with a `record` have a session. */
export type SessionPhase =
  | { readonly status: 'anonymous' }
  /** A login is running; `standby` is a session another tab made meanwhile, taken if the login fails. */
  | { readonly status: 'authenticating'; readonly standby: SessionRecord | null }
  | { readonly status: 'authenticated'; readonly record: SessionRecord }
  /** A refresh of `record` is running. */
  | { readonly status: 'refreshing'; readonly record: SessionRecord };

/** Everything the session lifecycle knows; replaced, never mutated, by {@link transition}. */
export interface SessionState {
  readonly phase: SessionPhase;
  /** The last failure of a login or refresh; cleared by the next success or a logout. */
  readonly error: AuthError | null;
  /**
   * Bumped by every login, logout, end of a session, switch to another tab's login and destroy.
   * Work carries the generation it started in, and its result is dropped in any other.
   */
  readonly generation: number;
  /** The newest record seen here or committed here: nothing older is ever taken. */
  readonly newest: RecordStamp | null;
  /** Sessions that ended (logout, a rejected refresh token): never taken again. Newest last. */
  readonly ended: readonly Ending[];
  /** Consecutive transient refresh failures, and when the next automatic attempt may start. */
  readonly retry: RetryPlan;
  /** A refresh the server will keep refusing (the client was rejected): none is tried again. */
  readonly refusal: AuthError | null;
  /** Whether the browser says it is online; transient retries wait while it is not. */
  readonly online: boolean;
  /** `destroy()` was called: nothing changes any more but for a logout, which still clears the storage. */
  readonly destroyed: boolean;
}

/** What the lifecycle needs to know of the client's options and provider. */
export interface SessionRules {
  /** Milliseconds before expiry to refresh; at most half the token's lifetime. */
  readonly leeway: number;
  /** Whether the provider can extend this session. */
  readonly canRefresh: (session: Session) => boolean;
}

/** The least time between a token and the automatic refresh that replaces it, whatever its lifetime. */
export const MIN_REFRESH_INTERVAL_MS = 5_000;
const BACKOFF_FIRST = 1_000;
const BACKOFF_MAX = 60_000;
/** How many ended sessions a client remembers: a few hundred bytes, far more than tabs ever race over. */
export const ENDED_KEPT = 64;

/** A state without a session. */
export function anonymousState(online: boolean): SessionState {
  return {
    phase: { status: 'anonymous' },
    error: null,
    generation: 0,
    newest: null,
    ended: [],
    retry: { failures: 0, at: 0 },
    refusal: null,
    online,
    destroyed: false,
  };
}

/** Whether `record` is dead by one of the ends this state remembers. */
export function isEnded(state: SessionState, record: RecordStamp): boolean {
  return state.ended.some(
    ({ lineage, through }) => lineage === record.lineage && (through === null || record.seq <= through),
  );
}

/** The session's record, in the phases that have one. */
export function recordOf(state: SessionState): SessionRecord | null {
  const { phase } = state;
  return phase.status === 'authenticated' || phase.status === 'refreshing' ? phase.record : null;
}

/**
 * When the token should be refreshed: `leeway` before expiry, but never in the first half of its
 * life, nor sooner than {@link MIN_REFRESH_INTERVAL_MS} after it was issued.
 */
export function dueAt(record: SessionRecord, leeway: number): number {
  const { expiresAt } = record.session;
  const due = expiresAt - Math.min(leeway, Math.max(0, (expiresAt - record.issuedAt) / 2));
  return Math.max(due, record.issuedAt + MIN_REFRESH_INTERVAL_MS);
}

/** Whether the current session can get a new token (it has one, the provider can, nothing refused it). */
export function canRefreshNow(state: SessionState, rules: SessionRules): boolean {
  const record = recordOf(state);
  return record !== null && state.refusal === null && rules.canRefresh(record.session);
}

/**
 * The wait before the next automatic attempt after `failures` transient failures: 1 s, 2 s, 4 s …
 * 60 s at most, of which `jitter` (in [0, 1]) takes up to half away, so that clients that failed
 * together do not come back together.
 */
export function backoff(failures: number, jitter = 1): number {
  const full = Math.min(BACKOFF_FIRST * 2 ** (failures - 1), BACKOFF_MAX);
  return Math.ceil(full / 2 + (full / 2) * Math.min(Math.max(jitter, 0), 1));
}

/**
 * When the client should next look at the clock (epoch ms): the refresh time (or the backoff's end),
 * or the expiry of a session that cannot be refreshed. `null`: nothing to wait for.
 */
export function nextCheckAt(state: SessionState, rules: SessionRules): number | null {
  if (state.destroyed || state.phase.status !== 'authenticated') return null;
  const { record } = state.phase;
  if (!canRefreshNow(state, rules)) return record.session.expiresAt;
  if (state.retry.failures > 0 && !state.online) return null; // transient retries wait for `online`
  return Math.max(dueAt(record, rules.leeway), state.retry.at);
}

/** The public view of a state at `now`. */
export function toSnapshot(state: SessionState, now: number, rules: SessionRules): AuthSnapshot {
  const record = recordOf(state);
  const session = record?.session ?? null;
  const next = nextCheckAt({ ...state, destroyed: false }, rules); // a destroyed client's view stays as it was
  return {
    status: state.phase.status,
    session,
    error: state.error,
    expired: session !== null && now >= session.expiresAt,
    refreshAt: next !== null && canRefreshNow(state, rules) ? next : null,
    sessionId: record?.lineage ?? null,
  };
}
