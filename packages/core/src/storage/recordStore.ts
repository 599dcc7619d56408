import { isNewer, type SessionRecord } from '../session/sessionRecord.js';
import type { SessionStorage } from '../types.js';
import type { RecordCodec } from './recordCodec.js';

/**
 * Reads and writes the session record in a {@link SessionStorage}. Any storage call may throw (or,
 * against its type, return a rejected Promise): nothing escapes. Never deletes what another client
 * wrote. When a removal fails, a logged-out mark overwrites the record, so that a reload does not
 * bring the session back, and the removal is tried again at the next read, as long as the storage
 * still holds what this client left there (not a session another tab stored since). Remembers what
 * it last read or wrote, so that asking whether another tab changed it costs one `getItem` and no
 * parsing.
 */
export function createRecordStore(storage: SessionStorage, codec: RecordCodec) {
  let known: string | null | undefined;
  /** What a failed removal left in the storage: the record, or the logged-out mark written over it. */
  let leftBehind: string | null = null;
  const read = (): string | null | undefined => attempt(() => storage.getItem());
  const write = (raw: string): boolean => attempt(() => storage.setItem(raw)) !== undefined;
  const remove = (): void => {
    known = null;
    leftBehind = null;
    const raw = read();
    if (raw === null || (raw !== undefined && !codec.isOwn(raw))) return;
    if (attempt(() => storage.removeItem()) !== undefined) {
      const after = read();
      if (after === null || after === undefined || after !== raw) return; // gone (or unreadable: trusted)
    }
    leftBehind = raw === codec.loggedOut || write(codec.loggedOut) ? codec.loggedOut : (raw ?? null);
  };
  const retryRemoval = (): void => {
    if (leftBehind === null) return;
    const raw = read();
    if (raw === leftBehind || raw === codec.loggedOut) remove();
    else if (raw !== undefined) leftBehind = null; // something newer is there: not ours to remove
  };

  return {
    /** The stored record, or `null` (another client's, or nothing readable: left alone). */
    load(): SessionRecord | null {
      retryRemoval();
      const raw = read();
      if (raw === undefined || raw === null) return null;
      known = raw;
      const record = codec.decode(raw);
      if (!record && codec.isOwn(raw)) remove(); // this provider's logged-out mark, or a record it cannot read
      return record;
    },
    /**
     * The stored record if the storage changed since it was last read or written here, else
     * `undefined`. A record it cannot read is left alone here: it may be another provider's, or a
     * newer version's, written by another tab.
     */
    loadChanged(): SessionRecord | undefined {
      retryRemoval();
      const raw = read();
      if (raw === undefined || raw === null || raw === known) return undefined;
      known = raw;
      return codec.decode(raw) ?? undefined;
    },
    /** Whether the storage holds no session (an unreadable storage is not known to be empty). */
    isEmpty(): boolean {
      const raw = read();
      return raw === null || raw === codec.loggedOut;
    },
    save(record: SessionRecord): void {
      const raw = codec.encode(record);
      // Quota or privacy mode: the session stays in memory. An older copy may stay stored: removing
      // it could take another tab's newer record, or read as a logout when the page comes back.
      if (write(raw)) {
        known = raw;
        leftBehind = null;
      }
    },
    /** Removes the stored record, if it is this provider's. */
    remove,
  };
}

/**
 * Moves a record of `legacy` (a client of an earlier version: one key for every provider, the
 * provider's old name) from `from` to `to`, in the current form, unless `to` holds a newer one.
 * `from` no longer holds it afterwards (a logged-out mark stands in if it cannot be removed), so a
 * logout cannot leave a copy there. Nothing moves while `to` cannot be read.
 */
export function adoptRecord(from: SessionStorage, to: SessionStorage, legacy: RecordCodec, codec: RecordCodec): void {
  const raw = attempt(() => from.getItem());
  const old = typeof raw === 'string' ? legacy.decode(raw) : null;
  if (!old) return;
  const current = attempt(() => to.getItem());
  if (current === undefined) return;
  const kept = current === null ? null : codec.decode(current);
  if (!kept || isNewer(old, kept)) attempt(() => to.setItem(codec.encode(old)));
  if (attempt(() => from.removeItem()) === undefined) attempt(() => from.setItem(legacy.loggedOut));
}

/** `action()`'s result, or `undefined` when it threw. A returned Promise is never left to reject unhandled. */
function attempt<T>(action: () => T): T | null | undefined {
  try {
    const result = action();
    if (typeof (result as { then?: unknown } | null)?.then === 'function') {
      (result as Promise<unknown>).then(undefined, () => undefined);
      return undefined;
    }
    return result ?? null;
  } catch {
    return undefined;
  }
}
