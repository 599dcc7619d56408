import type { AuthError } from '../AuthError.js';
import { isNewer, stampOf, type SessionRecord } from './sessionRecord.js';
import { recordOf, type SessionRules, type SessionState } from './sessionState.js';
import { commit, end, remember, stay, type Transition } from './commit.js';

/** Another tab's session: taken when it is newer than anything seen and its lineage has not ended. */
export function seen(state: SessionState, record: SessionRecord, now: number, rules: SessionRules): Transition {
  // A late copy of an ended session (a refresh that lost the race with a logout) is cleaned up.
  if (state.ended.includes(record.lineage)) return { state, effects: [{ type: 'remove', lineage: record.lineage }] };
  if (state.newest && !isNewer(record, state.newest)) return stay(state);
  if (!rules.canRefresh(record.session) && now >= record.session.expiresAt) return stay(state);
  if (state.phase.status === 'authenticating') {
    return stay({ ...state, phase: { status: 'authenticating', standby: record }, newest: stampOf(record) });
  }
  return commit(state, record, 'elsewhere');
}

/** Another tab ended a session: this tab's copy ends with the same error, and the lineage is never taken again. */
export function endedElsewhere(state: SessionState, lineage: string, error: AuthError | null): Transition {
  if (recordOf(state)?.lineage === lineage) return end(state, error, 'here', lineage);
  const ended = remember(state.ended, lineage);
  if (state.phase.status === 'authenticating' && state.phase.standby?.lineage === lineage) {
    return stay({ ...state, ended, phase: { status: 'authenticating', standby: null } });
  }
  return stay(ended === state.ended ? state : { ...state, ended });
}
