import type { SessionStorage } from '../types.js';

/** Options of {@link webStorage}. */
export interface WebStorageOptions {
  /**
   * The key the session is stored under.
   * @default 'fx-auth.session'
   */
  key?: string;
}

/**
 * Keeps the session in `localStorage` (survives restarts, shared by tabs) or `sessionStorage` (one
 * tab, survives reloads). Errors of the storage (quota, privacy modes) are swallowed: the session
 * then lives in memory only.
 *
 * @example
 * ```ts
 * const client = createAuthClient({ provider, storage: webStorage(localStorage, { key: 'my-app.auth' }) })
 * ```
 */
export function webStorage(storage: Storage, options: WebStorageOptions = {}): SessionStorage {
  const key = options.key ?? 'fx-auth.session';
  return {
    getItem: () => attempt(() => storage.getItem(key), null),
    setItem: (value) => attempt(() => storage.setItem(key, value), undefined),
    removeItem: () => attempt(() => storage.removeItem(key), undefined),
  };
}

function attempt<T>(action: () => T, fallback: T): T {
  try {
    return action();
  } catch {
    return fallback;
  }
}
