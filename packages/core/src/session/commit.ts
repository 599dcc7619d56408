import type { AuthError } from '../AuthError.js';
import type { SessionEffect } from './sessionEvents.js';
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

/** The one commit point: `record` becomes the session, made here (then stored and announced) or taken from another tab. */
export function commit(state: SessionState, record: SessionRecord, origin: 'here' | 'elsewhere'): Transition {
  const switched = origin === 'elsewhere' && recordOf(state)?.lineage !== record.lineage;
  const next: SessionState = {
    ...state,
    phase: { status: 'authenticated', record },
    error: null,
    generation: switched ? state.generation + 1 : state.generation,
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
 * Ends the session (and any work on it) with `error`. `everywhere`: this tab decided (logout, a
 * rejected refresh token): tell the other tabs. `here`: only this tab's copy (another tab ended it,
 * or it expired everywhere alike). The storage is cleared of `lineage` only, but wholly on a logout.
 */
export function end(
  state: SessionState,
  error: AuthError | null,
  scope: 'everywhere' | 'here',
  lineage: string | undefined,
  phase: SessionPhase = { status: 'anonymous' },
): Transition {
  const next: SessionState = {
    ...state,
    phase,
    error,
    generation: state.generation + 1,
    ended: remember(state.ended, lineage),
    retry: NO_RETRY,
    refusal: null,
  };
  const wholly = scope === 'everywhere' && error === null;
  const effects: SessionEffect[] = [wholly || lineage === undefined ? { type: 'remove' } : { type: 'remove', lineage }];
  if (scope === 'everywhere' && lineage) effects.push({ type: 'announce', news: { kind: 'ended', lineage, error } });
  return { state: next, effects };
}

/** The lineage of the session, or of another tab's session waiting beside a login. */
export function stateLineage(state: SessionState): string | undefined {
  const { phase } = state;
  return phase.status === 'authenticating'
    ? phase.standby?.lineage
    : phase.status === 'anonymous'
      ? undefined
      : phase.record.lineage;
}

/** `ended` with `lineage` added (the oldest forgotten beyond the limit). */
export function remember(ended: readonly string[], lineage: string | undefined): readonly string[] {
  if (lineage === undefined || ended.includes(lineage)) return ended;
  return [...ended, lineage].slice(-ENDED_KEPT);
}
