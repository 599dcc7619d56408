import { checkKnownOptions, checkObject, checkUrl, optionalUrl, readingOptions } from '../checkOptions.js';
import { rejectsRefreshToken } from '../http/classifyFailure.js';
import type { FailureClassifier } from '../http/readTokenAnswer.js';
import type { TokenTransport } from '../http/sendTokenRequest.js';
import { exchangeToken } from './exchangeToken.js';
import { requireCredentials } from './requireCredentials.js';
import { revokeToken } from './revokeToken.js';
import type { Credentials } from '../types.js';
import type { TokenProvider } from './TokenProvider.js';

/** Options of {@link jsonLogin}. */
export interface JsonLoginOptions {
  /** The login endpoint, e.g. `https://api-dev.tingg.africa/api/v1/cas/authenticate`. */
  tokenUrl: string;
  /**
   * Where to exchange the refresh token: `POST {"refresh_token": "…"}` as JSON, answered like a
   * login. Without it the session ends when the token expires: the password is never kept.
   */
  refreshUrl?: string;
  /** An RFC 7009 revocation endpoint: `logout()` then revokes the refresh token (else the access token), best effort. */
  revocationUrl?: string;
}

const JSON_HEADERS = { 'Content-Type': 'application/json', Accept: 'application/json' };

const OPTIONS: ReadonlyArray<keyof JsonLoginOptions> = ['tokenUrl', 'refreshUrl', 'revocationUrl'];

// A bare 400, 401 or 403 is a wrong password; so is the seed's `invalid_request` "Invalid credentials"
// (status undocumented), but not an `invalid_request` such as "password is required". Any other
// OAuth error keeps its own code.
const REJECTED_CREDENTIALS = /\b(invalid|bad|wrong|incorrect)\s+(credentials|password|username)\b/i;
const classifyLogin: FailureClassifier = (status, error, description) => {
  if (error === undefined || error === 'invalid_grant') {
    return status === 400 || status === 401 || status === 403 ? 'invalid_credentials' : undefined;
  }
  return error === 'invalid_request' && REJECTED_CREDENTIALS.test(description) ? 'invalid_credentials' : undefined;
};
// Only an explicit rejection of the refresh token ends the session; a bare 401 may be a proxy's.
const classifyRefresh: FailureClassifier = (status, error) =>
  rejectsRefreshToken(status, error) ? 'session_expired' : undefined;

/**
 * A JSON login (the Cellulant CAS API): `POST {"username","password"}` as JSON, answered with
 * `access_token`, `expires_in` (a number or a numeric string) and, optionally, an opaque
 * `refresh_token`.
 *
 * @example
 * ```ts
 * const client = createAuthClient({
 *   provider: jsonLogin({ tokenUrl: 'https://api.example.com/api/v1/cas/authenticate' }),
 * })
 * ```
 */
export function jsonLogin(options: JsonLoginOptions): TokenProvider<Credentials> {
  return readingOptions('jsonLogin(options)', () => createJsonLogin(options));
}

function createJsonLogin(options: JsonLoginOptions): TokenProvider<Credentials> {
  checkObject(options, 'jsonLogin(options)');
  checkKnownOptions(options, OPTIONS, 'jsonLogin(options)');
  const tokenUrl = checkUrl(options.tokenUrl, 'jsonLogin: options.tokenUrl');
  const refreshUrl = optionalUrl(options.refreshUrl, 'jsonLogin: options.refreshUrl');
  const revocationUrl = optionalUrl(options.revocationUrl, 'jsonLogin: options.revocationUrl');

  const post = async (
    transport: TokenTransport,
    url: string,
    body: object,
    secrets: string[],
    classify: FailureClassifier,
  ) =>
    (await exchangeToken(transport, { url, headers: JSON_HEADERS, body: JSON.stringify(body), secrets }, classify))
      .grant;

  return {
    kind: 'jsonLogin',
    tokenUrl,
    async login(transport, credentials) {
      const { username, password } = requireCredentials(credentials);
      return post(transport, tokenUrl, { username, password }, [password], classifyLogin);
    },
    async refresh(transport, session) {
      const refreshToken = session.refreshToken ?? '';
      const secrets = [refreshToken, session.accessToken];
      return post(transport, refreshUrl ?? tokenUrl, { refresh_token: refreshToken }, secrets, classifyRefresh);
    },
    canRefresh: (session) => refreshUrl !== undefined && session.refreshToken !== undefined,
    ...(revocationUrl && {
      revoke: (transport, session) => revokeToken(transport, session, { url: revocationUrl }),
    }),
  };
}
