import { createAuthClient, freightExchange, webStorage } from '@fx-auth/core';

/**
 * The demo's one client. The token endpoint is the page's own origin: the dev server answers it
 * with the mock, or proxies it to FX_API_URL. Sessions live in sessionStorage: a reload keeps you
 * logged in, closing the tab does not.
 */
export const authClient = createAuthClient({
  provider: freightExchange({ baseUrl: window.location.origin }),
  storage: webStorage(window.sessionStorage, { key: 'fx-auth-demo.session' }),
});

// A hot update replaces this module: the old client's timers and listeners must go with it.
import.meta.hot?.dispose(() => authClient.destroy());
