import type { KyInstance } from 'ky';
import { AuthError } from '../AuthError.js';
import { linkedAbort } from './linkedAbort.js';
import { sanitizeCause } from './secrets.js';

/** How a provider reaches its token endpoint: made by the client for each login or refresh. */
export interface TokenTransport {
  /** A ky instance that neither retries nor throws on HTTP errors. */
  readonly ky: KyInstance;
  /** Milliseconds for the whole exchange, body included. */
  readonly timeout: number;
  /** Aborted when the operation no longer matters (logout, a newer login, `destroy()`). */
  readonly signal: AbortSignal;
  /** Told the HTTP status of the answer, for the client's event stream. */
  readonly answered?: (status: number) => void;
}

/** One request to a token endpoint, exactly as it goes on the wire. */
export interface TokenRequest {
  url: string;
  headers: Record<string, string>;
  body?: string;
  /** Values that must never appear in an error (passwords, client secrets, tokens). */
  secrets: readonly string[];
}

/** The status and body text of a token endpoint's answer. */
export interface TokenAnswer {
  status: number;
  text: string;
}

/**
 * Sends a token request and reads the whole answer. The deadline covers the body as well: ky's own
 * `timeout` stops at the response headers, and a server that stalls mid-body must not hang a login.
 *
 * @throws {AuthError} `timeout`, `network`, or `no_session` when `transport.signal` aborted it.
 */
export async function sendTokenRequest(transport: TokenTransport, request: TokenRequest): Promise<TokenAnswer> {
  const { controller, unlink } = linkedAbort(transport.signal);
  let timedOut = false as boolean; // set by the timer
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, transport.timeout);
  const { signal } = controller;
  // Logout and destroy() stop the deadline at once, not a few ticks later when the request unwinds.
  signal.addEventListener('abort', () => clearTimeout(timer), { once: true });
  try {
    // Raced against the signal as well: a custom `fetch` (or a body stream) may ignore aborts.
    return await untilAborted(signal, async () => {
      const response = await transport.ky(request.url, {
        method: 'post',
        headers: request.headers,
        signal,
        ...(request.body === undefined ? {} : { body: request.body }),
      });
      transport.answered?.(response.status);
      return { status: response.status, text: await readText(response, signal) };
    });
  } catch (error) {
    if (error instanceof AuthError && error.code === 'invalid_response') throw error;
    if (transport.signal.aborted) {
      throw new AuthError('no_session', 'The session ended while a token request was running.');
    }
    if (timedOut) {
      throw new AuthError('timeout', `The token endpoint did not answer within ${transport.timeout} ms.`);
    }
    throw new AuthError('network', 'The token endpoint could not be reached.', {
      cause: sanitizeCause(error, request.secrets),
    });
  } finally {
    clearTimeout(timer);
    unlink();
  }
}

/** The most of an answer the client reads: a token response is a few kB; an endless one must not fill the memory. */
const MAX_ANSWER_BYTES = 1024 * 1024;

/** The answer's text, at most {@link MAX_ANSWER_BYTES}; the body is let go on an abort or an overflow. */
async function readText(response: Response, signal: AbortSignal): Promise<string> {
  const reader = response.body?.getReader();
  if (!reader) return '';
  const release = (): void => void reader.cancel().catch(() => undefined);
  signal.addEventListener('abort', release, { once: true });
  const decoder = new TextDecoder();
  let text = '';
  try {
    for (let size = 0; ;) {
      const { done, value } = await reader.read();
      if (done) return text + decoder.decode();
      size += value.byteLength;
      if (size > MAX_ANSWER_BYTES) {
        release();
        throw new AuthError(
          'invalid_response',
          `The token endpoint's answer is longer than ${MAX_ANSWER_BYTES} bytes.`,
        );
      }
      text += decoder.decode(value, { stream: true });
    }
  } finally {
    signal.removeEventListener('abort', release);
  }
}

/** Runs `task`, rejecting as soon as `signal` aborts even if the task never settles. */
function untilAborted<T>(signal: AbortSignal, task: () => Promise<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason);
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    task()
      .then(resolve, reject)
      .finally(() => signal.removeEventListener('abort', onAbort));
  });
}
