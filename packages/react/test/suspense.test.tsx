import { Component, Suspense, type ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { act, screen } from '@testing-library/react';
import { AuthError, isAuthError } from '@fx-auth/core';
import { AuthErrorBoundary, fxUserQueryOptions, useFxUser, useSuspenseFxUser } from '@fx-auth/react';
import { DEMO, renderWithAuth, settle, setUp } from './support.js';

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
