/**
 * Calls each listener with `value`. A throwing listener must not break the client or the other
 * listeners; the first error is rethrown on its own, as an uncaught error, so it is not lost either.
 */
export function notifyAll<T>(listeners: ReadonlySet<(value: T) => void>, value: T): void {
  let failure: { error: unknown } | undefined;
  for (const listener of [...listeners]) {
    try {
      listener(value);
    } catch (error) {
      failure ??= { error };
    }
  }
  if (failure)
    queueMicrotask(() => {
      throw failure.error;
    });
}

/** Adds `listener` to `listeners`; returns the function that removes it. */
export function addListener<T>(listeners: Set<T>, listener: T): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}
