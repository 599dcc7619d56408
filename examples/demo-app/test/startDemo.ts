import { createServer } from 'vite';
import { createMockTokenServer, type MockServerOptions, type MockTokenServer } from '@fx-auth/mock-server';
import { demoConfig } from '../demoConfig.js';

/** The demo's Vite dev server with its embedded mock, on a free port of 127.0.0.1. */
export interface RunningDemo {
  url: string;
  mock: MockTokenServer;
  close(): Promise<void>;
}

/** Starts the demo exactly as `pnpm dev` does, with a mock the test controls (or proxying to `apiUrl`). */
export async function startDemo(mockOptions: MockServerOptions = {}, apiUrl?: string): Promise<RunningDemo> {
  const mock = createMockTokenServer({ accessTokenLifetime: 30, ...mockOptions });
  const config = demoConfig({ mock, apiUrl });
  const server = await createServer({
    ...config,
    configFile: false,
    logLevel: 'silent',
    // As under `pnpm dev`: Vite takes NODE_ENV over the mode, and vitest set it to "test".
    define: { ...config.define, 'process.env.NODE_ENV': JSON.stringify('development') },
    server: { ...config.server, host: '127.0.0.1', port: 0 },
  });
  await server.listen();
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('the demo server has no URL');
  return { url, mock, close: () => server.close() };
}
