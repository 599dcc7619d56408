import { useAuth, useToken } from '@fx-auth/react';
import { errorMessage } from './errorMessage.js';
import { useNow } from './useNow.js';
import { useRefreshStats } from './useRefreshStats.js';

const secondsUntil = (time: number, now: number): number => Math.max(0, Math.round((time - now) / 1000));
const clock = (time: number): string => new Date(time).toLocaleTimeString();

/** The token's life: countdowns to expiry and to the next refresh, and the refresh history. */
export function TokenPanel() {
  const { accessToken, expiresAt, status, expired } = useToken();
  const { error, refreshAt } = useAuth();
  const now = useNow();
  const { count, recent } = useRefreshStats();
  const seconds = expiresAt === null ? 0 : secondsUntil(expiresAt, now);
  const lastRefresh = recent.at(-1);
  const nextRefresh =
    status === 'refreshing' ? 'now' : refreshAt === null ? 'not planned' : `in ${secondsUntil(refreshAt, now)} s`;

  return (
    <section className="card token" aria-labelledby="token-title">
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
        <dt>Next refresh</dt>
        <dd data-testid="next-refresh">{nextRefresh}</dd>
        <dt>Refresh count</dt>
        <dd data-testid="refresh-count">{count}</dd>
        <dt>Last refresh</dt>
        <dd data-testid="last-refresh">{lastRefresh === undefined ? 'not yet' : clock(lastRefresh)}</dd>
        <dt>Recent refreshes</dt>
        <dd data-testid="refresh-history">{recent.length === 0 ? '—' : recent.map(clock).join(', ')}</dd>
        <dt>Token</dt>
        <dd>
          <code title="The end of the token">…{accessToken?.slice(-12)}</code>
        </dd>
      </dl>
    </section>
  );
}
