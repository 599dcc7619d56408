import { Component, Suspense, type ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, render, screen } from '@testing-library/react';
import { AuthError, isAuthError } from '@fx-auth/core';
import {
  AuthErrorBoundary,
  AuthProvider as AuthProviderFor,
  fxUserQueryOptions,
  useAuth,
  useFxUser,
  useSuspenseFxUser,
  useSuspenseToken,
} from '@fx-auth/react';
import { ALICE, DEMO, eventually, renderWithAuth, settle, setUp } from './support.js';

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

  it("should wait for a login that replaces the session, not show the boundary's fallback", async () => {
    const { client, queryClient } = await setUp({ latency: 50 });
    await client.login(DEMO);
    renderWithAuth(
      <Boundaries>
        <Greeting />
      </Boundaries>,
      { client, queryClient },
    );
    expect(screen.getByText('Hello Demo')).toBeTruthy();

    let login: Promise<unknown> = Promise.resolve();
    await act(async () => {
      login = client.login(ALICE); // the session ends at once; the new one comes 50 ms later
      await Promise.resolve();
    });
    expect(client.getSnapshot().status).toBe('authenticating');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByText('Loading…')).toBeTruthy();
    await act(() => login);

    await eventually(() => screen.queryByText('Hello Alice') !== null, "Alice's profile");
    expect(screen.queryByRole('alert')).toBeNull();
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

  /** The status, from a component that is not suspended: it must never be updated by another one's render. */
  function Status() {
    return <p>status {useAuth().status}</p>;
  }

  /** Renders the token's last characters, counting renders that got one. */
  function tokenShower() {
    const tokens: string[] = [];
    /** `render`: a prop that changes, so that a parent's render renders it again. */
    function Token({ render = 0 }: { render?: number }) {
      const { accessToken, expiresAt } = useSuspenseToken();
      tokens.push(accessToken);
      return (
        <p data-render={render}>
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
    const { tokens, Token } = tokenShower();
    const app = (tokensShown: number) => (
      <AuthProviderFor client={client} queryClient={queryClient}>
        <Status />
        <Boundaries>
          {Array.from({ length: tokensShown }, (_, index) => (
            <Token key={index} />
          ))}
        </Boundaries>
      </AuthProviderFor>
    );
    const { rerender } = render(app(0)); // a mounted subscriber, which no other render may update

    vi.setSystemTime(first.expiresAt + 60_000); // back from sleep: no timer has run
    rerender(app(2));
    expect(screen.getByText('Loading…')).toBeTruthy();
    await eventually(() => screen.queryAllByText(/^token/).length === 2, 'the refreshed tokens');

    expect(tokens).not.toContain(first.accessToken);
    expect(new Set(tokens)).toEqual(new Set([client.getSnapshot().session?.accessToken]));
    expect(server.count('fx-token')).toBe(2);
  });

  it('should not hand out the token it gave before once its time is up, though the client has not changed', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const { server, client, queryClient } = await setUp();
    const first = await client.login(DEMO);
    const { tokens, Token } = tokenShower();
    const { rerender } = render(
      <AuthProviderFor client={client} queryClient={queryClient}>
        <Boundaries>
          <Token render={1} />
        </Boundaries>
      </AuthProviderFor>,
    );
    expect(tokens).toEqual([first.accessToken]);

    vi.setSystemTime(first.expiresAt + 5_000); // asleep past expiry; then anything renders it again
    rerender(
      <AuthProviderFor client={client} queryClient={queryClient}>
        <Boundaries>
          <Token render={2} />
        </Boundaries>
      </AuthProviderFor>,
    );
    await eventually(() => tokens.length > 1, 'the refreshed token');

    const next = client.getSnapshot().session?.accessToken;
    expect(tokens.slice(1)).toEqual([next]);
    expect(next).not.toBe(first.accessToken);
    expect(server.count('fx-token')).toBe(2);
  });

  it('should give the boundary session_expired when a rejected refresh token ended the session', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { server, client, queryClient } = await setUp();
    await client.login(DEMO);
    const { Token } = tokenShower();
    renderWithAuth(
      <Boundaries>
        <Token />
      </Boundaries>,
      { client, queryClient },
    );
    server.inject('fx-token', { type: 'status', status: 401, body: '{"error":"invalid_token"}' });

    await act(() => client.refresh().catch(() => undefined));

    expect(screen.getByRole('alert').textContent).toBe('session_expired');
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
