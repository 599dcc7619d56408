import { useCallback, useRef, useSyncExternalStore } from 'react';
import type { AuthSnapshot } from '@fx-auth/core';
import { useAuthClient } from './useAuthClient.js';

const SERVER_SNAPSHOT: AuthSnapshot = Object.freeze({
  status: 'anonymous',
  session: null,
  error: null,
  expired: false,
  refreshAt: null,
  sessionId: null,
});

/**
 * The client's snapshot through a selector: the component re-renders only when the selection
 * changes by `isEqual`. On the server (and during hydration) the snapshot is anonymous. A new
 * `select` is applied to the same snapshot again: module-level (or memoized) functions spare that.
 */
export function useAuthSnapshot<T>(
  select: (snapshot: AuthSnapshot) => T,
  isEqual: (a: T, b: T) => boolean = Object.is,
): T {
  const client = useAuthClient();
  const cache = useRef<{ snapshot: AuthSnapshot; select: typeof select; selected: T } | null>(null);
  const read = useCallback(
    (snapshot: AuthSnapshot): T => {
      const last = cache.current;
      if (last?.snapshot === snapshot && last.select === select) return last.selected;
      const selected = select(snapshot);
      const stable = last && isEqual(last.selected, selected) ? last.selected : selected;
      cache.current = { snapshot, select, selected: stable };
      return stable;
    },
    [select, isEqual],
  );
  return useSyncExternalStore(
    client.subscribe,
    () => read(client.getSnapshot()),
    () => read(SERVER_SNAPSHOT),
  );
}
