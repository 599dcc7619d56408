/**
 * Percent-encodes a query-string value strictly (RFC 3986 unreserved characters only), so that any
 * password arrives byte for byte. Lone surrogates, which have no UTF-8 form, become U+FFFD as they
 * would in a fetch body.
 */
export function encodeQueryValue(value: string): string {
  return encodeURIComponent(value.toWellFormed()).replace(
    /[!'()*]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/**
 * `application/x-www-form-urlencoded` encoding of one value as RFC 6749 Appendix B asks: every byte
 * but letters, digits and `-._~` percent-encoded, a space as `+`.
 */
export function encodeFormValue(value: string): string {
  return encodeQueryValue(value).replace(/%20/g, '+');
}

/** Base64 of the UTF-8 bytes of `text` (`btoa` alone only takes Latin-1). */
export function toBase64(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}
