import { StrictMode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, render, screen, within } from '@testing-library/react';
import { hydrateRoot } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import { startMockTokenServer, type RunningMockTokenServer } from '@fx-auth/mock-server';
import { createAuthClient, freightExchange, type AuthClient } from '@fx-auth/core';
import { AuthProvider } from '@fx-auth/react';
import { FxAuthDevtools } from '@fx-auth/devtools/production';
import { FxAuthDevtools as FxAuthDevtoolsInDevelopment } from '@fx-auth/devtools';

const DEMO = { username: 'demo', password: 'demo' } as const;
const servers: RunningMockTokenServer[] = [];
const clients: AuthClient[] = [];

afterEach(async () => {
  cleanup();
  vi.useRealTimers();
  for (const client of clients.splice(0)) client.destroy();
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function setUp(lifetime = 600) {
  const server = await startMockTokenServer({ accessTokenLifetime: lifetime });
  servers.push(server);
  const client = createAuthClient({ provider: freightExchange({ baseUrl: server.url }) });
  clients.push(client);
  return { server, client };
}

const fact = (name: string) => screen.getByTestId(`fx-devtools-${name}`).textContent;
const events = () => within(screen.getByRole('list', { name: 'Token lifecycle events' })).getAllByRole('listitem');
const eventTypes = () => events().map((item) => item.dataset.event);

describe('FxAuthDevtools', () => {
  it('should show the session and a timeline of a login, newest first, with the token as its suffix only', async () => {
    const { client } = await setUp();
    render(
      <StrictMode>
        <AuthProvider client={client}>
          <FxAuthDevtools initialIsOpen />
        </AuthProvider>
      </StrictMode>,
    );
    expect(fact('status')).toBe('anonymous');

    const session = await act(() => client.login(DEMO));

    expect(fact('status')).toBe('authenticated');
    expect(fact('token')).toBe(`…${session.accessToken.slice(-4)}`);
    expect(eventTypes()).toEqual([
      'refresh_scheduled',
      'session_committed',
      'token_request_finished',
      'token_request_started',
    ]);
    expect(events()[2]!.textContent).toContain('password: HTTP 200');
    expect(document.body.textContent).not.toContain(session.accessToken);
    expect(document.body.textContent).not.toContain(session.refreshToken);
  });

  it('should count down the token life and the next refresh, live', async () => {
    vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'], now: new Date('2026-12-01T10:00:00') });
    const { client } = await setUp(301); // expires_in 300
    await client.login(DEMO);
    render(<FxAuthDevtools client={client} initialIsOpen />);
    expect(fact('expires')).toBe('5m 00s (10:05:00)');
    expect(fact('refresh')).toBe('4m 00s (10:04:00)');

    await act(() => vi.advanceTimersByTimeAsync(65_000));

    expect(fact('expires')).toBe('3m 55s (10:05:00)');
    expect(fact('refresh')).toBe('2m 55s (10:04:00)');
  });

  it('should say the next refresh is now while one runs, and when the next one is once it is done', async () => {
    const { client, server } = await setUp();
    await client.login(DEMO);
    render(<FxAuthDevtools client={client} initialIsOpen />);
    server.inject('fx-token', { type: 'delay', ms: 30 });

    let refresh: Promise<unknown> = Promise.resolve();
    await act(async () => {
      refresh = client.refresh();
      await Promise.resolve();
    });
    expect(fact('refresh')).toBe('now');
    await act(() => refresh);

    expect(fact('refresh')).toMatch(/^\d+m \d\ds \(/);
  });

  it('should tell why a session ended, and its last error', async () => {
    const { client, server } = await setUp();
    await client.login(DEMO);
    render(<FxAuthDevtools client={client} initialIsOpen />);
    server.revokeRefreshTokens();

    await act(() => client.refresh().catch(() => undefined));

    expect(fact('status')).toBe('anonymous');
    expect(fact('error')).toBe('session_expired');
    expect(events()[0]!.textContent).toContain('the server rejected the refresh token (session_expired)');
  });

  it('should open from its button, close again, and clear its timeline', async () => {
    const { client } = await setUp();
    render(<FxAuthDevtools client={client} />);
    await act(() => client.login(DEMO));
    expect(screen.queryByRole('region', { name: 'fx-auth devtools' })).toBeNull();

    act(() => screen.getByRole('button', { name: 'fx-auth: authenticated' }).click());
    expect(eventTypes()).toHaveLength(4);
    act(() => screen.getByRole('button', { name: 'Clear events' }).click());
    expect(screen.getByText('No events yet.')).toBeTruthy();
    act(() => screen.getByRole('button', { name: 'Close' }).click());

    expect(screen.queryByRole('region', { name: 'fx-auth devtools' })).toBeNull();
  });

  it('should keep the last maxEvents events only', async () => {
    const { client } = await setUp();
    render(<FxAuthDevtools client={client} initialIsOpen maxEvents={3} />);

    await act(() => client.login(DEMO));
    await act(() => client.refresh());

    expect(eventTypes()).toEqual(['refresh_scheduled', 'session_committed', 'token_request_finished']);
  });

  it('should start a new timeline for another client, and keep keys unique when its props change', async () => {
    const [{ client: first }, { client: second }] = [await setUp(), await setUp()];
    await first.login(DEMO);
    const { rerender } = render(<FxAuthDevtools client={first} initialIsOpen />);
    await act(() => first.refresh());
    expect(eventTypes()).toHaveLength(4);

    rerender(<FxAuthDevtools client={first} initialIsOpen maxEvents={50} />);
    await act(() => first.refresh()); // React reports duplicate keys on the console, which fails the test
    expect(eventTypes()).toHaveLength(8);
    rerender(<FxAuthDevtools client={second} initialIsOpen />);

    expect(screen.getByText('No events yet.')).toBeTruthy();
    expect(fact('status')).toBe('anonymous');
  });

  it('should render nothing from the main entry outside development builds', async () => {
    const { client } = await setUp();
    expect(process.env.NODE_ENV).not.toBe('development');

    const { container } = render(<FxAuthDevtoolsInDevelopment client={client} initialIsOpen />);

    expect(container.innerHTML).toBe('');
  });

  it('should render nothing on the server and hydrate without a mismatch, then show the live session', async () => {
    const { client } = await setUp();
    await client.login(DEMO);
    const serverClient = createAuthClient({ provider: freightExchange({ baseUrl: 'http://127.0.0.1:9' }) });
    const app = (of: AuthClient) => (
      <AuthProvider client={of}>
        <p>app</p>
        <FxAuthDevtools />
      </AuthProvider>
    );
    const container = document.createElement('div');
    container.innerHTML = renderToString(app(serverClient));
    serverClient.destroy();
    expect(container.textContent).toBe('app');
    const recoverable: unknown[] = [];

    const root = await act(async () =>
      hydrateRoot(container, app(client), { onRecoverableError: (error) => recoverable.push(error) }),
    );

    expect(recoverable).toEqual([]);
    expect(container.textContent).toBe('appfx-auth: authenticated');
    act(() => root.unmount());
  });
});
