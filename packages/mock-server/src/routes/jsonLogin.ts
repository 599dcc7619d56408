import { randomUUID } from 'node:crypto';
import { respond } from '../respond.js';
import type { MockUser } from '../types.js';
import { methodNotAllowed } from './methodNotAllowed.js';
import type { RouteContext } from './RouteContext.js';

/** The `iss` of JSON-login (CAS) access tokens; `/api/me` recognises them by it. */
export const CAS_ISSUER = 'http://cas-api.development:8080/';
const CAS_HEADER = { kid: 'cas-pk', alg: 'RS512' } as const;

function readJson(body: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(body);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : {};
  } catch {
    return {};
  }
}

/** The first of `names` that is not a non-empty string in `body`, if any. */
function missing(body: Record<string, unknown>, names: string[]): string | undefined {
  return names.find((name) => typeof body[name] !== 'string' || body[name] === '');
}

function missingParameter(context: RouteContext, name: string): void {
  respond(context.res, 400, { error: 'missing parameters', error_description: `${name} is required` });
}

function issue(context: RouteContext, user: MockUser): void {
  const { options, tokens, res } = context;
  const iat = Math.floor(options.now() / 1000);
  const lifetime = options.accessTokenLifetime;
  const jti = `${randomUUID()}${randomUUID()}`;
  const { profile, username } = user;
  const accessToken = tokens.sign(CAS_HEADER, {
    sub: profile.id ?? username,
    parent: profile.cmp_name ?? username,
    level: 'CUSTOMER',
    iss: CAS_ISSUER,
    utype: 'API',
    aud: 'MessagingPlatform',
    phone: profile.phone,
    name: username,
    client: profile.cmp_name ?? username,
    exp: iat + lifetime,
    iat,
    cust_id: Number.parseInt(profile.id ?? '', 10) || 1,
    jti,
    email: profile.email,
  });
  tokens.trackAccess(jti);
  respond(res, 200, {
    token_type: 'bearer',
    expires_in: options.jsonExpiresInAsString ? String(lifetime) : lifetime,
    access_token: accessToken,
    refresh_token: tokens.issueOpaque(username),
  });
}

/**
 * JSON login (Cellulant CAS) `POST /api/v1/cas/authenticate` with `{"username","password"}`: a JWT
 * access token (claims of the real RS512 tokens, signed HS256) and an opaque refresh token.
 */
export function jsonLoginAuthenticate(context: RouteContext): void {
  const { request, res, options } = context;
  if (request.method !== 'POST') return methodNotAllowed(res, request.method);
  const body = readJson(request.body);
  const absent = missing(body, ['username', 'password']);
  if (absent !== undefined) return missingParameter(context, absent);
  const user = options.users.find((u) => u.username === body.username && u.password === body.password);
  if (user === undefined) {
    return respond(res, 401, { error: 'invalid_request', error_description: 'Invalid credentials' });
  }
  issue(context, user);
}

/**
 * JSON login refresh `POST /api/v1/cas/refresh` with `{"refresh_token"}` (this mock's own design: the
 * real API documents none). Rotates: the answer carries a new refresh token and the old one is spent.
 */
export function jsonLoginRefresh(context: RouteContext): void {
  const { request, res, options, tokens } = context;
  if (request.method !== 'POST') return methodNotAllowed(res, request.method);
  const body = readJson(request.body);
  if (missing(body, ['refresh_token']) !== undefined) return missingParameter(context, 'refresh_token');
  const entry = tokens.takeOpaque(String(body.refresh_token));
  const user = entry && options.users.find((u) => u.username === entry.username);
  if (!user) return respond(res, 401, { error: 'invalid_token', error_description: 'Invalid refresh token' });
  issue(context, user);
}
