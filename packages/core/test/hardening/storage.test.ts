import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { clientCredentials, createAuthClient, webStorage, type SessionStorage } from '@fx-auth/core';
import { ANONYMOUS, DEMO, fxClient, startServer, track } from '../support.js';

type Method = 'getItem' | 'setItem' | 'removeItem';

/** A storage over one slot whose listed methods fail (throw, or do nothing), counting every call. */
function faultyStorage(failing: Partial<Record<Method, 'throw' | 'ignore'>> = {}) {
  let value: string | null = null;
  const calls: Method[] = [];
  const run = <T>(method: Method, action: () => T, ignored: T): T => {
    calls.push(method);
    if (failing[method] === 'throw') throw new DOMException('The operation is insecure.', 'SecurityError');
    return failing[method] === 'ignore' ? ignored : action();
  };
  const storage: SessionStorage = {
    getItem: () => run('getItem', () => value, null),
    setItem: (next) => run('setItem', () => void (value = next), undefined),
    removeItem: () => run('removeItem', () => void (value = null), undefined),
  };
  return { storage, calls, value: () => value, heal: () => (failing = {}) };
}

describe('a storage that fails', () => {
  it.each(['throw', 'ignore'] as const)(
    'should keep a logout when removeItem() fails (%s), in this client and after a reload',
    async (how) => {
      const server = await startServer();
      const slot = faultyStorage({ removeItem: how });
      const client = fxClient(server, { storage: slot.storage });
      const session = await client.login(DEMO);

      await client.logout();

      expect(client.getSnapshot().status).toBe('anonymous');
      expect(slot.value()).not.toContain(session.accessToken); // overwritten by a logged-out mark
      const reloaded = fxClient(server, { storage: slot.storage });
      expect(reloaded.getSnapshot()).toMatchObject({ status: 'anonymous', session: null });
      expect(await reloaded.getAccessToken().catch((error: unknown) => error)).toMatchObject({ code: 'no_session' });
    },
  );

  it('should remove the logged-out mark once removeItem() works again', async () => {
    const server = await startServer();
    const slot = faultyStorage({ removeItem: 'throw' });
    const client = fxClient(server, { storage: slot.storage });
    await client.login(DEMO);
    await client.logout();
    expect(slot.value()).not.toBeNull();

    slot.heal();
    fxClient(server, { storage: slot.storage });

    expect(slot.value()).toBeNull();
  });

  it.each<Method>(['getItem', 'setItem', 'removeItem'])(
    'should log in, hand out the token and log out when %s() throws',
    async (method) => {
      const server = await startServer();
      const slot = faultyStorage({ [method]: 'throw' });
      const client = fxClient(server, { storage: slot.storage });

      const session = await client.login(DEMO);
      expect(await client.getAccessToken()).toBe(session.accessToken);
      expect(await client.refresh()).not.toEqual(session);
      await client.logout();

      expect(client.getSnapshot()).toEqual(ANONYMOUS);
      expect(slot.calls).toContain(method);
    },
  );

  it('should read the storage at most once per getAccessToken() and never write it then', async () => {
    const server = await startServer();
    const slot = faultyStorage();
    const client = fxClient(server, { storage: slot.storage });
    await client.login(DEMO);
    slot.calls.length = 0;

    for (let call = 0; call < 5; call += 1) await client.getAccessToken();

    expect(slot.calls.length).toBeLessThanOrEqual(5);
    expect(slot.calls.filter((method) => method !== 'getItem')).toEqual([]);
  });

  it('should refuse, at creation, a storage whose methods return Promises, naming the option', () => {
    const failing = () => Promise.reject(new Error('async storage'));
    const asyncStorage = { getItem: failing, setItem: failing, removeItem: failing } as unknown as SessionStorage;

    expect(() => createAuthClient({ provider: clientCredentials(PASSPORT), storage: asyncStorage })).toThrow(
      expect.objectContaining({ code: 'invalid_options', message: expect.stringContaining('options.storage') }),
    );
  });

  it('should leave no unhandled rejection when setItem() and removeItem() return rejected Promises', async () => {
    const server = await startServer();
    const slot = faultyStorage();
    const failing = () => Promise.reject(new Error('async write'));
    const storage = { ...slot.storage, setItem: failing, removeItem: failing } as unknown as SessionStorage;
    const client = fxClient(server, { storage });

    await client.login(DEMO);
    await client.logout();

    expect(client.getSnapshot().status).toBe('anonymous'); // vitest fails the run on an unhandled rejection
  });
});

const PASSPORT = { tokenUrl: 'https://passport.example.com/oauth/token', clientId: 'id', clientSecret: 'secret' };

describe('clients that share an origin', () => {
  it('should keep two providers on webStorage(localStorage) apart: neither reads nor deletes the other', async () => {
    const server = await startServer();
    const local = new Window().localStorage;
    const passport = { ...PASSPORT, tokenUrl: `${server.url}/passport/oauth/token`, clientId: 'demo-client' };
    const open = () => ({
      fx: fxClient(server, { storage: webStorage(local) }),
      passport: track(
        createAuthClient({
          provider: clientCredentials({ ...passport, clientSecret: 'demo-secret' }),
          storage: webStorage(local),
        }),
      ),
    });
    const first = open();
    const fxSession = await first.fx.login(DEMO);
    const passportSession = await first.passport.login();

    const reloaded = open();
    expect(reloaded.fx.getSnapshot().session).toEqual(fxSession);
    expect(reloaded.passport.getSnapshot().session).toEqual(passportSession);
    await reloaded.passport.logout();

    expect(open().fx.getSnapshot().session).toEqual(fxSession);
    expect(local.length).toBe(1);
  });

  it('should keep apart clients of one token endpoint with different client ids', async () => {
    const server = await startServer();
    const local = new Window().localStorage;
    const tokenUrl = `${server.url}/passport/oauth/token`;
    const make = (clientId: string) =>
      track(
        createAuthClient({
          provider: clientCredentials({ tokenUrl, clientId, clientSecret: 'demo-secret' }),
          storage: webStorage(local),
        }),
      );
    const session = await make('demo-client').login();

    const other = make('other-client');
    expect(other.getSnapshot().status).toBe('anonymous');
    await other.logout();

    expect(make('demo-client').getSnapshot().session).toEqual(session);
    expect(local.length).toBe(1);
  });
});
