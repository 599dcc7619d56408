/**
 * Serializes refreshes. The client already shares one in-flight refresh among its callers; a lock
 * extends that to every client that shares a storage (e.g. browser tabs through the Web Locks API).
 * Inside the lock the client first re-reads storage, so a refresh finished elsewhere is adopted
 * instead of repeated.
 */
export interface RefreshLock {
  run<T>(task: () => Promise<T>): Promise<T>;
}

/** The lock for a single client: it runs the task at once. */
export const localRefreshLock: RefreshLock = { run: (task) => task() };
