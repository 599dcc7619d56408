import { Buffer } from 'node:buffer';
import { STATUS_CODES, type ServerResponse } from 'node:http';
import { later } from './later.js';
import { respond } from './respond.js';
import type { Fault } from './types.js';

/** A well-formed token answer (seed shape), cut in half by the `truncated` and `hang-body` faults. */
const TOKEN_JSON = JSON.stringify({
  access_token:
    'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJ1c2VyX25hbWUiOiJkZW1vIiwic2NvcGUiOlsiYW55Il19.c2lnbmF0dXJlLW5vdC1jaGVja2Vk',
  token_type: 'bearer',
  refresh_token:
    'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJ1c2VyX25hbWUiOiJkZW1vIiwiYXRpIjoieCJ9.c2lnbmF0dXJlLW5vdC1jaGVja2Vk',
  expires_in: 3599,
  scope: 'any',
  jti: '26334f53-c148-45a4-bfd7-71cfb45aeb7e',
});
const HALF_TOKEN_JSON = TOKEN_JSON.slice(0, Math.floor(TOKEN_JSON.length / 2));

function htmlPage(status: number): string {
  const title = `${status} ${STATUS_CODES[status] ?? 'Error'}`;
  return `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`;
}

/**
 * Plays `fault` on `res` instead of the normal answer; `answer` gives the normal answer (for `delay`).
 */
export function playFault(fault: Fault, res: ServerResponse, answer: () => void): void {
  switch (fault.type) {
    case 'status': {
      const headers: Record<string, string> = { ...fault.headers };
      if (fault.contentType !== undefined) headers['Content-Type'] = fault.contentType;
      return respond(res, fault.status, fault.body ?? '', headers);
    }
    case 'html': {
      const status = fault.status ?? 502;
      return respond(res, status, htmlPage(status), { 'Content-Type': 'text/html' });
    }
    case 'truncated':
      return respond(res, 200, HALF_TOKEN_JSON, { 'Content-Type': 'application/json;charset=UTF-8' });
    case 'wrong-shape':
      return respond(res, 200, { status: 'ok', data: {} });
    case 'drop':
      res.socket?.destroy();
      return;
    case 'hang':
      return;
    case 'hang-body':
      res.writeHead(200, {
        'Content-Type': 'application/json;charset=UTF-8',
        'Content-Length': String(Buffer.byteLength(TOKEN_JSON)),
      });
      res.write(HALF_TOKEN_JSON);
      return;
    case 'delay':
      return later(fault.ms, answer);
  }
}
