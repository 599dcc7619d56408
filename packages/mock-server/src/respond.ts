import { Buffer } from 'node:buffer';
import type { ServerResponse } from 'node:http';

/** Content type of Spring's token answers. */
export const SPRING_JSON = 'application/json;charset=UTF-8';

/** Ends `res` with `status`, the headers and a body (objects are sent as JSON). Does nothing once the socket is gone. */
export function respond(
  res: ServerResponse,
  status: number,
  body: string | object = '',
  headers: Record<string, string> = {},
): void {
  if (res.destroyed || res.writableEnded) return;
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  const all: Record<string, string> = typeof body === 'string' ? {} : { 'Content-Type': 'application/json' };
  Object.assign(all, headers);
  for (const [name, value] of Object.entries(all)) res.setHeader(name, value);
  if (status !== 204 && status !== 304) res.setHeader('Content-Length', String(Buffer.byteLength(text)));
  res.statusCode = status;
  res.end(text);
}

/**
 * An OAuth2 error answer, `{"error","error_description"}`, as Spring writes it. A 401 also carries
 * `WWW-Authenticate` (by default `Bearer error="…", error_description="…"`).
 */
export function oauthError(
  res: ServerResponse,
  status: number,
  error: string,
  description: string,
  wwwAuthenticate: string = `Bearer error="${error}", error_description="${description}"`,
): void {
  const headers: Record<string, string> = {
    'Content-Type': SPRING_JSON,
    'Cache-Control': 'no-store',
    Pragma: 'no-cache',
  };
  if (status === 401) headers['WWW-Authenticate'] = wwwAuthenticate;
  respond(res, status, JSON.stringify({ error, error_description: description }), headers);
}

/** What {@link springBootError} writes. */
export interface SpringBootErrorDetails {
  status: number;
  /** The reason phrase, e.g. `Unauthorized`. */
  error: string;
  /** @default the reason phrase */
  message?: string;
  path: string;
  /** The server's clock, for `timestamp`. */
  nowMs: number;
  headers?: Record<string, string>;
}

/** A Spring Boot error answer as JSON: `{"timestamp","status","error","message","path"}`. */
export function springBootError(res: ServerResponse, details: SpringBootErrorDetails): void {
  const { status, error, message = error, path, nowMs, headers = {} } = details;
  const timestamp = new Date(nowMs).toISOString().replace('Z', '+00:00');
  respond(res, status, { timestamp, status, error, message, path }, headers);
}
