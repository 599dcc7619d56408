import { afterEach, describe, expect, it, vi } from 'vitest';
import { Window } from 'happy-dom';
import {
  AuthError,
  createAuthClient,
  freightExchange,
  type AuthClient,
  type Credentials,
  type TokenProvider,
  type TokenTransport,
} from '@fx-auth/core';
import { subscribeEvents, type AuthEvent } from '@fx-auth/core/events';
import {
  DEMO,
  fxClient,
  passportClient,
  rejectionOf,
  startHttpServer,
  startServer,
  track,
  until,
  withUncaughtErrors,
} from './support.js';
import { deliveredSoFar, installLocks, sharedStorage } from './tabs/support.js';

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

/** Every event `client` emits from now on. */
function eventsOf(client: AuthClient): AuthEvent[] {
  const seen: AuthEvent[] = [];
  subscribeEvents(client, (event) => seen.push(event));
  return seen;
}

const typesOf = (events: readonly AuthEvent[]) => events.map((event) => event.type);
const only = <T extends AuthEvent['type']>(events: readonly AuthEvent[], type: T) =>
  events.filter((event): event is Extract<AuthEvent, { type: T }> => event.type === type);

/** The events of a logout whose RFC 7009 revocation endpoint answers `status`, once it answered. */
async function eventsOfLogoutWithRevocation(status: number): Promise<AuthEvent[]> {
  const server = await startServer();
  const revocation = await startHttpServer((_request, response) => response.writeHead(status).end());
  const provider = freightExchange({ baseUrl: server.url, revocationUrl: `${revocation.url}/revoke` });
  const client = track(createAuthClient({ provider }));
  await client.login(DEMO);
  const events = eventsOf(client);

  await client.logout();
  await vi.waitFor(() => expect(only(events, 'token_request_finished')).toHaveLength(1));
  await revocation.close();
  return events;
}

describe('the event stream', () => {
  it('should tell a login: the request, its answer, the session committed and its refresh scheduled', async () => {
    const server = await startServer({ accessTokenLifetime: 600 });
    const client = fxClient(server);
    const events = eventsOf(client);

    const session = await client.login(DEMO);

    expect(typesOf(events)).toEqual([
      'token_request_started',
      'token_request_finished',
      'session_committed',
      'refresh_scheduled',
    ]);
    expect(events[0]).toMatchObject({ grant: 'password' });
    expect(events[1]).toMatchObject({ grant: 'password', outcome: 'success', status: 200, errorCode: null });
    expect(only(events, 'token_request_finished')[0]!.durationMs).toBeGreaterThanOrEqual(0);
    expect(events[2]).toMatchObject({
      source: 'login',
      expiresAt: session.expiresAt,
      tokenSuffix: session.accessToken.slice(-4),
    });
    expect(events[3]).toMatchObject({ refreshAt: client.getSnapshot().refreshAt });
    expect(events.every((event) => typeof event.at === 'number')).toBe(true);
  });

  it('should tell a scheduled refresh with the refresh_token grant, and when the next one is due', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const server = await startServer({ accessTokenLifetime: 600 });
    const client = fxClient(server);
    const first = await client.login(DEMO);
    const events = eventsOf(client);

    await vi.advanceTimersByTimeAsync(first.expiresAt - 60_000 - Date.now());
    const next = await until(client, (snapshot) => snapshot.status === 'authenticated');

    expect(typesOf(events)).toEqual([
      'token_request_started',
      'token_request_finished',
      'session_committed',
      'refresh_scheduled',
    ]);
    expect(events[0]).toMatchObject({ grant: 'refresh_token', at: first.expiresAt - 60_000 });
    expect(events[2]).toMatchObject({ source: 'refresh', expiresAt: next.session!.expiresAt });
    expect(events[3]).toMatchObject({ refreshAt: next.session!.expiresAt - 60_000 });
  });

  it('should tell a failed login with its status and error code, and commit nothing', async () => {
    const server = await startServer();
    const client = fxClient(server);
    const events = eventsOf(client);

    await rejectionOf(client.login({ username: 'demo', password: 'wrong' }));

    expect(typesOf(events)).toEqual(['token_request_started', 'token_request_finished']);
    expect(events[1]).toMatchObject({ outcome: 'failure', status: 400, errorCode: 'invalid_credentials' });
  });

  it('should tell a request that got no answer by a null status', async () => {
    const server = await startServer();
    const client = fxClient(server);
    await server.close();
    const events = eventsOf(client);

    await rejectionOf(client.login(DEMO));

    expect(only(events, 'token_request_finished')).toEqual([
      expect.objectContaining({ outcome: 'failure', status: null, errorCode: 'network' }),
    ]);
  });

  it('should tell why a session ended: a rejected refresh token', async () => {
    const server = await startServer();
    const client = fxClient(server);
    await client.login(DEMO);
    server.revokeRefreshTokens();
    const events = eventsOf(client);

    await rejectionOf(client.refresh());

    expect(only(events, 'token_request_finished')).toEqual([
      expect.objectContaining({
        grant: 'refresh_token',
        outcome: 'failure',
        status: 401,
        errorCode: 'session_expired',
      }),
    ]);
    expect(only(events, 'session_ended')).toEqual([
      expect.objectContaining({ reason: 'refresh_rejected', errorCode: 'session_expired' }),
    ]);
  });

  it('should tell why a session ended: a logout, and its revocation request', async () => {
    const events = await eventsOfLogoutWithRevocation(200);

    expect(typesOf(events)).toEqual(['session_ended', 'token_request_started', 'token_request_finished']);
    expect(events[0]).toMatchObject({ reason: 'logout', errorCode: null });
    expect(events[2]).toMatchObject({ grant: 'revocation', outcome: 'success', status: 200 });
  });

  it('should tell a refused revocation as failed, by its status (a logout never fails for it)', async () => {
    const events = await eventsOfLogoutWithRevocation(503);

    expect(only(events, 'token_request_finished')).toEqual([
      expect.objectContaining({ grant: 'revocation', outcome: 'failure', status: 503, errorCode: null }),
    ]);
  });

  it('should tell why a session ended: a new login here, then the new session', async () => {
    const server = await startServer();
    const client = fxClient(server);
    await client.login(DEMO);
    const events = eventsOf(client);

    await client.login(DEMO);

    expect(typesOf(events).filter((type) => type.startsWith('session_'))).toEqual([
      'session_ended',
      'session_committed',
    ]);
    expect(events[0]).toMatchObject({ reason: 'login' });
  });

  it('should tell why a session ended: it expired, refused a refresh by the server', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const server = await startServer({ accessTokenLifetime: 600 });
    const client = fxClient(server);
    const session = await client.login(DEMO);
    server.inject('fx-token', { type: 'status', status: 401, body: '{"error":"invalid_client"}' });
    const events = eventsOf(client);
    await vi.advanceTimersByTimeAsync(session.expiresAt - 60_000 - Date.now());
    await until(client, (snapshot) => snapshot.error?.code === 'invalid_client');

    await vi.advanceTimersByTimeAsync(session.expiresAt - Date.now());

    expect(only(events, 'token_request_finished')).toEqual([
      expect.objectContaining({ outcome: 'failure', status: 401, errorCode: 'invalid_client' }),
    ]);
    expect(only(events, 'session_ended')).toEqual([
      expect.objectContaining({ reason: 'expired', errorCode: 'session_expired', at: session.expiresAt }),
    ]);
  });

  it('should tell a client-credentials grant', async () => {
    const server = await startServer();
    const client = passportClient(server);
    const events = eventsOf(client);

    await client.login();

    expect(only(events, 'token_request_started')).toEqual([expect.objectContaining({ grant: 'client_credentials' })]);
  });

  it('should tell a 401 retried and a token withheld by their origins only', async () => {
    const server = await startServer();
    const elsewhere = await startHttpServer((_request, response) => response.writeHead(200).end('{}'));
    const client = fxClient(server);
    await client.login(DEMO);
    server.revokeAccessTokens();
    const events = eventsOf(client);
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);

    await client.ky.get(`${server.url}/api/me?secret=query`).json();
    await client.ky.get(`${elsewhere.url}/private/path?secret=query`).json();
    await elsewhere.close();

    expect(only(events, 'request_retried')).toEqual([
      expect.objectContaining({ origin: new URL(server.url).origin, status: 401 }),
    ]);
    expect(only(events, 'token_withheld')).toEqual([
      expect.objectContaining({ origin: new URL(elsewhere.url).origin }),
    ]);
    expect(JSON.stringify(events)).not.toContain('secret=query');
  });

  it('should stop telling a listener once it unsubscribed, and tell the others', async () => {
    const server = await startServer();
    const client = fxClient(server);
    const gone: AuthEvent[] = [];
    const unsubscribe = subscribeEvents(client, (event) => gone.push(event));
    const kept = eventsOf(client);
    unsubscribe();

    await client.login(DEMO);

    expect(gone).toEqual([]);
    expect(kept.length).toBeGreaterThan(0);
  });

  it('should keep the client working and the other listeners told when a listener throws', async () => {
    const server = await startServer();
    const client = fxClient(server);
    await withUncaughtErrors(async (uncaught) => {
      subscribeEvents(client, () => {
        throw new Error('listener bug');
      });
      const events = eventsOf(client);

      await client.login(DEMO);
      await new Promise((resolve) => setTimeout(resolve, 0));

      expect(client.getSnapshot().status).toBe('authenticated');
      expect(events).toHaveLength(4);
      expect(uncaught).toHaveLength(4);
    });
  });

  it('should tell nothing once the client is destroyed', async () => {
    const server = await startServer();
    const client = fxClient(server);
    await client.login(DEMO);
    const events = eventsOf(client);

    client.destroy();
    const late = eventsOf(client);
    await client.logout();

    expect(events).toEqual([]);
    expect(late).toEqual([]);
  });
});

/** Two tabs' clients sharing a storage, with Web Locks, against one server. */
async function twoTabs(): Promise<[AuthClient, AuthClient]> {
  installLocks();
  const server = await startServer();
  const storage = sharedStorage('test-shared', { lag: false });
  return [fxClient(server, { storage: storage.tab() }), fxClient(server, { storage: storage.tab() })];
}

describe('a client subscribeEvents() does not know', () => {
  it('should warn of a copy of a client (its events can never come), and not of a destroyed one', async () => {
    const server = await startServer();
    const client = fxClient(server);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);

    const events = eventsOf({ ...client });
    client.destroy();
    eventsOf(client);

    expect(events).toEqual([]);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]?.[0])).toContain('did not make');
  });
});

describe('the event stream across tabs', () => {
  it('should tell the message sent, the message received and the session taken from the other tab', async () => {
    const [first, second] = await twoTabs();
    const [sent, received] = [eventsOf(first), eventsOf(second)];

    const session = await first.login(DEMO);
    await until(second, (snapshot) => snapshot.session?.accessToken === session.accessToken);
    await deliveredSoFar();

    expect(only(sent, 'tab_message_sent')).toEqual([expect.objectContaining({ kind: 'session' })]);
    const order = typesOf(sent);
    expect(order.indexOf('session_committed')).toBeLessThan(order.indexOf('tab_message_sent')); // the news after the fact
    expect(only(received, 'tab_message_received').map((event) => event.kind)).toContain('session');
    expect(only(received, 'session_committed')).toEqual([
      expect.objectContaining({ source: 'other_tab', tokenSuffix: session.accessToken.slice(-4) }),
    ]);
    expect(only(received, 'token_request_started')).toEqual([]);
  });

  it("should tell another tab's logout as the reason a session ended here", async () => {
    const [first, second] = await twoTabs();
    await first.login(DEMO);
    await until(second, (snapshot) => snapshot.status === 'authenticated');
    const events = eventsOf(second);

    await first.logout();
    await until(second, (snapshot) => snapshot.status === 'anonymous');

    expect(only(events, 'tab_message_received')).toContainEqual(expect.objectContaining({ kind: 'session_ended' }));
    expect(only(events, 'session_ended')).toEqual([expect.objectContaining({ reason: 'other_tab', errorCode: null })]);
  });

  it('should tell a storage emptied while the page sat in the back/forward cache, and the end it meant', async () => {
    const window = new Window();
    vi.stubGlobal('window', window);
    vi.stubGlobal('document', window.document);
    try {
      installLocks();
      const server = await startServer();
      const storage = sharedStorage('test-shared', { lag: false });
      const tab = fxClient(server, { storage: storage.tab() });
      await tab.login(DEMO);
      const events = eventsOf(tab);
      storage.tab().removeItem(); // another tab's logout, its news missed in the cache
      await new Promise((resolve) => setImmediate(resolve));
      expect(events).toEqual([]); // an emptied storage alone ends nothing

      const shown = new window.Event('pageshow');
      Object.defineProperty(shown, 'persisted', { value: true });
      window.dispatchEvent(shown);

      expect(tab.getSnapshot().status).toBe('anonymous');
      expect(typesOf(events)).toEqual(['storage_changed', 'session_ended']);
      expect(events[0]).toMatchObject({ holds: 'nothing' });
      expect(events[1]).toMatchObject({ reason: 'storage_emptied' });
    } finally {
      await window.happyDOM.close();
    }
  });
});

describe('secrets in events', () => {
  it('should carry no password, client secret or token, whatever happened', async () => {
    const server = await startServer({ accessTokenLifetime: 600 });
    const client = fxClient(server);
    const events = eventsOf(client);
    await rejectionOf(client.login({ username: 'demo', password: 'wrong-secret-password' }));
    const session = await client.login(DEMO);
    await client.refresh();
    server.revokeRefreshTokens();
    await rejectionOf(client.refresh());

    const text = JSON.stringify(events);
    const secrets = ['wrong-secret-password', session.accessToken, session.refreshToken!, 'secret'];
    for (const secret of secrets) expect(text).not.toContain(secret);
    expect(events.length).toBeGreaterThan(8);
  });

  it('should show no part of a token too short to hide', async () => {
    const server = await startServer();
    const short = await startHttpServer((_request, response) =>
      response
        .writeHead(200, { 'Content-Type': 'application/json' })
        .end('{"access_token":"abcdefgh","token_type":"bearer","expires_in":600}'),
    );
    const client = passportClient({ url: short.url }, { authorizedOrigins: [server.url] });
    const events = eventsOf(client);

    await client.login();
    await short.close();

    expect(only(events, 'session_committed')).toEqual([expect.objectContaining({ tokenSuffix: null })]);
  });
});

describe('a provider that does not report its HTTP status', () => {
  it('should tell its requests by how they ended, with a null status', async () => {
    const provider: TokenProvider<Credentials> = {
      kind: 'jsonLogin',
      tokenUrl: 'https://login.example.com/token',
      login: () => Promise.resolve({ accessToken: 'a-token-from-elsewhere', expiresIn: 600, requestedAt: Date.now() }),
      refresh: () => Promise.reject(new AuthError('network', 'The token endpoint could not be reached.')),
      canRefresh: () => true,
    };
    const client = track(createAuthClient({ provider }));
    const events = eventsOf(client);

    await client.login(DEMO);
    await rejectionOf(client.refresh());

    expect(only(events, 'token_request_finished')).toEqual([
      expect.objectContaining({ grant: 'password', outcome: 'success', status: null, errorCode: null }),
      expect.objectContaining({ grant: 'refresh_token', outcome: 'failure', status: null, errorCode: 'network' }),
    ]);
  });
});

describe('nobody listening', () => {
  it('should hand providers the plain transport, with nothing to report to', async () => {
    const server = await startServer();
    const transports: TokenTransport[] = [];
    const real = freightExchange({ baseUrl: server.url });
    const provider: typeof real = {
      ...real,
      login: (transport, credentials) => {
        transports.push(transport);
        return real.login(transport, credentials);
      },
    };
    const client = track(createAuthClient({ provider }));

    await client.login(DEMO);
    const stop = subscribeEvents(client, () => undefined);
    await client.login(DEMO);
    stop();
    await client.login(DEMO);

    expect(transports.map((transport) => transport.answered !== undefined)).toEqual([false, true, false]);
  });
});
