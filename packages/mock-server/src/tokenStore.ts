import { Buffer } from 'node:buffer';
import { randomBytes } from 'node:crypto';
import { signJwt, verifyJwt, type JwtClaims } from './jwt.js';
import type { ResolvedOptions } from './resolveOptions.js';

/** An opaque (JSON login) refresh token's record. */
export interface OpaqueRefresh {
  username: string;
  expiresAtMs: number;
}

/** Signing with the server's key, and the state of the tokens it issued. */
export interface TokenStore {
  /** Signs `claims` with this server's key. */
  sign(header: object, claims: JwtClaims): string;
  /** The claims of a JWT this server signed, else null. */
  verify(token: string): JwtClaims | null;
  /** Remembers an issued access token's `jti`, so `revokeAccess()` reaches it. */
  trackAccess(jti: string): void;
  /** Remembers an issued refresh token's `jti`, so `revokeRefresh()` reaches it. */
  trackRefresh(jti: string): void;
  isAccessRevoked(jti: string): boolean;
  isRefreshRevoked(jti: string): boolean;
  /** Issues an opaque refresh token: base64 of an 88-character base64 string of 64 random bytes. */
  issueOpaque(username: string): string;
  /** Takes (and so invalidates) an opaque refresh token; null when unknown, used, revoked or expired. */
  takeOpaque(token: string): OpaqueRefresh | null;
  revokeAccess(): void;
  revokeRefresh(): void;
  /** Revokes one refresh token (a rotated one, once used). */
  revokeRefreshToken(jti: string): void;
}

/** Creates the token state of one server. `options()` gives the current knobs (the signing key among them). */
export function createTokenStore(options: () => ResolvedOptions): TokenStore {
  const key = () => Buffer.from(options().signingKey, 'utf8');
  const issuedAccess = new Set<string>();
  const revokedAccess = new Set<string>();
  const issuedRefresh = new Set<string>();
  const revokedRefresh = new Set<string>();
  const opaque = new Map<string, OpaqueRefresh>();

  const revokeAll = (issued: Set<string>, revoked: Set<string>) => {
    for (const jti of issued) revoked.add(jti);
    issued.clear();
  };

  return {
    sign: (header, claims) => signJwt(header, claims, key()),
    verify: (token) => verifyJwt(token, key()),
    trackAccess: (jti) => void issuedAccess.add(jti),
    trackRefresh: (jti) => void issuedRefresh.add(jti),
    isAccessRevoked: (jti) => revokedAccess.has(jti),
    isRefreshRevoked: (jti) => revokedRefresh.has(jti),
    issueOpaque(username) {
      const inner = randomBytes(64).toString('base64');
      const token = Buffer.from(inner, 'utf8').toString('base64');
      const { now, refreshTokenLifetime } = options();
      opaque.set(token, { username, expiresAtMs: now() + refreshTokenLifetime * 1000 });
      return token;
    },
    takeOpaque(token) {
      const entry = opaque.get(token);
      if (entry === undefined) return null;
      opaque.delete(token);
      return options().now() < entry.expiresAtMs ? entry : null;
    },
    revokeAccess: () => revokeAll(issuedAccess, revokedAccess),
    revokeRefreshToken: (jti) => void revokedRefresh.add(jti),
    revokeRefresh() {
      revokeAll(issuedRefresh, revokedRefresh);
      opaque.clear();
    },
  };
}
