import { AuthError } from '../AuthError.js';

/**
 * Serializes refreshes: within a client, and across every client sharing a storage (browser tabs,
 * through the Web Locks API). Inside the lock the client first looks for a session that another
 * holder got meanwhile, so one expiry costs one token request.
 */
export interface RefreshLock {
  /** Runs `task` once the lock is held; gives up waiting when `signal` aborts (the work no longer matters). */
  run<T>(task: () => Promise<T>, signal: AbortSignal): Promise<T>;
}

/** A lock for one client: its refreshes run one after another. */
export function localLock(): RefreshLock {
  let tail: Promise<unknown> = Promise.resolve();
  return {
    run(task, signal) {
      const turn = tail.then(() => {
        if (signal.aborted) throw signal.reason;
        return task();
      });
      tail = turn.catch(() => undefined);
      return turn;
    },
  };
}

/**
 * An exclusive Web Lock named `name`, shared by every tab of the origin. Waiting for it is bounded
 * by `waitMs`: a tab that hangs or was frozen while holding it costs the others a transient
 * `timeout`, never their session. It is held only while the task runs, which the token request's
 * own timeout bounds.
 */
export function webLock(locks: LockManager, name: string, waitMs: number): RefreshLock {
  return {
    async run(task, signal) {
      const waited = new AbortController();
      const timer = setTimeout(() => waited.abort(), waitMs);
      try {
        return await locks.request(name, { signal: AbortSignal.any([signal, waited.signal]) }, () => {
          clearTimeout(timer);
          return task();
        });
      } catch (error) {
        if (waited.signal.aborted && !signal.aborted) {
          throw new AuthError('timeout', `Another tab held the refresh lock for more than ${waitMs} ms.`);
        }
        throw error;
      } finally {
        clearTimeout(timer);
      }
    },
  };
}
