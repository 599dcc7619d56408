import { useState } from 'react';
import { isAuthError } from '@fx-auth/core';
import { errorMessage } from './errorMessage.js';
import { useAuthClient, useLogout } from '@fx-auth/react';

type CallResult = { ok: true; text: string } | { ok: false; text: string };

/** The actions: call the protected API with the token, refresh it now, log out. */
export function ProtectedCall() {
  const client = useAuthClient();
  const logout = useLogout();
  const [result, setResult] = useState<CallResult | null>(null);
  const [busy, setBusy] = useState(false);
  const [refreshing, setRefreshing] = useState(false);

  const call = async () => {
    setBusy(true);
    try {
      const response = await client.ky.get(__FX_PROTECTED_PATH__, { headers: { 'Accept-Version': 'v1' } });
      const body = await response.json<{ user?: { login?: string } }>();
      setResult({
        ok: true,
        text: `${response.status} OK${body.user?.login ? `: signed in as ${body.user.login}` : ''}`,
      });
    } catch (error) {
      setResult({ ok: false, text: isAuthError(error) ? errorMessage(error) : `Failed: ${(error as Error).message}` });
    } finally {
      setBusy(false);
    }
  };

  const refresh = () => {
    setRefreshing(true);
    client
      .refresh()
      .then(
        () => setResult({ ok: true, text: 'Token refreshed.' }),
        (error: unknown) =>
          setResult({ ok: false, text: isAuthError(error) ? errorMessage(error) : 'The refresh failed.' }),
      )
      .finally(() => setRefreshing(false));
  };

  return (
    <section className="card" aria-labelledby="actions-title">
      <h2 id="actions-title">Try it</h2>
      <div className="actions">
        <button type="button" onClick={() => void call()} disabled={busy}>
          Call the protected API
        </button>
        <button type="button" onClick={refresh} disabled={refreshing}>
          {refreshing ? 'Refreshing…' : 'Refresh now'}
        </button>
        <button type="button" className="secondary" onClick={() => logout.mutate()}>
          Log out
        </button>
      </div>
      <p role="status" data-testid="call-result" className={result?.ok === false ? 'error' : undefined}>
        {result?.text ?? ''}
      </p>
    </section>
  );
}
