import { toUrl } from './origins.js';

// Bundlers replace `process.env.NODE_ENV` in dependencies; without a bundler there is no `process`.
declare const process: { env: { NODE_ENV?: string } };

/**
 * Whether this is a production build. The expression must stay `process.env.NODE_ENV` as written,
 * for bundlers to replace it; a page without a bundler has no `process` and counts as development.
 */
function isProduction(): boolean {
  try {
    return process.env.NODE_ENV === 'production';
  } catch {
    return false;
  }
}

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
