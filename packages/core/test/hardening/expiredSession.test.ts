import { afterEach, describe, expect, it, vi } from 'vitest';
import { createAuthClient, jsonLogin, type AuthClient } from '@fx-auth/core';
import { DEMO, fxClient, record, startServer, track, until } from '../support.js';

afterEach(() => {
  vi.useRealTimers();
});

/**
 * Moves fake time `ms` ahead in steps of a second, letting each token request (real I/O) settle
 * before time moves on: a long jump would pass the request's own deadline while it is in flight.
 */
async function advanceSettled(client: AuthClient, ms: number): Promise<void> {
  for (let left = ms; left > 0; left -= 1_000) {
    await vi.advanceTimersByTimeAsync(Math.min(left, 1_000));
    await until(client, (snapshot) => snapshot.status !== 'refreshing');
  }
}

describe('a session kept past its expiry', () => {
  it('should say so, with the last error, while refreshes fail transiently, and stop saying so once one succeeds', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const server = await startServer({ accessTokenLifetime: 600 });
    const client = fxClient(server);
    const session = await client.login(DEMO);
    const seen = record(client);
    server.inject('fx-token', { type: 'status', status: 503 }, { times: 1_000 });

    await advanceSettled(client, session.expiresAt - 1 - Date.now());
    expect(client.getSnapshot()).toMatchObject({ status: 'authenticated', session, expired: false });
    expect(client.getSnapshot().error).toMatchObject({ code: 'server', status: 503 });

    await vi.advanceTimersByTimeAsync(1); // the token's expiry: no request of its own
    expect(client.getSnapshot()).toMatchObject({ session, expired: true, error: { code: 'server' } });
    expect(seen.at(-1)?.expired).toBe(true);

    server.reset(); // the server is back
    await advanceSettled(client, 60_000); // the longest backoff
    expect(client.getSnapshot()).toMatchObject({ status: 'authenticated', expired: false, error: null });
    expect(client.getSnapshot().session?.accessToken).not.toBe(session.accessToken);
  });

  it('should never say so without a session, nor for a session that cannot be refreshed (it ends)', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const server = await startServer({ accessTokenLifetime: 600 });
    const provider = jsonLogin({ tokenUrl: `${server.url}/api/v1/cas/authenticate` }); // no refresh URL
    const client = track(createAuthClient({ provider }));
    const seen = record(client);
    const session = await client.login(DEMO);

    await vi.advanceTimersByTimeAsync(session.expiresAt - Date.now());

    expect(client.getSnapshot()).toMatchObject({ status: 'anonymous', expired: false });
    expect(seen.map((snapshot) => snapshot.expired)).not.toContain(true);
  });

  it('should answer getAccessToken() with the last failure while it backs off, not with a request per call', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const server = await startServer({ accessTokenLifetime: 600 });
    const client = fxClient(server);
    const session = await client.login(DEMO);
    server.inject('fx-token', { type: 'status', status: 503 }, { times: 1_000 });
    await advanceSettled(client, session.expiresAt + 1 - Date.now());
    const sent = server.count('fx-token');

    for (let call = 0; call < 10; call += 1) {
      expect(await client.getAccessToken().catch((error: unknown) => error)).toMatchObject({ code: 'server' });
    }

    expect(server.count('fx-token')).toBe(sent);
    expect(client.getSnapshot()).toMatchObject({ status: 'authenticated', expired: true });
  });
});
