import { useEffect, useState } from 'react';
import { useAuthClient } from '@fx-auth/react';

/** How many times the token was replaced in this session, and when it last was. */
export function useRefreshStats(): { count: number; lastAt: number | null } {
  const client = useAuthClient();
  const [stats, setStats] = useState<{ count: number; lastAt: number | null }>({ count: 0, lastAt: null });
  useEffect(() => {
    let token = client.getSnapshot().session?.accessToken;
    return client.subscribe(({ session }) => {
      const next = session?.accessToken;
      if (token !== undefined && next !== undefined && next !== token) {
        setStats((last) => ({ count: last.count + 1, lastAt: Date.now() }));
      }
      token = next;
    });
  }, [client]);
  return stats;
}
