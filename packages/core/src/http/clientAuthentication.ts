import { invalidOption } from '../checkOptions.js';
import { encodeFormValue, toBase64 } from './encoding.js';

/**
 * How a client proves who it is at the token endpoint (RFC 6749 §2.3.1; the names are those of the
 * OAuth registry):
 * - `client_secret_basic`: `Authorization: Basic base64(id:secret)` with id and secret first
 *   form-encoded, as RFC 6749 requires (servers such as oidc-provider and Django OAuth Toolkit
 *   decode them).
 * - `client_secret_basic_unencoded`: the same without the form-encoding, for servers that do not
 *   decode (Spring's legacy filter, Doorkeeper, `@node-oauth/oauth2-server`).
 * - `client_secret_post`: `client_id` and `client_secret` as form parameters of the body.
 *
 * For ids and secrets made only of letters, digits and `-._~` both Basic forms are the same bytes.
 */
export type ClientAuthentication = 'client_secret_basic' | 'client_secret_basic_unencoded' | 'client_secret_post';

/** What a token request carries to authenticate the client. */
export interface ClientProof {
  headers: Record<string, string>;
  /** Form parameters to add to the body. */
  params: Record<string, string>;
  /** Every form in which the secret travels: never to be shown in an error. */
  secrets: string[];
}

/** Every {@link ClientAuthentication}, for option checks. */
export const CLIENT_AUTHENTICATIONS: readonly ClientAuthentication[] = [
  'client_secret_basic',
  'client_secret_basic_unencoded',
  'client_secret_post',
];

/**
 * The proof for `method`.
 *
 * @throws {AuthError} `invalid_options`, naming `option`, for an unknown method, or unencoded Basic
 * with a colon in the client id.
 */
export function clientProof(method: unknown, clientId: string, clientSecret: string, option: string): ClientProof {
  if (!CLIENT_AUTHENTICATIONS.includes(method as ClientAuthentication)) {
    throw invalidOption(option, `one of ${CLIENT_AUTHENTICATIONS.join(', ')}`);
  }
  if (method === 'client_secret_basic_unencoded' && clientId.includes(':')) {
    // RFC 7617 §2: the server would split the pair at the id's colon.
    throw invalidOption(
      option,
      "'client_secret_basic' (which encodes it) or 'client_secret_post' for a client id with a colon",
    );
  }
  if (method === 'client_secret_post') {
    return { headers: {}, params: { client_id: clientId, client_secret: clientSecret }, secrets: [clientSecret] };
  }
  const pair =
    method === 'client_secret_basic'
      ? `${encodeFormValue(clientId)}:${encodeFormValue(clientSecret)}`
      : `${clientId}:${clientSecret}`;
  const credentials = toBase64(pair);
  return { headers: { Authorization: `Basic ${credentials}` }, params: {}, secrets: [clientSecret, credentials] };
}
