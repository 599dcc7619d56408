import { AuthError, isAuthError } from './AuthError.js';

/**
 * The error for a wrong option, thrown where the client or a provider is created: it names the
 * option and what it should be, never the value (which may be a secret).
 */
export function invalidOption(option: string, expected: string): AuthError {
  return new AuthError('invalid_options', `${option} must be ${expected}.`);
}

/** `value` as an absolute http(s) URL, or an `invalid_options` error naming `option`. */
export function checkUrl(value: unknown, option: string): string {
  let url: URL | undefined;
  try {
    url = typeof value === 'string' ? new URL(value) : undefined;
  } catch {
    url = undefined;
  }
  if (url?.protocol !== 'https:' && url?.protocol !== 'http:') {
    throw invalidOption(option, 'an absolute http(s) URL, e.g. "https://api.example.com"');
  }
  if (url.username !== '' || url.password !== '' || (value as string).includes('#')) {
    throw invalidOption(option, 'a URL without credentials or a #fragment');
  }
  return value as string;
}

/** `value` as an absolute http(s) URL when given, else `undefined`. */
export function optionalUrl(value: unknown, option: string): string | undefined {
  return value === undefined ? undefined : checkUrl(value, option);
}

/** `value` as a non-empty string, or an `invalid_options` error naming `option`. */
export function checkText(value: unknown, option: string): string {
  if (typeof value !== 'string' || value === '') throw invalidOption(option, 'a non-empty string');
  return value;
}

/** `value` as a number from `min` to `max`, or an `invalid_options` error naming `option`. */
export function checkNumber(value: unknown, option: string, min: number, max: number): number {
  if (typeof value !== 'number' || !(value >= min && value <= max)) {
    throw invalidOption(option, `a number from ${min} to ${max}`);
  }
  return value;
}

/** Throws an `invalid_options` error naming `option` unless `value` is an object (or absent, when `optional`). */
export function checkObject(value: unknown, option: string, optional = false): void {
  if (optional && value === undefined) return;
  if (typeof value !== 'object' || value === null) throw invalidOption(option, 'an object');
}

const OPTION_NAME = /^[A-Za-z][A-Za-z0-9]{0,39}$/;

/**
 * Throws an `invalid_options` error for a key of `options` that is not in `known`: a misspelt
 * option would otherwise be ignored, and a default used in its place (a token URL, say). The key is
 * named only when it looks like an option name.
 */
export function checkKnownOptions(options: object | undefined, known: readonly string[], where: string): void {
  for (const key of Object.keys(options ?? {})) {
    if (known.includes(key)) continue;
    const named = OPTION_NAME.test(key) ? `"${key}"` : 'a key';
    throw new AuthError('invalid_options', `${where}: ${named} is not an option; the options are ${known.join(', ')}.`);
  }
}

/**
 * Runs `read`, which reads a caller's options: whatever it throws that is not already an
 * `AuthError` (a throwing getter, a revoked Proxy) becomes `invalid_options`, without its message.
 */
export function readingOptions<T>(where: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (isAuthError(error)) throw error;
    throw new AuthError('invalid_options', `${where}: the options could not be read.`);
  }
}
