import { Buffer } from 'node:buffer';
import { createHmac, timingSafeEqual } from 'node:crypto';

/** The decoded payload of a JWT. */
export type JwtClaims = Record<string, unknown>;

/** Spring's `JwtHelper` header, byte for byte: base64url `eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9`. */
export const SPRING_JWT_HEADER = { alg: 'HS256', typ: 'JWT' } as const;

function encodePart(value: object): string {
  return Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
}

function signature(signingInput: string, secret: Buffer): Buffer {
  return createHmac('sha256', secret).update(signingInput, 'utf8').digest();
}

/**
 * Encodes `claims` as a compact JWT signed with HMAC-SHA256, whatever `header.alg` says (the JSON
 * login mock keeps the look of its real RS512 tokens).
 */
export function signJwt(header: object, claims: JwtClaims, secret: Buffer): string {
  const signingInput = `${encodePart(header)}.${encodePart(claims)}`;
  return `${signingInput}.${signature(signingInput, secret).toString('base64url')}`;
}

/**
 * The claims of `token` when it is a compact JWT whose HMAC-SHA256 signature matches `secret` and
 * whose payload is a JSON object; otherwise null (garbage, tampered or foreign tokens).
 */
export function verifyJwt(token: string, secret: Buffer): JwtClaims | null {
  const parts = token.split('.');
  if (parts.length !== 3) return null;
  const [header = '', payload = '', signed = ''] = parts;
  const expected = signature(`${header}.${payload}`, secret);
  const actual = Buffer.from(signed, 'base64url');
  if (actual.toString('base64url') !== signed) return null; // Buffer skips characters it cannot read
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) return null;
  try {
    const claims: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    if (typeof claims !== 'object' || claims === null || Array.isArray(claims)) return null;
    return claims as JwtClaims;
  } catch {
    return null;
  }
}
