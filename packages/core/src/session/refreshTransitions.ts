import { sessionExpired } from './sessionErrors.js';
import type { SessionEvent } from './sessionEvents.js';
import { sameStamp, type RecordStamp, type SessionRecord } from './sessionRecord.js';
import { backoff, canRefreshNow, dueAt, type SessionRules, type SessionState } from './sessionState.js';
import { end, stay, type Transition } from './commit.js';

/** Refresh when due (or forced); end a session that cannot be refreshed once it has expired. */
export function checkClock(state: SessionState, now: number, forced: boolean, rules: SessionRules): Transition {
  if (state.phase.status !== 'authenticated') return stay(state);
  const { record } = state.phase;
  if (!canRefreshNow(state, rules)) {
    if (now < record.session.expiresAt) return stay(state);
    return end(state, sessionExpired(state.refusal), 'here', record.lineage);
  }
  const waiting =
    now < dueAt(record, rules.leeway) || now < state.retry.at || (!state.online && state.retry.failures > 0);
  if (!forced && waiting) return stay(state);
  return {
    state: { ...state, phase: { status: 'refreshing', record } },
    effects: [{ type: 'start_refresh', generation: state.generation, record }],
  };
}

/** A refresh failed: end the session (rejected), stop refreshing (refused), or back off (transient). */
export function refreshFailed(
  state: SessionState,
  event: Extract<SessionEvent, { type: 'refresh_failed' }>,
): Transition {
  const record = refreshedRecord(state, event);
  if (!record) return stay(state);
  const { error } = event;
  // Only a rejected refresh token ends the session, and then in every tab.
  if (error.code === 'session_expired') return end(state, error, 'everywhere', record.lineage);
  const refused = error.code === 'invalid_client' || error.code === 'invalid_credentials';
  const failures = state.retry.failures + 1;
  return stay({
    ...state,
    phase: { status: 'authenticated', record },
    error,
    retry: refused ? state.retry : { failures, at: event.now + backoff(failures) },
    refusal: refused ? error : null,
  });
}

/** The record a refresh result is about, if that refresh is still the one running in this generation. */
export function refreshedRecord(
  state: SessionState,
  event: { readonly generation: number; readonly from: RecordStamp },
): SessionRecord | null {
  const { phase } = state;
  if (event.generation !== state.generation || phase.status !== 'refreshing') return null;
  return sameStamp(phase.record, event.from) ? phase.record : null;
}

/** Transient retries wait no longer: the page woke up or came back online. */
export function resumeRetries(state: SessionState, now: number): SessionState {
  const { failures, at } = state.retry;
  return failures > 0 && at > now ? { ...state, retry: { failures, at: now } } : state;
}
