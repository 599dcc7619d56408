import { sessionExpired } from './sessionErrors.js';
import type { RetryPlan, SessionEvent } from './sessionEvents.js';
import type { AuthError } from '../AuthError.js';
import { OAUTH_REFUSALS } from '../http/classifyFailure.js';
import { sameStamp, stampOf, type RecordStamp, type SessionRecord } from './sessionRecord.js';
import { backoff, canRefreshNow, dueAt, recordOf, type SessionRules, type SessionState } from './sessionState.js';
import { end, stay, type Transition } from './commit.js';

/** Refresh when due (or forced); end a session that cannot be refreshed once it has expired. */
export function checkClock(state: SessionState, now: number, forced: boolean, rules: SessionRules): Transition {
  if (state.phase.status !== 'authenticated') return stay(state);
  const { record } = state.phase;
  if (!canRefreshNow(state, rules)) {
    if (now < record.session.expiresAt) return stay(state);
    return end(state, sessionExpired(state.refusal), 'here', { lineage: record.lineage, through: null });
  }
  const waiting =
    now < dueAt(record, rules.leeway) || now < state.retry.at || (!state.online && state.retry.failures > 0);
  if (!forced && waiting) return stay(state);
  return {
    state: { ...state, phase: { status: 'refreshing', record } },
    effects: [{ type: 'start_refresh', generation: state.generation, record }],
  };
}

/**
 * A refresh failed: end the session everywhere (its refresh token was rejected), or stop refreshing
 * (the client was refused), or back off (transient). The other tabs hear of a refusal or a backoff
 * too, so that they do not each send the same request at a struggling server.
 */
export function refreshFailed(
  state: SessionState,
  event: Extract<SessionEvent, { type: 'refresh_failed' }>,
): Transition {
  const record = refreshedRecord(state, event);
  if (!record) return stay(state);
  const { error } = event;
  // A rejected refresh token kills this refresh of the session and older ones, in every tab.
  if (error.code === 'session_expired')
    return end(state, error, 'everywhere', { lineage: record.lineage, through: record.seq });
  const failures = state.retry.failures + 1;
  const retry = isRefusal(error) ? state.retry : { failures, at: event.now + backoff(failures, event.jitter) };
  const next = failedState(state, record, error, retry);
  if (!event.fromEndpoint) return stay(next);
  return {
    state: next,
    effects: [{ type: 'announce', news: { kind: 'failed', from: stampOf(record), error, retry } }],
  };
}

/** Another tab's refresh of this session failed: back off (or stop) with it instead of asking again. */
export function failedElsewhere(
  state: SessionState,
  event: Extract<SessionEvent, { type: 'refresh_failed_elsewhere' }>,
): Transition {
  const record = recordOf(state);
  if (!record || !sameStamp(record, event.from)) return stay(state);
  if (isRefusal(event.error)) return stay(state.refusal ? state : failedState(state, record, event.error, state.retry));
  const { failures, at } = event.retry;
  // Only news: an announcement of a failure this tab already backs off from must not stop its retry.
  if (failures <= state.retry.failures && at <= state.retry.at) return stay(state);
  const retry = { failures: Math.max(state.retry.failures, failures), at: Math.max(state.retry.at, at) };
  return stay(failedState(state, record, event.error, retry));
}

/** Refusals that asking again will not change: no more automatic refreshes; the token is used until it expires. */
const isRefusal = (error: AuthError): boolean => error.code === 'invalid_credentials' || OAUTH_REFUSALS.has(error.code);

function failedState(state: SessionState, record: SessionRecord, error: AuthError, retry: RetryPlan): SessionState {
  const refusal = isRefusal(error) ? error : null;
  return { ...state, phase: { status: 'authenticated', record }, error, retry, refusal };
}

/**
 * The record a refresh result is about, if it is still the session of this generation. The result
 * counts even when this tab stopped waiting for it (another tab's failure made it back off): a
 * token the server has already issued must not be thrown away.
 */
export function refreshedRecord(
  state: SessionState,
  event: { readonly generation: number; readonly from: RecordStamp },
): SessionRecord | null {
  const record = recordOf(state);
  if (event.generation !== state.generation || !record) return null;
  return sameStamp(record, event.from) ? record : null;
}

/** Transient retries wait no longer: the page woke up or came back online. */
export function resumeRetries(state: SessionState, now: number): SessionState {
  const { failures, at } = state.retry;
  return failures > 0 && at > now ? { ...state, retry: { failures, at: now } } : state;
}
