import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * Which API a request was addressed to.
 *
 * - `fx-token`: FreightExchange `POST /oauth/token` or `/user/token` (password and refresh grants).
 * - `passport-token`: Passport `POST /passport/oauth/token` (client credentials).
 * - `json-login`: JSON login `POST /api/v1/cas/authenticate`.
 * - `json-refresh`: JSON login refresh `POST /api/v1/cas/refresh` (this mock's own choice).
 * - `me`: the protected resource `GET /api/me`.
 * - `other`: a path the server does not serve (answered 404) and every CORS preflight (`OPTIONS`),
 *   so that preflights neither count as token requests nor use up injected faults.
 */
export type MockApi = 'fx-token' | 'passport-token' | 'json-login' | 'json-refresh' | 'me' | 'other';

/**
 * A failure the server plays instead of its normal answer; see {@link MockTokenServer.inject}.
 *
 * - `status`: a raw answer with this status, body (default empty), content type (default none) and headers.
 * - `html`: an HTML error page (`text/html`) as a proxy would send it, status 502 by default.
 * - `truncated`: 200 `application/json` whose body is a valid token response cut in half.
 * - `wrong-shape`: 200 JSON that is not a token response (`{"status":"ok","data":{}}`).
 * - `drop`: the socket is destroyed without an answer.
 * - `hang`: no answer ever (the connection stays open until the server closes).
 * - `hang-body`: 200 headers and part of a body, never finished.
 * - `delay`: the normal answer, after `ms` milliseconds.
 */
export type Fault =
  | { type: 'status'; status: number; body?: string; contentType?: string; headers?: Record<string, string> }
  | { type: 'html'; status?: number }
  | { type: 'truncated' }
  | { type: 'wrong-shape' }
  | { type: 'drop' }
  | { type: 'hang' }
  | { type: 'hang-body' }
  | { type: 'delay'; ms: number };

/** Options of {@link MockTokenServer.inject}. */
export interface InjectOptions {
  /**
   * How many of the next requests to the API get the fault.
   * @default 1
   */
  times?: number;
}

/**
 * The `user` object of a FreightExchange token response, as on the wire (seed key order). Every value
 * is a string, except `fax` (may be null) and `sp_langs` (spoken languages).
 */
export interface FxUserWire {
  fname: string;
  a_uplft_init: string;
  cmp_post_code: string;
  login: string;
  cmp_name: string;
  cmp_id: string;
  lname: string;
  phone: string;
  a_uplft_cnt: string;
  id: string;
  bus_id: string;
  fax: string | null;
  lang: string;
  email: string;
  sp_langs: string[];
  a_uplft: string;
}

/** A user the server accepts. The profile is sent as given, so fields may be left out to test that. */
export interface MockUser {
  username: string;
  password: string;
  /** Sent as the FreightExchange `user` object and by `GET /api/me`. */
  profile: Partial<FxUserWire>;
}

/** An OAuth client's id and secret. */
export interface MockClient {
  id: string;
  secret: string;
}

/** The server's knobs; all optional. Change them at runtime with {@link MockTokenServer.set}. */
export interface MockServerOptions {
  /**
   * Access-token lifetime in seconds. Spring-style answers report one second less in `expires_in`.
   * @default 3600
   */
  accessTokenLifetime?: number;
  /**
   * Refresh-token lifetime in seconds.
   * @default 2592000 (30 days)
   */
  refreshTokenLifetime?: number;
  /**
   * Milliseconds to wait before answering a token request (not `/api/me`). Uses `setTimeout`.
   * @default 0
   */
  latency?: number;
  /**
   * The accepted users.
   * @default the users `demo`/`demo` and `alice`/`p@ss w0rd&=?+%` (see `defaultUsers()`)
   */
  users?: MockUser[];
  /**
   * The FreightExchange client.
   * @default { id: 'freightexchange', secret: 'secret' }
   */
  fxClient?: MockClient;
  /**
   * The Passport client.
   * @default { id: 'demo-client', secret: 'demo-secret' }
   */
  passportClient?: MockClient;
  /**
   * When true, JSON login answers `"expires_in":"3600"` (a string) instead of a number.
   * @default false
   */
  jsonExpiresInAsString?: boolean;
  /**
   * FreightExchange refresh-token handling. `false` is Spring's default `reuseRefreshTokens=true`: a
   * refresh returns a re-signed refresh token with the same `jti` and `exp` (new `ati`). `true`
   * returns a new refresh token (new `jti`, new expiry) and spends the one used: sending it again
   * is refused with 401 `invalid_token`, as servers that rotate (Doorkeeper, Django OAuth Toolkit,
   * Spring with `reuseRefreshTokens=false`) refuse a reused one.
   * @default false
   */
  rotateRefreshTokens?: boolean;
  /**
   * The HS256 key that signs and verifies every JWT. Servers given the same key accept each other's
   * tokens at `/api/me` (an API server separate from the token server); changing it with `set()`
   * invalidates every token issued before.
   * @default a random key per server
   */
  signingKey?: string;
  /**
   * The clock, in epoch milliseconds; read at each use (works with fake timers).
   * @default () => Date.now()
   */
  now?: () => number;
}

/** A request the server served, as received on the wire. */
export interface RecordedRequest {
  api: MockApi;
  method: string;
  /** The raw path and query exactly as received (`req.url`). */
  url: string;
  /** Header values by lower-cased name (repeated headers joined with `, `). */
  headers: Record<string, string>;
  /** `req.rawHeaders`: names in their original case, alternating with values. */
  rawHeaders: string[];
  /** The raw body text (UTF-8). */
  body: string;
}

/** A mock of the three token APIs as a request handler with controls; it opens no socket. */
export interface MockTokenServer {
  /**
   * Connect/Vite-middleware compatible handler. For a path it does not serve it calls `next()` when
   * given, else answers 404 JSON.
   */
  handle(req: IncomingMessage, res: ServerResponse, next?: () => void): void;
  /** Every request served, in order (cleared by `reset()`). */
  readonly requests: RecordedRequest[];
  /** How many requests were served, in all or to one API. */
  count(api?: MockApi): number;
  /** Plays `fault` for the next `times` (default 1) requests to `api` instead of answering normally. */
  inject(api: MockApi, fault: Fault, options?: InjectOptions): void;
  /** Changes knobs at runtime; keys left out keep their value. */
  set(options: Partial<MockServerOptions>): void;
  /** Every access token issued so far is now rejected by `/api/me` with 401. */
  revokeAccessTokens(): void;
  /** Every refresh token issued so far is now rejected as an expired one would be. */
  revokeRefreshTokens(): void;
  /** Clears recorded requests and pending faults; knobs and issued tokens stay. */
  reset(): void;
  /** The configured users. */
  readonly users: readonly MockUser[];
}

/** Options of `startMockTokenServer`. */
export interface StartMockTokenServerOptions extends MockServerOptions {
  /**
   * Port to listen on; 0 picks a free one.
   * @default 0
   */
  port?: number;
  /**
   * Host to listen on.
   * @default '127.0.0.1'
   */
  host?: string;
}

/** A {@link MockTokenServer} listening on a real socket. */
export interface RunningMockTokenServer extends MockTokenServer {
  /** Base URL without a trailing slash, e.g. `http://127.0.0.1:43123`. */
  readonly url: string;
  readonly port: number;
  /** Stops listening and destroys every open connection (hung ones too). */
  close(): Promise<void>;
}
