import type { SessionStorage } from '../types.js';

/**
 * Keeps the session in memory only: it is gone on reload. The default storage. One client per
 * instance: clients given the same instance take turns refreshing, but do not hear of each other's
 * logins and logouts. To share a session within a page, share the client.
 *
 * @example
 * ```ts
 * const client = createAuthClient({ provider, storage: memoryStorage() })
 * ```
 */
export function memoryStorage(): SessionStorage {
  let value: string | null = null;
  return {
    getItem: () => value,
    setItem: (next) => {
      value = next;
    },
    removeItem: () => {
      value = null;
    },
  };
}
