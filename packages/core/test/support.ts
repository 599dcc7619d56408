import { createServer, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach } from 'vitest';
import { startMockTokenServer, type RunningMockTokenServer, type MockServerOptions } from '@fx-auth/mock-server';
import {
  clientCredentials,
  createAuthClient,
  freightExchange,
  type AuthClient,
  type AuthClientOptions,
  type AuthSnapshot,
  type ClientAuthentication,
} from '@fx-auth/core';

const servers: RunningMockTokenServer[] = [];
const clients: AuthClient[] = [];

afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

/** Starts a mock token server on 127.0.0.1 that is closed after the test. */
export async function startServer(options: MockServerOptions = {}): Promise<RunningMockTokenServer> {
  const server = await startMockTokenServer(options);
  servers.push(server);
  return server;
}

/** A client destroyed after the test. */
export function track(client: AuthClient): AuthClient {
  clients.push(client);
  return client;
}

/** A FreightExchange client for `server`, destroyed after the test. */
export function fxClient(server: { url: string }, options: Partial<AuthClientOptions> = {}): AuthClient {
  return track(createAuthClient({ provider: freightExchange({ baseUrl: server.url }), ...options }));
}

/** A client-credentials (Passport) client for `server`, destroyed after the test. */
export function passportClient(
  server: { url: string },
  options: Partial<AuthClientOptions> & {
    clientId?: string;
    clientSecret?: string;
    clientAuthentication?: ClientAuthentication;
  } = {},
): AuthClient {
  const { clientId = 'demo-client', clientSecret = 'demo-secret', clientAuthentication, ...clientOptions } = options;
  const tokenUrl = `${server.url}/passport/oauth/token`;
  const provider = clientCredentials({
    tokenUrl,
    clientId,
    clientSecret,
    ...(clientAuthentication ? { clientAuthentication } : {}),
  });
  return track(createAuthClient({ provider, ...clientOptions }));
}

/** Resolves with the first snapshot (current or later) that satisfies `predicate`. */
export function until(client: AuthClient, predicate: (snapshot: AuthSnapshot) => boolean): Promise<AuthSnapshot> {
  return new Promise((resolve) => {
    if (predicate(client.getSnapshot())) return resolve(client.getSnapshot());
    const stop = client.subscribe((snapshot) => {
      if (!predicate(snapshot)) return;
      stop();
      resolve(snapshot);
    });
  });
}

/** Records every snapshot the client publishes. */
export function record(client: AuthClient): AuthSnapshot[] {
  const seen: AuthSnapshot[] = [];
  client.subscribe((snapshot) => seen.push(snapshot));
  return seen;
}

/** Captures a rejection (fails if the promise resolves). */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the promise to reject');
}

export const DEMO = { username: 'demo', password: 'demo' } as const;

/** Lets pending I/O callbacks, promises and timers due now run, for `turns` rounds: no time passes. */
export async function macrotasks(turns = 20): Promise<void> {
  for (let turn = 0; turn < turns; turn += 1) await new Promise((resolve) => setImmediate(resolve));
}

/** A real HTTP server on 127.0.0.1 answering with `listener`; `close()` stops it. */
export async function startHttpServer(listener: RequestListener): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createServer(listener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections(); // a request it never answers must not hold the test
      }),
  };
}

/**
 * fast-check parameters for `runs` runs, or fewer where FX_MAX_PROPERTY_RUNS says so (under
 * StrykerJS, which re-runs the covering tests for every mutant).
 */
export function propertyRuns(runs: number): { numRuns: number } {
  const most = Number(process.env.FX_MAX_PROPERTY_RUNS);
  return { numRuns: most > 0 ? Math.min(runs, most) : runs };
}

/** The snapshot of a client without a session, and without an error. */
export const ANONYMOUS = {
  status: 'anonymous',
  session: null,
  error: null,
  expired: false,
  refreshAt: null,
  sessionId: null,
} as const;

/**
 * Runs `test` with the errors thrown as uncaught meanwhile (a throwing listener's, rethrown on its
 * own) collected into the array it gets, instead of failing the run.
 */
export async function withUncaughtErrors(test: (uncaught: unknown[]) => Promise<void>): Promise<void> {
  const uncaught: unknown[] = [];
  const onUncaught = (error: unknown) => uncaught.push(error);
  process.on('uncaughtException', onUncaught);
  try {
    await test(uncaught);
  } finally {
    process.off('uncaughtException', onUncaught);
  }
}
