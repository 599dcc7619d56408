import { AuthError } from '../AuthError.js';
import { linkedAbort } from '../http/linkedAbort.js';
import type { SessionStorage } from '../types.js';

/**
 * Serializes refreshes (and the storing of new sessions): within a client, and across every client
 * sharing a storage (browser tabs, through the Web Locks API). Inside the lock a client first
 * looks for a session that another holder got meanwhile, so one expiry costs one token request.
 */
export interface RefreshLock {
  /** Runs `task` once the lock is held; gives up waiting when `signal` aborts (the work no longer matters). */
  run<T>(task: () => Promise<T>, signal: AbortSignal): Promise<T>;
}

/** A lock that tells whether this client holds it right now (so work inside it does not ask again). */
export interface HeldLock extends RefreshLock {
  held(): boolean;
}

/** `lock`, counting this client's turns. */
export function trackHolding(lock: RefreshLock): HeldLock {
  let turns = 0;
  return {
    run: (task, signal) =>
      lock.run(async () => {
        turns += 1;
        try {
          return await task();
        } finally {
          turns -= 1;
        }
      }, signal),
    held: () => turns > 0,
  };
}

const localLocks = new WeakMap<SessionStorage, RefreshLock>();

/** The lock of the clients of one page that share `storage` (the same `memoryStorage()`, say). */
export function localLockFor(storage: SessionStorage): RefreshLock {
  let lock = localLocks.get(storage);
  if (!lock) {
    lock = localLock();
    localLocks.set(storage, lock);
  }
  return lock;
}

function localLock(): RefreshLock {
  let tail: Promise<unknown> = Promise.resolve();
  return {
    run(task, signal) {
      const turn = tail.then(() => {
        signal.throwIfAborted();
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
 * own timeout bounds. Where the browser refuses Web Locks (an opaque origin: a sandboxed frame),
 * the task runs without it, as in a single tab.
 */
export function webLock(locks: LockManager, name: string, waitMs: number): RefreshLock {
  return {
    async run(task, signal) {
      const { controller: waiting, unlink } = linkedAbort(signal);
      let waitedTooLong = false as boolean; // set by the timer
      const timer = setTimeout(() => {
        waitedTooLong = true;
        waiting.abort();
      }, waitMs);
      let granted = false as boolean; // set in the lock's callback
      try {
        return await locks.request(name, { signal: waiting.signal }, () => {
          granted = true;
          clearTimeout(timer);
          return task();
        });
      } catch (error) {
        if (!granted && waitedTooLong && !signal.aborted) {
          throw new AuthError('timeout', `Another tab held the refresh lock for more than ${waitMs} ms.`);
        }
        if (!granted && (error as { name?: unknown } | null)?.name === 'SecurityError') return await task();
        throw error;
      } finally {
        clearTimeout(timer);
        unlink();
      }
    },
  };
}
