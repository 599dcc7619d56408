import type { Plugin } from 'vite';
import { createMockTokenServer, type MockServerOptions, type MockTokenServer } from '@fx-auth/mock-server';

/**
 * Serves the mock FreightExchange token endpoint (`/oauth/token`) and the protected `/api/me`
 * from the Vite dev and preview servers: no other process, no internet. Pass a server to control
 * it (tests inject faults), or options to make one.
 */
export function mockTokenServer(server: MockTokenServer | MockServerOptions = {}): Plugin {
  const mock = 'handle' in server ? server : createMockTokenServer(server);
  const handle = mock.handle.bind(mock);
  return {
    name: 'fx-auth-mock-token-server',
    configureServer(dev) {
      dev.middlewares.use(handle);
    },
    configurePreviewServer(preview) {
      preview.middlewares.use(handle);
    },
  };
}
