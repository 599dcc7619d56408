import type { TokenGrant } from '../http/toTokenGrant.js';
import type { TokenTransport } from '../http/sendTokenRequest.js';
import type { Credentials, FxUser, Session } from '../types.js';

/** What a provider's login or refresh yields: a token grant, with a profile where the API sends one. */
export interface ProviderGrant extends TokenGrant {
  user?: FxUser;
}

/** What a provider logs in with: {@link Credentials} for a password API, `void` for client credentials. */
export type LoginCredentials = Credentials | void;

/**
 * Speaks one token API. Made by {@link freightExchange}, {@link clientCredentials} or
 * {@link jsonLogin}; the client decides when to call it and keeps one call at a time.
 */
export interface TokenProvider<TCredentials extends LoginCredentials = LoginCredentials> {
  /** A name for the API, also used to tell stored sessions apart. */
  readonly kind: 'freightExchange' | 'clientCredentials' | 'jsonLogin';
  /** The token endpoint. Its origin is the default authorized origin. */
  readonly tokenUrl: string;
  /** The OAuth client id, where the API has one: with `kind` and `tokenUrl`, it tells stored sessions apart. */
  readonly clientId?: string;
  /** Gets a first token. */
  login(transport: TokenTransport, credentials: TCredentials | undefined): Promise<ProviderGrant>;
  /** Gets a new token for `session`; only called when {@link TokenProvider.canRefresh} says so. */
  refresh(transport: TokenTransport, session: Session): Promise<ProviderGrant>;
  /** Whether this session can be extended without the user's password. */
  canRefresh(session: Session): boolean;
  /**
   * Revokes the session's refresh token, else its access token (RFC 7009), where the provider was
   * given a `revocationUrl`. Best effort: it never throws.
   */
  revoke?(transport: TokenTransport, session: Session): Promise<void>;
}
