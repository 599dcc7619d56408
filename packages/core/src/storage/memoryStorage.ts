import type { SessionStorage } from '../types.js';

/**
 * Keeps the session in memory only: it is gone on reload. The default storage. Pass one instance
 * to several clients to let them share a session.
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
