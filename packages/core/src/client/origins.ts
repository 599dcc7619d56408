/** Resolves `url` against the page's location when there is one (relative token URLs in a browser). */
export function toUrl(url: string): URL | undefined {
  try {
    return new URL(url, (globalThis as { location?: Location }).location?.href);
  } catch {
    return undefined;
  }
}

/** A predicate telling whether a request URL may receive the token: its origin is one of `origins`. */
export function createOriginCheck(origins: readonly string[]): (url: string) => boolean {
  const allowed = new Set(origins);
  return (url) => {
    const origin = toUrl(url)?.origin;
    return origin !== undefined && allowed.has(origin);
  };
}
