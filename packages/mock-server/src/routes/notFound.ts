import { springBootError } from '../respond.js';
import type { RouteContext } from './RouteContext.js';

/** A path the server does not serve: Spring Boot's 404 JSON. */
export function notFound(context: RouteContext): void {
  const { request, res, options } = context;
  springBootError(res, {
    status: 404,
    error: 'Not Found',
    message: 'No message available',
    path: request.url.split('?')[0] ?? request.url,
    nowMs: options.now(),
  });
}
