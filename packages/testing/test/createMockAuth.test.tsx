import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, render, screen } from '@testing-library/react';
import { QueryClient } from '@tanstack/react-query';
import { AuthProvider, useAuth, useFxUser, useLogin } from '@fx-auth/react';
import { createMockAuth, mockFxUser, type MockAuth } from '@fx-auth/testing';

const mocks: MockAuth[] = [];
afterEach(() => {
  cleanup();
  vi.useRealTimers();
  for (const mock of mocks.splice(0)) mock.client.destroy();
});

function mockAuth(...options: Parameters<typeof createMockAuth>) {
  const auth = createMockAuth(...options);
  mocks.push(auth);
  return auth;
}

/** A screen as an app would have one: who is there, in what state, and the last error. */
function Screen() {
  const { status, error } = useAuth();
  const { data: user } = useFxUser();
  const login = useLogin();
  return (
    <div>
      <p data-testid="status">{status}</p>
      <p data-testid="user">{user ? `${user.firstName} of ${user.company.name}` : 'nobody'}</p>
      <p data-testid="error">{error?.code ?? login.error?.code ?? 'none'}</p>
      <button type="button" onClick={() => login.mutate({ username: 'demo', password: 'wrong' })}>
        Log in wrongly
      </button>
    </div>
  );
}

function show(auth: MockAuth) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <AuthProvider client={auth.client} queryClient={queryClient}>
      <Screen />
    </AuthProvider>,
  );
}

const shown = (id: string) => screen.getByTestId(id).textContent;
const settle = () => act(() => new Promise((resolve) => setTimeout(resolve, 0)));

describe('createMockAuth', () => {
  it('should render a screen anonymous, then logged in with the profile, without a server', async () => {
    const auth = mockAuth({ user: mockFxUser({ firstName: 'Ada' }) });
    show(auth);
    expect(shown('status')).toBe('anonymous');

    await act(() => auth.logIn());

    expect(shown('status')).toBe('authenticated');
    expect(shown('user')).toBe('Ada of Demo Freight Ltd');
    expect(auth.calls).toEqual({ login: 1, refresh: 0 });
  });

  it('should hold a refresh, showing refreshing, until told to finish it', async () => {
    const auth = mockAuth();
    await auth.logIn();
    show(auth);
    const before = auth.client.getSnapshot().session?.accessToken;

    act(() => auth.holdRefresh());
    await settle(); // held: no answer comes, however long it waits
    expect(shown('status')).toBe('refreshing');
    expect(shown('user')).toBe('Demo of Demo Freight Ltd'); // kept while refreshing
    await act(() => auth.finishRefresh());

    expect(shown('status')).toBe('authenticated');
    expect(auth.client.getSnapshot().session?.accessToken).not.toBe(before);
    expect(auth.calls.refresh).toBe(1);
  });

  it('should end the session as expired when the refresh token is rejected, and log in again after', async () => {
    const auth = mockAuth();
    await auth.logIn();
    show(auth);

    await act(() => auth.expire());

    expect(shown('status')).toBe('anonymous');
    expect(shown('error')).toBe('session_expired');
    expect(shown('user')).toBe('nobody');
    await act(() => auth.logIn());
    await act(() => auth.client.refresh());
    expect(shown('status')).toBe('authenticated');
  });

  it('should keep the session with the error while refreshes fail, until recover() refreshes', async () => {
    const auth = mockAuth();
    await auth.logIn();
    show(auth);

    await act(() => auth.failRefreshes('server'));
    expect(shown('status')).toBe('authenticated');
    expect(shown('error')).toBe('server');
    await act(() => auth.recover());

    expect(shown('error')).toBe('none');
    expect(auth.calls.refresh).toBe(2);
  });

  it('should let a held refresh go on expire(), failRefreshes(), logOut() and logIn(), and hold only a session', async () => {
    const auth = mockAuth();
    expect(() => auth.holdRefresh()).toThrow('holdRefresh() needs a session');
    await auth.logIn();

    auth.holdRefresh();
    await auth.failRefreshes('timeout');
    expect(auth.client.getSnapshot().error?.code).toBe('timeout');
    auth.holdRefresh();
    await auth.expire();
    expect(auth.client.getSnapshot()).toMatchObject({ status: 'anonymous', error: { code: 'session_expired' } });
    await auth.logIn();
    auth.holdRefresh();
    await auth.logOut();
    await auth.logIn();
    await auth.client.refresh(); // would wait for ever on a hold left behind

    expect(auth.client.getSnapshot().status).toBe('authenticated');
  });

  it('should refresh on a fake clock, as the real client does, before the token expires', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const auth = mockAuth({ tokenLifetime: 600 });
    const first = await auth.logIn();
    show(auth);

    await act(() => vi.advanceTimersByTimeAsync(540_000 - 1));
    expect(auth.calls.refresh).toBe(0);
    await act(() => vi.advanceTimersByTimeAsync(1));

    expect(auth.calls.refresh).toBe(1);
    expect(auth.client.getSnapshot().session?.expiresAt).toBe(first.expiresAt + 540_000);
  });

  it('should refuse a wrong password, and fail the next login as told', async () => {
    const auth = mockAuth();
    show(auth);

    act(() => screen.getByRole('button', { name: 'Log in wrongly' }).click());
    await settle();
    expect(shown('error')).toBe('invalid_credentials');
    auth.failNextLogin('network');

    await expect(auth.logIn()).rejects.toMatchObject({ code: 'network' });
    await expect(auth.logIn()).resolves.toMatchObject({ tokenType: 'Bearer' });
  });

  it('should keep tokens and the password out of every error it plays', async () => {
    const auth = mockAuth({ credentials: { username: 'ada', password: 'correct horse' } });
    const session = await auth.logIn();
    auth.failNextLogin();

    const error = await auth.logIn().catch((failure: unknown) => failure);
    await auth.failRefreshes('timeout');

    const shownErrors = JSON.stringify([error, auth.client.getSnapshot().error, String(error)]);
    for (const secret of ['correct horse', session.accessToken, session.refreshToken!]) {
      expect(shownErrors).not.toContain(secret);
    }
  });
});
