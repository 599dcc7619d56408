import { checkObject, checkText, checkUrl } from '../checkOptions.js';
import { toBase64 } from '../http/encoding.js';
import type { FailureClassifier } from '../http/readTokenAnswer.js';
import { exchangeToken } from './exchangeToken.js';
import type { TokenProvider } from './TokenProvider.js';

/** Options of {@link clientCredentials}. */
export interface ClientCredentialsOptions {
  /** The token endpoint, e.g. `https://passport.interswitchng.com/passport/oauth/token`. */
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  /** Sent as the form field `scope` when given (Passport accepts e.g. `profile`). */
  scope?: string;
}

// Passport answers a bad client with 401 (a Spring Boot error page, not OAuth JSON).
const classify: FailureClassifier = (status) => (status === 401 || status === 403 ? 'invalid_client' : undefined);

/**
 * The OAuth2 client-credentials grant as Interswitch Passport documents it:
 * `Authorization: Basic base64(clientId + ":" + clientSecret)` and the form body
 * `grant_type=client_credentials`. There is no refresh token: the client asks for a new token
 * before the old one expires.
 *
 * @example
 * ```ts
 * const client = createAuthClient({
 *   provider: clientCredentials({ tokenUrl, clientId: 'IKIA…', clientSecret: process.env.SECRET! }),
 * })
 * await client.login()
 * ```
 */
export function clientCredentials(options: ClientCredentialsOptions): TokenProvider {
  checkObject(options, 'clientCredentials(options)');
  const tokenUrl = checkUrl(options.tokenUrl, 'clientCredentials: options.tokenUrl');
  const clientId = checkText(options.clientId, 'clientCredentials: options.clientId');
  const clientSecret = checkText(options.clientSecret, 'clientCredentials: options.clientSecret');
  const scope = options.scope === undefined ? undefined : checkText(options.scope, 'clientCredentials: options.scope');
  const basic = `Basic ${toBase64(`${clientId}:${clientSecret}`)}`;
  const form = new URLSearchParams({ grant_type: 'client_credentials' });
  if (scope !== undefined) form.set('scope', scope);
  const body = form.toString();

  const grant: TokenProvider['login'] = async (transport) => {
    const { grant: result } = await exchangeToken(
      transport,
      {
        url: tokenUrl,
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: '*/*', Authorization: basic },
        body,
        secrets: [clientSecret, basic.slice('Basic '.length)],
      },
      classify,
    );
    return result;
  };

  return {
    kind: 'clientCredentials',
    tokenUrl,
    clientId,
    login: grant,
    refresh: (transport) => grant(transport, undefined),
    canRefresh: () => true,
  };
}
