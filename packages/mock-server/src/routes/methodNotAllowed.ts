import type { ServerResponse } from 'node:http';
import { respond, SPRING_JSON } from '../respond.js';

/** Spring's answer to a method the endpoint does not support: 405 `method_not_allowed`. */
export function methodNotAllowed(res: ServerResponse, method: string): void {
  const body = { error: 'method_not_allowed', error_description: `Request method '${method}' not supported` };
  respond(res, 405, JSON.stringify(body), { 'Content-Type': SPRING_JSON });
}
