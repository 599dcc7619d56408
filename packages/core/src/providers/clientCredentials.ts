import { checkKnownOptions, checkObject, checkText, checkUrl, optionalUrl, readingOptions } from '../checkOptions.js';
import { clientProof, type ClientAuthentication } from '../http/clientAuthentication.js';
import type { FailureClassifier } from '../http/readTokenAnswer.js';
import type { TokenTransport } from '../http/sendTokenRequest.js';
import { exchangeToken } from './exchangeToken.js';
import { revokeToken } from './revokeToken.js';
import type { TokenProvider } from './TokenProvider.js';

/** Options of {@link clientCredentials}. */
export interface ClientCredentialsOptions {
  /** The token endpoint, e.g. `https://passport.interswitchng.com/passport/oauth/token`. */
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  /** Sent as the form field `scope` when given (Passport accepts e.g. `profile`). */
  scope?: string;
  /**
   * How the client id and secret are sent; see {@link ClientAuthentication}. Passport's documented
   * ids and secrets (letters and digits) are the same bytes in both Basic forms.
   * @default 'client_secret_basic'
   */
  clientAuthentication?: ClientAuthentication;
  /** The RFC 7009 revocation endpoint: `logout()` then revokes the access token, best effort. */
  revocationUrl?: string;
}

const OPTIONS: ReadonlyArray<keyof ClientCredentialsOptions> = [
  'tokenUrl',
  'clientId',
  'clientSecret',
  'scope',
  'clientAuthentication',
  'revocationUrl',
];

// Passport answers a bad client with 401 (a Spring Boot error page, not OAuth JSON).
const classifyLogin: FailureClassifier = (status, error) =>
  error === undefined && (status === 401 || status === 403) ? 'invalid_client' : undefined;
// Renewing a token the client got before: only an OAuth answer says the client was refused; a bare
// 401 or 403 may be a proxy's page, and is retried.
const classifyRenewal: FailureClassifier = () => undefined;

/**
 * The OAuth2 client-credentials grant as Interswitch Passport documents it:
 * `Authorization: Basic base64(clientId + ":" + clientSecret)` and the form body
 * `grant_type=client_credentials`. There is no refresh token (one the server sends anyway is not
 * kept, RFC 6749 §4.4.3): the client asks for a new token before the old one expires.
 *
 * @example
 * ```ts
 * const client = createAuthClient({
 *   provider: clientCredentials({ tokenUrl, clientId: 'IKIA…', clientSecret: process.env.SECRET! }),
 * })
 * await client.login()
 * ```
 */
export function clientCredentials(options: ClientCredentialsOptions): TokenProvider<void> {
  return readingOptions('clientCredentials(options)', () => createClientCredentials(options));
}

function createClientCredentials(options: ClientCredentialsOptions): TokenProvider<void> {
  checkObject(options, 'clientCredentials(options)');
  checkKnownOptions(options, OPTIONS, 'clientCredentials(options)');
  const tokenUrl = checkUrl(options.tokenUrl, 'clientCredentials: options.tokenUrl');
  const clientId = checkText(options.clientId, 'clientCredentials: options.clientId');
  const clientSecret = checkText(options.clientSecret, 'clientCredentials: options.clientSecret');
  const scope = options.scope === undefined ? undefined : checkText(options.scope, 'clientCredentials: options.scope');
  const proof = clientProof(
    options.clientAuthentication ?? 'client_secret_basic',
    clientId,
    clientSecret,
    'clientCredentials: options.clientAuthentication',
  );
  const form = new URLSearchParams({ grant_type: 'client_credentials', ...proof.params });
  if (scope !== undefined) form.set('scope', scope);
  const body = form.toString();

  const grant = async (transport: TokenTransport, classify: FailureClassifier) => {
    const {
      grant: { refreshToken, ...result }, // never used: a new grant replaces the token
    } = await exchangeToken(
      transport,
      {
        url: tokenUrl,
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: '*/*', ...proof.headers },
        body,
        secrets: proof.secrets,
      },
      classify,
    );
    return result;
  };

  const revocationUrl = optionalUrl(options.revocationUrl, 'clientCredentials: options.revocationUrl');
  return {
    kind: 'clientCredentials',
    tokenUrl,
    clientId,
    login: (transport) => grant(transport, classifyLogin),
    refresh: (transport) => grant(transport, classifyRenewal),
    canRefresh: () => true,
    ...(revocationUrl && {
      revoke: (transport, { refreshToken, ...session }) =>
        revokeToken(transport, session, { url: revocationUrl, ...proof }),
    }),
  };
}
