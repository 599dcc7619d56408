import type { AuthClient, AuthSnapshot } from '@fx-auth/core';

/** What one render showed: the session's user and the profile on screen. */
export interface RenderRecord {
  status: string;
  sessionUser: string | null;
  shownUser: string | null;
}

/** Every committed render of the app, in order. */
export const renders: RenderRecord[] = [];

/** The handle the Playwright tests drive a tab with (`window.fxTab`). */
export interface TabHandle {
  snapshot(): { status: AuthSnapshot['status']; token: string | null; user: string | null; error: string | null };
  login(username: string, password: string): Promise<string>;
  logout(): Promise<void>;
  /** Starts a refresh; its outcome (token or error code) is kept in `refreshes`. */
  refresh(): void;
  refreshes: string[];
  /** Calls the protected API through `client.ky`: the HTTP status and the token it carried. */
  callApi(): Promise<{ status: number; token: string | null }>;
  renders: RenderRecord[];
  /** Whether the last `pageshow` came from the back/forward cache. */
  restoredFromCache: boolean | null;
  destroy(): void;
}

declare global {
  interface Window {
    fxTab: TabHandle;
  }
}

export function exposeToTests(client: AuthClient): void {
  const refreshes: string[] = [];
  const handle: TabHandle = {
    snapshot() {
      const { status, session, error } = client.getSnapshot();
      return {
        status,
        token: session?.accessToken ?? null,
        user: session?.user?.login ?? null,
        error: error?.code ?? null,
      };
    },
    login: async (username, password) => (await client.login({ username, password })).accessToken,
    logout: () => client.logout(),
    refresh() {
      client.refresh().then(
        (session) => refreshes.push(session.accessToken),
        (error: unknown) => refreshes.push(`error:${(error as { code?: string } | null)?.code ?? 'unknown'}`),
      );
    },
    refreshes,
    async callApi() {
      let token: string | null = null;
      const response = await client.ky.get('/api/me', {
        throwHttpErrors: false,
        hooks: {
          afterResponse: [
            (request) => {
              token = request.headers.get('Authorization')?.replace(/^Bearer /, '') ?? null;
            },
          ],
        },
      });
      return { status: response.status, token };
    },
    renders,
    restoredFromCache: null,
    destroy: () => client.destroy(),
  };
  window.addEventListener('pageshow', (event) => {
    handle.restoredFromCache = event.persisted;
  });
  window.fxTab = handle;
}
