import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createAuthClient, freightExchange, webStorage } from '@fx-auth/core';
import { AuthProvider } from '@fx-auth/react';
import { App } from './App.js';

// The mock's URL comes from the build (`VITE_MOCK_URL`), as an app's API URL would.
const baseUrl = import.meta.env.VITE_MOCK_URL ?? 'http://127.0.0.1:4010';
const client = createAuthClient({
  provider: freightExchange({ baseUrl, parameters: 'body' }),
  storage: webStorage(sessionStorage),
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <AuthProvider client={client}>
      <App apiUrl={`${baseUrl}/api/me`} />
    </AuthProvider>
  </StrictMode>,
);
