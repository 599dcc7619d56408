import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { AuthProvider, fxUserQueryKeys, useAuth, useFxUser, useLogin, useLogout, useToken } from '@fx-auth/react';
import { createAuthClient, isAuthError, jsonLogin, type AuthClient, type AuthSnapshot } from '@fx-auth/core';
import { ALICE, DEMO, eventually, settle, setUp } from './support.js';

/** Every profile the cache still holds. */
function cachedProfiles(queryClient: QueryClient): unknown[] {
  return queryClient
    .getQueriesData({ queryKey: fxUserQueryKeys.all })
    .map(([, data]) => data)
    .filter((data) => data !== undefined);
}

async function withProvider(serverOptions = {}) {
  const setup = await setUp(serverOptions);
  const wrapper = ({ children }: { children: ReactNode }) => (
    <AuthProvider client={setup.client} queryClient={setup.queryClient}>
      {children}
    </AuthProvider>
  );
  return { ...setup, wrapper };
}

afterEach(() => {
  vi.useRealTimers();
});

/** Resolves once the client's snapshot satisfies `predicate`: it listens, so no timer is involved. */
function snapshotWhere(client: AuthClient, predicate: (snapshot: AuthSnapshot) => boolean): Promise<void> {
  return new Promise((resolve) => {
    if (predicate(client.getSnapshot())) return resolve();
    const stop = client.subscribe((snapshot) => {
      if (!predicate(snapshot)) return;
      stop();
      resolve();
    });
  });
}

describe('useAuth', () => {
  it('should expose the state and the actions', async () => {
    const { client, wrapper } = await withProvider();
    const { result } = renderHook(() => useAuth(), { wrapper });
    expect(result.current).toMatchObject({ status: 'anonymous', session: null, error: null, isAuthenticated: false });

    await act(() => result.current.login(DEMO));

    expect(result.current).toMatchObject({ status: 'authenticated', isAuthenticated: true, error: null });
    expect(result.current.session).toBe(client.getSnapshot().session);
    expect(result.current.sessionId).toEqual(expect.any(String));
    expect(result.current.sessionId).toBe(client.getSnapshot().sessionId);
    await act(() => result.current.logout());
    expect(result.current).toMatchObject({ isAuthenticated: false, sessionId: null });
  });

  it('should keep its result object while nothing changes', async () => {
    const { wrapper } = await withProvider();
    const { result, rerender } = renderHook(() => useAuth(), { wrapper });
    const first = result.current;
    rerender();

    expect(result.current).toBe(first);
  });
});

describe('an expired session kept while refreshes fail', () => {
  it('should show in useAuth() and useToken() as expired, with the last error, until a refresh succeeds', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const { server, client, wrapper } = await withProvider({ accessTokenLifetime: 600 });
    const session = await client.login(DEMO);
    const { result } = renderHook(() => ({ auth: useAuth(), token: useToken() }), { wrapper });
    server.inject('fx-token', { type: 'status', status: 503 }, { times: 1_000 });

    // A refresh is real I/O: time moves a second at a time, and only once no refresh is in flight.
    while (Date.now() < session.expiresAt) {
      await act(() => vi.advanceTimersByTimeAsync(Math.min(1_000, session.expiresAt - Date.now())));
      await snapshotWhere(client, (snapshot) => snapshot.status !== 'refreshing');
    }

    expect(result.current.auth).toMatchObject({ isAuthenticated: true, expired: true, error: { code: 'server' } });
    expect(result.current.token).toMatchObject({ accessToken: session.accessToken, expired: true });
    server.reset(); // the server is back
    await act(() => client.refresh());
    expect(result.current.auth).toMatchObject({ expired: false, error: null });
    expect(result.current.token.expired).toBe(false);
  });
});

describe('useToken', () => {
  it('should give nulls while anonymous, then the token and its expiry', async () => {
    const { client, wrapper } = await withProvider();
    const { result } = renderHook(() => useToken(), { wrapper });
    expect(result.current).toEqual({ accessToken: null, expiresAt: null, status: 'anonymous', expired: false });

    const session = await act(() => client.login(DEMO));

    expect(result.current).toEqual({
      accessToken: session.accessToken,
      expiresAt: session.expiresAt,
      status: 'authenticated',
      expired: false,
    });
  });
});

describe('useFxUser', () => {
  it('should not run its query while anonymous', async () => {
    const { server, wrapper } = await withProvider();
    const { result } = renderHook(() => useFxUser(), { wrapper });

    expect(result.current).toMatchObject({ data: undefined, fetchStatus: 'idle', status: 'pending' });
    expect(server.count('fx-token')).toBe(0);
  });

  it('should give the profile that came with the token, without another request', async () => {
    const { server, client, wrapper } = await withProvider();
    const { result } = renderHook(() => useFxUser(), { wrapper });

    const session = await act(() => client.login(DEMO));

    await waitFor(() => expect(result.current.data).toBe(session.user));
    expect(result.current.data).toMatchObject({ login: 'demo', autoUplift: { enabled: true, initial: 1, max: 3 } });
    expect(server.count('fx-token')).toBe(1);
  });

  it('should be fresh until the token expires, then refetch with a valid token and its profile', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const { server, client, wrapper } = await withProvider();
    const first = await client.login(DEMO);
    const { result, rerender } = renderHook(() => useFxUser(), { wrapper });
    expect(result.current.isStale).toBe(false);

    vi.setSystemTime(first.expiresAt - 1);
    rerender();
    expect(result.current.isStale).toBe(false);
    vi.setSystemTime(first.expiresAt + 1);
    rerender();
    expect(result.current.isStale).toBe(true);

    await act(() => result.current.refetch());

    expect(server.count('fx-token')).toBe(2);
    expect(client.getSnapshot().session?.accessToken).not.toBe(first.accessToken);
    await waitFor(() => expect(result.current.isStale).toBe(false));
    expect(result.current.data).toEqual(first.user);
  });

  it('should drop the profile on logout', async () => {
    const { client, queryClient, wrapper } = await withProvider();
    await client.login(DEMO);
    const { result } = renderHook(() => useFxUser(), { wrapper });
    expect(result.current.data?.login).toBe('demo');

    await act(() => client.logout());

    expect(result.current.data).toBeUndefined();
    expect(cachedProfiles(queryClient)).toEqual([]);
  });

  it("should never show the previous user's profile when another user logs in", async () => {
    const { client, wrapper } = await withProvider({ latency: 20 });
    await client.login(DEMO);
    const logins: Array<string | undefined> = [];
    renderHook(
      () => {
        logins.push(useFxUser().data?.login);
      },
      { wrapper },
    );

    await act(() => client.login(ALICE));
    await eventually(() => logins.at(-1) === 'alice', 'alice');

    const firstAlice = logins.indexOf('alice');
    expect(logins.slice(0, firstAlice)).toContain('demo');
    expect(logins.slice(firstAlice)).not.toContain('demo');
  });

  it('should leave no profile and no token behind when logging out during a profile fetch', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const { server, client, queryClient, wrapper } = await withProvider();
    const first = await client.login(DEMO);
    const { result } = renderHook(() => useFxUser(), { wrapper });
    server.set({ latency: 100 });
    vi.setSystemTime(first.expiresAt + 1);

    const refetch = result.current.refetch();
    await eventually(() => client.getSnapshot().status === 'refreshing', 'refreshing');
    await act(() => client.logout());
    await act(async () => {
      await refetch;
    });

    expect(result.current.data).toBeUndefined();
    expect(cachedProfiles(queryClient)).toEqual([]);
    expect(client.getSnapshot()).toEqual({
      status: 'anonymous',
      session: null,
      error: null,
      expired: false,
      refreshAt: null,
      sessionId: null,
    });
  });

  it('should leave no profile and no token behind when logging out during a token refresh', async () => {
    const { client, queryClient, wrapper } = await withProvider({ latency: 50 });
    await client.login(DEMO);
    const { result } = renderHook(() => ({ user: useFxUser(), token: useToken() }), { wrapper });

    const refresh = client.refresh().catch((error: unknown) => error);
    await act(() => client.logout());
    const outcome = await refresh;
    await settle(); // the aborted request's settling, and anything it could set off

    expect(isAuthError(outcome) && outcome.code).toBe('no_session');
    expect(result.current.user.data).toBeUndefined();
    expect(result.current.token).toEqual({ accessToken: null, expiresAt: null, status: 'anonymous', expired: false });
    expect(cachedProfiles(queryClient)).toEqual([]);
  });
});

describe('useFxUser with a QueryClientProvider inside <AuthProvider>', () => {
  it("should clean that cache too, and never show the previous user's profile", async () => {
    const { client } = await setUp();
    const inner = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const logins: Array<string | undefined> = [];
    const { result } = renderHook(
      () => {
        const { data } = useFxUser();
        logins.push(data?.login);
        return data;
      },
      {
        wrapper: ({ children }) => (
          <AuthProvider client={client}>
            <QueryClientProvider client={inner}>{children}</QueryClientProvider>
          </AuthProvider>
        ),
      },
    );

    await act(() => client.login(DEMO));
    await waitFor(() => expect(result.current?.login).toBe('demo'));
    await act(() => client.logout());
    expect(result.current).toBeUndefined();
    expect(cachedProfiles(inner)).toEqual([]);
    await act(() => client.login(ALICE));
    await waitFor(() => expect(result.current?.login).toBe('alice'));

    const afterLogout = logins.lastIndexOf('demo') + 1;
    expect(logins.slice(afterLogout)).not.toContain('demo');
    expect(cachedProfiles(inner)).toEqual([expect.objectContaining({ login: 'alice' })]);
  });
});

describe('useFxUser without a FreightExchange profile', () => {
  it('should stay disabled for a session that has no profile, and never retry', async () => {
    const { server, queryClient } = await setUp();
    const client = createAuthClient({ provider: jsonLogin({ tokenUrl: `${server.url}/api/v1/cas/authenticate` }) });
    await client.login(DEMO);
    const { result } = renderHook(() => useFxUser(), {
      wrapper: ({ children }) => (
        <AuthProvider client={client} queryClient={queryClient}>
          {children}
        </AuthProvider>
      ),
    });
    await settle(); // time for a query that should not run to run, fail and retry

    expect(result.current).toMatchObject({ data: undefined, fetchStatus: 'idle', failureCount: 0, status: 'pending' });
    expect(
      queryClient
        .getQueryCache()
        .getAll()
        .every((query) => query.state.dataUpdateCount === 0),
    ).toBe(true);
    expect(
      queryClient
        .getQueryCache()
        .getAll()
        .every((query) => query.state.fetchFailureCount === 0),
    ).toBe(true);
    client.destroy();
  });
});

describe('useLogin and useLogout', () => {
  it('should report pending, then a typed AuthError for a wrong password', async () => {
    const { wrapper } = await withProvider();
    const rendered: string[] = [];
    const { result } = renderHook(
      () => {
        const login = useLogin();
        rendered.push(login.status);
        return login;
      },
      { wrapper },
    );

    act(() => result.current.mutate({ username: 'demo', password: 'wrong' }));
    await waitFor(() => expect(result.current.isError).toBe(true));

    expect([...new Set(rendered)]).toEqual(['idle', 'pending', 'error']); // every state was rendered
    expect(isAuthError(result.current.error)).toBe(true);
    expect(result.current.error?.code).toBe('invalid_credentials');
  });

  it('should log in and out', async () => {
    const { client, wrapper } = await withProvider();
    const { result } = renderHook(() => ({ login: useLogin(), logout: useLogout() }), { wrapper });

    await act(() => result.current.login.mutateAsync(DEMO));
    expect(client.getSnapshot().status).toBe('authenticated');
    await waitFor(() => expect(result.current.login.data).toBe(client.getSnapshot().session));

    await act(() => result.current.logout.mutateAsync());
    expect(client.getSnapshot().status).toBe('anonymous');
  });
});
