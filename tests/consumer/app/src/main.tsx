import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createAuthClient, freightExchange, webStorage } from '@fx-auth/core';
import { subscribeEvents } from '@fx-auth/core/events';
import { AuthProvider } from '@fx-auth/react';
import { FxAuthDevtools } from '@fx-auth/devtools';
import { App } from './App.js';

// The mock's URL comes from the build (`VITE_MOCK_URL`), as an app's API URL would.
const baseUrl = import.meta.env.VITE_MOCK_URL ?? 'http://127.0.0.1:4010';
const client = createAuthClient({
  provider: freightExchange({ baseUrl, parameters: 'body' }),
  storage: webStorage(sessionStorage),
});

// The event stream from its own entry point: the page keeps a count the test reads.
let events = 0;
subscribeEvents(client, () => {
  events += 1;
  document.body.dataset.fxEvents = String(events);
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <AuthProvider client={client}>
      <App apiUrl={`${baseUrl}/api/me`} />
      <FxAuthDevtools initialIsOpen />
    </AuthProvider>
  </StrictMode>,
);
