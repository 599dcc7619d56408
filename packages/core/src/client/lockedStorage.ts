import { recordOf } from '../session/sessionState.js';
import type { createRecordStore } from '../storage/recordStore.js';
import type { SessionRuntime } from './sessionRuntime.js';
import type { HeldLock } from './tabLock.js';
import type { TabSync } from './tabSync.js';

/**
 * The storage as tabs share it: written only under the lock, after taking in what the other tabs
 * did, and the lock let go only once this tab's news has reached them. So the stored session only
 * moves forward, whatever any one tab's (late) reading of the storage shows.
 */
export function createLockedStorage(
  runtime: SessionRuntime,
  records: ReturnType<typeof createRecordStore>,
  lock: HeldLock,
  tabs: TabSync | null,
) {
  /** Takes in the other tabs' news so far, then a session another client stored (a client of one tab too). */
  const settle = async (): Promise<void> => {
    await tabs?.settle();
    const found = records.loadChanged();
    if (found) runtime.dispatch({ type: 'session_seen', record: found, now: Date.now() });
  };
  /** Resolves once this tab's news has reached every tab. */
  const published = (): Promise<void> => tabs?.published() ?? Promise.resolve();
  /** The storage gets this tab's session, or none, as this tab knows it. */
  const reconcile = (): void => {
    const live = recordOf(runtime.state());
    if (live) records.save(live);
    else records.remove();
  };
  /** Reconciles the storage under the lock: at once inside this client's turn, else in a turn of its own. */
  const repair = (): void => {
    if (lock.held()) return reconcile();
    const repaired = lock.run(async () => {
      await settle();
      reconcile();
      await published();
    }, runtime.signal());
    repaired.catch(() => undefined); // the lock could not be had: the next commit stores a session
  };
  return { settle, published, repair };
}
