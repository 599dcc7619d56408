import { sendTokenRequest, type TokenTransport } from '../http/sendTokenRequest.js';
import type { Session } from '../types.js';

/** How a provider reaches its revocation endpoint: its URL and its client authentication. */
export interface Revocation {
  url: string;
  /** Form parameters that authenticate the client (`client_id`, `client_secret`), if any. */
  params?: Record<string, string>;
  /** Headers that authenticate the client (`Authorization: Basic …`), if any. */
  headers?: Record<string, string>;
  /** What must never be shown: the client secret in every form it travels. */
  secrets?: readonly string[];
}

/**
 * Revokes a session's refresh token, else its access token (RFC 7009: a form POST of `token` and
 * `token_type_hint`). Best effort: the answer is not read, and nothing is ever thrown.
 */
export async function revokeToken(transport: TokenTransport, session: Session, revocation: Revocation): Promise<void> {
  const [token, hint] = session.refreshToken
    ? [session.refreshToken, 'refresh_token']
    : [session.accessToken, 'access_token'];
  const body = new URLSearchParams({ token, token_type_hint: hint, ...revocation.params }).toString();
  try {
    await sendTokenRequest(transport, {
      url: revocation.url,
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...revocation.headers },
      body,
      secrets: [token, session.accessToken, ...(revocation.secrets ?? [])],
    });
  } catch {
    // A logout never fails for it: the server may not know the token any more, or be unreachable.
  }
}
