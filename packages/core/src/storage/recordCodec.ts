import * as z from 'zod/mini';
import { exactly } from '../http/exactly.js';
import { parseJson } from '../http/parseJson.js';
import { headerSafeToken } from '../http/tokenResponseSchema.js';
import { anyBoolean, anyString, finiteNumber, stringArray } from '../http/valueSchemas.js';
import type { SessionRecord } from '../session/sessionRecord.js';
import type { Session } from '../types.js';

const text = z.nullable(anyString);

const fxUserSchema = z.object({
  id: anyString,
  login: anyString,
  firstName: text,
  lastName: text,
  email: text,
  phone: text,
  fax: text,
  language: text,
  spokenLanguages: stringArray,
  businessId: text,
  company: z.object({ id: text, name: text, postCode: text }),
  autoUplift: z.object({ enabled: anyBoolean, initial: finiteNumber, max: finiteNumber }),
});

const recordSchema = z.object({
  version: exactly(1),
  provider: anyString,
  issuedAt: finiteNumber,
  // Records written before tabs were coordinated have no stamp: they get one from `issuedAt`.
  lineage: z.optional(anyString),
  since: z.optional(finiteNumber),
  seq: z.optional(finiteNumber),
  // Keys in the order a new session has them: the parsed object (which has only the keys the record
  // had) is the session itself, and encodes to the same JSON again.
  session: z.object({
    accessToken: headerSafeToken,
    tokenType: exactly('Bearer'),
    expiresAt: finiteNumber,
    refreshToken: z.optional(anyString),
    scope: z.optional(anyString),
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
      // A Session: zod types a key it may leave out as `?: T | undefined`, and leaves out those it did not read.
      return { lineage, since, seq, issuedAt, session: parsed.data.session as Session };
    },
    loggedOut: JSON.stringify({ version: 1, provider, loggedOut: true }),
    isOwn(raw) {
      const parsed = parseJson(raw) as { version?: unknown; provider?: unknown } | null;
      return parsed?.version === 1 && ours(parsed.provider); // a newer version's record is not ours to delete
    },
  };
}
