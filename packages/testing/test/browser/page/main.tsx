// An app screen under test, as an app's Playwright component or page test would mount it: the test
// drives the mock through `window.fxMockAuth`.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClient } from '@tanstack/react-query';
import { AuthProvider, useAuth, useFxUser } from '@fx-auth/react';
import { createMockAuth, type MockAuth } from '@fx-auth/testing';

declare global {
  interface Window {
    fxMockAuth: MockAuth;
  }
}

const auth = createMockAuth({ tokenLifetime: 30 });
window.fxMockAuth = auth;

function Screen() {
  const { status, error, session } = useAuth();
  const { data: user } = useFxUser();
  return (
    <main>
      <p data-testid="status">{status}</p>
      <p data-testid="user">{user ? `${user.firstName} ${user.lastName}` : 'nobody'}</p>
      <p data-testid="error">{error?.code ?? 'none'}</p>
      <p data-testid="expires">{session ? String(session.expiresAt) : 'never'}</p>
    </main>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <AuthProvider client={auth.client} queryClient={new QueryClient()}>
      <Screen />
    </AuthProvider>
  </StrictMode>,
);
