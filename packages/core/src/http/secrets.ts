import { encodeFormValue, encodeQueryValue } from './encoding.js';

const REDACTED = '[redacted]';
const URL_QUERY = /(https?:\/\/[^\s?#'"]*)\?[^\s#'"]*/g;
const URL_CREDENTIALS = /(https?:\/\/)[^\s/?#'"@]*@/g;

/**
 * Removes every form of the given secrets (raw, URL-encoded, form-encoded, JSON-escaped), and the query string and
 * credentials of any URL, from `text`. FreightExchange puts the password in the token URL, so URLs never survive.
 */
export function scrubSecrets(text: string, secrets: readonly string[]): string {
  // Secrets first: a URL pattern stops at white space, which a password may contain.
  let scrubbed = text;
  for (const secret of secrets) {
    if (secret === '') continue;
    const encoded = encodeURIComponent(secret.toWellFormed()); // a lone surrogate would throw
    const forms = [secret, encodeQueryValue(secret), encodeFormValue(secret), encoded, encoded.replace(/%20/g, '+')];
    forms.push(JSON.stringify(secret).slice(1, -1)); // as a JSON body carries it
    forms.push(new URLSearchParams({ s: secret }).toString().slice(2)); // as URLSearchParams writes it
    for (const form of new Set(forms)) {
      scrubbed = scrubbed.split(form).join(REDACTED);
    }
  }
  return scrubbed.replace(URL_QUERY, '$1?[query redacted]').replace(URL_CREDENTIALS, '$1[credentials redacted]@');
}

/**
 * A secret-free stand-in for a low-level failure, to keep as an `AuthError`'s cause: the name, the
 * scrubbed message and, for Node's fetch, the socket error code (e.g. `ECONNREFUSED`).
 */
export function sanitizeCause(error: unknown, secrets: readonly string[]): Error {
  // A name is an identifier (TypeError, AbortError); anything else may carry what it was given.
  const name = error instanceof Error && /^\w{1,40}$/.test(error.name) ? error.name : 'Error';
  const message = error instanceof Error ? error.message : String(error);
  const inner = error instanceof Error ? (error.cause as { code?: unknown } | undefined) : undefined;
  const code = typeof inner?.code === 'string' ? ` (${inner.code})` : '';
  const cause = new Error(scrubSecrets(`${message}${code}`, secrets));
  cause.name = name;
  return cause;
}
