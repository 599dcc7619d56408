import { StrictMode, type ReactNode } from 'react';
import { afterEach, vi } from 'vitest';
import { act, cleanup, render } from '@testing-library/react';
import { QueryClient } from '@tanstack/react-query';
import { startMockTokenServer, type MockServerOptions, type RunningMockTokenServer } from '@fx-auth/mock-server';
import { createAuthClient, freightExchange, type AuthClient, type AuthClientOptions } from '@fx-auth/core';
import { AuthProvider } from '@fx-auth/react';

const servers: RunningMockTokenServer[] = [];
const clients: AuthClient[] = [];

afterEach(async () => {
  cleanup();
  for (const client of clients.splice(0)) client.destroy();
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

export const DEMO = { username: 'demo', password: 'demo' } as const;
export const ALICE = { username: 'alice', password: 'p@ss w0rd&=?+%' } as const;

/** A mock token server closed after the test, and a FreightExchange client for it destroyed after it. */
export async function setUp(serverOptions: MockServerOptions = {}, clientOptions: Partial<AuthClientOptions> = {}) {
  const server = await startMockTokenServer(serverOptions);
  servers.push(server);
  const client = createAuthClient({ provider: freightExchange({ baseUrl: server.url }), ...clientOptions });
  clients.push(client);
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return { server, client, queryClient };
}

/** Renders `ui` inside `<AuthProvider>`, optionally in `<StrictMode>`. */
export function renderWithAuth(
  ui: ReactNode,
  options: { client: AuthClient; queryClient?: QueryClient; strict?: boolean },
) {
  const tree = (
    <AuthProvider client={options.client} {...(options.queryClient ? { queryClient: options.queryClient } : {})}>
      {ui}
    </AuthProvider>
  );
  return render(options.strict ? <StrictMode>{tree}</StrictMode> : tree);
}

/** Resolves when `predicate()` holds, checking after each macrotask (no fake timers needed). */
/** Lets React, pending I/O callbacks and promises finish their work, inside act(): no time passes. */
export async function settle(turns = 20): Promise<void> {
  await act(async () => {
    for (let turn = 0; turn < turns; turn += 1) await new Promise((resolve) => setImmediate(resolve));
  });
}

/** Waits until `predicate` holds (vitest's own poll: a check every 10 ms for at most 2 s), naming `what` if it never does. */
export async function eventually(predicate: () => boolean, what = 'condition'): Promise<void> {
  await vi.waitFor(
    () => {
      if (!predicate()) throw new Error(`timed out waiting for ${what}`);
    },
    { timeout: 2_000, interval: 10 },
  );
}
