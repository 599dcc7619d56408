import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';
import { createMockTokenServer, type MockServerOptions, type MockTokenServer } from '@fx-auth/mock-server';

/** The tab page served by Vite on a free port of 127.0.0.1, with the mock token server on its own origin. */
export interface RunningTabServer {
  url: string;
  mock: MockTokenServer;
  close(): Promise<void>;
}

/**
 * Starts the fixture. The mock rotates refresh tokens (a spent one is refused), as servers that
 * punish two tabs refreshing with the same token do. No HMR: its WebSocket would keep pages out of
 * the back/forward cache.
 */
export async function startTabServer(options: MockServerOptions = {}): Promise<RunningTabServer> {
  const mock = createMockTokenServer({ accessTokenLifetime: 60, rotateRefreshTokens: true, ...options });
  const server = await createServer({
    root: fileURLToPath(new URL('.', import.meta.url)),
    configFile: false,
    logLevel: 'silent',
    esbuild: { jsx: 'automatic' },
    resolve: { conditions: ['@fx-auth/source'] },
    plugins: [
      { name: 'fx-auth-mock-token-server', configureServer: (dev) => void dev.middlewares.use(mock.handle.bind(mock)) },
    ],
    server: { host: '127.0.0.1', port: 0, hmr: false },
  });
  await server.listen();
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('the tab fixture has no URL');
  return { url, mock, close: () => server.close() };
}
