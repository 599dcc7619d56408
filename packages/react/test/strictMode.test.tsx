import { describe, expect, it, vi, afterEach } from 'vitest';
import { act } from '@testing-library/react';
import { memoryStorage } from '@fx-auth/core';
import { useAuth, useFxUser, useToken } from '@fx-auth/react';
import { DEMO, eventually, renderWithAuth, settle, setUp } from './support.js';

function App() {
  const { status } = useAuth();
  const { accessToken } = useToken();
  const { data } = useFxUser();
  return (
    <p>
      {status} {accessToken ? 'token' : 'none'} {data?.login}
    </p>
  );
}

afterEach(() => {
  vi.useRealTimers();
});

describe.each([false, true])('token requests (StrictMode: %s)', (strict) => {
  it('should send none on mount, one per login and one per refresh', async () => {
    const { server, client, queryClient } = await setUp();
    renderWithAuth(<App />, { client, queryClient, strict });
    expect(server.count('fx-token')).toBe(0);

    await act(() => client.login(DEMO));
    expect(server.count('fx-token')).toBe(1);

    await act(() => client.refresh());
    expect(server.count('fx-token')).toBe(2);
  });

  it('should send exactly one when mounting with a restored, expired session', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const storage = memoryStorage();
    const { server, client: first } = await setUp({}, { storage });
    const session = await first.login(DEMO);
    first.destroy();
    vi.setSystemTime(session.expiresAt + 1_000);
    const { client, queryClient } = await setUp({}, { storage, provider: first.provider });

    renderWithAuth(<App />, { client, queryClient, strict });
    await eventually(() => client.getSnapshot().session?.accessToken !== session.accessToken, 'a new token');
    await settle();

    expect(server.count('fx-token')).toBe(2);
  });
});
