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
}

/** Encodes and validates records of `provider`. */
export function recordCodec(provider: string): RecordCodec {
  return {
    encode: ({ lineage, since, seq, issuedAt, session }) =>
      JSON.stringify({ version: 1, provider, issuedAt, lineage, since, seq, session }),
    decode(raw) {
      const parsed = recordSchema.safeParse(parseJson(raw));
      if (!parsed.success || parsed.data.provider !== provider) return null;
      const { issuedAt, lineage = `stored-${issuedAt}`, since = issuedAt, seq = 0 } = parsed.data;
      return { lineage, since, seq, issuedAt, session: toSession(parsed.data.session) };
    },
  };
}

/**
 * Reads and writes the session record in a {@link SessionStorage}. Anything unreadable, foreign, or
 * belonging to another provider is discarded, never thrown. Remembers what it last read or wrote,
 * so that asking whether another tab changed it costs one `getItem` and no parsing.
 */
export function createRecordStore(storage: SessionStorage, codec: RecordCodec) {
  let known: string | null | undefined;
  const read = (): string | null | undefined => {
    try {
      return storage.getItem();
    } catch {
      return undefined;
    }
  };
  const clear = (): void => {
    known = null;
    try {
      storage.removeItem();
    } catch {
      // A storage that cannot even remove leaves nothing we could do.
    }
  };
  const decode = (raw: string | null): SessionRecord | null => {
    if (raw === null) return null;
    const record = codec.decode(raw);
    if (!record) clear();
    return record;
  };

  return {
    /** The stored record, or `null`. */
    load(): SessionRecord | null {
      const raw = read();
      if (raw === undefined) return null;
      known = raw;
      return decode(raw);
    },
    /**
     * The stored record if the storage changed since it was last read or written here, else
     * `undefined`. A record it cannot read is left alone here: it may be another provider's, or a
     * newer version's, written by another tab.
     */
    loadChanged(): SessionRecord | undefined {
      const raw = read();
      if (raw === undefined || raw === null || raw === known) return undefined;
      known = raw;
      return codec.decode(raw) ?? undefined;
    },
    /** Whether the storage holds nothing (an unreadable storage is not known to be empty). */
    isEmpty(): boolean {
      return read() === null;
    },
    save(record: SessionRecord): void {
      const raw = codec.encode(record);
      try {
        storage.setItem(raw);
        known = raw;
      } catch {
        // Quota or privacy mode: the session stays in memory.
      }
    },
    /** Removes the stored record. */
    remove: clear,
  };
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
