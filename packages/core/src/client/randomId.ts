/** A random id (128 bits, hex). `crypto.randomUUID` needs a secure context; `getRandomValues` does not. */
export function randomId(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
