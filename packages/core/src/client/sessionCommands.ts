import { isAuthError, type AuthError } from '../AuthError.js';
import type { GetAccessTokenOptions } from '../AuthClient.js';
import type { ProviderGrant } from '../providers/TokenProvider.js';
import { cannotRefresh, loginReplaced, noSession } from '../session/sessionErrors.js';
import { dueAt, recordOf, type SessionRules, type SessionState } from '../session/sessionState.js';
import type { Credentials, Session } from '../types.js';
import { randomId } from './randomId.js';
import type { createRefreshCoordinator } from './refreshCoordinator.js';
import type { SessionRuntime } from './sessionRuntime.js';
import type { RefreshLock } from './tabLock.js';
import { toAuthError } from './toAuthError.js';

/** What the client's commands work with. */
export interface CommandDependencies {
  readonly runtime: SessionRuntime;
  readonly rules: SessionRules;
  readonly refresher: ReturnType<typeof createRefreshCoordinator>;
  /** The provider's login, stopped when `signal` aborts. */
  readonly requestLogin: (signal: AbortSignal, credentials: Credentials | undefined) => Promise<ProviderGrant>;
  /** The lock under which new sessions are stored, so that the storage only moves forward. */
  readonly lock: RefreshLock;
  /** Takes in what other tabs have posted and stored so far (inside the lock). */
  readonly settle: () => Promise<void>;
  /** Resolves once this tab's news has reached every tab: the lock is let go only then. */
  readonly published: () => Promise<void>;
  /** Takes in a session other tabs have stored meanwhile (nothing for a client of one tab). */
  readonly lookAround: () => void;
}

/** `login()`, `refresh()` and `getAccessToken()`: each turns a caller's wish into events and waits for the outcome. */
export function createSessionCommands(dependencies: CommandDependencies) {
  const { runtime, rules, refresher, requestLogin, lock, settle, published, lookAround } = dependencies;
  let loggingIn: Promise<Session> | null = null;

  /** Commits a login's grant under the lock (after what other tabs did meanwhile); without it when it cannot be had. */
  async function commitLogin(generation: number, grant: ProviderGrant, signal: AbortSignal): Promise<void> {
    const lineage = randomId();
    const succeed = (): void => runtime.dispatch({ type: 'login_succeeded', generation, grant, lineage });
    try {
      await lock.run(async () => {
        await settle();
        succeed();
        await published();
      }, signal);
    } catch {
      succeed(); // another tab holds the lock too long: a login is not refused for it
    }
  }

  function login(credentials?: Credentials): Promise<Session> {
    if (runtime.state().destroyed) return Promise.reject(noSession());
    runtime.dispatch({ type: 'login_requested' });
    const { generation } = runtime.state();
    const signal = runtime.signal();
    const pending = (async () => {
      let grant;
      try {
        grant = await requestLogin(signal, credentials);
      } catch (error) {
        const failure = toAuthError(error);
        runtime.dispatch({ type: 'login_failed', generation, error: failure });
        throw runtime.state().error === failure ? failure : loginReplaced();
      }
      await commitLogin(generation, grant, signal);
      const record = recordOf(runtime.state());
      if (runtime.state().generation !== generation || record?.session.accessToken !== grant.accessToken) {
        throw loginReplaced();
      }
      return record.session;
    })();
    loggingIn = pending;
    const settled = (): void => {
      if (loggingIn === pending) loggingIn = null;
    };
    pending.then(settled, settled);
    return pending;
  }

  function refresh(): Promise<Session> {
    if (loggingIn) return loggingIn;
    const running = refresher.running();
    if (running) return running;
    const state = runtime.state();
    if (state.destroyed || !recordOf(state)) return Promise.reject(noSessionBecause(state));
    runtime.dispatch({ type: 'refresh_due', now: Date.now(), forced: true });
    const started = refresher.running();
    if (started) return started;
    const after = runtime.state();
    return Promise.reject(recordOf(after) ? (after.refusal ?? cannotRefresh()) : (after.error ?? noSession()));
  }

  /**
   * The hot path, without an async frame: a token not yet due needs no event (the state machine
   * would stay where it is). Timers are not trusted (sleep, frozen tabs): the shared storage and the
   * clock are checked now.
   */
  function getAccessToken(request?: GetAccessTokenOptions): Promise<string> {
    try {
      const forceRefresh = request?.forceRefresh === true;
      if (loggingIn || forceRefresh) return getAccessTokenSlowly(forceRefresh, false);
      lookAround();
      const state = runtime.state();
      const record = recordOf(state);
      if (record && !state.destroyed && Date.now() < dueAt(record, rules.leeway)) {
        return Promise.resolve(record.session.accessToken);
      }
      return getAccessTokenSlowly(false, true);
    } catch (error) {
      return Promise.reject(error); // a rejection, as promised, never a throw
    }
  }

  async function getAccessTokenSlowly(forceRefresh: boolean, lookedAround: boolean): Promise<string> {
    if (loggingIn) {
      // A token that a login just brought is as fresh as a forced refresh would make it.
      const fresh = await loggingIn.catch(() => undefined);
      if (fresh && fresh === recordOf(runtime.state())?.session) return fresh.accessToken;
    }
    if (forceRefresh) return (await refresh()).accessToken;
    if (!lookedAround) lookAround();
    const before = recordOf(runtime.state());
    runtime.dispatch({ type: 'refresh_due', now: Date.now(), forced: false });
    const state = runtime.state();
    const record = recordOf(state);
    if (state.destroyed || !record) throw before && !record && state.error ? state.error : noSessionBecause(state);
    // Only a due token waits for its first refresh. A fresh one is handed out even while a (forced)
    // refresh runs; so is a valid one while a retry runs (another tab may hold the lock for long).
    const now = Date.now();
    const waits =
      now >= dueAt(record, rules.leeway) && state.phase.status === 'refreshing' && state.retry.failures === 0;
    if (!waits && now < record.session.expiresAt) return record.session.accessToken;
    // An expired token while retries back off: the last failure, not one more request per call.
    const backingOff = state.retry.failures > 0 && now < state.retry.at;
    if (backingOff && state.phase.status === 'authenticated' && state.error) throw state.error;
    try {
      return (await refresh()).accessToken;
    } catch (error) {
      const transient = isAuthError(error) && error.code !== 'session_expired' && error.code !== 'no_session';
      if (transient && recordOf(runtime.state()) === record && Date.now() < record.session.expiresAt) {
        return record.session.accessToken;
      }
      throw error;
    }
  }

  return { login, refresh, getAccessToken };
}

/** Why there is no session: a session that expired or was rejected says so until the next login or logout. */
function noSessionBecause(state: SessionState): AuthError {
  return !state.destroyed && state.error?.code === 'session_expired' ? state.error : noSession();
}
