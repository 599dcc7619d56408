import * as z from 'zod/mini';
import { headerSafeToken } from '../http/tokenResponseSchema.js';
import type { SessionRecord } from '../session/sessionRecord.js';
import type { FxUser, Session, SessionStorage } from '../types.js';

const text = z.nullable(z.string());

const fxUserSchema = z.object({
  id: z.string(),
  login: z.string(),
  firstName: text,
  lastName: text,
  email: text,
  phone: text,
  fax: text,
  language: text,
  spokenLanguages: z.array(z.string()),
  businessId: text,
  company: z.object({ id: text, name: text, postCode: text }),
  autoUplift: z.object({ enabled: z.boolean(), initial: z.number(), max: z.number() }),
});

const recordSchema = z.object({
  version: z.literal(1),
  provider: z.string(),
  issuedAt: z.number(),
  // Records written before tabs were coordinated have no stamp: they get one from `issuedAt`.
  lineage: z.optional(z.string()),
  since: z.optional(z.number()),
  seq: z.optional(z.number()),
  session: z.object({
    accessToken: headerSafeToken,
    tokenType: z.literal('Bearer'),
    refreshToken: z.optional(z.string()),
    expiresAt: z.number(),
    scope: z.optional(z.string()),
    user: z.optional(fxUserSchema),
  }),
});

/** A record in its stored (and announced) form: JSON, tagged with the provider it belongs to. */
export interface RecordCodec {
  encode(record: SessionRecord): string;
  /** The record, or `null` for anything unreadable, foreign, or another provider's. */
  decode(raw: string): SessionRecord | null;
  /** What a client writes when it cannot remove its record: "logged out", in this provider's name. */
  readonly loggedOut: string;
  /** Whether `raw` was written by a client of this provider (a record, a logged-out mark, an older form). */
  isOwn(raw: string): boolean;
}

/**
 * Encodes and validates records of `provider`. Records of `legacy` (the provider's name in earlier
 * versions) are read as its own, and rewritten under `provider` at the next save.
 */
export function recordCodec(provider: string, legacy = provider): RecordCodec {
  const ours = (tag: unknown): boolean => tag === provider || tag === legacy;
  return {
    encode: ({ lineage, since, seq, issuedAt, session }) =>
      JSON.stringify({ version: 1, provider, issuedAt, lineage, since, seq, session }),
    decode(raw) {
      const parsed = recordSchema.safeParse(parseJson(raw));
      if (!parsed.success || !ours(parsed.data.provider)) return null;
      const { issuedAt, lineage = `stored-${issuedAt}`, since = issuedAt, seq = 0 } = parsed.data;
      return { lineage, since, seq, issuedAt, session: toSession(parsed.data.session) };
    },
    loggedOut: JSON.stringify({ version: 1, provider, loggedOut: true }),
    isOwn(raw) {
      const parsed = parseJson(raw) as { version?: unknown; provider?: unknown } | null;
      return parsed?.version === 1 && ours(parsed.provider); // a newer version's record is not ours to delete
    },
  };
}

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
      if (write(raw)) {
        known = raw;
        leftBehind = null;
      } else {
        remove(); // quota or privacy mode: the session stays in memory, and no outdated copy (a spent refresh token) stays behind
      }
    },
    /** Removes the stored record, if it is this provider's. */
    remove,
  };
}

/**
 * Moves this provider's record from `from` (where earlier versions kept it: one key for every
 * provider) to `to`, unless `to` already holds one; either way `from` no longer holds it, so a
 * logout cannot leave a copy behind there.
 */
export function adoptRecord(from: SessionStorage, to: SessionStorage, codec: RecordCodec): void {
  const raw = attempt(() => from.getItem());
  if (typeof raw !== 'string' || !codec.isOwn(raw)) return;
  const record = codec.decode(raw);
  if (record && attempt(() => to.getItem()) === null) attempt(() => to.setItem(codec.encode(record)));
  // Adopted once: if the old copy cannot go, a logged-out mark takes its place.
  if (attempt(() => from.removeItem()) === undefined) attempt(() => from.setItem(codec.loggedOut));
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

function parseJson(raw: string): unknown {
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return undefined;
  }
}

function toSession(stored: z.infer<typeof recordSchema>['session']): Session {
  const session: Session = { accessToken: stored.accessToken, tokenType: 'Bearer', expiresAt: stored.expiresAt };
  if (stored.refreshToken !== undefined) session.refreshToken = stored.refreshToken;
  if (stored.scope !== undefined) session.scope = stored.scope;
  if (stored.user !== undefined) session.user = stored.user satisfies FxUser;
  return session;
}
