import { Buffer } from 'node:buffer';
import { randomUUID } from 'node:crypto';
import { formParameters } from '../formParameters.js';
import { SPRING_JWT_HEADER } from '../jwt.js';
import { parseScopes } from '../parseScopes.js';
import { oauthError, respond, SPRING_JSON, springBootError } from '../respond.js';
import { springExpiresIn } from '../springExpiresIn.js';
import type { MockClient } from '../types.js';
import { methodNotAllowed } from './methodNotAllowed.js';
import type { RouteContext } from './RouteContext.js';

/** The merchant fields Passport adds to its tokens and answers. */
const MERCHANT = { merchant_code: 'MX1234', requestor_id: '12345678901' } as const;
const AUDIENCE = ['isw-core', 'isw-payment-gateway', 'passport'];

/** `Authorization: Basic base64(id:secret)`, decoded as UTF-8 and split at the first colon. */
function basicCredentials(authorization: string | undefined): MockClient | null {
  const match = /^basic\s+(\S+)\s*$/i.exec(authorization ?? '');
  if (!match?.[1]) return null;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon < 0 ? null : { id: decoded.slice(0, colon), secret: decoded.slice(colon + 1) };
}

/**
 * Interswitch Passport `POST /passport/oauth/token` (Spring Security OAuth2): HTTP Basic client
 * authentication, the `client_credentials` grant (form body or query string), no refresh token.
 */
export function passportToken(context: RouteContext): void {
  const { request, res, options, tokens } = context;
  if (request.method !== 'POST') return methodNotAllowed(res, request.method);
  const client = options.passportClient;
  const given = basicCredentials(request.headers.authorization);
  if (given?.id !== client.id || given.secret !== client.secret) {
    return springBootError(res, {
      status: 401,
      error: 'Unauthorized',
      path: request.url.split('?')[0] ?? request.url,
      nowMs: options.now(),
      headers: { 'WWW-Authenticate': 'Basic realm="oauth2/client"' },
    });
  }
  const parameters = formParameters(request);
  const grantType = parameters.get('grant_type');
  if (!grantType) return oauthError(res, 400, 'invalid_request', 'Missing grant type');
  if (grantType !== 'client_credentials')
    return oauthError(res, 400, 'unsupported_grant_type', 'Unsupported grant type');

  const now = options.now();
  const scope = parseScopes(parameters.get('scope')) ?? ['profile'];
  const jti = randomUUID();
  const exp = Math.floor(now / 1000) + options.accessTokenLifetime;
  const claims = { aud: AUDIENCE, scope, ...MERCHANT, exp, client_id: client.id, jti };
  const accessToken = tokens.sign(SPRING_JWT_HEADER, claims);
  tokens.trackAccess(jti);
  const body = {
    access_token: accessToken,
    token_type: 'bearer',
    expires_in: springExpiresIn(exp, now),
    scope: scope.join(' '),
    client_logo: null,
    client_description: null,
    ...MERCHANT,
    jti,
  };
  respond(res, 200, JSON.stringify(body), {
    'Content-Type': SPRING_JSON,
    'Cache-Control': 'no-store',
    Pragma: 'no-cache',
  });
}
