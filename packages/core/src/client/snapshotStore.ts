import type { AuthSnapshot } from '../types.js';
import { addListener, notifyAll } from './listenerSet.js';

/** Listens to snapshot changes. */
export type SnapshotListener = (snapshot: AuthSnapshot) => void;

/**
 * Holds the current snapshot and its listeners. A `set` with the same status, session, error,
 * expiry flag and refresh time is not a change: the snapshot object and the listeners stay untouched.
 */
export function createSnapshotStore(initial: AuthSnapshot) {
  let snapshot = initial;
  const listeners = new Set<SnapshotListener>();

  return {
    get: (): AuthSnapshot => snapshot,
    set: (next: AuthSnapshot): void => {
      const same =
        next.status === snapshot.status &&
        next.session === snapshot.session &&
        next.error === snapshot.error &&
        next.expired === snapshot.expired &&
        next.refreshAt === snapshot.refreshAt;
      if (same) return;
      snapshot = next;
      notifyAll(listeners, snapshot);
    },
    subscribe: (listener: SnapshotListener): (() => void) => addListener(listeners, listener),
    clear: (): void => listeners.clear(),
  };
}
