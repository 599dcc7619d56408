import { AuthError, type AuthErrorCode, type Credentials, type FxUser, type TokenProvider } from '@fx-auth/core';

/** How the scripted token endpoint answers refreshes: a new token, a failure, or not yet. */
export type RefreshScript = { readonly answer: 'token' } | { readonly answer: 'error'; readonly code: AuthErrorCode };

/** What the scripted provider is told to do, and what it was asked. */
export interface ProviderScript {
  /** The account that logs in; any other is `invalid_credentials`. */
  readonly credentials: Credentials;
  /** The profile its sessions carry. */
  user: FxUser;
  /** Seconds each token lives. */
  tokenLifetime: number;
  /** The next login's failure, if any (used once). */
  loginFailure: AuthErrorCode | null;
  refresh: RefreshScript;
  /** While set, refreshes wait for it: the client shows `refreshing`. */
  hold: Promise<void> | null;
  readonly calls: { login: number; refresh: number };
}

/** The URL the scripted provider claims: `.invalid` never resolves, so nothing can reach it. */
export const MOCK_TOKEN_URL = 'https://fx-auth-mock.invalid/oauth/token';

let issued = 0;
/** A token unlike any other, long enough for the devtools to show its suffix. */
const newToken = (kind: string): string =>
  `mock-${kind}-${(issued += 1).toString().padStart(6, '0')}-${Math.random().toString(36).slice(2, 10)}`;

const failure = (code: AuthErrorCode): AuthError => new AuthError(code, `A scripted ${code} (@fx-auth/testing).`);

/** A FreightExchange-like provider that answers from `script`, with no server and no network. */
export function scriptedProvider(script: ProviderScript): TokenProvider<Credentials> {
  const grant = () => ({
    accessToken: newToken('access'),
    refreshToken: newToken('refresh'),
    expiresIn: script.tokenLifetime,
    requestedAt: Date.now(),
    user: script.user,
  });
  return {
    kind: 'freightExchange',
    tokenUrl: MOCK_TOKEN_URL,
    clientId: 'fx-auth-testing',
    async login(transport, credentials) {
      script.calls.login += 1;
      await Promise.resolve(); // answers come asynchronously, as a server's would
      const code = script.loginFailure;
      script.loginFailure = null;
      if (code) throw failure(code);
      const { username, password } = script.credentials;
      if (credentials?.username !== username || credentials.password !== password) {
        throw failure('invalid_credentials');
      }
      // A new session's refresh token is one the server knows, whatever it did to the last one.
      if (script.refresh.answer === 'error' && script.refresh.code === 'session_expired')
        script.refresh = { answer: 'token' };
      transport.answered?.(200);
      return grant();
    },
    async refresh(transport) {
      script.calls.refresh += 1;
      await (script.hold ?? Promise.resolve());
      if (script.refresh.answer === 'error') throw failure(script.refresh.code);
      transport.answered?.(200);
      return grant();
    },
    canRefresh: () => true,
  };
}
