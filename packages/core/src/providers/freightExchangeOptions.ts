import type { ClientAuthentication } from '../http/clientAuthentication.js';

/** Options of {@link freightExchange}. */
export interface FreightExchangeOptions {
  /**
   * The API host.
   * @default 'https://api.fx.demo.wktransportservices.com'
   */
  baseUrl?: string;
  /**
   * The token endpoint's path (later API revisions use `/user/token`).
   * @default '/oauth/token'
   */
  tokenPath?: string;
  /** @default 'freightexchange' */
  clientId?: string;
  /** @default 'secret' */
  clientSecret?: string;
  /** @default 'any' */
  scope?: string;
  /**
   * Where the grant's parameters (client id and secret, username, password, refresh token) go:
   * the query string, as the API documents, or an `application/x-www-form-urlencoded` body, which
   * Spring's token endpoint reads as well and which keeps the password out of URLs, proxy logs and
   * devtools. Prefer `'body'` where the server takes it.
   * @default 'query'
   */
  parameters?: 'query' | 'body';
  /**
   * How the client id and secret travel: with the grant's other parameters, as the API documents
   * (the query string, or the form body with `parameters: 'body'`, which is `client_secret_post`),
   * or in an `Authorization: Basic` header (see {@link ClientAuthentication}; Spring's legacy
   * filter does not form-decode, so it wants `'client_secret_basic_unencoded'`).
   * @default 'parameters'
   */
  clientAuthentication?: 'parameters' | ClientAuthentication;
  /**
   * An RFC 7009 revocation endpoint, where the server has one: `logout()` then revokes the refresh
   * token (with the same client authentication), best effort.
   */
  revocationUrl?: string;
}
