import { useState, type SyntheticEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { Credentials } from '@fx-auth/core';
import { useAuth, useAuthClient, useFxUser, useLogin, useLogout } from '@fx-auth/react';

function LoginForm() {
  const login = useLogin<Credentials>();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const submit = (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    login.mutate({ username, password });
  };
  return (
    <form onSubmit={submit} aria-label="Log in">
      <input aria-label="Username" value={username} onChange={(event) => setUsername(event.target.value)} />
      <input
        aria-label="Password"
        type="password"
        value={password}
        onChange={(event) => setPassword(event.target.value)}
      />
      <button type="submit" disabled={login.isPending}>
        Log in
      </button>
      {login.error && <p role="alert">{login.error.code}</p>}
    </form>
  );
}

function Profile({ apiUrl }: { apiUrl: string }) {
  const client = useAuthClient();
  const user = useFxUser();
  const logout = useLogout();
  const me = useQuery({
    queryKey: ['me'],
    queryFn: () => client.ky.get(apiUrl).json<{ user: { login: string } }>(),
  });
  return (
    <section>
      <h1>
        {user.data?.firstName} {user.data?.lastName}
      </h1>
      <p data-testid="company">{user.data?.company.name}</p>
      <p data-testid="me">{me.data?.user.login ?? '…'}</p>
      <button type="button" onClick={() => logout.mutate()}>
        Log out
      </button>
    </section>
  );
}

export function App({ apiUrl }: { apiUrl: string }) {
  const { isAuthenticated } = useAuth();
  return isAuthenticated ? <Profile apiUrl={apiUrl} /> : <LoginForm />;
}
