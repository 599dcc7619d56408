import type { FailureClassifier } from '../http/readTokenAnswer.js';
import type { TokenTransport } from '../http/sendTokenRequest.js';
import { exchangeToken } from './exchangeToken.js';
import { requireCredentials } from './requireCredentials.js';
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
}

const JSON_HEADERS = { 'Content-Type': 'application/json', Accept: 'application/json' };

const isRejection = (status: number): boolean => status === 400 || status === 401 || status === 403;
const classifyLogin: FailureClassifier = (status) => (isRejection(status) ? 'invalid_credentials' : undefined);
const classifyRefresh: FailureClassifier = (status) => (isRejection(status) ? 'session_expired' : undefined);

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
export function jsonLogin(options: JsonLoginOptions): TokenProvider {
  const { tokenUrl, refreshUrl } = options;

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
  };
}
