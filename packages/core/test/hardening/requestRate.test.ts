import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createAuthClient, freightExchange, MIN_REFRESH_INTERVAL_MS, type AuthClient } from '@fx-auth/core';
import { startHttpServer, until } from '../support.js';

/** The documented bound: automatic token requests of one session, per minute, whatever the server says. */
const MAX_PER_MINUTE = 60_000 / MIN_REFRESH_INTERVAL_MS;

let expiresIn: unknown = 600;
let status = 200;
let served = 0;
let server: Awaited<ReturnType<typeof startHttpServer>>;
let baseUrl = '';

beforeAll(async () => {
  server = await startHttpServer((request, response) => {
    request.resume();
    request.on('end', () => {
      served += 1;
      const body =
        status === 200
          ? { access_token: `at-${served}`, token_type: 'bearer', expires_in: expiresIn, refresh_token: `rt-${served}` }
          : { error: 'temporarily_unavailable' };
      response.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
    });
  });
  baseUrl = server.url;
});
afterAll(() => server.close());
afterEach(() => {
  vi.useRealTimers();
});

/**
 * Runs `minutes` of fake time a second at a time, letting each token request (real I/O) settle
 * before time moves on, and returns how many token requests each minute saw.
 */
async function requestsPerMinute(client: AuthClient, minutes: number): Promise<number[]> {
  const counts: number[] = [];
  for (let minute = 0; minute < minutes; minute += 1) {
    const before = served;
    for (let second = 0; second < 60; second += 1) {
      await vi.advanceTimersByTimeAsync(1_000);
      await until(client, (snapshot) => snapshot.status !== 'refreshing');
    }
    counts.push(served - before);
  }
  return counts;
}

describe('token requests per minute', () => {
  it('should stay within the documented bound whatever lifetime the server announces', async () => {
    const lifetimes = fc.oneof(
      fc.constantFrom<unknown>(1e-300, '0.000001', 0, -5, 1, 9.99, 10, 11, 1e306, null, 'soon'),
      fc.double({ min: -1e3, max: 1e3, noNaN: true }),
      fc.integer({ min: 0, max: 200 }),
    );
    await fc.assert(
      fc.asyncProperty(lifetimes, async (lifetime) => {
        vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
        [expiresIn, status] = [lifetime, 200];
        const client = createAuthClient({ provider: freightExchange({ baseUrl }) });
        try {
          await client.login({ username: 'u', password: 'p' });
          const counts = await requestsPerMinute(client, 2);

          expect(Math.max(...counts)).toBeLessThanOrEqual(MAX_PER_MINUTE);
          expect(client.getSnapshot().status).toBe('authenticated');
        } finally {
          client.destroy();
          vi.useRealTimers();
        }
      }),
      { numRuns: 12 },
    );
  });

  it('should back off while every refresh fails: a few requests in the first minute, then about one a minute', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    [expiresIn, status] = [600, 200];
    const client = createAuthClient({ provider: freightExchange({ baseUrl }) });
    try {
      await client.login({ username: 'u', password: 'p' });
      status = 503;
      await vi.advanceTimersByTimeAsync(540_000 - 1_000); // a second before the refresh time
      const counts = await requestsPerMinute(client, 6);

      expect(counts[0]).toBeLessThanOrEqual(8); // 1 s, 2 s, 4 s … at most, jittered down to half
      expect(Math.max(...counts.slice(2))).toBeLessThanOrEqual(2); // the 60 s cap
      expect(client.getSnapshot()).toMatchObject({ status: 'authenticated', expired: true });
    } finally {
      client.destroy();
    }
  });
});
