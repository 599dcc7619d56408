import type { SessionEvent, TabNews } from '../session/sessionEvents.js';
import { recordOf, type SessionState } from '../session/sessionState.js';
import type { AuthEvent, SessionEndReason, SessionSource, TabMessageKind } from './authEvents.js';

/**
 * A token's last four characters, as events and devtools show it: enough to tell tokens apart in a
 * log, never enough to use one; `null` for a token shorter than 16 characters (too short to show any).
 */
export function tokenSuffix(token: string): string | null {
  return token.length >= 16 ? token.slice(-4) : null;
}

/** The public name of a tab message. */
export function tabMessageKind(news: TabNews): TabMessageKind {
  return news.kind === 'session' ? 'session' : news.kind === 'failed' ? 'refresh_failed' : 'session_ended';
}

const SOURCES: Partial<Record<SessionEvent['type'], SessionSource>> = {
  login_succeeded: 'login',
  refresh_succeeded: 'refresh',
};

const END_REASONS: Partial<Record<SessionEvent['type'], SessionEndReason>> = {
  logout_requested: 'logout',
  login_requested: 'login',
  refresh_due: 'expired',
  woke_up: 'expired',
  came_online: 'expired',
  refresh_failed: 'refresh_rejected',
  storage_emptied: 'storage_emptied',
};

/**
 * What a transition of the session machine means to an onlooker: a session committed or ended.
 * Built only when someone listens.
 */
export function describeTransition(
  previous: SessionState,
  next: SessionState,
  event: SessionEvent,
  at: number,
): AuthEvent | null {
  const before = recordOf(previous);
  const after = recordOf(next);
  if (after && after !== before) {
    const { accessToken, expiresAt } = after.session;
    const source = SOURCES[event.type] ?? 'other_tab';
    return { type: 'session_committed', at, source, expiresAt, tokenSuffix: tokenSuffix(accessToken) };
  }
  if (before && !after && !next.destroyed) {
    const reason = END_REASONS[event.type] ?? 'other_tab';
    return { type: 'session_ended', at, reason, errorCode: next.error?.code ?? null };
  }
  return null;
}
