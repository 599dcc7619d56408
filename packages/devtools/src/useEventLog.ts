import { useCallback, useEffect, useState } from 'react';
import type { AuthClient } from '@fx-auth/core';
import { subscribeEvents, type AuthEvent } from '@fx-auth/core/events';

/** One event in the timeline, with a key that stays with it. */
export interface LoggedEvent {
  readonly id: number;
  readonly event: AuthEvent;
}

/**
 * The last `max` events of `client`, newest first, from the moment this mounts. Events that come
 * in the same task are added in one update: an event may come while React renders another component.
 */
export function useEventLog(client: AuthClient, max: number): { log: readonly LoggedEvent[]; clear: () => void } {
  const [log, setLog] = useState<readonly LoggedEvent[]>([]);
  useEffect(() => {
    let count = 0;
    let pending: LoggedEvent[] = [];
    const flush = (): void => {
      const added = pending.reverse();
      pending = [];
      setLog((kept) => [...added, ...kept].slice(0, max));
    };
    const stop = subscribeEvents(client, (event) => {
      if (pending.length === 0) queueMicrotask(flush);
      pending.push({ id: (count += 1), event });
    });
    return () => {
      stop();
      pending = [];
    };
  }, [client, max]);
  const clear = useCallback(() => setLog([]), []);
  return { log, clear };
}
