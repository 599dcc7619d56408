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

/** The shortest lifetime the client takes from a server, in seconds; a shorter one is raised to it. */
export const MIN_LIFETIME_SECONDS = 10;
/** The longest lifetime the client takes from a server (one year); a longer one is cut to it. */
export const MAX_LIFETIME_SECONDS = 365 * 24 * 60 * 60;
/**
 * The lifetime assumed when the answer says nothing of it (no `expires_in`, no readable JWT `exp`):
 * the client refreshes before it like before any expiry, and sooner on a 401.
 */
export const ASSUMED_LIFETIME_SECONDS = 60 * 60;

const NUMBER = /^\s*[+-]?(?:(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?|Infinity)\s*$/;

/**
 * Converts a token response: `expires_in` may be a number or a numeric string (the JSON-login seed
 * documents a string); without it, the access token's JWT `exp` claim is used, and without that
 * {@link ASSUMED_LIFETIME_SECONDS}. Any lifetime is clamped to {@link MIN_LIFETIME_SECONDS} …
 * {@link MAX_LIFETIME_SECONDS} (the least counted from when the answer arrived), so that a broken
 * or slow server can neither start a storm of token requests nor give a token that never expires.
 *
 * @throws {AuthError} `invalid_response` for a non-bearer token type.
 */
export function toTokenGrant(response: TokenResponse, requestedAt: number, receivedAt = requestedAt): TokenGrant {
  const tokenType = response.token_type;
  if (typeof tokenType === 'string' && tokenType.toLowerCase() !== 'bearer') {
    throw new AuthError('invalid_response', "The token endpoint's answer is not a bearer token.");
  }
  const lifetime =
    readSeconds(response.expires_in) ?? readJwtLifetime(response.access_token, requestedAt) ?? ASSUMED_LIFETIME_SECONDS;
  // Counted from the request (to err early), but never less than the least lifetime from its arrival.
  const least = MIN_LIFETIME_SECONDS + Math.max(0, receivedAt - requestedAt) / 1000;
  const expiresIn = Math.min(Math.max(lifetime, least), MAX_LIFETIME_SECONDS);
  const grant: TokenGrant = { accessToken: response.access_token, expiresIn, requestedAt };
  if (response.refresh_token) grant.refreshToken = response.refresh_token;
  const scope = Array.isArray(response.scope) ? response.scope.join(' ') : response.scope;
  if (typeof scope === 'string') grant.scope = scope;
  return grant;
}

function readSeconds(value: unknown): number | undefined {
  const seconds = typeof value === 'string' && NUMBER.test(value) ? Number(value) : value;
  return typeof seconds === 'number' && !Number.isNaN(seconds) ? seconds : undefined; // ±Infinity: clamped
}

function readJwtLifetime(token: string, now: number): number | undefined {
  const parts = token.split('.');
  if (parts.length !== 3 || parts[1] === undefined) return undefined;
  try {
    const claims = JSON.parse(atob(parts[1].replace(/-/g, '+').replace(/_/g, '/'))) as { exp?: unknown } | null;
    const exp = readSeconds(claims?.exp);
    return exp === undefined ? undefined : exp - now / 1000;
  } catch {
    return undefined;
  }
}
