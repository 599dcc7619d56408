import { describe, expect, it, vi } from 'vitest';
import { FX_CLIENT, fxLogin, getMe, postQuery, start } from './support.js';

const LOGIN = { ...FX_CLIENT, grant_type: 'password', username: 'demo', password: 'demo' };

describe('fault injection', () => {
  it('should play a status fault with its body, content type and headers, then answer normally', async () => {
    const server = await start();
    server.inject('fx-token', {
      type: 'status',
      status: 503,
      body: '{"error":"unavailable"}',
      contentType: 'application/json',
      headers: { 'Retry-After': '5' },
    });
    const faulted = await postQuery(server, '/oauth/token', LOGIN);
    const normal = await postQuery(server, '/oauth/token', LOGIN);

    expect(faulted.status).toBe(503);
    expect(faulted.headers.get('content-type')).toBe('application/json');
    expect(faulted.headers.get('retry-after')).toBe('5');
    expect(await faulted.text()).toBe('{"error":"unavailable"}');
    expect(normal.status).toBe(200);
    expect(server.count('fx-token')).toBe(2);
  });

  it('should send a bare status fault without a body or content type', async () => {
    const server = await start();
    server.inject('fx-token', { type: 'status', status: 500 });
    const response = await postQuery(server, '/oauth/token', LOGIN);

    expect(response.status).toBe(500);
    expect(response.headers.get('content-type')).toBeNull();
    expect(await response.text()).toBe('');
  });

  it('should play a fault `times` times', async () => {
    const server = await start();
    server.inject('passport-token', { type: 'status', status: 502 }, { times: 3 });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i += 1) {
      statuses.push((await fetch(`${server.url}/passport/oauth/token`, { method: 'POST' })).status);
    }

    expect(statuses).toEqual([502, 502, 502, 401]);
  });

  it('should play faults only for their API', async () => {
    const server = await start();
    server.inject('json-login', { type: 'status', status: 500 });

    expect((await postQuery(server, '/oauth/token', LOGIN)).status).toBe(200);
    expect(server.count('json-login')).toBe(0);
  });

  it.each([undefined, 503])('should send an HTML error page (status %s)', async (status) => {
    const server = await start();
    server.inject('fx-token', status === undefined ? { type: 'html' } : { type: 'html', status });
    const response = await postQuery(server, '/oauth/token', LOGIN);

    expect(response.status).toBe(status ?? 502);
    expect(response.headers.get('content-type')).toBe('text/html');
    expect(await response.text()).toContain(`<h1>${status ?? 502} `);
  });

  it('should send a token answer cut in half', async () => {
    const server = await start();
    server.inject('fx-token', { type: 'truncated' });
    const response = await postQuery(server, '/oauth/token', LOGIN);
    const text = await response.text();

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(text.startsWith('{"access_token":"eyJ')).toBe(true);
    expect(() => JSON.parse(text)).toThrow(SyntaxError);
  });

  it('should send JSON that is not a token answer', async () => {
    const server = await start();
    server.inject('json-login', { type: 'wrong-shape' });
    const response = await fetch(`${server.url}/api/v1/cas/authenticate`, {
      method: 'POST',
      body: '{"username":"demo","password":"demo"}',
    });

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', data: {} });
  });

  it('should drop the connection without an answer, and record the request', async () => {
    const server = await start();
    server.inject('fx-token', { type: 'drop' });

    await expect(postQuery(server, '/oauth/token', LOGIN)).rejects.toThrow(TypeError);
    expect(server.requests[0]).toMatchObject({ api: 'fx-token', method: 'POST' });
    expect((await postQuery(server, '/oauth/token', LOGIN)).status).toBe(200);
  });

  it('should hang without answering until the client gives up', async () => {
    const server = await start();
    server.inject('fx-token', { type: 'hang' });
    const giveUp = new AbortController();
    const request = fetch(`${server.url}/oauth/token?${new URLSearchParams(LOGIN)}`, {
      method: 'POST',
      signal: giveUp.signal,
    });
    const outcome = request.then(
      () => 'answered',
      (error: unknown) => (error as Error).name,
    );
    await vi.waitFor(() => expect(server.count('fx-token')).toBe(1)); // it arrived and is held

    giveUp.abort();

    expect(await outcome).toBe('AbortError'); // an answer would have settled it before the abort
  });

  it('should end a hung request on close(), which still resolves', async () => {
    const server = await start();
    server.inject('me', { type: 'hang' });
    const request = getMe(server, 'x');
    const failure = request.catch((error: unknown) => error);
    await vi.waitFor(() => expect(server.count('me')).toBe(1));

    await server.close();

    expect(await failure).toBeInstanceOf(TypeError);
  });

  it('should send the headers and part of a body that never ends', async () => {
    const server = await start();
    server.inject('fx-token', { type: 'hang-body' });
    const response = await postQuery(server, '/oauth/token', LOGIN);
    const reader = response.body!.getReader();
    const first = await reader.read();
    const rest = reader.read();
    const outcome = rest.then(
      () => 'more',
      () => 'failed',
    );
    // Many rounds of the event loop, with every socket read they bring, and no more of the body.
    let turnsLeft = 200;
    const waiting = (): Promise<string> =>
      new Promise((resolve) => setImmediate(resolve)).then(() => (--turnsLeft > 0 ? waiting() : 'waiting'));
    const raced = await Promise.race([outcome, waiting()]);

    expect(response.status).toBe(200);
    expect(new TextDecoder().decode(first.value)).toMatch(/^\{"access_token":/);
    expect(raced).toBe('waiting');
    await server.close();
    expect(await outcome).toBe('failed');
  });

  it('should answer normally after a delay', async () => {
    const server = await start();
    server.inject('fx-token', { type: 'delay', ms: 80 });
    const started = Date.now();
    const response = await postQuery(server, '/oauth/token', LOGIN);

    expect(response.status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(75);
  });

  it('should wait `latency` ms before answering token requests but not /api/me', async () => {
    const server = await start({ latency: 200 });
    const started = Date.now();
    const { access_token: token } = await fxLogin(server);
    const loginTime = Date.now() - started;
    const meStarted = Date.now();
    await getMe(server, token);

    expect(loginTime).toBeGreaterThanOrEqual(195);
    expect(Date.now() - meStarted).toBeLessThan(150);
  });

  it('should fault /api/me calls too', async () => {
    const server = await start();
    const { access_token: token } = await fxLogin(server);
    server.inject('me', { type: 'status', status: 401, body: '{"error":"invalid_token"}' });

    expect((await getMe(server, token)).status).toBe(401);
    expect((await getMe(server, token)).status).toBe(200);
  });

  it('should forget pending faults on reset()', async () => {
    const server = await start();
    server.inject('fx-token', { type: 'drop' }, { times: 2 });
    server.reset();

    expect((await postQuery(server, '/oauth/token', LOGIN)).status).toBe(200);
  });
});
