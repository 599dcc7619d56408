import type { AuthError } from '../AuthError.js';
import type { Ending, SessionEffect } from './sessionEvents.js';
import { isNewer, stampOf, type SessionRecord } from './sessionRecord.js';
import { isEnded, recordOf, type SessionRules, type SessionState } from './sessionState.js';
import { commit, end, remember, stay, type Transition } from './commit.js';

/**
 * Another tab's session: never one that ended; while this tab holds a session (or one waits beside
 * a login), only a newer one. Without a session any other is taken: it comes from a login made
 * after the end, whatever its clock says (a clock set back must not lock tabs out).
 */
export function seen(state: SessionState, record: SessionRecord, now: number, rules: SessionRules): Transition {
  const ending = state.ended.find(({ lineage }) => lineage === record.lineage);
  const { phase } = state;
  const held = recordOf(state) ?? (phase.status === 'authenticating' ? phase.standby : null);
  if (ending && isEnded(state, record)) {
    // A late copy of an ended session (a refresh that lost the race with a logout, or a tab that
    // missed the end): tell its sender again, and see that the storage holds the live session, or
    // none. (A tab holding a session stores it again rather than clear what it may read late.)
    const announce: SessionEffect = { type: 'announce', news: { kind: 'ended', ending, error: null } };
    return { state, effects: [{ type: 'repair' }, announce] };
  }
  const rival = held ?? (state.newest?.lineage === record.lineage ? state.newest : null);
  if (rival && !isNewer(record, rival)) return stay(state);
  if (!rules.canRefresh(record.session) && now >= record.session.expiresAt) return stay(state);
  if (phase.status === 'authenticating') {
    const replaced = phase.standby && phase.standby.lineage !== record.lineage ? phase.standby.lineage : undefined;
    const ended = replaced ? remember(state.ended, { lineage: replaced, through: null }) : state.ended;
    return stay({ ...state, ended, phase: { status: 'authenticating', standby: record }, newest: stampOf(record) });
  }
  return commit(state, record, 'elsewhere');
}

/**
 * Another tab ended a session: this tab's copy ends with the same error, and is never taken again.
 * A tab that holds a later refresh than the one rejected keeps it, and tells the others of it.
 */
export function endedElsewhere(state: SessionState, ending: Ending, error: AuthError | null): Transition {
  const record = recordOf(state);
  if (record?.lineage === ending.lineage) {
    if (ending.through !== null && record.seq > ending.through) {
      // The rejected tab may have cleared the storage by a late view of it: store this one again.
      return {
        state,
        effects: [{ type: 'announce', news: { kind: 'session', record } }, { type: 'repair' }],
      };
    }
    return end(state, error, 'here', ending);
  }
  const ended = remember(state.ended, ending);
  const { phase } = state;
  if (phase.status === 'authenticating' && phase.standby && isEnded({ ...state, ended }, phase.standby)) {
    return stay({ ...state, ended, phase: { status: 'authenticating', standby: null } });
  }
  return stay(ended === state.ended ? state : { ...state, ended });
}
