import { randomUUID } from 'node:crypto';
import { formParameters } from '../formParameters.js';
import { SPRING_JWT_HEADER, type JwtClaims } from '../jwt.js';
import { parseScopes } from '../parseScopes.js';
import { oauthError, respond, SPRING_JSON } from '../respond.js';
import { springExpiresIn } from '../springExpiresIn.js';
import type { MockClient, MockUser } from '../types.js';
import { methodNotAllowed } from './methodNotAllowed.js';
import type { RouteContext } from './RouteContext.js';

const BAD_CLIENT = 'Bad client credentials';

/** The refresh token to hand out with a new access token: kept (Spring's reuse) or new. */
interface RefreshPlan {
  jti: string;
  exp: number;
  scope: string[];
}

function issueTokens(context: RouteContext, user: MockUser, client: MockClient, scope: string[], refresh: RefreshPlan) {
  const { options, tokens, res } = context;
  const now = options.now();
  const jti = randomUUID();
  const exp = Math.floor(now / 1000) + options.accessTokenLifetime;
  const base = { user_name: user.username };
  const accessToken = tokens.sign(SPRING_JWT_HEADER, { ...base, scope, exp, jti, client_id: client.id });
  const refreshClaims: JwtClaims = { ...base, scope: refresh.scope, ati: jti, exp: refresh.exp, jti: refresh.jti };
  const refreshToken = tokens.sign(SPRING_JWT_HEADER, { ...refreshClaims, client_id: client.id });
  tokens.trackAccess(jti);
  tokens.trackRefresh(refresh.jti);
  const body = {
    access_token: accessToken,
    token_type: 'bearer',
    refresh_token: refreshToken,
    expires_in: springExpiresIn(exp, now),
    scope: scope.join(' '),
    user: user.profile,
    jti,
  };
  respond(res, 200, JSON.stringify(body), {
    'Content-Type': SPRING_JSON,
    'Cache-Control': 'no-store',
    Pragma: 'no-cache',
  });
}

function newRefresh(context: RouteContext, scope: string[]): RefreshPlan {
  const { now, refreshTokenLifetime } = context.options;
  return { jti: randomUUID(), exp: Math.floor(now() / 1000) + refreshTokenLifetime, scope };
}

function passwordGrant(context: RouteContext, parameters: Map<string, string>, client: MockClient): void {
  const username = parameters.get('username');
  const password = parameters.get('password');
  const user = context.options.users.find((u) => u.username === username && u.password === password);
  if (username === undefined || password === undefined || user === undefined) {
    return oauthError(context.res, 400, 'invalid_grant', 'Bad credentials');
  }
  const scope = parseScopes(parameters.get('scope')) ?? ['any'];
  issueTokens(context, user, client, scope, newRefresh(context, scope));
}

const stringArray = (value: unknown): string[] | null =>
  Array.isArray(value) && value.every((item) => typeof item === 'string') ? value : null;

function refreshGrant(context: RouteContext, parameters: Map<string, string>, client: MockClient): void {
  const { res, options, tokens } = context;
  const value = parameters.get('refresh_token');
  if (!value) return oauthError(res, 400, 'invalid_request', 'refresh_token parameter not provided');
  const claims = tokens.verify(value);
  if (claims === null) return oauthError(res, 401, 'invalid_token', 'Cannot convert access token to JSON');
  if (!('ati' in claims)) return oauthError(res, 401, 'invalid_token', 'Encoded token is not a refresh token');
  if (claims.client_id !== client.id) {
    return oauthError(res, 400, 'invalid_grant', `Wrong client for this refresh token: ${value}`);
  }
  const { exp, jti } = claims;
  if (
    typeof exp !== 'number' ||
    typeof jti !== 'string' ||
    options.now() >= exp * 1000 ||
    tokens.isRefreshRevoked(jti)
  ) {
    return oauthError(res, 401, 'invalid_token', `Invalid refresh token (expired): ${value}`);
  }
  const user = options.users.find((u) => u.username === claims.user_name);
  if (user === undefined) return oauthError(res, 400, 'invalid_grant', 'Bad credentials');
  const granted = stringArray(claims.scope) ?? ['any'];
  const requested = parseScopes(parameters.get('scope'));
  if (requested !== null && !requested.every((scope) => granted.includes(scope))) {
    const message = `Unable to narrow the scope of the client authentication to [${requested.join(', ')}].`;
    return oauthError(res, 400, 'invalid_scope', message);
  }
  // Rotation spends the refresh token: a second use is refused as a revoked one is.
  if (options.rotateRefreshTokens) tokens.revokeRefreshToken(jti);
  const refresh = options.rotateRefreshTokens ? newRefresh(context, granted) : { jti, exp, scope: granted };
  issueTokens(context, user, client, requested ?? granted, refresh);
}

/**
 * FreightExchange `POST /oauth/token` and `/user/token`, as Spring Security OAuth2 answers them:
 * parameters from the query string and a form body, client authentication by `client_id` and
 * `client_secret` parameters, the `password` and `refresh_token` grants, HS256 JWTs.
 */
export function freightExchangeToken(context: RouteContext): void {
  const { request, res, options } = context;
  if (request.method !== 'POST') return methodNotAllowed(res, request.method);
  const parameters = formParameters(request);
  const client = options.fxClient;
  if (parameters.get('client_id') !== client.id || parameters.get('client_secret') !== client.secret) {
    const challenge = `Form realm="oauth2/client", error="invalid_client", error_description="${BAD_CLIENT}"`;
    return oauthError(res, 401, 'invalid_client', BAD_CLIENT, challenge);
  }
  const grantType = parameters.get('grant_type');
  if (!grantType) return oauthError(res, 400, 'invalid_request', 'Missing grant type');
  if (grantType === 'password') return passwordGrant(context, parameters, client);
  if (grantType === 'refresh_token') return refreshGrant(context, parameters, client);
  oauthError(res, 400, 'unsupported_grant_type', 'Unsupported grant type');
}
