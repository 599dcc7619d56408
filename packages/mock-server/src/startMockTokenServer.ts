import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createMockTokenServer } from './createMockTokenServer.js';
import type { RunningMockTokenServer, StartMockTokenServerOptions } from './types.js';

/**
 * Starts a {@link createMockTokenServer} mock on a real HTTP socket (by default `127.0.0.1`, a free
 * port). `close()` also ends hung and kept-alive connections, so a test process never hangs.
 *
 * @example
 * ```ts
 * const server = await startMockTokenServer()
 * await fetch(`${server.url}/oauth/token?client_id=freightexchange&client_secret=secret&grant_type=password&username=demo&password=demo`, { method: 'POST' })
 * await server.close()
 * ```
 */
export async function startMockTokenServer(options: StartMockTokenServerOptions = {}): Promise<RunningMockTokenServer> {
  const { port = 0, host = '127.0.0.1', ...knobs } = options;
  const mock = createMockTokenServer(knobs);
  const server = createServer((req, res) => mock.handle(req, res));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const hostInUrl = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
    return closing;
  };
  return Object.assign(mock, { url: `http://${hostInUrl}:${address.port}`, port: address.port, close });
}
