import type { AuthErrorCode } from '../AuthError.js';

/**
 * What a token request asked for: the `grant_type` sent (`password` also for a JSON login), or
 * `revocation` for an RFC 7009 revocation at logout.
 */
export type TokenRequestGrant = 'password' | 'client_credentials' | 'refresh_token' | 'revocation';

/** Where a committed session came from: this tab's login or refresh, or another tab (its message or the shared storage). */
export type SessionSource = 'login' | 'refresh' | 'other_tab';

/**
 * Why a session ended in this tab:
 * - `logout`: `logout()` here;
 * - `login`: a new `login()` here replaced it;
 * - `expired`: it reached its expiry and could not be refreshed;
 * - `refresh_rejected`: the server rejected its refresh token (`errorCode` says how);
 * - `other_tab`: another tab logged out, logged in, or had the refresh token rejected (`errorCode`);
 * - `storage_emptied`: back from the back/forward cache, the shared storage was empty (a missed logout).
 */
export type SessionEndReason = 'logout' | 'login' | 'expired' | 'refresh_rejected' | 'other_tab' | 'storage_emptied';

/** What one tab tells the others: a new session, a failed refresh (back off with it), or an end. */
export type TabMessageKind = 'session' | 'refresh_failed' | 'session_ended';

/**
 * One thing that happened in a client's token lifecycle, for logs and devtools. `at` is
 * `Date.now()` when it happened. No event carries a secret: a token is shown by its last four
 * characters at most (`tokenSuffix`), a URL by its origin.
 */
export type AuthEvent =
  /** A request to the token endpoint (or the revocation endpoint) went out. */
  | { readonly type: 'token_request_started'; readonly at: number; readonly grant: TokenRequestGrant }
  /** That request ended: `status` is the HTTP status (`null` without an answer), `errorCode` the failure's code. */
  | {
      readonly type: 'token_request_finished';
      readonly at: number;
      readonly grant: TokenRequestGrant;
      readonly outcome: 'success' | 'failure';
      readonly durationMs: number;
      readonly status: number | null;
      readonly errorCode: AuthErrorCode | null;
    }
  /** A session became the current one. */
  | {
      readonly type: 'session_committed';
      readonly at: number;
      readonly source: SessionSource;
      readonly expiresAt: number;
      /** The access token's last four characters, or `null` for a token too short to show any of it. */
      readonly tokenSuffix: string | null;
    }
  /** The next automatic refresh (or retry) is due at `refreshAt`. */
  | { readonly type: 'refresh_scheduled'; readonly at: number; readonly refreshAt: number }
  /** A call through `client.ky` got a 401 and goes again with a new token. */
  | { readonly type: 'request_retried'; readonly at: number; readonly origin: string; readonly status: 401 }
  /** A call through `client.ky` went without the token: its origin is not in `authorizedOrigins`. */
  | { readonly type: 'token_withheld'; readonly at: number; readonly origin: string }
  /** This tab told the others of a session, a failed refresh or an end. */
  | { readonly type: 'tab_message_sent'; readonly at: number; readonly kind: TabMessageKind }
  /** Another tab told this one. */
  | { readonly type: 'tab_message_received'; readonly at: number; readonly kind: TabMessageKind }
  /** The shared storage holds a session this tab had not seen, or none any more. */
  | { readonly type: 'storage_changed'; readonly at: number; readonly holds: 'session' | 'nothing' }
  /** The session ended in this tab. */
  | {
      readonly type: 'session_ended';
      readonly at: number;
      readonly reason: SessionEndReason;
      readonly errorCode: AuthErrorCode | null;
    };

/** Listens to a client's {@link AuthEvent}s. */
export type AuthEventListener = (event: AuthEvent) => void;
