import * as z from 'zod/mini';
import { AuthError, type AuthErrorCode } from '../AuthError.js';
import type { TabNews } from '../session/sessionEvents.js';
import type { RecordCodec } from '../storage/recordStore.js';
import { randomId } from './randomId.js';
import { webLock, type RefreshLock } from './tabLock.js';

/** The tabs of one shared storage: their refresh lock, and news for and from them. */
export interface TabSync {
  readonly lock: RefreshLock;
  /** Tells every other tab (and every other client on the same storage). */
  announce(news: TabNews): void;
  /**
   * Resolves once every message that other tabs posted before now has reached this one: a tab that
   * gets the refresh lock learns of the previous holder's session first (the lock can arrive
   * before the message). Sends itself a ping through a second channel, behind those messages.
   */
  settle(): Promise<void>;
  /** Leaves: no more news either way. */
  close(): void;
}

const KNOWN_CODES: Record<AuthErrorCode, true> = {
  invalid_credentials: true,
  invalid_client: true,
  session_expired: true,
  no_session: true,
  network: true,
  timeout: true,
  server: true,
  invalid_response: true,
};

const messageSchema = z.union([
  z.object({ v: z.literal(1), kind: z.literal('session'), record: z.string() }),
  z.object({ v: z.literal(1), kind: z.literal('ping'), id: z.string() }),
  z.object({
    v: z.literal(1),
    kind: z.literal('ended'),
    provider: z.string(),
    lineage: z.string(),
    error: z.nullable(
      z.object({
        code: z.string(),
        message: z.string(),
        status: z.optional(z.number()),
        error: z.optional(z.string()),
      }),
    ),
  }),
]);

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
  probe.onmessage = () => undefined; // its own copies of the news: drained, not read
  const pings = new Map<string, () => void>();
  channel.onmessage = ({ data }: MessageEvent<unknown>) => {
    const message = messageSchema.safeParse(data);
    if (!message.success) return;
    if (message.data.kind === 'ping') return pings.get(message.data.id)?.();
    const news = readNews(message.data, provider, codec);
    if (news) onNews(news);
  };
  return {
    lock: webLock(locks, channelName, lockWaitMs),
    settle() {
      const id = randomId();
      return new Promise<void>((resolve) => {
        // Bounded like the lock: a channel that loses its own ping must not hold the lock forever.
        const timer = setTimeout(done, lockWaitMs);
        function done(): void {
          clearTimeout(timer);
          pings.delete(id);
          resolve();
        }
        pings.set(id, done);
        probe.postMessage({ v: 1, kind: 'ping', id });
      });
    },
    announce(news) {
      channel.postMessage(
        news.kind === 'session'
          ? { v: 1, kind: 'session', record: codec.encode(news.record) }
          : { v: 1, kind: 'ended', provider, lineage: news.lineage, error: news.error?.toJSON() ?? null },
      );
    },
    close() {
      channel.onmessage = null;
      channel.close();
      probe.close();
      for (const done of [...pings.values()]) done();
    },
  };
}

type NewsMessage = Exclude<z.infer<typeof messageSchema>, { kind: 'ping' }>;

function readNews(message: NewsMessage, provider: string, codec: RecordCodec): TabNews | null {
  if (message.kind === 'session') {
    const record = codec.decode(message.record);
    return record && { kind: 'session', record };
  }
  if (message.provider !== provider) return null;
  const { error } = message;
  if (error === null) return { kind: 'ended', lineage: message.lineage, error: null };
  if (!Object.hasOwn(KNOWN_CODES, error.code)) return null;
  const details = {
    ...(error.status === undefined ? {} : { status: error.status }),
    ...(error.error === undefined ? {} : { error: error.error }),
  };
  return {
    kind: 'ended',
    lineage: message.lineage,
    error: new AuthError(error.code as AuthErrorCode, error.message, details),
  };
}
