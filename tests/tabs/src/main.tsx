import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createAuthClient, freightExchange, webStorage } from '@fx-auth/core';
import { AuthProvider } from '@fx-auth/react';
import { TabApp } from './TabApp.js';
import { exposeToTests } from './exposeToTests.js';

// ?key= names the storage key (tabs with another key are another app); ?storage=session keeps the
// session per tab; ?strict=1 renders inside <StrictMode>.
const params = new URLSearchParams(window.location.search);
const storage = params.get('storage') === 'session' ? window.sessionStorage : window.localStorage;
const client = createAuthClient({
  provider: freightExchange({ baseUrl: window.location.origin }),
  storage: webStorage(storage, { key: params.get('key') ?? 'fx-tabs.session' }),
});
exposeToTests(client);

const app = (
  <AuthProvider client={client}>
    <TabApp />
  </AuthProvider>
);
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(params.get('strict') === '1' ? <StrictMode>{app}</StrictMode> : app);
