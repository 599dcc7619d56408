import { useCallback, useEffect, useRef, useState } from 'react';
import type { AuthClient } from '@fx-auth/core';
import { subscribeEvents, type AuthEvent } from '@fx-auth/core/events';

/** One event in the timeline, with a key that stays with it. */
export interface LoggedEvent {
  readonly id: number;
  readonly event: AuthEvent;
}

/**
 * The last `max` events of `client`, newest first, from the moment this mounts (another client
 * starts a new log). Events that come in the same task are added in one update: an event may come
 * while React renders another component.
 */
export function useEventLog(client: AuthClient, max: number): { log: readonly LoggedEvent[]; clear: () => void } {
  const [logged, setLogged] = useState<{ client: AuthClient; log: readonly LoggedEvent[] }>({ client, log: [] });
  const count = useRef(0); // keys stay unique across subscriptions
  useEffect(() => {
    let pending: LoggedEvent[] = [];
    const flush = (): void => {
      const added = pending.reverse();
      pending = [];
      setLogged((kept) => ({ client, log: [...added, ...(kept.client === client ? kept.log : [])].slice(0, max) }));
    };
    const stop = subscribeEvents(client, (event) => {
      if (pending.length === 0) queueMicrotask(flush);
      pending.push({ id: (count.current += 1), event });
    });
    return () => {
      stop();
      pending = [];
    };
  }, [client, max]);
  const clear = useCallback(() => setLogged({ client, log: [] }), [client]);
  return { log: logged.client === client ? logged.log : [], clear };
}
