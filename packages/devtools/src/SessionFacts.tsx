import type { AuthSnapshot } from '@fx-auth/core';
import { tokenSuffix } from '@fx-auth/core/events';
import { clockTime, countdown } from './formatTime.js';
import { styles } from './styles.js';
import { useNow } from './useNow.js';

/** The session as it stands: status, token (its suffix only), expiry and next refresh as countdowns. */
export function SessionFacts({ snapshot }: { snapshot: AuthSnapshot }) {
  const now = useNow();
  const { status, session, error, refreshAt } = snapshot;
  const suffix = session ? tokenSuffix(session.accessToken) : null;
  const facts: Array<[term: string, value: string, testId: string]> = [['Status', status, 'status']];
  if (session) {
    facts.push(['Token', suffix === null ? 'hidden' : `…${suffix}`, 'token']);
    const expired = now >= session.expiresAt;
    facts.push([
      expired ? 'Expired' : 'Expires in',
      expired
        ? `at ${clockTime(session.expiresAt)}`
        : `${countdown(session.expiresAt, now)} (${clockTime(session.expiresAt)})`,
      'expires',
    ]);
    facts.push([
      'Next refresh',
      status === 'refreshing'
        ? 'now'
        : refreshAt === null
          ? 'none planned'
          : `${countdown(refreshAt, now)} (${clockTime(refreshAt)})`,
      'refresh',
    ]);
  }
  if (error) facts.push(['Last error', error.code, 'error']);
  return (
    <dl style={styles.facts}>
      {facts.map(([term, value, testId]) => (
        <div key={term} style={{ display: 'contents' }}>
          <dt style={styles.term}>{term}</dt>
          <dd style={styles.value} data-testid={`fx-devtools-${testId}`}>
            {value}
          </dd>
        </div>
      ))}
    </dl>
  );
}
