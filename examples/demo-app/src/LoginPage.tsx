import { useEffect, useRef, useState, type SyntheticEvent } from 'react';
import { useAuth, useLogin } from '@fx-auth/react';
import { errorMessage } from './errorMessage.js';
import { Field } from './Field.js';

const ERROR_ID = 'login-error';

/** Username and password form, with the demo credentials and a clear message on failure. */
export function LoginPage() {
  const login = useLogin();
  const { error: sessionError } = useAuth();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState<'username' | 'password' | null>(null);
  const [edited, setEdited] = useState(false); // typing again clears the last message
  const headingRef = useRef<HTMLHeadingElement>(null);
  const alertRef = useRef<HTMLParagraphElement>(null);
  const error = edited ? null : (login.error ?? (sessionError?.code === 'session_expired' ? sessionError : null));
  const message = missing ? `Enter your ${missing}.` : error ? errorMessage(error) : null;
  const rejected = !edited && login.error?.code === 'invalid_credentials';
  const fieldState = { describedBy: message ? ERROR_ID : undefined, readOnly: login.isPending };

  // Focus follows what matters: the message when there is one, else the page's heading.
  useEffect(() => {
    (message ? alertRef.current : headingRef.current)?.focus();
  }, [message, login.submittedAt]);

  const edit = (set: (value: string) => void) => (value: string) => {
    set(value);
    setMissing(null);
    setEdited(true);
  };

  const submit = (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    setEdited(false);
    const empty = username.trim() === '' ? 'username' : password === '' ? 'password' : null;
    setMissing(empty);
    if (empty === null) login.mutate({ username, password });
  };

  return (
    <section className="card login" aria-labelledby="login-title">
      <h2 id="login-title" tabIndex={-1} ref={headingRef}>
        Log in to FreightExchange
      </h2>
      <p className="hint">
        Demo credentials: username <kbd>demo</kbd>, password <kbd>demo</kbd>.
      </p>
      <form onSubmit={submit} aria-busy={login.isPending} noValidate>
        <Field
          name="username"
          label="Username"
          value={username}
          onChange={edit(setUsername)}
          invalid={rejected || missing === 'username'}
          {...fieldState}
        />
        <Field
          name="password"
          label="Password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={edit(setPassword)}
          invalid={rejected || missing === 'password'}
          {...fieldState}
        />
        <button type="submit" disabled={login.isPending}>
          {login.isPending ? 'Logging in…' : 'Log in'}
        </button>
        {message && (
          <p id={ERROR_ID} className="error" role="alert" tabIndex={-1} ref={alertRef}>
            {message}
          </p>
        )}
      </form>
    </section>
  );
}
