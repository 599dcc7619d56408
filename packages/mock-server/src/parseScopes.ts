/**
 * The scopes in a `scope` parameter (separated by white space), in order and without repeats; null
 * when the parameter is missing or blank.
 */
export function parseScopes(scope: string | undefined): string[] | null {
  const scopes = [...new Set((scope ?? '').split(/\s+/).filter((part) => part !== ''))];
  return scopes.length > 0 ? scopes : null;
}
