import type { TabNews } from '../session/sessionEvents.js';
import type { RecordCodec } from '../storage/recordCodec.js';
import { randomId } from './randomId.js';
import { tabMessages } from './tabMessages.js';
import { webLock, type RefreshLock } from './tabLock.js';

/** The tabs of one shared storage: their refresh lock, and news for and from them. */
export interface TabSync {
  readonly lock: RefreshLock;
  /** Tells every other tab (and every other client on the same storage). */
  announce(news: TabNews): void;
  /**
   * Resolves once this tab's announcements so far have come back to it through its second channel:
   * the browser has then handed them to every tab, ahead of anything a later holder of the lock
   * can send. A holder waits for this before it lets the lock go.
   */
  published(): Promise<void>;
  /**
   * Resolves once every message that other tabs posted before now has reached this one: a tab that
   * gets the refresh lock learns of the previous holder's session first (the lock can arrive
   * before the message). Sends itself a ping through a second channel, behind those messages.
   */
  settle(): Promise<void>;
  /** Leaves: no more news either way. */
  close(): void;
}

/** The longest wait for a tab's own ping, after which it goes on without it. */
const SETTLE_MAX_MS = 1_000;

/**
 * Joins the other tabs on the storage called `name`: a BroadcastChannel hands each new session (the
 * record itself, not a hint to read the storage, which Chromium shows other tabs late) and each end
 * of a session to them, and a Web Lock of the same name makes refreshes take turns. Returns `null`
 * where the browser has no BroadcastChannel or no Web Locks (or outside a browser): the client then
 * works as a single tab.
 */
export function joinTabs(
  name: string,
  provider: string,
  codec: RecordCodec,
  lockWaitMs: number,
  onNews: (news: TabNews) => void,
): TabSync | null {
  const Channel = globalThis.BroadcastChannel;
  const locks = (globalThis.navigator as Navigator | undefined)?.locks;
  if (typeof Channel !== 'function' || typeof locks?.request !== 'function') return null;
  const channelName = `fx-auth ${name}`;
  const open = (): BroadcastChannel => {
    const opened = new Channel(channelName);
    (opened as { unref?: () => void }).unref?.(); // Node: an open channel must not keep the process alive
    return opened;
  };
  const channel = open();
  const probe = open();
  probe.onmessage = ({ data }: MessageEvent<unknown>) => {
    const id = (data as { id?: unknown } | null)?.id;
    if (typeof id === 'string') echoes.get(id)?.(); // its own news, back: published
  };
  const pings = new Map<string, () => void>();
  const echoes = new Map<string, () => void>();
  const published = new Set<Promise<void>>();
  const bounded = (id: string, waiting: Map<string, () => void>, send: () => void): Promise<void> =>
    new Promise<void>((resolve) => {
      // A channel that loses a message must not hold the lock for long: this takes milliseconds.
      const timer = setTimeout(done, Math.min(lockWaitMs, SETTLE_MAX_MS));
      function done(): void {
        clearTimeout(timer);
        waiting.delete(id);
        resolve();
      }
      waiting.set(id, done);
      send();
    });
  const messages = tabMessages(provider, codec);
  let closed = false;
  channel.onmessage = ({ data }: MessageEvent<unknown>) => {
    const message = messages.decode(data);
    if (message?.kind === 'ping') pings.get(message.id)?.();
    else if (message) onNews(message.news);
  };
  return {
    lock: webLock(locks, channelName, lockWaitMs),
    settle() {
      if (closed) return Promise.resolve();
      const id = randomId();
      return bounded(id, pings, () => probe.postMessage(messages.ping(id)));
    },
    announce(news) {
      if (closed) return;
      const id = randomId();
      const echo = bounded(id, echoes, () => channel.postMessage({ ...messages.encode(news), id }));
      published.add(echo);
      void echo.then(() => published.delete(echo));
    },
    published: () => Promise.all(published).then(() => undefined),
    close() {
      closed = true;
      channel.onmessage = null;
      channel.close();
      probe.close();
      for (const done of [...pings.values(), ...echoes.values()]) done();
    },
  };
}
