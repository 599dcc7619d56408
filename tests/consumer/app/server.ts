// The mock server's Node API, as a Vitest or Playwright set-up uses it.
import { startMockTokenServer, type RunningMockTokenServer } from '@fx-auth/mock-server';

export async function startForTests(): Promise<RunningMockTokenServer> {
  const server = await startMockTokenServer({ accessTokenLifetime: 30 });
  server.inject('fx-token', { type: 'status', status: 503 }, { times: 1 });
  return server;
}
