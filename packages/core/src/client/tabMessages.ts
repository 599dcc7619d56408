import * as z from 'zod/mini';
import { exactly } from '../http/exactly.js';
import { AuthError, type AuthErrorCode } from '../AuthError.js';
import { knownOAuthError } from '../http/classifyFailure.js';
import { ERROR_MESSAGES } from '../http/errorMessages.js';
import { anyString, finiteNumber } from '../http/valueSchemas.js';
import type { TabNews } from '../session/sessionEvents.js';
import type { RecordCodec } from '../storage/recordCodec.js';

const errorSchema = z.object({
  code: anyString,
  message: anyString,
  status: z.optional(finiteNumber),
  error: z.optional(anyString),
});
const stampSchema = z.object({ lineage: anyString, since: finiteNumber, seq: finiteNumber });

const messageSchema = z.union([
  z.object({ v: exactly(1), kind: exactly('ping'), id: anyString }),
  z.object({ v: exactly(1), kind: exactly('session'), record: anyString }),
  z.object({
    v: exactly(1),
    kind: exactly('failed'),
    provider: anyString,
    from: stampSchema,
    error: errorSchema,
    retry: z.object({ failures: finiteNumber, at: finiteNumber }),
  }),
  z.object({
    v: exactly(1),
    kind: exactly('ended'),
    provider: anyString,
    ending: z.object({ lineage: anyString, through: z.nullable(finiteNumber) }),
    error: z.nullable(errorSchema),
  }),
]);

/** What tabs post on their channel: news, or a tab's ping to itself. */
export type TabMessage = { kind: 'ping'; id: string } | { kind: 'news'; news: TabNews };

/**
 * The messages tabs exchange, as plain data (structured clone). A session travels in its stored
 * form (encoded and validated like a storage record); errors as their secret-free JSON.
 */
export function tabMessages(provider: string, codec: RecordCodec) {
  return {
    ping: (id: string) => ({ v: 1, kind: 'ping', id }),
    encode(news: TabNews): object {
      if (news.kind === 'session') return { v: 1, kind: 'session', record: codec.encode(news.record) };
      // The news as it is (its fields are those of its kind), with its error as JSON.
      return { v: 1, provider, ...news, error: news.error?.toJSON() ?? null };
    },
    /** The message, or `null` for anything malformed, of another provider, or of another version. */
    decode(data: unknown): TabMessage | null {
      const parsed = messageSchema.safeParse(data);
      if (!parsed.success) return null;
      const message = parsed.data;
      if (message.kind === 'ping') return message;
      if (message.kind === 'session') {
        const record = codec.decode(message.record);
        return record && { kind: 'news', news: { kind: 'session', record } };
      }
      const { v, provider: sender, ...news } = message;
      if (sender !== provider) return null;
      const error = news.error && toAuthError(news.error);
      if (error === undefined) return null;
      return { kind: 'news', news: { ...news, error } as TabNews }; // a failure's error is never null
    },
  };
}

/** The error another tab sent, or `undefined` when its code is not one this version knows. */
function toAuthError(sent: z.infer<typeof errorSchema>): AuthError | undefined {
  if (!Object.hasOwn(ERROR_MESSAGES, sent.code)) return undefined;
  const error = knownOAuthError(sent.error);
  const details = {
    ...(sent.status === undefined ? {} : { status: sent.status }),
    ...(error === undefined ? {} : { error }),
  };
  return new AuthError(sent.code as AuthErrorCode, sent.message, details);
}
