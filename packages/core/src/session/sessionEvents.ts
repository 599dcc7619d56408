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
    }
  /** Another tab's session: from its message, or read from the shared storage. */
  | { readonly type: 'session_seen'; readonly record: SessionRecord; readonly now: number }
  /** Another tab ended a session (logout, or its refresh token was rejected: then `error`). */
  | { readonly type: 'session_ended_elsewhere'; readonly lineage: string; readonly error: AuthError | null }
  /** The page came back (visible, shown, focused, online): timers may not have run. */
  | { readonly type: 'woke_up'; readonly now: number }
  | { readonly type: 'went_offline' }
  | { readonly type: 'came_online'; readonly now: number }
  | { readonly type: 'logout_requested' }
  | { readonly type: 'destroyed' };

/** What a state change asks the outside world to do, in order. */
export type SessionEffect =
  /** Write the record to the storage. */
  | { readonly type: 'save'; readonly record: SessionRecord }
  /** Remove the stored record; with `lineage`, only if the stored one belongs to it. */
  | { readonly type: 'remove'; readonly lineage?: string }
  /** Tell the other tabs. */
  | { readonly type: 'announce'; readonly news: TabNews }
  /** Get a new token for `record`, reporting back with `generation`. */
  | { readonly type: 'start_refresh'; readonly generation: number; readonly record: SessionRecord };

/** What one tab tells the others. */
export type TabNews =
  | { readonly kind: 'session'; readonly record: SessionRecord }
  | { readonly kind: 'ended'; readonly lineage: string; readonly error: AuthError | null };
