// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { renderToString } from 'react-dom/server';
import { QueryClient } from '@tanstack/react-query';
import { createAuthClient, freightExchange, memoryStorage } from '@fx-auth/core';
import { AuthProvider, useAuth, useFxUser, useToken } from '@fx-auth/react';
import { startMockTokenServer } from '@fx-auth/mock-server';

function App() {
  const { status, isAuthenticated } = useAuth();
  const { accessToken } = useToken();
  const { data, fetchStatus } = useFxUser();
  return (
    <p>{`${status}|${String(isAuthenticated)}|${accessToken ?? 'no-token'}|${data?.login ?? 'no-user'}|${fetchStatus}`}</p>
  );
}

describe('server rendering', () => {
  it('should render the anonymous state without a window, and throw nothing', () => {
    expect(typeof window).toBe('undefined');
    const client = createAuthClient({ provider: freightExchange() });

    const html = renderToString(
      <AuthProvider client={client}>
        <App />
      </AuthProvider>,
    );

    expect(html).toBe('<p>anonymous|false|no-token|no-user|idle</p>');
    client.destroy();
  });

  it('should render anonymous even for a client holding a session, and send nothing', async () => {
    const server = await startMockTokenServer();
    const storage = memoryStorage();
    const provider = freightExchange({ baseUrl: server.url });
    const seed = createAuthClient({ provider, storage });
    await seed.login({ username: 'demo', password: 'demo' });
    seed.destroy();
    const client = createAuthClient({ provider, storage });
    const before = server.count();

    const html = renderToString(
      <AuthProvider client={client} queryClient={new QueryClient()}>
        <App />
      </AuthProvider>,
    );

    expect(html).toBe('<p>anonymous|false|no-token|no-user|idle</p>');
    expect(server.count()).toBe(before);
    client.destroy();
    await server.close();
  });
});
