import { useAuth, useToken } from '@fx-auth/react';
import { errorMessage } from './errorMessage.js';
import { useNow } from './useNow.js';
import { useRefreshStats } from './useRefreshStats.js';

/** The token's life: a live countdown to expiry, how often it was refreshed, and when. */
export function TokenPanel() {
  const { accessToken, expiresAt, status, expired } = useToken();
  const { error } = useAuth();
  const now = useNow();
  const { count, lastAt } = useRefreshStats();
  const seconds = expiresAt === null ? 0 : Math.max(0, Math.round((expiresAt - now) / 1000));

  return (
    <section className="card" aria-labelledby="token-title">
      <h2 id="token-title">Access token</h2>
      <p className="countdown" aria-live="off">
        {seconds > 0 ? (
          <>
            Expires in <strong data-testid="expires-in">{seconds}</strong> s
          </>
        ) : (
          <strong data-testid="expires-in">Expired</strong>
        )}
        {status === 'refreshing' && <span className="badge">refreshing…</span>}
        {expired && (
          <span className="badge" data-testid="reconnecting">
            reconnecting…
          </span>
        )}
      </p>
      <p role="status" className="warning" data-testid="refresh-error">
        {error ? `Automatic refresh failed: ${errorMessage(error)} Retrying…` : ''}
      </p>
      <dl className="facts">
        <dt>Refresh count</dt>
        <dd data-testid="refresh-count">{count}</dd>
        <dt>Last refresh</dt>
        <dd data-testid="last-refresh">{lastAt === null ? 'not yet' : new Date(lastAt).toLocaleTimeString()}</dd>
        <dt>Token</dt>
        <dd>
          <code title="The end of the token">…{accessToken?.slice(-12)}</code>
        </dd>
      </dl>
    </section>
  );
}
