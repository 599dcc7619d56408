import { AuthError } from '../AuthError.js';
import type { TokenResponse } from './tokenResponseSchema.js';

/** A validated token response, in the client's terms. */
export interface TokenGrant {
  accessToken: string;
  /** Seconds until the access token expires, counted from {@link TokenGrant.requestedAt}. */
  expiresIn: number;
  /** When the request was sent (epoch ms): the lifetime is counted from here, to err early. */
  requestedAt: number;
  refreshToken?: string;
  scope?: string;
}

const NUMERIC = /^\s*\d+(?:\.\d+)?\s*$/;

/**
 * Converts a token response: `expires_in` may be a number or a numeric string (the JSON-login seed
 * documents a string); without it, the access token's JWT `exp` claim is used.
 *
 * @throws {AuthError} `invalid_response` for a non-bearer token type or an unknown lifetime.
 */
export function toTokenGrant(response: TokenResponse, requestedAt: number): TokenGrant {
  const tokenType = response.token_type;
  if (typeof tokenType === 'string' && tokenType.toLowerCase() !== 'bearer') {
    throw invalid('is not a bearer token');
  }
  const expiresIn = readExpiresIn(response.expires_in) ?? readJwtLifetime(response.access_token, requestedAt);
  if (expiresIn === undefined) throw invalid('has no usable expires_in');
  const grant: TokenGrant = { accessToken: response.access_token, expiresIn, requestedAt };
  if (response.refresh_token) grant.refreshToken = response.refresh_token;
  const scope = Array.isArray(response.scope) ? response.scope.join(' ') : response.scope;
  if (typeof scope === 'string') grant.scope = scope;
  return grant;
}

function readExpiresIn(value: number | string | null | undefined): number | undefined {
  const seconds = typeof value === 'string' && NUMERIC.test(value) ? Number(value) : value;
  return typeof seconds === 'number' && Number.isFinite(seconds) && seconds > 0 ? seconds : undefined;
}

function readJwtLifetime(token: string, now: number): number | undefined {
  const payload = token.split('.')[1];
  if (token.split('.').length !== 3 || payload === undefined) return undefined;
  try {
    const claims = JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/'))) as { exp?: unknown };
    return typeof claims.exp === 'number' ? readExpiresIn(claims.exp - now / 1000) : undefined;
  } catch {
    return undefined;
  }
}

function invalid(reason: string): AuthError {
  return new AuthError('invalid_response', `The token endpoint's answer ${reason}.`);
}
