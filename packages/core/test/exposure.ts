import { expect } from 'vitest';

/** Everything a thrown value shows, as text: message, String(), stack, JSON, own properties, and its causes. */
export function exposed(error: unknown): string {
  const parts: string[] = [];
  for (let current: unknown = error, depth = 0; current && depth < 5; depth += 1) {
    const value = current as Error;
    parts.push(
      String(value),
      value.message,
      value.stack ?? '',
      JSON.stringify(value),
      JSON.stringify(Object.entries(value)),
    );
    current = value.cause;
  }
  return parts.join('\n');
}

/** Fails if `text` holds any of `secrets`: raw, URL-encoded or form-encoded. */
export function expectNoSecrets(text: string, secrets: readonly string[]): void {
  for (const secret of secrets) {
    for (const form of new Set([secret, encodeURIComponent(secret), encodeURIComponent(secret).replace(/%20/g, '+')])) {
      expect(text).not.toContain(form);
    }
  }
}
