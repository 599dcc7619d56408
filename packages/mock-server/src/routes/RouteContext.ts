import type { ServerResponse } from 'node:http';
import type { ResolvedOptions } from '../resolveOptions.js';
import type { TokenStore } from '../tokenStore.js';
import type { RecordedRequest } from '../types.js';

/** What a route needs to answer one request. */
export interface RouteContext {
  /** The request as read (method, url, headers, whole body). */
  request: RecordedRequest;
  res: ServerResponse;
  /** The knobs at the time of answering. */
  options: ResolvedOptions;
  tokens: TokenStore;
}

/** Answers one request. */
export type Route = (context: RouteContext) => void;
