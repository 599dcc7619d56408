import type { AuthError } from '../AuthError.js';
import type { ProviderGrant } from '../providers/TokenProvider.js';
import type { RecordStamp, SessionRecord } from './sessionRecord.js';

/**
 * What can happen to a session. Results of work (`…_succeeded`, `…_failed`) carry the generation the
 * work started in and are dropped in any other; refresh results also name the record they refreshed.
 */
export type SessionEvent =
  /** `login()` was called. */
  | { readonly type: 'login_requested' }
  | {
      readonly type: 'login_succeeded';
      readonly generation: number;
      readonly grant: ProviderGrant;
      readonly lineage: string;
    }
  | { readonly type: 'login_failed'; readonly generation: number; readonly error: AuthError }
  /** A timer fired or a caller needs a token: refresh if due (or `forced`), end an expired session. */
  | { readonly type: 'refresh_due'; readonly now: number; readonly forced: boolean }
  | {
      readonly type: 'refresh_succeeded';
      readonly generation: number;
      readonly from: RecordStamp;
      readonly grant: ProviderGrant;
    }
  | {
      readonly type: 'refresh_failed';
      readonly generation: number;
      readonly from: RecordStamp;
      readonly error: AuthError;
      readonly now: number;
      /** The token endpoint's failure (every tab would meet it), not this tab's wait for the lock. */
      readonly fromEndpoint: boolean;
      /** A random number in [0, 1) that spreads the backoff; without it the backoff is its whole length. */
      readonly jitter?: number;
    }
  /** Another tab's session: from its message, or read from the shared storage. */
  | { readonly type: 'session_seen'; readonly record: SessionRecord; readonly now: number }
  /** Another tab's refresh of `from` failed without ending it: back off with it (or stop, when refused). */
  | {
      readonly type: 'refresh_failed_elsewhere';
      readonly from: RecordStamp;
      readonly error: AuthError;
      readonly retry: RetryPlan;
    }
  /**
   * Back from the back/forward cache, the shared storage is empty: a logout this page may have
   * missed. Only this page's copy ends: a guess is not told to anyone, nor remembered.
   */
  | { readonly type: 'storage_emptied' }
  /** Another tab ended a session (logout, or its refresh token was rejected: then `error`). */
  | { readonly type: 'session_ended_elsewhere'; readonly ending: Ending; readonly error: AuthError | null }
  /** The page came back (visible, shown, focused, online): timers may not have run. */
  | { readonly type: 'woke_up'; readonly now: number }
  | { readonly type: 'went_offline' }
  | { readonly type: 'came_online'; readonly now: number }
  | { readonly type: 'logout_requested' }
  | { readonly type: 'destroyed' };

/** What a state change asks the outside world to do, in order. */
export type SessionEffect =
  /** Write the record to the storage (under the refresh lock: the storage only moves forward). */
  | { readonly type: 'save'; readonly record: SessionRecord }
  /**
   * Make the storage hold this tab's session, or none: under the lock, after the other tabs' news.
   * Never decided on this tab's own reading of the storage, which Chromium may show late.
   */
  | { readonly type: 'repair' }
  /** Clear the storage, whatever it holds (a logout, or the start of a login). */
  | { readonly type: 'remove' }
  /** Tell the other tabs. */
  | { readonly type: 'announce'; readonly news: TabNews }
  /** Get a new token for `record`, reporting back with `generation`. */
  | { readonly type: 'start_refresh'; readonly generation: number; readonly record: SessionRecord };

/** Consecutive transient refresh failures, and when the next automatic attempt may start. */
export interface RetryPlan {
  readonly failures: number;
  readonly at: number;
}

/** What one tab tells the others. */
export type TabNews =
  | { readonly kind: 'session'; readonly record: SessionRecord }
  | { readonly kind: 'failed'; readonly from: RecordStamp; readonly error: AuthError; readonly retry: RetryPlan }
  | { readonly kind: 'ended'; readonly ending: Ending; readonly error: AuthError | null };

/**
 * Which records an end kills: those of `lineage`, up to and including refresh `through` (all of
 * them when `null`: a logout). A rejected refresh token kills its record and older ones, not a
 * later refresh that another tab already holds.
 */
export interface Ending {
  readonly lineage: string;
  readonly through: number | null;
}
