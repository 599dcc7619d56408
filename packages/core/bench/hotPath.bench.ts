import { bench, describe } from 'vitest';
import { startMockTokenServer } from '@fx-auth/mock-server';
import { createAuthClient, freightExchange, memoryStorage } from '@fx-auth/core';

// The paths every API call or render goes through; none of them may do I/O once logged in.
const server = await startMockTokenServer();
const storage = memoryStorage();
const client = createAuthClient({ provider: freightExchange({ baseUrl: server.url }), storage });
await client.login({ username: 'demo', password: 'demo' });

describe('hot path', () => {
  bench('getAccessToken() with a fresh token', async () => {
    await client.getAccessToken();
  });

  bench('getSnapshot()', () => {
    client.getSnapshot();
  });

  bench('createAuthClient() restoring a stored session', () => {
    createAuthClient({ provider: freightExchange({ baseUrl: server.url }), storage }).destroy();
  });

  bench('client.ky GET /api/me (loopback round trip)', async () => {
    await client.ky.get(`${server.url}/api/me`);
  });
});
