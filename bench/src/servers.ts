// The servers the benchmarks talk to, in a child process of their own: their memory and CPU are not
// the measured client's. Started by `startServers()` (main process), commanded over IPC.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startMockTokenServer } from '@fx-auth/mock-server';

/** A command from the benchmark process, and its answer. */
export type ServerCommand =
  { type: 'reject'; token: string; id: number } | { type: 'count'; id: number } | { type: 'reset'; id: number };

export interface ServerUrls {
  /** The mock token server: FreightExchange at `/oauth/token`, Passport at `/passport/oauth/token`. */
  token: string;
  /** A JSON API: 200 `{"ok":true}` for any request, 401 for a bearer token it was told to reject. */
  api: string;
}

async function main(): Promise<void> {
  const mock = await startMockTokenServer({ accessTokenLifetime: 3600 });
  const rejected = new Set<string>();
  const api = createServer((request, response) => {
    const token = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
    const status = token !== undefined && rejected.has(token) ? 401 : 200;
    response.writeHead(status, { 'content-type': 'application/json' });
    response.end(status === 200 ? '{"ok":true}' : '{"error":"invalid_token"}');
  });
  api.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => api.listen(0, '127.0.0.1', resolve));
  const { port } = api.address() as AddressInfo;
  process.on('message', (command: ServerCommand) => {
    if (command.type === 'reject') rejected.add(command.token);
    if (command.type === 'reset') rejected.clear();
    const tokenRequests = mock.count('passport-token') + mock.count('fx-token');
    process.send?.({ id: command.id, tokenRequests });
  });
  process.on('disconnect', () => process.exit(0));
  process.send?.({ urls: { token: mock.url, api: `http://127.0.0.1:${port}` } satisfies ServerUrls });
}

await main();
