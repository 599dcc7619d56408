import { isProduction } from './isProduction.js';
import { toUrl } from './origins.js';

/**
 * Warns once per origin, outside production builds, that a request through `client.ky` went without
 * the token because its origin is not authorized (`localhost` for `127.0.0.1` is the classic). The
 * message names the origin and the option, never the token or the URL's path and query.
 */
export function createOriginWarning(authorized: readonly string[]): (url: string) => void {
  const warned = new Set<string>();
  return (url) => {
    const origin = toUrl(url)?.origin;
    if (origin === undefined || origin === 'null' || warned.has(origin) || isProduction()) return;
    warned.add(origin);
    // eslint-disable-next-line no-console -- the point: a silent 401 otherwise
    console.warn(
      `fx-auth: a request to ${origin} went without the token: that origin is not in createAuthClient's ` +
        `authorizedOrigins (${authorized.join(', ')}). Add it there if this API should get the token.`,
    );
  };
}
