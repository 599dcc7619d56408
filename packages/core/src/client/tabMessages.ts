import * as z from 'zod/mini';
import { exactly } from '../http/exactly.js';
import { AuthError, type AuthErrorCode } from '../AuthError.js';
import { knownOAuthError } from '../http/classifyFailure.js';
import type { TabNews } from '../session/sessionEvents.js';
import type { RecordCodec } from '../storage/recordCodec.js';

const KNOWN_CODES: Record<AuthErrorCode, true> = {
  invalid_credentials: true,
  invalid_client: true,
  session_expired: true,
  no_session: true,
  network: true,
  timeout: true,
  server: true,
  invalid_response: true,
  invalid_request: true,
  invalid_grant: true,
  unauthorized_client: true,
  unsupported_grant_type: true,
  invalid_scope: true,
  invalid_options: true,
};

const errorSchema = z.object({
  code: z.string(),
  message: z.string(),
  status: z.optional(z.number()),
  error: z.optional(z.string()),
});
const stampSchema = z.object({ lineage: z.string(), since: z.number(), seq: z.number() });

const messageSchema = z.union([
  z.object({ v: exactly(1), kind: exactly('ping'), id: z.string() }),
  z.object({ v: exactly(1), kind: exactly('session'), record: z.string() }),
  z.object({
    v: exactly(1),
    kind: exactly('failed'),
    provider: z.string(),
    from: stampSchema,
    error: errorSchema,
    retry: z.object({ failures: z.number(), at: z.number() }),
  }),
  z.object({
    v: exactly(1),
    kind: exactly('ended'),
    provider: z.string(),
    ending: z.object({ lineage: z.string(), through: z.nullable(z.number()) }),
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
      switch (news.kind) {
        case 'session':
          return { v: 1, kind: 'session', record: codec.encode(news.record) };
        case 'failed':
          return { v: 1, kind: 'failed', provider, from: news.from, error: news.error.toJSON(), retry: news.retry };
        case 'ended':
          return { v: 1, kind: 'ended', provider, ending: news.ending, error: news.error?.toJSON() ?? null };
      }
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
      if (message.provider !== provider) return null;
      const error = message.error && toAuthError(message.error);
      if (error === undefined) return null;
      if (message.kind === 'ended') return { kind: 'news', news: { kind: 'ended', ending: message.ending, error } };
      if (error === null) return null;
      return { kind: 'news', news: { kind: 'failed', from: message.from, error, retry: message.retry } };
    },
  };
}

/** The error another tab sent, or `undefined` when its code is not one this version knows. */
function toAuthError(sent: z.infer<typeof errorSchema>): AuthError | undefined {
  if (!Object.hasOwn(KNOWN_CODES, sent.code)) return undefined;
  const error = knownOAuthError(sent.error);
  const details = {
    ...(sent.status === undefined ? {} : { status: sent.status }),
    ...(error === undefined ? {} : { error }),
  };
  return new AuthError(sent.code as AuthErrorCode, sent.message, details);
}
