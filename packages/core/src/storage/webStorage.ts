import type { SessionStorage } from '../types.js';

/** Options of {@link webStorage}. */
export interface WebStorageOptions {
  /**
   * The key the session is stored under. Clients with different keys never share a session, a
   * lock or a message.
   * @default `fx-auth.session <provider kind> <token URL> <client id>`: one key per provider
   */
  key?: string;
}

/**
 * Keeps the session in `localStorage` (survives restarts; every tab of the origin shares it, and
 * the client keeps them in one session) or `sessionStorage` (one tab, survives reloads). Errors of
 * the storage (quota, privacy modes) are swallowed: the session then lives in memory only.
 *
 * @example
 * ```ts
 * const client = createAuthClient({ provider, storage: webStorage(localStorage, { key: 'my-app.auth' }) })
 * ```
 */
export function webStorage(storage: Storage, options: WebStorageOptions = {}): SessionStorage {
  const key = options.key ?? 'fx-auth.session';
  const slot: SessionStorage = {
    getItem: () => attempt(() => storage.getItem(key), null),
    setItem: (value) => attempt(() => storage.setItem(key, value), undefined),
    removeItem: () => attempt(() => storage.removeItem(key), undefined),
  };
  const chosen: SessionStorage = isLocalStorage(storage) ? shared(storage, key, slot) : slot;
  if (options.key === undefined) {
    // One key per provider, the same object for each (clients on one storage share its lock). Not
    // enumerable: a wrapper made by spreading this storage keeps the key it wraps.
    const perClient = new Map<string, SessionStorage>();
    const forClient = (client: string): SessionStorage => {
      const found = perClient.get(client) ?? webStorage(storage, { key: `${key} ${client}` });
      perClient.set(client, found);
      return found;
    };
    Object.defineProperty(chosen, 'forClient', { value: forClient });
  }
  return chosen;
}

function shared(storage: Storage, key: string, slot: SessionStorage): SessionStorage {
  return {
    ...slot,
    sharedName: `localStorage ${key}`,
    watch(listener) {
      // Another tab wrote (or `localStorage.clear()` ran: key null). Chromium delivers these late, so
      // the client does not count on them: tabs hand sessions over in messages.
      const onStorage = (event: StorageEvent): void => {
        if (event.storageArea === storage && (event.key === key || event.key === null)) listener();
      };
      window.addEventListener('storage', onStorage);
      return () => window.removeEventListener('storage', onStorage);
    },
  };
}

function isLocalStorage(storage: Storage): boolean {
  return attempt(() => typeof window !== 'undefined' && storage === window.localStorage, false);
}

function attempt<T>(action: () => T, fallback: T): T {
  try {
    return action();
  } catch {
    return fallback;
  }
}
