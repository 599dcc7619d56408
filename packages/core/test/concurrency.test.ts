import { describe, expect, it } from 'vitest';
import { DEMO, fxClient, startServer } from './support.js';

describe('one refresh at a time', () => {
  it('should send one token request for any number of concurrent forced refreshes', async () => {
    const server = await startServer({ latency: 20 });
    const client = fxClient(server);
    await client.login(DEMO);

    const results = await Promise.all([
      ...Array.from({ length: 10 }, () => client.getAccessToken({ forceRefresh: true })),
      ...Array.from({ length: 10 }, async () => (await client.refresh()).accessToken),
    ]);

    expect(server.count('fx-token')).toBe(2);
    expect(new Set(results).size).toBe(1);
  });

  it('should send one token request for 401 retries, forced refreshes and token reads during one refresh', async () => {
    const server = await startServer({ latency: 20 });
    const client = fxClient(server);
    await client.login(DEMO);
    server.revokeAccessTokens();

    const calls = Array.from({ length: 8 }, () => client.ky.get(`${server.url}/api/me`));
    await Promise.all([client.refresh(), client.getAccessToken({ forceRefresh: true })]);
    const responses = await Promise.all(calls);

    expect(server.count('fx-token')).toBe(2);
    expect(responses.every((response) => response.status === 200)).toBe(true);
  });

  it('should retry a 401 for an already replaced token with the new token, without another refresh', async () => {
    const server = await startServer();
    let release!: () => void;
    let reached!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const held = new Promise<void>((resolve) => (reached = resolve));
    const client = fxClient(server, {
      // Holds the API call on its way out, so the token it carries is replaced meanwhile.
      fetch: async (input, init) => {
        if (String(input instanceof Request ? input.url : input).endsWith('/api/me')) {
          reached();
          await gate;
        }
        return fetch(input, init);
      },
    });
    const first = await client.login(DEMO);
    const call = client.ky.get(`${server.url}/api/me`);
    await held;
    server.revokeAccessTokens();
    const second = await client.refresh();
    release();

    const response = await call;

    expect(response.status).toBe(200);
    expect(server.count('fx-token')).toBe(2);
    const calls = server.requests.filter((request) => request.api === 'me');
    expect(calls.map((request) => request.headers.authorization)).toEqual([
      `Bearer ${first.accessToken}`,
      `Bearer ${second.accessToken}`,
    ]);
  });
});

describe('getAccessToken() answers with a promise', () => {
  it('should reject, not throw, whatever its options do', async () => {
    const server = await startServer();
    const client = fxClient(server);
    await client.login(DEMO);
    const options = {
      get forceRefresh(): boolean {
        throw new Error('a getter that throws');
      },
    };

    let answer: Promise<string> | undefined;
    expect(() => (answer = client.getAccessToken(options))).not.toThrow();
    await expect(answer).rejects.toThrow('a getter that throws');
  });
});
