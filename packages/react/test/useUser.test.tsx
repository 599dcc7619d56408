import type { ReactNode } from 'react';
import { describe, expect, expectTypeOf, it, vi } from 'vitest';
import { act, renderHook, screen } from '@testing-library/react';
import { QueryClient, QueryClientProvider, dehydrate, hydrate } from '@tanstack/react-query';
import * as z from 'zod';
import { isAuthError } from '@fx-auth/core';
import {
  AuthErrorBoundary,
  AuthProvider,
  fxUserProfile,
  fxUserQueryKeys,
  fxUserQueryOptions,
  useFxUser,
  useSuspenseUser,
  useUser,
  userQueryKeys,
  userQueryOptions,
  type StandardSchemaV1,
  type UserProfile,
} from '@fx-auth/react';
import { DEMO, eventually, renderWithAuth, settle, setUp } from './support.js';

/** `GET /api/me` of the mock server, through client.ky: a profile of "your API". */
function meProfile(url: string) {
  return {
    name: 'me',
    schema: z.object({ user: z.object({ login: z.string(), fname: z.string() }), token_expires_at: z.number() }),
    fetch: ({ client, signal }) => client.ky.get(`${url}/api/me`, { signal }).json(),
  } satisfies UserProfile;
}

async function setUpWithHook<T>(hook: () => T) {
  const setup = await setUp();
  const wrapper = ({ children }: { children: ReactNode }) => (
    <AuthProvider client={setup.client} queryClient={setup.queryClient}>
      <QueryClientProvider client={setup.queryClient}>{children}</QueryClientProvider>
    </AuthProvider>
  );
  return { ...setup, result: renderHook(hook, { wrapper }).result };
}

describe('useUser(profile)', () => {
  it('should fetch, check and type a profile of your API with any Standard Schema (zod here)', async () => {
    let url = '';
    const { client, server, result } = await setUpWithHook(() => useUser(meProfile(url)));
    url = server.url;
    await act(() => client.login(DEMO));
    await eventually(() => result.current.data !== undefined, 'the profile');

    expect(result.current.data?.user.login).toBe('demo');
    expectTypeOf(result.current.data).toEqualTypeOf<
      { user: { login: string; fname: string }; token_expires_at: number } | undefined
    >();
    expect(server.count('me')).toBe(1);
  });

  it('should take a hand-written Standard Schema, and refuse a mismatch without echoing the value', async () => {
    const secretish = 'value-the-server-sent';
    const strict: StandardSchemaV1<{ plan: 'pro' }> = {
      '~standard': {
        version: 1,
        vendor: 'test',
        validate: (value) =>
          (value as { plan?: unknown }).plan === 'pro'
            ? { value: { plan: 'pro' } }
            : { issues: [{ message: `not pro: ${JSON.stringify(value)}` }] },
      },
    };
    let answer: unknown = { plan: 'pro' };
    const profile: UserProfile<typeof strict> = { name: 'plan', schema: strict, fetch: () => answer };
    const { client, result } = await setUpWithHook(() => useUser(profile));
    await act(() => client.login(DEMO));
    await eventually(() => result.current.data?.plan === 'pro', 'the profile');

    answer = { plan: secretish };
    const { error } = await act(() => result.current.refetch());

    expect(isAuthError(error) && error.code).toBe('invalid_response');
    expect(JSON.stringify(error)).not.toContain(secretish);
    expect(String(error?.message)).not.toContain(secretish);
  });

  it('should skip without a session, drop the profile at logout, and fetch anew for the next login', async () => {
    let url = '';
    const { client, server, queryClient, result } = await setUpWithHook(() => useUser(meProfile(url)));
    url = server.url;
    await settle();
    expect(result.current).toMatchObject({ status: 'pending', fetchStatus: 'idle' });
    expect(server.count('me')).toBe(0);

    await act(() => client.login(DEMO));
    await eventually(() => result.current.data !== undefined, 'the profile');
    const first = client.getSnapshot().sessionId;
    await act(() => client.logout());
    await settle();
    expect(result.current.data).toBeUndefined();
    expect(queryClient.getQueryData(userQueryKeys.profile('me', first))).toBeUndefined();
    await act(() => client.login(DEMO));
    await eventually(() => result.current.data !== undefined, 'the next profile');

    expect(server.count('me')).toBe(2);
  });

  it('should give the FreightExchange profile through the preset, as useFxUser() does', async () => {
    const { client, result } = await setUpWithHook(() => ({ preset: useUser(fxUserProfile), hook: useFxUser() }));
    await act(() => client.login(DEMO));
    await eventually(() => result.current.preset.data !== undefined, 'the profile');

    expect(result.current.preset.data).toEqual(result.current.hook.data);
  });
});

/** A profile that comes with the FreightExchange session: its uplift allowance, checked by zod. */
function upliftProfile(fetch: UserProfile['fetch'] = () => undefined) {
  return {
    name: 'uplift',
    schema: z.object({ login: z.string(), autoUplift: z.object({ max: z.number() }) }),
    fetch,
    fromSession: (session) => session.user,
  } satisfies UserProfile;
}

describe('a profile that comes with the session (fromSession)', () => {
  it('should be there at the first render without a fetch, and replaced after a refresh that changes it', async () => {
    let fetches = 0;
    const profile = upliftProfile(() => (fetches += 1));
    const { client, server } = await setUp();
    await client.login(DEMO);
    const seen: Array<number | undefined> = [];
    const { result } = renderHook(
      () => {
        const query = useUser(profile);
        seen.push(query.data?.autoUplift.max);
        return query;
      },
      { wrapper: ({ children }) => <AuthProvider client={client}>{children}</AuthProvider> },
    );
    expect(seen[0]).toBe(3);

    const demo = server.users.find((user) => user.username === 'demo');
    if (demo) demo.profile.a_uplft_cnt = '4';
    await act(() => client.refresh());
    await eventually(() => result.current.data?.autoUplift.max === 4, 'the refreshed profile');

    expect(fetches).toBe(0);
    expect(result.current.status).toBe('success');
  });

  it('should fetch instead when what came with the session does not match the schema', async () => {
    let fetches = 0;
    const profile = {
      ...upliftProfile(() => {
        fetches += 1;
        return { login: 'demo', autoUplift: { max: 7 } };
      }),
      fromSession: () => ({ login: 42 }),
    };
    const { client, result } = await setUpWithHook(() => useUser(profile));
    await act(() => client.login(DEMO));
    await eventually(() => result.current.data !== undefined, 'the fetched profile');

    expect(result.current.data?.autoUplift.max).toBe(7);
    expect(fetches).toBe(1);
  });

  it('should fetch instead when the schema checks asynchronously', async () => {
    const later: StandardSchemaV1<{ login: string }> = {
      '~standard': {
        version: 1,
        vendor: 'test',
        validate: (value) => Promise.resolve({ value: value as { login: string } }),
      },
    };
    let fetches = 0;
    const profile: UserProfile<typeof later> = {
      name: 'later',
      schema: later,
      fromSession: (session) => session.user,
      fetch: ({ session }) => {
        fetches += 1;
        return session.user;
      },
    };
    const { client, result } = await setUpWithHook(() => useUser(profile));
    await act(() => client.login(DEMO));
    expect(result.current.isPending).toBe(true);
    await eventually(() => result.current.data !== undefined, 'the fetched profile');

    expect(result.current.data?.login).toBe('demo');
    expect(fetches).toBe(1);
  });

  it('should replace a profile a loader prefetched after a refresh, with no hook mounted', async () => {
    const { client, queryClient, server } = await setUp();
    renderWithAuth(<p>app</p>, { client, queryClient });
    await act(() => client.login(DEMO));
    const options = userQueryOptions(client, upliftProfile());
    await queryClient.query(options);
    const demo = server.users.find((user) => user.username === 'demo');
    if (demo) demo.profile.a_uplft_cnt = '5';

    await act(() => client.refresh());

    expect(queryClient.getQueryData(options.queryKey)?.autoUplift.max).toBe(5);
  });
});

describe("the provider's cache sync", () => {
  it('should bring a restored (hydrated) profile of this login up to date before any hook asks for it', async () => {
    const { client, queryClient } = await setUp();
    const session = await client.login(DEMO);
    const { sessionId } = client.getSnapshot();
    const persisted = new QueryClient();
    persisted.setQueryData(fxUserQueryKeys.profile(sessionId), { ...session.user, firstName: 'Stale' });
    hydrate(queryClient, dehydrate(persisted));

    renderWithAuth(<p>app</p>, { client, queryClient });

    expect(queryClient.getQueryData(fxUserQueryOptions(client).queryKey)).toEqual(session.user);
  });

  it('should apply a new profile object, though the session is the same', async () => {
    const { client, queryClient } = await setUp();
    await client.login(DEMO);
    const base = upliftProfile(({ session }) => session.user);
    const { result, rerender } = renderHook(({ available }) => useUser({ ...base, available: () => available }), {
      initialProps: { available: false },
      wrapper: ({ children }) => (
        <AuthProvider client={client} queryClient={queryClient}>
          {children}
        </AuthProvider>
      ),
    });
    expect(result.current).toMatchObject({ status: 'pending', fetchStatus: 'idle' });

    rerender({ available: true });

    expect(result.current.data?.login).toBe('demo');
  });
});

describe('a profile some sessions do not have (available)', () => {
  it('should skip the query for such a session, and throw no_session at once when suspending', async () => {
    const { client, queryClient } = await setUp();
    await client.login(DEMO);
    const skipped = { ...upliftProfile(), available: () => false };
    const { result } = renderHook(() => useUser(skipped), {
      wrapper: ({ children }) => (
        <AuthProvider client={client} queryClient={queryClient}>
          {children}
        </AuthProvider>
      ),
    });
    expect(result.current).toMatchObject({ status: 'pending', fetchStatus: 'idle', data: undefined });

    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    function Uplift() {
      useSuspenseUser(skipped);
      return <p>uplift</p>;
    }
    renderWithAuth(
      <AuthErrorBoundary fallback={(error) => <p role="alert">{error.code}</p>}>
        <Uplift />
      </AuthErrorBoundary>,
      { client, queryClient },
    );
    expect(screen.getByRole('alert').textContent).toBe('no_session');
    await expect(queryClient.query(userQueryOptions(client, skipped))).rejects.toMatchObject({ code: 'no_session' });
  });
});

describe('userQueryOptions(client, profile) and the cache', () => {
  it("should drop a prefetched profile at logout, with no hook mounted (the provider's sync)", async () => {
    const { client, queryClient, server } = await setUp();
    renderWithAuth(<p>app</p>, { client, queryClient });
    await act(() => client.login(DEMO));
    const sessionId = client.getSnapshot().sessionId;
    // eslint-disable-next-line @typescript-eslint/no-deprecated -- what loaders call in every TanStack Query 5
    await queryClient.ensureQueryData(userQueryOptions(client, meProfile(server.url)));
    expect(queryClient.getQueryData(userQueryKeys.profile('me', sessionId))).toBeDefined();

    await act(() => client.logout());

    expect(queryClient.getQueryData(userQueryKeys.profile('me', sessionId))).toBeUndefined();
  });

  it("should not keep an answer that came after another login as the first login's profile", async () => {
    const { client, queryClient } = await setUp();
    await client.login(DEMO);
    let answer!: (value: unknown) => void;
    const held: UserProfile<ReturnType<typeof meProfile>['schema']> = {
      ...meProfile(''),
      fetch: () => new Promise((resolve) => (answer = resolve)),
    };
    const fetching = queryClient.query(userQueryOptions(client, held)).catch((error: unknown) => error);
    await vi.waitFor(() => expect(answer).toBeDefined());

    await client.logout();
    await client.login(DEMO);
    answer({ user: { login: 'alice', fname: 'Alice' }, token_expires_at: 0 });

    const error = await fetching;
    expect(isAuthError(error) && error.code).toBe('no_session');
  });

  it("should give what the profile's fetch throws to the query as it is, tried once", async () => {
    let calls = 0;
    const failing: UserProfile<ReturnType<typeof meProfile>['schema']> = {
      ...meProfile(''),
      fetch: () => {
        calls += 1;
        throw new TypeError('the API is down');
      },
    };
    const { client, queryClient } = await setUp();
    await client.login(DEMO);

    const error = await queryClient.query(userQueryOptions(client, failing)).catch((failure: unknown) => failure);

    expect(error).toBeInstanceOf(TypeError);
    expect(calls).toBe(1);
  });
});

describe('useSuspenseUser(profile)', () => {
  it('should throw a typed no_session at once without a session, and show the profile after a login', async () => {
    const { client, queryClient, server } = await setUp();
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    function Plan() {
      const { data } = useSuspenseUser(meProfile(server.url));
      return <p>signed in as {data.user.login}</p>;
    }

    renderWithAuth(
      <AuthErrorBoundary fallback={(error) => <p role="alert">{error.code}</p>}>
        <Plan />
      </AuthErrorBoundary>,
      { client, queryClient },
    );
    expect(screen.getByRole('alert').textContent).toBe('no_session');
    await act(() => client.login(DEMO));
    await eventually(() => screen.queryByText('signed in as demo') !== null, 'the profile');
  });
});
