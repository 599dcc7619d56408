import type { AuthError } from '../AuthError.js';
import type { Ending, SessionEffect } from './sessionEvents.js';
import { stampOf, type SessionRecord } from './sessionRecord.js';
import { ENDED_KEPT, recordOf, type SessionPhase, type SessionState } from './sessionState.js';

/** The next state and what it asks the outside world to do. */
export interface Transition {
  readonly state: SessionState;
  readonly effects: readonly SessionEffect[];
}

const NO_EFFECTS: readonly SessionEffect[] = [];
const NO_RETRY = { failures: 0, at: 0 } as const;

/** `state`, with nothing to do. */
export const stay = (state: SessionState): Transition => ({ state, effects: NO_EFFECTS });

/**
 * The one commit point: `record` becomes the session, made here (then stored, under the refresh
 * lock, and announced) or taken from another tab (which stored it).
 */
export function commit(state: SessionState, record: SessionRecord, origin: 'here' | 'elsewhere'): Transition {
  const previous = recordOf(state)?.lineage;
  // Another tab's later login replaces this one for good: work on it stops, and it never comes back.
  const switched = origin === 'elsewhere' && previous !== record.lineage;
  const next: SessionState = {
    ...state,
    phase: { status: 'authenticated', record },
    error: null,
    generation: switched ? state.generation + 1 : state.generation,
    ended: switched && previous ? remember(state.ended, { lineage: previous, through: null }) : state.ended,
    newest: stampOf(record),
    retry: NO_RETRY,
    refusal: null,
  };
  if (origin === 'elsewhere') return stay(next);
  return {
    state: next,
    effects: [
      { type: 'save', record },
      { type: 'announce', news: { kind: 'session', record } },
    ],
  };
}

/**
 * Ends the session (and any work on it) with `error`, as `ending` says. `everywhere`: this tab
 * decided (logout, a rejected refresh token): tell the other tabs; a logout or a login clears the
 * storage whatever it holds. `here`: only this tab's copy (another tab ended it, or it expired
 * everywhere alike). Other ends repair the storage: a late write of the ended session goes.
 */
export function end(
  state: SessionState,
  error: AuthError | null,
  scope: 'everywhere' | 'here',
  ending: Ending | undefined,
  phase: SessionPhase = { status: 'anonymous' },
): Transition {
  const next: SessionState = {
    ...state,
    phase,
    error,
    generation: state.generation + 1,
    ended: remember(state.ended, ending),
    retry: NO_RETRY,
    refusal: null,
  };
  const wholly = scope === 'everywhere' && error === null;
  const effects: SessionEffect[] = [wholly || !ending ? { type: 'remove' } : { type: 'repair' }];
  if (scope === 'everywhere' && ending) effects.push({ type: 'announce', news: { kind: 'ended', ending, error } });
  return { state: next, effects };
}

/** The end of the whole session this tab holds (or that waits beside its login), if any. */
export function wholeSession(state: SessionState): Ending | undefined {
  const { phase } = state;
  const record = phase.status === 'authenticating' ? phase.standby : phase.status === 'anonymous' ? null : phase.record;
  return record ? { lineage: record.lineage, through: null } : undefined;
}

/** `ended` with `ending` added (the oldest forgotten beyond the limit). */
export function remember(ended: readonly Ending[], ending: Ending | undefined): readonly Ending[] {
  if (!ending) return ended;
  const known = ended.find(({ lineage }) => lineage === ending.lineage);
  if (known && (known.through === null || (ending.through !== null && ending.through <= known.through))) return ended;
  return [...ended.filter((entry) => entry !== known), ending].slice(-ENDED_KEPT);
}
