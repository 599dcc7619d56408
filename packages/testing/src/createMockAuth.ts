import {
  createAuthClient,
  type AuthClient,
  type AuthClientOptions,
  type Credentials,
  type FxUser,
  type Session,
} from '@fx-auth/core';
import { mockFxUser } from './mockFxUser.js';
import { scriptedProvider, type ProviderScript } from './scriptedProvider.js';

/** The transient failures {@link MockAuth.failRefreshes} can play. */
export type TransientFailure = 'network' | 'timeout' | 'server';

/** Options of {@link createMockAuth}. */
export interface MockAuthOptions {
  /** The account that can log in; any other gets `invalid_credentials`. @default demo / demo */
  credentials?: Credentials;
  /** The FreightExchange profile of its sessions (what `useFxUser()` shows). @default mockFxUser() */
  user?: FxUser;
  /** Seconds each access token lives. @default 3600 */
  tokenLifetime?: number;
  /** Any other option of `createAuthClient` (storage, refreshLeeway, authorizedOrigins…). */
  client?: Omit<AuthClientOptions<Credentials>, 'provider'>;
}

/** A real fx-auth client whose token endpoint is a script: see {@link createMockAuth}. */
export interface MockAuth {
  /** The client, for `<AuthProvider client={…}>` or your own code. */
  readonly client: AuthClient<Credentials>;
  /** How many logins and refreshes reached the scripted endpoint. */
  readonly calls: { readonly login: number; readonly refresh: number };
  /** Logs in with the account: `authenticated` (a held refresh is let go). */
  logIn(): Promise<Session>;
  /** Logs out: `anonymous` (a held refresh is let go). */
  logOut(): Promise<void>;
  /** The next login fails with `code` (an `invalid_credentials`, `network`… screen). */
  failNextLogin(code?: Parameters<MockAuth['failRefreshes']>[0] | 'invalid_credentials' | 'invalid_client'): void;
  /**
   * Starts a refresh that waits until {@link MockAuth.finishRefresh}: `refreshing`.
   * @throws {Error} without a session (call `logIn()` first).
   */
  holdRefresh(): void;
  /** Lets a held refresh answer as scripted (nothing to do without one). */
  finishRefresh(): Promise<void>;
  /** The server rejects the refresh token: the session ends with `session_expired` (a held refresh is let go). */
  expire(): Promise<void>;
  /**
   * Refreshes fail with `code` until {@link MockAuth.recover}: `authenticated`, with the error,
   * the client retrying later (a held refresh is let go).
   */
  failRefreshes(code?: TransientFailure): Promise<void>;
  /** Refreshes work again, and one runs now: the error goes. */
  recover(): Promise<void>;
  /** The profile of the next sessions (a refresh or login brings it). */
  setUser(user: FxUser): void;
}

/**
 * A test double for apps on fx-auth: a real client (the same state machine, snapshots, refresh
 * schedule and hooks as in production) whose token endpoint is a script, so that a test can show
 * its screens anonymous, logged in, refreshing, expired or failing, with no server and no network.
 * Tokens expire on `Date.now()`: under fake timers (`vi.useFakeTimers()`, Playwright's
 * `page.clock`) the test moves the clock through refreshes and expiry.
 *
 * @example
 * ```tsx
 * const auth = createMockAuth();
 * await auth.logIn();
 * render(
 *   <AuthProvider client={auth.client}>
 *     <App />
 *   </AuthProvider>,
 * );
 * await auth.expire(); // the session-expired screen
 * ```
 */
export function createMockAuth(options: MockAuthOptions = {}): MockAuth {
  const credentials = options.credentials ?? { username: 'demo', password: 'demo' };
  const script: ProviderScript = {
    credentials,
    user: options.user ?? mockFxUser(),
    tokenLifetime: options.tokenLifetime ?? 3600,
    loginFailure: null,
    refresh: { answer: 'token' },
    hold: null,
    calls: { login: 0, refresh: 0 },
  };
  let release: (() => void) | null = null;
  const letGo = (): void => {
    release?.();
    [release, script.hold] = [null, null];
  };
  const client = createAuthClient({ ...options.client, provider: scriptedProvider(script) });
  const settledRefresh = () =>
    client.refresh().then(
      () => undefined,
      () => undefined, // the failure is the point: the snapshot shows it
    );

  return {
    client,
    calls: script.calls,
    logIn: () => {
      letGo();
      return client.login(credentials);
    },
    logOut: () => {
      letGo();
      return client.logout();
    },
    failNextLogin(code = 'invalid_credentials') {
      script.loginFailure = code;
    },
    holdRefresh() {
      if (!client.getSnapshot().session) throw new Error('holdRefresh() needs a session: call logIn() first.');
      script.hold ??= new Promise((resolve) => (release = resolve));
      void settledRefresh();
    },
    async finishRefresh() {
      const running = client.getSnapshot().status === 'refreshing' ? settledRefresh() : undefined;
      letGo();
      await running;
    },
    async expire() {
      script.refresh = { answer: 'error', code: 'session_expired' };
      letGo();
      await settledRefresh();
    },
    async failRefreshes(code = 'network') {
      script.refresh = { answer: 'error', code };
      letGo();
      await settledRefresh();
    },
    async recover() {
      script.refresh = { answer: 'token' };
      if (client.getSnapshot().session) await settledRefresh();
    },
    setUser(user) {
      script.user = user;
    },
  };
}
