import { describe, expect, it } from 'vitest';
import { act } from '@testing-library/react';
import { hydrateRoot } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import { QueryClient } from '@tanstack/react-query';
import { createAuthClient, freightExchange } from '@fx-auth/core';
import { AuthProvider, useAuth, useFxUser, useToken } from '@fx-auth/react';
import { DEMO, eventually, setUp } from './support.js';

function App() {
  const { status } = useAuth();
  const { accessToken } = useToken();
  const { data } = useFxUser();
  return <p>{`${status}|${accessToken ? 'token' : 'no-token'}|${data?.login ?? 'no-user'}`}</p>;
}

describe('hydration', () => {
  it('should hydrate the anonymous server HTML without a mismatch, then show the session', async () => {
    const { server, client } = await setUp();
    await client.login(DEMO);
    const serverClient = createAuthClient({ provider: freightExchange({ baseUrl: server.url }) });
    const container = document.createElement('div');
    container.innerHTML = renderToString(
      <AuthProvider client={serverClient} queryClient={new QueryClient()}>
        <App />
      </AuthProvider>,
    );
    serverClient.destroy();
    const recoverable: unknown[] = [];

    const root = await act(async () =>
      hydrateRoot(
        container,
        <AuthProvider client={client} queryClient={new QueryClient()}>
          <App />
        </AuthProvider>,
        { onRecoverableError: (error) => recoverable.push(error) },
      ),
    );
    await eventually(() => container.textContent === 'authenticated|token|demo', 'the session');

    expect(recoverable).toEqual([]);
    expect(server.count('fx-token')).toBe(1);
    act(() => root.unmount());
  });
});
