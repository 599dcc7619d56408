import type { AuthError } from '../AuthError.js';
import type { ProviderGrant } from '../providers/TokenProvider.js';
import { noSession } from '../session/sessionErrors.js';
import { isNewer, sameStamp, stampOf, type SessionRecord } from '../session/sessionRecord.js';
import { recordOf } from '../session/sessionState.js';
import type { Session } from '../types.js';
import type { SessionRuntime } from './sessionRuntime.js';
import type { RefreshLock } from './tabLock.js';
import { toAuthError } from './toAuthError.js';

/** What a refresh needs from the client. */
export interface RefreshDependencies {
  readonly runtime: SessionRuntime;
  readonly lock: RefreshLock;
  /** Sends the refresh request for `session`, abandoned when `signal` aborts. */
  readonly request: (session: Session, signal: AbortSignal) => Promise<ProviderGrant>;
  /** Takes in what other tabs have posted and stored so far: a session one of them got meanwhile. */
  readonly lookAround: () => Promise<void>;
  /** Resolves once this tab's news has reached every tab: the lock is let go only then. */
  readonly published: () => Promise<void>;
}

/**
 * Runs the refreshes the state machine starts, one at a time per record: callers share its promise.
 * Each takes the refresh lock, then first looks for a session another tab already got (and takes
 * it without a request); only then is the refresh token sent.
 */
export function createRefreshCoordinator({ runtime, lock, request, lookAround, published }: RefreshDependencies) {
  let running: { record: SessionRecord; promise: Promise<Session> } | null = null;

  const isRefreshing = (generation: number, record: SessionRecord): boolean => {
    const state = runtime.state();
    return (
      state.generation === generation && state.phase.status === 'refreshing' && sameStamp(state.phase.record, record)
    );
  };

  async function refresh(generation: number, record: SessionRecord): Promise<Session> {
    const signal = runtime.signal();
    const from = stampOf(record);
    let failure: AuthError | undefined;
    let requested = false as boolean; // set inside the lock
    const fail = (error: unknown, fromEndpoint: boolean): void => {
      failure = toAuthError(error);
      const now = Date.now();
      runtime.dispatch({
        type: 'refresh_failed',
        generation,
        from,
        error: failure,
        now,
        fromEndpoint,
        jitter: Math.random(),
      });
    };
    try {
      await lock.run(async () => {
        await lookAround();
        if (!isRefreshing(generation, record)) return; // another tab's session was taken, or the session ended
        let grant;
        requested = true;
        try {
          grant = await request(record.session, signal);
        } catch (error) {
          // A refresh token that another tab has already replaced is no rejection of the session.
          if (toAuthError(error).code === 'session_expired') await lookAround();
          // Still holding the lock: the other tabs hear of the outcome before one of them may try.
          fail(error, true);
          return await published();
        }
        runtime.dispatch({ type: 'refresh_succeeded', generation, from, grant });
        await published();
      }, signal);
    } catch (error) {
      fail(error, false); // the lock: another tab held it too long, or the work no longer matters
    }
    const state = runtime.state();
    const current = recordOf(state);
    if (state.generation === generation && current && isNewer(current, record)) {
      if (requested) return current.session;
      // Another tab's session was taken instead: if it is due as well, callers get its refresh.
      runtime.dispatch({ type: 'refresh_due', now: Date.now(), forced: false });
      return coordinator.running() ?? current.session;
    }
    const error = failure ?? (state.generation === generation ? state.error : null);
    if (error && (state.generation === generation || state.error === error)) throw error;
    throw noSession();
  }

  const coordinator = {
    /** Starts refreshing `record` (an effect of the state machine). */
    start(generation: number, record: SessionRecord): void {
      const promise = refresh(generation, record);
      running = { record, promise };
      const settle = (): void => {
        if (running?.promise === promise) running = null;
      };
      promise.then(settle, settle); // the outcome is in the snapshot; callers get it from `running`
    },
    /** The promise of the refresh of the current session, if one is running. */
    running(): Promise<Session> | null {
      const { phase } = runtime.state();
      return running && phase.status === 'refreshing' && running.record === phase.record ? running.promise : null;
    },
  };
  return coordinator;
}
