import type { AuthError } from './AuthError.js';

/** A FreightExchange company, as carried by the user profile. */
export interface FxCompany {
  /** `user.cmp_id`. */
  id: string | null;
  /** `user.cmp_name`. */
  name: string | null;
  /** `user.cmp_post_code`. */
  postCode: string | null;
}

/** The FreightExchange auto-uplift settings of a user. */
export interface FxAutoUplift {
  /** `user.a_uplft === "1"`. */
  enabled: boolean;
  /** `user.a_uplft_init` as a number: the initial counter (the API's default is 1). */
  initial: number;
  /** `user.a_uplft_cnt` as a number: the maximum number of auto uplifts allowed. */
  max: number;
}

/**
 * The FreightExchange user profile that comes with every FreightExchange token. Fields the server
 * left out are `null` (or `[]` for `spokenLanguages`).
 */
export interface FxUser {
  /** `user.id`: the unique application identifier (a string: it may have leading zeros). */
  id: string;
  /** `user.login`. */
  login: string;
  /** `user.fname`. */
  firstName: string | null;
  /** `user.lname`. */
  lastName: string | null;
  /** `user.email`. */
  email: string | null;
  /** `user.phone`. */
  phone: string | null;
  /** `user.fax`. */
  fax: string | null;
  /** `user.lang`: the interface language, e.g. `en_GB`. */
  language: string | null;
  /** `user.sp_langs`. */
  spokenLanguages: string[];
  /** `user.bus_id`. */
  businessId: string | null;
  /** The user's company. */
  company: FxCompany;
  /** Auto-uplift settings. */
  autoUplift: FxAutoUplift;
}

/** A signed-in session. Replaced, never mutated. */
export interface Session {
  /** The bearer token to send as `Authorization: Bearer <accessToken>`. */
  accessToken: string;
  /** Always `'Bearer'` (servers send `bearer`; the client normalizes it). */
  tokenType: 'Bearer';
  /** The refresh token, when the server issued one. */
  refreshToken?: string;
  /** When the access token expires, in epoch milliseconds. */
  expiresAt: number;
  /** The granted scope, space-separated, when the server sent one. */
  scope?: string;
  /** The FreightExchange profile; only FreightExchange sessions have one. */
  user?: FxUser;
}

/** Username and password for the password-based providers. */
export interface Credentials {
  username: string;
  password: string;
}

/**
 * - `anonymous`: no session.
 * - `authenticating`: `login()` is running.
 * - `authenticated`: a session is present.
 * - `refreshing`: a session is present and a refresh is running.
 */
export type AuthStatus = 'anonymous' | 'authenticating' | 'authenticated' | 'refreshing';

/** What the client knows right now. The same object until something changes. */
export interface AuthSnapshot {
  status: AuthStatus;
  /** The current session, or `null`. Present during `refreshing`. */
  session: Session | null;
  /** The last failure of login or refresh, cleared by the next success or by `logout()`. */
  error: AuthError | null;
  /**
   * `true` while the session's access token has expired and the session is kept because refreshes
   * fail for transient reasons (offline, a server down): a UI can say "reconnecting". `error` holds
   * the last failure; the next successful refresh clears it. Always `false` without a session.
   */
  expired: boolean;
  /**
   * When the client will next try to refresh the token (epoch ms): the refresh time, or the end of
   * the backoff after a failure. `null` while there is nothing planned: no session, a refresh
   * running, offline after a failure (it retries when back online), or a session that cannot be
   * refreshed (it ends at `session.expiresAt`). For a "next refresh in" display.
   */
  refreshAt: number | null;
  /**
   * An id of the login this session comes from: the same across its refreshes and in every tab, a
   * new one at each login; `null` without a session. Random (a session stored by an earlier version
   * has one made from its issue time), never a secret: a cache key for what belongs to one login
   * (a user profile), as `useUser()` uses it.
   */
  sessionId: string | null;
}

/**
 * Where a session is kept between page loads: a string slot. Synchronous: a storage whose
 * `getItem()` returns a Promise is refused when the client is created. Methods may throw (quota,
 * privacy mode): the client treats an unreadable storage as empty, keeps the session in memory when
 * it cannot write, and when it cannot remove, overwrites the record with a logged-out mark.
 *
 * @example
 * ```ts
 * // A storage every tab shares, joined like webStorage(localStorage):
 * const storage: SessionStorage = {
 *   getItem: () => localStorage.getItem('my-app.auth'),
 *   setItem: (value) => localStorage.setItem('my-app.auth', value),
 *   removeItem: () => localStorage.removeItem('my-app.auth'),
 *   sharedName: 'my-app.auth',
 * }
 * ```
 */
export interface SessionStorage {
  /** The stored value, or `null`. */
  getItem(): string | null;
  /** Replaces the stored value. */
  setItem(value: string): void;
  /** Removes the stored value. */
  removeItem(): void;
  /**
   * Set when every tab of the origin sees this storage, as with `localStorage`: a name that is the
   * same in every tab and different for every other storage (`webStorage(localStorage)` uses its
   * key). Clients on such a storage keep their tabs in one session, through a BroadcastChannel and a
   * Web Lock of this name. Leave it out for a storage of one tab.
   */
  readonly sharedName?: string;
  /** Calls `listener` when the value was changed elsewhere (another tab); returns the function that stops it. */
  watch?(listener: () => void): () => void;
  /**
   * The storage for one client, named by its provider (kind, token URL and client id). Optional:
   * `webStorage()` without a `key` uses it to give each provider a key of its own, so that two
   * clients on one origin (two providers, two apps) never share or delete each other's record.
   */
  forClient?(client: string): SessionStorage;
}
