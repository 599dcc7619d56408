import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useAuth, useLogin } from '@fx-auth/react';
import { errorMessage } from './errorMessage.js';
import { Field } from './Field.js';

/** Username and password form, with the demo credentials and a clear message on failure. */
export function LoginPage() {
  const login = useLogin();
  const { error: sessionError } = useAuth();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const alertRef = useRef<HTMLParagraphElement>(null);
  const error = login.error ?? (sessionError?.code === 'session_expired' ? sessionError : null);
  const rejected = login.error?.code === 'invalid_credentials';

  useEffect(() => {
    if (login.error) alertRef.current?.focus();
  }, [login.error]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    login.mutate({ username, password });
  };

  return (
    <section className="card login" aria-labelledby="login-title">
      <h2 id="login-title">Log in to FreightExchange</h2>
      <p className="hint">
        Demo credentials: username <kbd>demo</kbd>, password <kbd>demo</kbd>.
      </p>
      <form onSubmit={submit} aria-busy={login.isPending} noValidate>
        <Field name="username" label="Username" value={username} onChange={setUsername} invalid={rejected} />
        <Field
          name="password"
          label="Password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={setPassword}
          invalid={rejected}
        />
        <button type="submit" disabled={login.isPending}>
          {login.isPending ? 'Logging in…' : 'Log in'}
        </button>
        {error && (
          <p className="error" role="alert" tabIndex={-1} ref={alertRef}>
            {errorMessage(error)}
          </p>
        )}
      </form>
    </section>
  );
}
