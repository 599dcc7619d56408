import type { KyInstance, Options as KyOptions } from 'ky';
import type { SnapshotListener } from './client/snapshotStore.js';
import type { LoginCredentials, TokenProvider } from './providers/TokenProvider.js';
import type { AuthSnapshot, Credentials, Session, SessionStorage } from './types.js';

/** Options of {@link createAuthClient}. */
export interface AuthClientOptions<TCredentials extends LoginCredentials = LoginCredentials> {
  /** The token API: {@link freightExchange}, {@link clientCredentials} or {@link jsonLogin}. */
  provider: TokenProvider<TCredentials>;
  /**
   * Where the session is kept.
   * @default memoryStorage()
   */
  storage?: SessionStorage;
  /**
   * Seconds before expiry to refresh the token; never more than half the token's lifetime.
   * @default 60
   */
  refreshLeeway?: number;
  /**
   * Origins (or URLs) whose requests through `client.ky` get the token.
   * @default the token endpoint's origin
   */
  authorizedOrigins?: readonly string[];
  /**
   * Milliseconds for one token request, answer body included; also the longest wait for the
   * refresh lock that tabs sharing a storage take turns with.
   * @default 10000
   */
  timeout?: number;
  /** A `fetch` to use instead of the global one, passed to ky. */
  fetch?: KyOptions['fetch'];
}

/** Options of {@link AuthClient.getAccessToken}. */
export interface GetAccessTokenOptions {
  /** Get a new token even if the current one is still fresh. */
  forceRefresh?: boolean;
}

/**
 * What `login()` takes: `[credentials]` for a password provider, nothing for client credentials,
 * and optional credentials where the provider is not known.
 */
export type LoginArguments<TCredentials extends LoginCredentials> = [TCredentials] extends [void]
  ? []
  : void extends TCredentials
    ? [credentials?: Credentials]
    : [credentials: TCredentials];

/**
 * A bearer-token client. Made by {@link createAuthClient}; its methods work when passed bare.
 * `TCredentials` is what its provider logs in with: {@link Credentials} for password providers,
 * `void` for client credentials.
 */
export interface AuthClient<TCredentials extends LoginCredentials = LoginCredentials> {
  /**
   * Starts a new session, replacing any current one. Password providers need `credentials`; the
   * client-credentials provider takes none. The password is sent once and never kept.
   * @throws {AuthError} `invalid_credentials`, `invalid_client`, `network`, `timeout`, `server`,
   * `invalid_response`; `no_session` when `logout()` or another `login()` came first.
   */
  login(this: void, ...credentials: LoginArguments<TCredentials>): Promise<Session>;
  /** Ends the session and clears the storage. Anything still running cannot bring it back. */
  logout(this: void): Promise<void>;
  /**
   * A valid access token, refreshed first when it is within the refresh leeway (or forced). A
   * failed refresh that is not a rejection still yields the current token while it is valid.
   * @throws {AuthError} `no_session`, `session_expired`, or the refresh's failure.
   */
  getAccessToken(this: void, options?: GetAccessTokenOptions): Promise<string>;
  /**
   * Gets a new token now. Concurrent calls share one request.
   * @throws {AuthError} `session_expired` (the refresh token was rejected, or there is none), a
   * transient failure (the session is kept and the client retries with backoff), `no_session`.
   */
  refresh(this: void): Promise<Session>;
  /** The current state: the same object until something changes. */
  getSnapshot(this: void): AuthSnapshot;
  /** Calls `listener` once per change; returns the unsubscribe function. */
  subscribe(this: void, listener: SnapshotListener): () => void;
  /** A ky instance that sends the token to authorized origins and retries a 401 once. */
  readonly ky: KyInstance;
  /** The provider this client speaks to. */
  readonly provider: TokenProvider<TCredentials>;
  /** Stops timers and listeners and drops in-flight work; the stored session stays for next time. */
  destroy(this: void): void;
}
