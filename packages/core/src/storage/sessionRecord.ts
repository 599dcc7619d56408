import * as z from 'zod/mini';
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
  session: z.object({
    accessToken: z.string().check(z.minLength(1)),
    tokenType: z.literal('Bearer'),
    refreshToken: z.optional(z.string()),
    expiresAt: z.number(),
    scope: z.optional(z.string()),
    user: z.optional(fxUserSchema),
  }),
});

/** A session with when its token was issued (for the refresh leeway) and whose API it belongs to. */
export interface SessionRecord {
  session: Session;
  issuedAt: number;
}

/**
 * Reads and writes the session record in a {@link SessionStorage}. Anything unreadable, foreign, or
 * belonging to another provider is discarded, never thrown.
 */
export function createSessionRecordStore(storage: SessionStorage, provider: string) {
  const clear = (): void => {
    try {
      storage.removeItem();
    } catch {
      // A storage that cannot even remove leaves nothing we could do.
    }
  };
  return {
    load(): SessionRecord | null {
      let raw: string | null;
      try {
        raw = storage.getItem();
      } catch {
        return null;
      }
      if (raw === null) return null;
      const record = recordSchema.safeParse(parse(raw));
      if (!record.success || record.data.provider !== provider) {
        clear();
        return null;
      }
      return { session: toSession(record.data.session), issuedAt: record.data.issuedAt };
    },
    save(record: SessionRecord): void {
      try {
        storage.setItem(JSON.stringify({ version: 1, provider, ...record }));
      } catch {
        // Quota or privacy mode: the session stays in memory.
      }
    },
    clear,
  };
}

function parse(raw: string): unknown {
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
