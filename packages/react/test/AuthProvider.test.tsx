import { describe, expect, it } from 'vitest';
import { render, renderHook, screen } from '@testing-library/react';
import { QueryClient, QueryClientProvider, useQueryClient } from '@tanstack/react-query';
import { AuthProvider, useAuth, useAuthClient, useFxUser, useLogin, useLogout, useToken } from '@fx-auth/react';
import { setUp } from './support.js';

function QueryClientProbe({ onClient }: { onClient: (client: QueryClient) => void }) {
  onClient(useQueryClient());
  return null;
}

describe('<AuthProvider>', () => {
  it('should give the hooks its client', async () => {
    const { client } = await setUp();
    const { result } = renderHook(() => useAuthClient(), {
      wrapper: ({ children }) => <AuthProvider client={client}>{children}</AuthProvider>,
    });

    expect(result.current).toBe(client);
  });

  it('should use the surrounding QueryClientProvider first', async () => {
    const { client } = await setUp();
    const outer = new QueryClient();
    const prop = new QueryClient();
    let seen: QueryClient | undefined;
    render(
      <QueryClientProvider client={outer}>
        <AuthProvider client={client} queryClient={prop}>
          <QueryClientProbe onClient={(queryClient) => (seen = queryClient)} />
        </AuthProvider>
      </QueryClientProvider>,
    );

    expect(seen).toBe(outer);
  });

  it('should use the queryClient prop without a surrounding provider', async () => {
    const { client } = await setUp();
    const prop = new QueryClient();
    let seen: QueryClient | undefined;
    render(
      <AuthProvider client={client} queryClient={prop}>
        <QueryClientProbe onClient={(queryClient) => (seen = queryClient)} />
      </AuthProvider>,
    );

    expect(seen).toBe(prop);
  });

  it('should create a QueryClient when there is none, and keep it across renders', async () => {
    const { client } = await setUp();
    const seen: QueryClient[] = [];
    const ui = () => (
      <AuthProvider client={client}>
        <QueryClientProbe onClient={(queryClient) => seen.push(queryClient)} />
      </AuthProvider>
    );
    const { rerender } = render(ui());
    rerender(ui());

    expect(seen).toHaveLength(2);
    expect(seen[0]).toBeInstanceOf(QueryClient);
    expect(seen[1]).toBe(seen[0]);
  });

  it.each([
    ['useAuthClient', useAuthClient],
    ['useAuth', useAuth],
    ['useToken', useToken],
    ['useFxUser', useFxUser],
    ['useLogin', useLogin],
    ['useLogout', useLogout],
  ])('should make %s throw an error naming <AuthProvider> when used outside it', (_name, hook) => {
    const queryClient = new QueryClient();
    function Probe() {
      hook();
      return <p>rendered</p>;
    }
    const errors: unknown[] = [];
    const onError = (event: ErrorEvent) => {
      errors.push(event.error);
      event.preventDefault();
    };
    window.addEventListener('error', onError);
    try {
      expect(() =>
        render(
          <QueryClientProvider client={queryClient}>
            <Probe />
          </QueryClientProvider>,
        ),
      ).toThrow(/<AuthProvider/);
    } finally {
      window.removeEventListener('error', onError);
    }
    expect(screen.queryByText('rendered')).toBeNull();
  });
});
