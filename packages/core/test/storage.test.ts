import { describe, expect, it } from 'vitest';
import { Window } from 'happy-dom';
import { createAuthClient, jsonLogin, memoryStorage, webStorage, type SessionStorage } from '@fx-auth/core';
import { ANONYMOUS, DEMO, fxClient, macrotasks, rejectionOf, startServer, track } from './support.js';

/** The key `webStorage()` gives a FreightExchange client of `server` by default. */
const keyOf = (server: { url: string }) => `fx-auth.session freightExchange ${server.url}/oauth/token freightexchange`;

function browserStorage(): Storage {
  return new Window().localStorage;
}

describe('storage', () => {
  it('should keep the session in memory by default, per client', async () => {
    const server = await startServer();
    await fxClient(server).login(DEMO);

    expect(fxClient(server).getSnapshot().status).toBe('anonymous');
  });

  it('should restore a stored session on start, with its profile', async () => {
    const server = await startServer();
    const local = browserStorage();
    const original = fxClient(server, { storage: webStorage(local) });
    const session = await original.login(DEMO);

    expect(local.getItem(keyOf(server))).toContain(session.accessToken);
    const restored = fxClient(server, { storage: webStorage(local) });

    expect(restored.getSnapshot()).toEqual({
      status: 'authenticated',
      session,
      error: null,
      expired: false,
      refreshAt: session.expiresAt - 60_000, // the default leeway
      sessionId: original.getSnapshot().sessionId, // the same login
    });
    expect(await restored.getAccessToken()).toBe(session.accessToken);
    expect(server.count('fx-token')).toBe(1);
  });

  it('should use the given key', async () => {
    const server = await startServer();
    const local = browserStorage();
    await fxClient(server, { storage: webStorage(local, { key: 'mine' }) }).login(DEMO);

    expect(local.getItem('mine')).not.toBeNull();
    expect(local.length).toBe(1);
  });

  it.each([
    ['corrupted JSON', '{"version":1,"sess'],
    ['foreign JSON', '{"user":"someone","theme":"dark"}'],
    ['a wrong type', '{"version":1,"provider":"freightExchange x","issuedAt":1,"session":{"accessToken":5}}'],
    ['a future version', '{"version":2,"provider":"x","issuedAt":1,"session":{}}'],
    ['a plain string', 'hello'],
    ['null', 'null'],
  ])(
    'should ignore %s without throwing, and leave it alone: another client may have written it',
    async (_name, raw) => {
      const server = await startServer();
      const local = browserStorage();
      local.setItem(keyOf(server), raw);

      const client = fxClient(server, { storage: webStorage(local) });
      await client.logout();

      expect(client.getSnapshot().status).toBe('anonymous');
      expect(local.getItem(keyOf(server))).toBe(raw);
    },
  );

  it("should leave another provider's session alone on a storage they share", async () => {
    const server = await startServer();
    const storage = memoryStorage();
    const session = await fxClient(server, { storage }).login(DEMO);

    const other = track(
      createAuthClient({ provider: jsonLogin({ tokenUrl: `${server.url}/api/v1/cas/authenticate` }), storage }),
    );
    await other.logout();

    expect(other.getSnapshot().status).toBe('anonymous');
    expect(storage.getItem()).toContain(session.accessToken);
  });

  it('should clear the storage on logout', async () => {
    const server = await startServer();
    const local = browserStorage();
    const client = fxClient(server, { storage: webStorage(local) });
    await client.login(DEMO);

    await client.logout();

    expect(local.getItem(keyOf(server))).toBeNull();
    expect(client.getSnapshot()).toEqual(ANONYMOUS);
  });

  it('should not bring the session back when a login resolves after logout()', async () => {
    const server = await startServer();
    server.inject('fx-token', { type: 'delay', ms: 50 });
    const storage = memoryStorage();
    const client = fxClient(server, { storage });
    const login = client.login(DEMO);

    await client.logout();

    expect(await rejectionOf(login)).toMatchObject({ code: 'no_session' });
    expect(client.getSnapshot()).toEqual(ANONYMOUS);
    expect(storage.getItem()).toBeNull();
  });

  it('should not bring the session back when a refresh resolves after logout()', async () => {
    const server = await startServer();
    const storage = memoryStorage();
    const client = fxClient(server, { storage });
    await client.login(DEMO);
    server.inject('fx-token', { type: 'delay', ms: 50 });
    const refresh = client.refresh();
    const token = client.getAccessToken({ forceRefresh: true });

    await client.logout();

    expect(await rejectionOf(refresh)).toMatchObject({ code: 'no_session' });
    expect(await rejectionOf(token)).toMatchObject({ code: 'no_session' });
    await macrotasks(); // the aborted request's settling, and anything it could set off
    expect(client.getSnapshot()).toEqual(ANONYMOUS);
    expect(storage.getItem()).toBeNull();
  });

  it('should work with a storage that throws', async () => {
    const server = await startServer();
    const broken: SessionStorage = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
      removeItem: () => {
        throw new Error('SecurityError');
      },
    };
    const client = fxClient(server, { storage: broken });

    const session = await client.login(DEMO);
    expect(await client.getAccessToken()).toBe(session.accessToken);
    await client.logout();
    expect(client.getSnapshot().status).toBe('anonymous');
  });
});
