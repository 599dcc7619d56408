import type { AuthEvent } from '@fx-auth/core/events';
import { clockTime } from './formatTime.js';

/** An event as the timeline shows it: what happened, and its particulars. */
export interface EventLine {
  readonly title: string;
  readonly detail: string;
  /** Whether it went wrong (a failed request, an end with an error). */
  readonly bad: boolean;
}

const GRANTS = {
  password: 'password',
  client_credentials: 'client credentials',
  refresh_token: 'refresh token',
  revocation: 'revocation',
} as const;

const END_REASONS = {
  logout: 'logged out here',
  login: 'replaced by a new login here',
  expired: 'expired without a refresh',
  refresh_rejected: 'the server rejected the refresh token',
  other_tab: 'ended in another tab',
  storage_emptied: 'the shared storage was emptied while the page was away',
} as const;

const TAB_MESSAGES = {
  session: 'a new session',
  refresh_failed: 'a failed refresh',
  session_ended: 'an end of session',
} as const;

const SOURCES = { login: 'a login', refresh: 'a refresh', other_tab: 'another tab' } as const;

/** Words for one event: never more of a token than the suffix the event carries. */
export function describeEvent(event: AuthEvent): EventLine {
  switch (event.type) {
    case 'token_request_started':
      return { title: 'Token request', detail: `${GRANTS[event.grant]} sent`, bad: false };
    case 'token_request_finished': {
      const answer = event.status === null ? 'no answer' : `HTTP ${event.status}`;
      const code = event.errorCode === null ? '' : `, ${event.errorCode}`;
      return {
        title: event.outcome === 'success' ? 'Token answer' : 'Token request failed',
        detail: `${GRANTS[event.grant]}: ${answer}${code} in ${event.durationMs} ms`,
        bad: event.outcome === 'failure',
      };
    }
    case 'session_committed': {
      const token = event.tokenSuffix === null ? 'a token' : `token …${event.tokenSuffix}`;
      return {
        title: 'Session',
        detail: `${token} from ${SOURCES[event.source]}, expires at ${clockTime(event.expiresAt)}`,
        bad: false,
      };
    }
    case 'refresh_scheduled':
      return { title: 'Refresh scheduled', detail: `at ${clockTime(event.refreshAt)}`, bad: false };
    case 'request_retried':
      return {
        title: '401 retried',
        detail: `${event.origin} refused the token: sent again with a new one`,
        bad: false,
      };
    case 'token_withheld':
      return { title: 'Token withheld', detail: `${event.origin} is not in authorizedOrigins`, bad: true };
    case 'tab_message_sent':
      return { title: 'Told the other tabs', detail: TAB_MESSAGES[event.kind], bad: false };
    case 'tab_message_received':
      return { title: 'Heard from a tab', detail: TAB_MESSAGES[event.kind], bad: false };
    case 'storage_changed':
      return {
        title: 'Storage changed',
        detail: event.holds === 'session' ? 'holds a session this tab had not seen' : 'holds no session',
        bad: false,
      };
    case 'session_ended': {
      const code = event.errorCode === null ? '' : ` (${event.errorCode})`;
      return { title: 'Session ended', detail: `${END_REASONS[event.reason]}${code}`, bad: event.errorCode !== null };
    }
  }
}
