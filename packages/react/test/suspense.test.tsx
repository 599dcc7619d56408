import { Component, Suspense, type ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, screen } from '@testing-library/react';
import { AuthError, isAuthError } from '@fx-auth/core';
import { AuthErrorBoundary, fxUserQueryOptions, useFxUser, useSuspenseFxUser, useSuspenseToken } from '@fx-auth/react';
import { DEMO, eventually, renderWithAuth, settle, setUp } from './support.js';

function Greeting() {
  const { data: user } = useSuspenseFxUser();
  return <p>Hello {user.firstName}</p>;
}

function Boundaries({ children }: { children: ReactNode }) {
  return (
    <AuthErrorBoundary
      fallback={(error, reset) => (
        <div>
          <p role="alert">{error.code}</p>
          <button type="button" onClick={reset}>
            Try again
          </button>
        </div>
      )}
    >
      <Suspense fallback={<p>Loading…</p>}>{children}</Suspense>
    </AuthErrorBoundary>
  );
}

/** What an app's outer boundary would catch: anything the auth boundary let through. */
class Outer extends Component<{ children: ReactNode }, { error: unknown }> {
  override state = { error: null as unknown };
  static getDerivedStateFromError(error: unknown) {
    return { error };
  }
  override render() {
    const { error } = this.state;
    return error instanceof Error ? <p role="status">outer: {error.message}</p> : this.props.children;
  }
}

describe('useSuspenseFxUser and AuthErrorBoundary', () => {
  it('should show a session profile at once, with no fallback and no request', async () => {
    const { server, client, queryClient } = await setUp();
    await client.login(DEMO);
    const requests = server.count();

    renderWithAuth(
      <Boundaries>
        <Greeting />
      </Boundaries>,
      { client, queryClient, strict: true },
    );

    expect(screen.getByText('Hello Demo')).toBeTruthy();
    await settle();
    expect(server.count()).toBe(requests);
  });

  it('should give the boundary a typed no_session while logged out, and try again by itself after a login', async () => {
    const { client, queryClient } = await setUp();
    vi.spyOn(console, 'error').mockImplementation(() => undefined); // React reports caught errors
    renderWithAuth(
      <Boundaries>
        <Greeting />
      </Boundaries>,
      { client, queryClient },
    );
    expect(screen.getByRole('alert').textContent).toBe('no_session'); // at once: no "Loading…" first

    await act(() => client.login(DEMO));
    await settle();

    expect(screen.getByText('Hello Demo')).toBeTruthy();
  });

  it('should render the children again on reset()', async () => {
    const { client, queryClient } = await setUp();
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const server = { down: true };
    function Flaky() {
      if (server.down) throw new AuthError('network', 'The token endpoint could not be reached.');
      return <p>back</p>;
    }
    renderWithAuth(
      <Boundaries>
        <Flaky />
      </Boundaries>,
      { client, queryClient },
    );
    expect(screen.getByRole('alert').textContent).toBe('network');
    server.down = false;

    act(() => screen.getByRole('button', { name: 'Try again' }).click());

    expect(screen.getByText('back')).toBeTruthy();
  });

  it('should let errors that are not AuthErrors through to the next boundary', async () => {
    const { client, queryClient } = await setUp();
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    function Broken(): ReactNode {
      throw new TypeError('a bug');
    }

    renderWithAuth(
      <Outer>
        <Boundaries>
          <Broken />
        </Boundaries>
      </Outer>,
      { client, queryClient },
    );

    expect(screen.getByRole('status').textContent).toBe('outer: a bug');
    expect(screen.queryByRole('alert')).toBeNull();
  });
});

describe('fxUserQueryOptions in router loaders', () => {
  it('should give ensureQueryData the profile of the session, from the cache after the first', async () => {
    const { server, client, queryClient } = await setUp();
    await client.login(DEMO);

    // ensureQueryData: what router loaders call, in every TanStack Query 5 (query() is 5.108+ only).
    // eslint-disable-next-line @typescript-eslint/no-deprecated
    const user = await queryClient.ensureQueryData(fxUserQueryOptions(client));
    const again = await queryClient.query({ ...fxUserQueryOptions(client), staleTime: 'static' });

    expect(user.login).toBe('demo');
    expect(again).toBe(user);
    expect(server.count('fx-token')).toBe(1);
  });

  it('should reject a loader with a typed no_session while logged out', async () => {
    const { client, queryClient } = await setUp();

    // eslint-disable-next-line @typescript-eslint/no-deprecated -- what loaders call in every TanStack Query 5
    const error = await queryClient.ensureQueryData(fxUserQueryOptions(client)).catch((failure: unknown) => failure);

    expect(isAuthError(error) && error.code).toBe('no_session');
  });
});

describe('useFxUser while logged out', () => {
  it('should skip the query (skipToken): idle, no data, no error, no request', async () => {
    const { server, client, queryClient } = await setUp();
    function Probe() {
      const { status, fetchStatus, data, error } = useFxUser();
      return <p data-testid="query">{JSON.stringify({ status, fetchStatus, data, error })}</p>;
    }

    renderWithAuth(<Probe />, { client, queryClient });
    await settle();

    expect(JSON.parse(screen.getByTestId('query').textContent ?? '')).toEqual({
      status: 'pending',
      fetchStatus: 'idle',
      error: null,
    });
    expect(server.count()).toBe(0);
  });
});

describe('useSuspenseToken', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  /** Renders the token's last characters, counting renders that got one. */
  function tokenShower() {
    const tokens: string[] = [];
    function Token() {
      const { accessToken, expiresAt } = useSuspenseToken();
      tokens.push(accessToken);
      return (
        <p>
          token …{accessToken.slice(-6)} until {expiresAt}
        </p>
      );
    }
    return { tokens, Token };
  }

  it('should give the token at once, and render once per refresh', async () => {
    const { server, client, queryClient } = await setUp();
    const session = await client.login(DEMO);
    const { tokens, Token } = tokenShower();

    renderWithAuth(
      <Boundaries>
        <Token />
      </Boundaries>,
      { client, queryClient },
    );
    expect(screen.getByText(`token …${session.accessToken.slice(-6)} until ${session.expiresAt}`)).toBeTruthy();
    await act(() => client.refresh());
    await act(() => client.refresh());
    await settle();

    expect(tokens).toHaveLength(3);
    expect(new Set(tokens).size).toBe(3);
    expect(server.count('fx-token')).toBe(3);
  });

  it('should throw a typed no_session at once while logged out, and show the token after a login', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { client, queryClient } = await setUp();
    const { tokens, Token } = tokenShower();
    renderWithAuth(
      <Boundaries>
        <Token />
      </Boundaries>,
      { client, queryClient },
    );
    expect(screen.getByRole('alert').textContent).toBe('no_session');

    const session = await act(() => client.login(DEMO));

    expect(tokens).toEqual([session.accessToken]);
  });

  it('should suspend while a login runs, with one token request for every component', async () => {
    const { server, client, queryClient } = await setUp({ latency: 50 });
    const { tokens, Token } = tokenShower();
    const login = client.login(DEMO);
    renderWithAuth(
      <Boundaries>
        <Token />
        <Token />
      </Boundaries>,
      { client, queryClient, strict: true },
    );
    expect(screen.getByText('Loading…')).toBeTruthy();

    const session = await act(() => login);
    await eventually(() => screen.queryAllByText(/^token/).length === 2, 'the tokens');

    expect(new Set(tokens)).toEqual(new Set([session.accessToken]));
    expect(server.count('fx-token')).toBe(1);
  });

  it('should suspend on a token that expired while the tab slept, and show the refreshed one after one request', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const { server, client, queryClient } = await setUp();
    const first = await client.login(DEMO);
    vi.setSystemTime(first.expiresAt + 60_000); // back from sleep: no timer has run
    const { tokens, Token } = tokenShower();

    renderWithAuth(
      <Boundaries>
        <Token />
        <Token />
      </Boundaries>,
      { client, queryClient },
    );
    expect(screen.getByText('Loading…')).toBeTruthy();
    await eventually(() => screen.queryAllByText(/^token/).length === 2, 'the refreshed tokens');

    expect(tokens).not.toContain(first.accessToken);
    expect(new Set(tokens)).toEqual(new Set([client.getSnapshot().session?.accessToken]));
    expect(server.count('fx-token')).toBe(2);
  });

  it("should give the boundary an expired token's last failure while refreshes fail, and the token once one succeeds", async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    vi.useFakeTimers({ toFake: ['Date'] });
    const { server, client, queryClient } = await setUp();
    const first = await client.login(DEMO);
    server.inject('fx-token', { type: 'status', status: 503 }, { times: 1_000 });
    vi.setSystemTime(first.expiresAt + 1);
    await client.refresh().catch(() => undefined);
    expect(client.getSnapshot()).toMatchObject({ expired: true, error: { code: 'server' } });
    const requests = server.count('fx-token');
    const { Token } = tokenShower();

    renderWithAuth(
      <Boundaries>
        <Token />
      </Boundaries>,
      { client, queryClient },
    );
    expect(screen.getByRole('alert').textContent).toBe('server');
    await settle();
    expect(server.count('fx-token')).toBe(requests); // no request of its own: the client's backoff decides

    server.reset();
    const next = await act(() => client.refresh());
    expect(screen.getByText(new RegExp(`token …${next.accessToken.slice(-6)}`))).toBeTruthy();
  });
});
