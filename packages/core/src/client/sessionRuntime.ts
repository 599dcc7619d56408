import type { SessionEffect, SessionEvent } from '../session/sessionEvents.js';
import { nextCheckAt, recordOf, toSnapshot, type SessionRules, type SessionState } from '../session/sessionState.js';
import { transition } from '../session/transition.js';
import type { ProbeSlot } from './probe.js';
import { createRefreshTimer } from './refreshTimer.js';
import { createSnapshotStore } from './snapshotStore.js';

/** Holds the session state and runs its transitions; everything that changes the session goes through `dispatch`. */
export interface SessionRuntime {
  /** The current state. */
  state(): SessionState;
  /** Applies `event`: the next state, its effects (in order), one snapshot notification, the timer re-armed. */
  dispatch(event: SessionEvent): void;
  /** Aborted when the current generation ends (logout, login, another tab's login, destroy). */
  signal(): AbortSignal;
  readonly snapshots: ReturnType<typeof createSnapshotStore>;
}

/**
 * Runs the session state machine: `run` carries out each effect, the timer wakes the machine at
 * the state's next check time, and the generation's AbortController is replaced with each new
 * generation, so work of an older one stops at once. An onlooker's probe, while there is one,
 * sees each transition.
 */
export function createSessionRuntime(
  initial: SessionState,
  rules: SessionRules,
  run: (effect: SessionEffect) => void,
  onlooker: ProbeSlot,
): SessionRuntime {
  let state = initial;
  let generation = new AbortController();
  const snapshots = createSnapshotStore(toSnapshot(initial, Date.now(), rules));
  const timer = createRefreshTimer();

  const arm = (): void => {
    const check = nextCheckAt(state, rules);
    // The snapshot says when a token that refreshes have not replaced (yet) expires.
    const expiresAt = state.destroyed ? undefined : recordOf(state)?.session.expiresAt;
    const expiry = expiresAt !== undefined && Date.now() < expiresAt ? expiresAt : null;
    const at = check === null || expiry === null ? (check ?? expiry) : Math.min(check, expiry);
    if (at === null) timer.cancel();
    else
      timer.at(at, () => {
        dispatch({ type: 'refresh_due', now: Date.now(), forced: false });
        publish();
      });
  };
  const publish = (): void => {
    snapshots.set(toSnapshot(state, Date.now(), rules));
    arm(); // a listener may have dispatched meanwhile: arm() reads the latest state
  };

  function dispatch(event: SessionEvent): void {
    const previous = state;
    const { state: next, effects } = transition(previous, event, rules);
    if (next === previous && effects.length === 0) return;
    state = next;
    if (next.generation !== previous.generation) {
      generation.abort();
      generation = new AbortController();
    }
    onlooker.probe?.transition(previous, next, event); // before the effects: a commit, then its announcement
    for (const effect of effects) run(effect);
    publish();
  }

  arm();
  return { state: () => state, dispatch, signal: () => generation.signal, snapshots };
}
