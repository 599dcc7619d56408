import type { AuthSnapshot } from '../types.js';

/** Listens to snapshot changes. */
export type SnapshotListener = (snapshot: AuthSnapshot) => void;

/**
 * Holds the current snapshot and its listeners. A `set` with the same status, session, error and
 * expiry flag is not a change: the snapshot object and the listeners stay untouched.
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
      let failure: { error: unknown } | undefined;
      for (const listener of [...listeners]) {
        try {
          listener(snapshot);
        } catch (error) {
          failure ??= { error };
        }
      }
      // A throwing listener must not break the client or the other listeners; its error is rethrown
      // on its own, as an uncaught error, so it is not lost either.
      if (failure)
        queueMicrotask(() => {
          throw failure.error;
        });
    },
    subscribe: (listener: SnapshotListener): (() => void) => {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    clear: (): void => {
      listeners.clear();
    },
  };
}
