import type { RecordedRequest } from './types.js';

/**
 * The request parameters as Spring's `@RequestParam Map` sees them: the query string, then an
 * `application/x-www-form-urlencoded` body, decoded the standard way (`+` is a space, `%XX` is UTF-8).
 * A name given more than once keeps its first value.
 */
export function formParameters(request: RecordedRequest): Map<string, string> {
  const parameters = new Map<string, string>();
  const add = (encoded: string) => {
    for (const [name, value] of new URLSearchParams(encoded)) {
      if (!parameters.has(name)) parameters.set(name, value);
    }
  };
  const query = request.url.indexOf('?');
  if (query >= 0) add(request.url.slice(query + 1));
  const contentType = (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (contentType === 'application/x-www-form-urlencoded') add(request.body);
  return parameters;
}
