import { useEffect, useState } from 'react';
import { useAuthClient } from '@fx-auth/react';

/** The times (epoch ms) the token was replaced in this session, newest last. */
export type RefreshHistory = number[];

const KEY = 'fx-auth-demo.refreshes';
const KEPT = 5;

function read(): RefreshHistory {
  try {
    const value: unknown = JSON.parse(sessionStorage.getItem(KEY) ?? '[]');
    return Array.isArray(value) ? value.filter((time): time is number => typeof time === 'number') : [];
  } catch {
    return [];
  }
}

function write(history: RefreshHistory): void {
  try {
    if (history.length === 0) sessionStorage.removeItem(KEY);
    else sessionStorage.setItem(KEY, JSON.stringify(history));
  } catch {
    // a full or blocked storage: the history lives until the next reload
  }
}

/**
 * When the token was replaced in this session: kept in sessionStorage with the session, so that a
 * reload keeps it; forgotten at logout. Returns the count and the last {@link KEPT} times.
 */
export function useRefreshStats(): { count: number; recent: RefreshHistory } {
  const client = useAuthClient();
  const [stats, setStats] = useState(() => {
    const history = read();
    return { count: history.length, recent: history.slice(-KEPT) };
  });
  useEffect(() => {
    let token = client.getSnapshot().session?.accessToken;
    return client.subscribe(({ session }) => {
      const next = session?.accessToken;
      if (next === undefined) {
        write([]);
        setStats({ count: 0, recent: [] });
      } else if (token !== undefined && next !== token) {
        const history = [...read(), Date.now()];
        write(history);
        setStats({ count: history.length, recent: history.slice(-KEPT) });
      }
      token = next;
    });
  }, [client]);
  return stats;
}
