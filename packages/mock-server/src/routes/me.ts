import type { JwtClaims } from '../jwt.js';
import { oauthError, respond } from '../respond.js';
import { CAS_ISSUER } from './jsonLogin.js';
import { methodNotAllowed } from './methodNotAllowed.js';
import type { RouteContext } from './RouteContext.js';

function invalidToken(context: RouteContext, description: string): void {
  oauthError(context.res, 401, 'invalid_token', description);
}

/** The `user` of `/api/me` for a token's claims: a user's profile, or the client for a Passport token. */
function principalOf(context: RouteContext, claims: JwtClaims): object | undefined {
  const { users } = context.options;
  if (typeof claims.user_name === 'string') return users.find((u) => u.username === claims.user_name)?.profile;
  if (claims.iss === CAS_ISSUER) return users.find((u) => u.username === claims.name)?.profile;
  if (typeof claims.client_id === 'string') return { client_id: claims.client_id };
  return undefined;
}

/**
 * The protected resource `GET /api/me`: needs `Authorization: Bearer <access token>` issued by this
 * server (any API), validly signed, unexpired and not revoked; answers `{"user","token_expires_at"}`.
 * Errors are Spring resource-server ones, which echo the token in `error_description`.
 */
export function me(context: RouteContext): void {
  const { request, res, options, tokens } = context;
  if (request.method !== 'GET') return methodNotAllowed(res, request.method);
  const token = /^bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '')?.[1];
  if (token === undefined) {
    const description = 'Full authentication is required to access this resource';
    const challenge = `Bearer error="unauthorized", error_description="${description}"`;
    return oauthError(res, 401, 'unauthorized', description, challenge);
  }
  const claims = tokens.verify(token);
  if (claims === null) return invalidToken(context, 'Cannot convert access token to JSON');
  if ('ati' in claims) return invalidToken(context, 'Encoded token is a refresh token');
  const { exp, jti } = claims;
  if (typeof jti !== 'string' || tokens.isAccessRevoked(jti))
    return invalidToken(context, `Invalid access token: ${token}`);
  if (typeof exp !== 'number' || options.now() >= exp * 1000)
    return invalidToken(context, `Access token expired: ${token}`);
  const user = principalOf(context, claims);
  if (user === undefined) return invalidToken(context, `Invalid access token: ${token}`);
  respond(res, 200, { user, token_expires_at: exp * 1000 });
}
