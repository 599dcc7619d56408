import { AuthError } from '../AuthError.js';
import {
  checkKnownOptions,
  checkObject,
  checkText,
  checkUrl,
  invalidOption,
  optionalUrl,
  readingOptions,
} from '../checkOptions.js';
import { rejectsRefreshToken } from '../http/classifyFailure.js';
import { CLIENT_AUTHENTICATIONS, clientProof } from '../http/clientAuthentication.js';
import { encodeQueryValue } from '../http/encoding.js';
import type { FailureClassifier } from '../http/readTokenAnswer.js';
import type { TokenTransport } from '../http/sendTokenRequest.js';
import { exchangeToken } from './exchangeToken.js';
import { fxUserWireSchema, toFxUser } from './fxUserSchema.js';
import { requireCredentials } from './requireCredentials.js';
import { revokeToken } from './revokeToken.js';
import type { FreightExchangeOptions } from './freightExchangeOptions.js';
import type { Credentials } from '../types.js';
import type { ProviderGrant, TokenProvider } from './TokenProvider.js';

export type { FreightExchangeOptions } from './freightExchangeOptions.js';

const DEFAULT_BASE_URL = 'https://api.fx.demo.wktransportservices.com';

// Spring Security OAuth2: a wrong password is 400 invalid_grant, a bad client 401 invalid_client.
const classifyLogin: FailureClassifier = (status, error) => {
  if (error === 'invalid_grant') return 'invalid_credentials';
  return error === undefined && (status === 401 || status === 403) ? 'invalid_client' : undefined;
};

// A garbage, expired or foreign refresh token is 401 invalid_token or 400 invalid_grant.
const classifyRefresh: FailureClassifier = (status, error) =>
  rejectsRefreshToken(status, error) ? 'session_expired' : undefined;

const OPTIONS: ReadonlyArray<keyof FreightExchangeOptions> = [
  'baseUrl',
  'tokenPath',
  'clientId',
  'clientSecret',
  'scope',
  'parameters',
  'clientAuthentication',
  'revocationUrl',
];
/** How messages name an option. */
const optionName = (name: keyof FreightExchangeOptions): string => `freightExchange: options.${name}`;
const CLIENT_METHODS = ['parameters', ...CLIENT_AUTHENTICATIONS] as const;

/**
 * The FreightExchange (Teleroute) password grant: a `POST` with every parameter in the query string,
 * `Accept: application/json` and no body, as the API documents it (`parameters: 'body'` moves them
 * to a form body). The answer carries the user profile. Refresh uses `grant_type=refresh_token` on
 * the same endpoint.
 *
 * @example
 * ```ts
 * const client = createAuthClient({ provider: freightExchange() })
 * await client.login({ username: 'demo', password: 'demo' })
 * ```
 */
export function freightExchange(options: FreightExchangeOptions = {}): TokenProvider<Credentials> {
  return readingOptions('freightExchange(options)', () => createFreightExchange(options));
}

function createFreightExchange(options: FreightExchangeOptions): TokenProvider<Credentials> {
  checkObject(options, 'freightExchange(options)', true);
  checkKnownOptions(options, OPTIONS, 'freightExchange(options)');
  const given = (name: keyof FreightExchangeOptions, fallback: string): string =>
    options[name] === undefined ? fallback : checkText(options[name], optionName(name));
  const baseUrl = checkUrl(given('baseUrl', DEFAULT_BASE_URL), optionName('baseUrl')).replace(/\/+$/, '');
  if (baseUrl.includes('?')) throw invalidOption(optionName('baseUrl'), 'a URL without a query');
  const tokenPath = given('tokenPath', '/oauth/token');
  if (/[?#\s]|^\/\/|:\/\//.test(tokenPath)) {
    throw invalidOption(
      optionName('tokenPath'),
      'a path on baseUrl (e.g. "/oauth/token"), without a host, query, fragment or spaces',
    );
  }
  const tokenUrl = `${baseUrl}${tokenPath.startsWith('/') ? '' : '/'}${tokenPath}`;
  const clientId = given('clientId', 'freightexchange');
  const clientSecret = given('clientSecret', 'secret');
  const scope = given('scope', 'any');
  const inBody = options.parameters === 'body';
  if (!inBody && options.parameters !== undefined && options.parameters !== 'query') {
    throw invalidOption(optionName('parameters'), "'query' or 'body'");
  }
  const method = options.clientAuthentication ?? 'parameters';
  const option = optionName('clientAuthentication');
  if (!CLIENT_METHODS.includes(method)) throw invalidOption(option, `one of ${CLIENT_METHODS.join(', ')}`);
  if (method === 'client_secret_post' && !inBody) {
    // RFC 6749 §2.3.1: a client secret in a form parameter goes in the body, never in the URL.
    throw invalidOption(option, "'parameters' (the API's query string) unless parameters is 'body'");
  }
  // 'parameters' carries the client as client_secret_post does; only where they go differs (query or body).
  const proof = clientProof(method === 'parameters' ? 'client_secret_post' : method, clientId, clientSecret, option);
  const client = Object.entries(proof.params);
  const revocationUrl = optionalUrl(options.revocationUrl, optionName('revocationUrl'));

  async function post(
    transport: TokenTransport,
    params: ReadonlyArray<readonly [string, string]>,
    secrets: readonly string[],
    classify: FailureClassifier,
  ): Promise<ProviderGrant> {
    const encoded = params.map(([name, value]) => `${name}=${encodeQueryValue(value)}`).join('&');
    const headers = { Accept: 'application/json', 'Cache-Control': 'no-cache', ...proof.headers };
    const request = inBody
      ? { url: tokenUrl, headers: { ...headers, 'Content-Type': 'application/x-www-form-urlencoded' }, body: encoded }
      : { url: `${tokenUrl}?${encoded}`, headers };
    const { response, grant } = await exchangeToken(
      transport,
      { ...request, secrets: [...proof.secrets, ...secrets] },
      classify,
    );
    if (response.user === undefined || response.user === null) return grant;
    const user = fxUserWireSchema.safeParse(response.user);
    if (!user.success) {
      throw new AuthError('invalid_response', "The token endpoint's answer has a malformed user profile.", {
        status: 200,
      });
    }
    return { ...grant, user: toFxUser(user.data) };
  }

  return {
    kind: 'freightExchange',
    tokenUrl,
    clientId,
    async login(transport, credentials) {
      const { username, password } = requireCredentials(credentials);
      const params = [
        ...client,
        ['scope', scope],
        ['grant_type', 'password'],
        ['username', username],
        ['password', password],
      ] as const;
      return post(transport, params, [password], classifyLogin);
    },
    async refresh(transport, session) {
      const refreshToken = session.refreshToken ?? '';
      const params = [...client, ['grant_type', 'refresh_token'], ['refresh_token', refreshToken]] as const;
      return post(transport, params, [refreshToken, session.accessToken], classifyRefresh);
    },
    canRefresh: (session) => session.refreshToken !== undefined,
    ...(revocationUrl && {
      revoke: (transport, session) => revokeToken(transport, session, { url: revocationUrl, ...proof }),
    }),
  };
}
