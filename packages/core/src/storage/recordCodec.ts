import * as z from 'zod/mini';
import { exactly } from '../http/exactly.js';
import { headerSafeToken } from '../http/tokenResponseSchema.js';
import type { SessionRecord } from '../session/sessionRecord.js';
import type { FxUser, Session } from '../types.js';

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
  version: exactly(1),
  provider: z.string(),
  issuedAt: z.number(),
  // Records written before tabs were coordinated have no stamp: they get one from `issuedAt`.
  lineage: z.optional(z.string()),
  since: z.optional(z.number()),
  seq: z.optional(z.number()),
  session: z.object({
    accessToken: headerSafeToken,
    tokenType: exactly('Bearer'),
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
