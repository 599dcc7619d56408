import * as z from 'zod/mini';
import { anyString, stringArray, stringWhere } from './valueSchemas.js';

const VISIBLE_ASCII = /^[\x21-\x7E]+$/;

/**
 * An access token that can go into an `Authorization` header: visible ASCII only (RFC 6750's
 * b64token is a subset). NUL, CR/LF, spaces or non-Latin-1 characters would make every API call
 * throw the browser's own error, with the token in its message. A refinement: zod's regex check
 * costs an app 290 bytes more (gzipped).
 */
export const headerSafeToken = stringWhere((token) => VISIBLE_ASCII.test(token));

/**
 * The fields of an OAuth2-style token response that the client checks; others pass through as they
 * are: `expires_in` (anything but a number or numeric string counts as absent) and `user` (the
 * provider checks it) among them.
 */
export const tokenResponseSchema = z.looseObject({
  access_token: headerSafeToken,
  token_type: z.optional(z.nullable(anyString)),
  refresh_token: z.optional(z.nullable(anyString)),
  scope: z.optional(z.nullable(z.union([anyString, stringArray]))),
});

/** A token response as validated by {@link tokenResponseSchema}. */
export type TokenResponse = z.infer<typeof tokenResponseSchema>;
