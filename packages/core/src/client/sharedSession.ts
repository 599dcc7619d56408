import type { TabNews } from '../session/sessionEvents.js';
import type { SessionRecord } from '../session/sessionRecord.js';
import type { SessionRuntime } from './sessionRuntime.js';
import type { RecordCodec } from '../storage/recordCodec.js';
import type { createRecordStore } from '../storage/recordStore.js';
import type { SessionStorage } from '../types.js';
import type { ProbeSlot } from './probe.js';
import { joinTabs, type TabSync } from './tabSync.js';
import { watchWakeUps } from './watchWakeUps.js';

/** The session as other tabs share it: their news, the shared storage, and the page waking up. */
export interface SharedSession {
  /** The tabs of the shared storage, or `null` for a client of one tab. */
  readonly tabs: TabSync | null;
  /** Takes in a session other tabs stored meanwhile (nothing for a client of one tab). */
  lookAround: () => void;
  /** Tells the other tabs (nothing for a client of one tab). */
  announce: (news: TabNews) => void;
  /** Stops listening to tabs, storage and page. */
  close(): void;
}

/**
 * Connects the runtime to the world outside it: news from other tabs become events, the shared
 * storage is re-read on every wake-up (a page back from the back/forward cache may have missed a
 * logout), and the page's visibility, focus and connectivity wake the machine up.
 */
export function connectSharedSession(
  runtime: () => SessionRuntime,
  storage: SessionStorage,
  records: ReturnType<typeof createRecordStore>,
  codec: RecordCodec,
  provider: string,
  lockWaitMs: number,
  onlooker: ProbeSlot,
): SharedSession {
  const seen = (record: SessionRecord): void => runtime().dispatch({ type: 'session_seen', record, now: Date.now() });
  // Back from the back/forward cache, until other tabs are heard from again: Chromium may show this
  // page their storage writes of meanwhile late, so a later change of the storage is news missed too.
  let catchingUp = false;
  const tabs =
    storage.sharedName === undefined
      ? null
      : joinTabs(storage.sharedName, provider, codec, lockWaitMs, (news) => {
          catchingUp = false;
          onlooker.probe?.tabMessage('received', news);
          if (news.kind === 'session') return seen(news.record);
          if (news.kind === 'ended') {
            return runtime().dispatch({ type: 'session_ended_elsewhere', ending: news.ending, error: news.error });
          }
          runtime().dispatch({
            type: 'refresh_failed_elsewhere',
            from: news.from,
            error: news.error,
            retry: news.retry,
          });
        });

  const lookAround = (missedMessages = false): void => {
    if (!tabs) return;
    const found = records.loadChanged();
    if (found) {
      catchingUp = false;
      onlooker.probe?.storageChanged('session');
      return seen(found);
    }
    const { phase } = runtime().state();
    // Back from the back/forward cache, news may have been missed: an emptied storage may mean a
    // logout. A guess: only this tab's copy ends, and the others' next refresh would bring it back.
    // Only for the session the page came back with: a later login or logout here ends the catching up.
    const live = phase.status === 'authenticated' || phase.status === 'refreshing';
    catchingUp = live && (catchingUp || missedMessages);
    if (catchingUp && records.isEmpty()) {
      catchingUp = false;
      onlooker.probe?.storageChanged('nothing');
      runtime().dispatch({ type: 'storage_emptied' });
    }
  };

  const stopWatchingPage = watchWakeUps(
    (reason) => {
      lookAround(reason === 'restored');
      const now = Date.now();
      // A focus only checks the clock: clicking back into the window must not skip a backoff.
      if (reason === 'focus') runtime().dispatch({ type: 'refresh_due', now, forced: false });
      else runtime().dispatch(reason === 'online' ? { type: 'came_online', now } : { type: 'woke_up', now });
    },
    () => runtime().dispatch({ type: 'went_offline' }),
  );
  const stopWatchingStorage = (tabs && storage.watch?.(() => lookAround())) || (() => undefined);

  return {
    tabs,
    lookAround: () => lookAround(),
    announce(news) {
      if (!tabs) return;
      tabs.announce(news);
      onlooker.probe?.tabMessage('sent', news);
    },
    close() {
      stopWatchingPage();
      stopWatchingStorage();
      tabs?.close();
    },
  };
}
