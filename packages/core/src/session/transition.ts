import { checkClock, failedElsewhere, refreshFailed, refreshedRecord, resumeRetries } from './refreshTransitions.js';
import type { SessionEffect, SessionEvent } from './sessionEvents.js';
import { toSessionRecord } from './sessionRecord.js';
import { recordOf, type SessionRules, type SessionState } from './sessionState.js';
import { commit, end, remember, stay, wholeSession, type Transition } from './commit.js';
import { endedElsewhere, seen } from './tabTransitions.js';

export type { Transition } from './commit.js';

/**
 * The session lifecycle: the next state for an event, and the effects to run. Pure: no clock, no
 * I/O, no randomness (events bring the time and new lineages). The table is in docs/session-lifecycle.md.
 */
export function transition(state: SessionState, event: SessionEvent, rules: SessionRules): Transition {
  if (state.destroyed && event.type !== 'logout_requested') return stay(state);
  switch (event.type) {
    case 'login_requested':
      return end(state, null, 'everywhere', wholeSession(state), { status: 'authenticating', standby: null });
    case 'login_succeeded': {
      if (event.generation !== state.generation || state.phase.status !== 'authenticating') return stay(state);
      // Later than every login seen here, whatever the clock says: this one is the user's latest,
      // and a session another tab made meanwhile is replaced for good.
      const since = Math.max(event.grant.requestedAt, (state.newest?.since ?? 0) + 1);
      const record = toSessionRecord(event.grant, null, { lineage: event.lineage, since, seq: 0 });
      return commit({ ...state, ended: remember(state.ended, wholeSession(state)) }, record, 'here');
    }
    case 'login_failed': {
      if (event.generation !== state.generation || state.phase.status !== 'authenticating') return stay(state);
      const { standby } = state.phase;
      if (!standby) return stay({ ...state, phase: { status: 'anonymous' }, error: event.error });
      // Another tab logged in meanwhile: its session is the one to have. This login's start may
      // have cleared it from the storage before hearing of it: store it again.
      const taken = { ...commit(state, standby, 'elsewhere').state, error: event.error };
      return { state: taken, effects: [{ type: 'repair' }] };
    }
    case 'refresh_due':
      return checkClock(state, event.now, event.forced, rules);
    case 'refresh_succeeded': {
      const record = refreshedRecord(state, event);
      if (!record) return stay(state);
      return commit(state, toSessionRecord(event.grant, record.session, { ...record, seq: record.seq + 1 }), 'here');
    }
    case 'refresh_failed':
      return refreshFailed(state, event);
    case 'refresh_failed_elsewhere':
      return failedElsewhere(state, event);
    case 'session_seen':
      return seen(state, event.record, event.now, rules);
    case 'storage_emptied': {
      if (!recordOf(state)) return stay(state);
      return stay({ ...state, phase: { status: 'anonymous' }, error: null, generation: state.generation + 1 });
    }
    case 'session_ended_elsewhere':
      return endedElsewhere(state, event.ending, event.error);
    case 'woke_up':
      return checkClock(resumeRetries(state, event.now), event.now, false, rules);
    case 'went_offline':
      return stay(state.online ? { ...state, online: false } : state);
    case 'came_online':
      return checkClock(resumeRetries({ ...state, online: true }, event.now), event.now, false, rules);
    case 'logout_requested':
      // After destroy() a logout still clears the storage, but no other tab hears of it.
      if (state.destroyed)
        return { state: { ...state, phase: { status: 'anonymous' }, error: null }, effects: [{ type: 'remove' }] };
      return logout(state);
    case 'destroyed': {
      // Work in progress is dropped: the last snapshot says so.
      const { phase } = state;
      const settled =
        phase.status === 'authenticating'
          ? { status: 'anonymous' as const }
          : phase.status === 'refreshing'
            ? { status: 'authenticated' as const, record: phase.record }
            : phase;
      return stay({ ...state, phase: settled, destroyed: true, generation: state.generation + 1 });
    }
  }
}

/**
 * Ends every session this tab knows may still be alive: its own, and those it saw only partly end
 * (a refresh rejected here, while another tab may hold a later one). Every tab hears of each.
 */
function logout(state: SessionState): Transition {
  const { state: next, effects } = end(state, null, 'everywhere', wholeSession(state));
  const partly = state.ended.filter(({ through }) => through !== null);
  const endings = partly.map(({ lineage }) => ({ lineage, through: null }));
  return {
    state: { ...next, ended: endings.reduce(remember, next.ended) },
    effects: [
      ...effects,
      ...endings.map((ending): SessionEffect => ({ type: 'announce', news: { kind: 'ended', ending, error: null } })),
    ],
  };
}
