import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { createMockTokenServer, defaultUsers, type MockTokenServer } from '../src/index.js';
import { FX_CLIENT, fxLogin, postQuery, start } from './support.js';

/** Serves `mock.handle` behind a plain server whose `next` answers 418, like a Vite dev server. */
async function mount(mock: MockTokenServer, withNext: boolean) {
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const next = () => {
      res.statusCode = 418;
      res.end('next');
    };
    if (withNext) mock.handle(req, res, next);
    else mock.handle(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const close = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  return { url, close };
}

describe('startMockTokenServer', () => {
  it('should listen on 127.0.0.1 at a free port and give its URL without a trailing slash', async () => {
    const server = await start();

    expect(server.url).toBe(`http://127.0.0.1:${server.port}`);
    expect(server.port).toBeGreaterThan(0);
  });

  it('should close with kept-alive connections open, and more than once', async () => {
    const server = await start();
    await fxLogin(server);

    await expect(server.close()).resolves.toBeUndefined();
    await expect(server.close()).resolves.toBeUndefined();
    await expect(fetch(server.url)).rejects.toThrow(TypeError);
  });
});

describe('recording', () => {
  it('should record each request as received: method, raw url, headers, raw headers and body', async () => {
    const server = await start();
    await fetch(`${server.url}/oauth/token?client_id=freightexchange&x=%2B+%20`, {
      method: 'POST',
      headers: { 'X-Custom-Header': 'Value', 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'client_secret=secret&grant_type=password&username=demo&password=d%C3%A9mo',
    });
    const [request] = server.requests;

    expect(request).toMatchObject({
      api: 'fx-token',
      method: 'POST',
      url: '/oauth/token?client_id=freightexchange&x=%2B+%20',
      body: 'client_secret=secret&grant_type=password&username=demo&password=d%C3%A9mo',
    });
    expect(request?.headers['x-custom-header']).toBe('Value');
    expect(request?.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(request?.rawHeaders).toContain('X-Custom-Header');
  });

  it('should count requests per API and in all', async () => {
    const server = await start();
    await fxLogin(server);
    await fxLogin(server);
    await fetch(`${server.url}/passport/oauth/token`, { method: 'POST' });
    await fetch(`${server.url}/nowhere`);

    expect(server.count('fx-token')).toBe(2);
    expect(server.count('passport-token')).toBe(1);
    expect(server.count('other')).toBe(1);
    expect(server.count('me')).toBe(0);
    expect(server.count()).toBe(4);
  });

  it('should forget recorded requests on reset() but keep the knobs and the array', async () => {
    const server = await start({ accessTokenLifetime: 100 });
    const requests = server.requests;
    await fxLogin(server);
    server.reset();
    const body = await fxLogin(server);

    expect(server.requests).toBe(requests);
    expect(server.count()).toBe(1);
    expect(body.expires_in).toBe(99);
  });
});

describe('knobs', () => {
  it('should expose the default users: demo and alice', async () => {
    const server = await start();

    expect(server.users).toEqual(defaultUsers());
    expect(server.users.map((user) => [user.username, user.password])).toEqual([
      ['demo', 'demo'],
      ['alice', 'p@ss w0rd&=?+%'],
    ]);
    expect(server.users[1]?.profile).toMatchObject({ id: '0002', login: 'alice', a_uplft: '0', sp_langs: [] });
  });

  it('should change knobs at runtime with set(), keeping the others', async () => {
    const server = await start({ accessTokenLifetime: 100 });
    server.set({ users: [{ username: 'zoe', password: 'z', profile: { id: '3' } }] });
    const response = await postQuery(server, '/oauth/token', {
      ...FX_CLIENT,
      grant_type: 'password',
      username: 'zoe',
      password: 'z',
    });

    expect(server.users.map((user) => user.username)).toEqual(['zoe']);
    expect(((await response.json()) as { expires_in: number }).expires_in).toBe(99);
  });
});

describe('CORS', () => {
  it('should answer a preflight with 204 and the allowed methods and headers, without using a fault', async () => {
    const server = await start();
    server.inject('fx-token', { type: 'status', status: 500 });
    const response = await fetch(`${server.url}/oauth/token`, {
      method: 'OPTIONS',
      headers: {
        Origin: 'http://localhost:5173',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'accept-version, cache-control',
      },
    });

    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    expect(response.headers.get('access-control-allow-methods')).toBe('POST, GET, OPTIONS');
    expect(response.headers.get('access-control-allow-headers')).toBe(
      'authorization, content-type, accept, cache-control, accept-version',
    );
    expect(server.requests[0]).toMatchObject({ api: 'other', method: 'OPTIONS' });
    expect(server.count('fx-token')).toBe(0);
    expect((await postQuery(server, '/oauth/token', {})).status).toBe(500);
  });

  it('should allow any origin when none is sent, on success and error answers', async () => {
    const server = await start();
    const ok = await postQuery(server, '/oauth/token', {
      ...FX_CLIENT,
      grant_type: 'password',
      username: 'demo',
      password: 'demo',
    });
    const error = await postQuery(server, '/oauth/token', {});

    expect(ok.headers.get('access-control-allow-origin')).toBe('*');
    expect(error.headers.get('access-control-allow-origin')).toBe('*');
    expect(error.headers.get('access-control-expose-headers')).toBe('WWW-Authenticate');
  });
});

describe('handle() as middleware', () => {
  it('should call next() for paths it does not serve and answer the ones it does', async () => {
    const mock = createMockTokenServer();
    const app = await mount(mock, true);
    try {
      const other = await fetch(`${app.url}/src/main.tsx`);
      const token = await fetch(
        `${app.url}/oauth/token?client_id=freightexchange&client_secret=secret&grant_type=password&username=demo&password=demo`,
        { method: 'POST' },
      );

      expect(other.status).toBe(418);
      expect(await other.text()).toBe('next');
      expect(token.status).toBe(200);
      expect(mock.count()).toBe(1);
      expect(mock.requests[0]?.api).toBe('fx-token');
    } finally {
      await app.close();
    }
  });

  it('should answer 404 JSON for unknown paths without next(), and record them as other', async () => {
    const mock = createMockTokenServer({ now: () => Date.UTC(2026, 0, 1) });
    const app = await mount(mock, false);
    try {
      const response = await fetch(`${app.url}/nowhere?x=1`);

      expect(response.status).toBe(404);
      expect(await response.json()).toEqual({
        timestamp: '2026-01-01T00:00:00.000+00:00',
        status: 404,
        error: 'Not Found',
        message: 'No message available',
        path: '/nowhere',
      });
      expect(mock.requests[0]).toMatchObject({ api: 'other', url: '/nowhere?x=1' });
    } finally {
      await app.close();
    }
  });

  it('should not serve a path that only starts like one of its routes', async () => {
    const mock = createMockTokenServer();
    const app = await mount(mock, true);
    try {
      expect((await fetch(`${app.url}/oauth/token/extra`, { method: 'POST' })).status).toBe(418);
      expect(mock.count()).toBe(0);
    } finally {
      await app.close();
    }
  });
});
