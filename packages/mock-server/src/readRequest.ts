import { Buffer } from 'node:buffer';
import type { IncomingMessage } from 'node:http';
import type { MockApi, RecordedRequest } from './types.js';

function headersOf(req: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}

/** Reads the whole body of `req` and records the request as received on the wire. */
export async function readRequest(req: IncomingMessage, api: MockApi): Promise<RecordedRequest> {
  const chunks: Buffer[] = [];
  for await (const chunk of req as AsyncIterable<Buffer | string>) {
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk);
  }
  return {
    api,
    method: req.method ?? 'GET',
    url: req.url ?? '/',
    headers: headersOf(req),
    rawHeaders: [...req.rawHeaders],
    body: Buffer.concat(chunks).toString('utf8'),
  };
}
