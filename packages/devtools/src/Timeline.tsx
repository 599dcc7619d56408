import { describeEvent } from './describeEvent.js';
import { clockTime } from './formatTime.js';
import type { LoggedEvent } from './useEventLog.js';
import { styles } from './styles.js';

/** The events so far, newest first. */
export function Timeline({ log }: { log: readonly LoggedEvent[] }) {
  if (log.length === 0) return <p style={{ ...styles.detail, padding: '0 12px 8px' }}>No events yet.</p>;
  return (
    <ol style={styles.timeline} aria-label="Token lifecycle events">
      {log.map(({ id, event }) => {
        const { title, detail, bad } = describeEvent(event);
        return (
          <li key={id} style={styles.entry} data-event={event.type}>
            <time style={styles.time} dateTime={new Date(event.at).toISOString()}>
              {clockTime(event.at)}
            </time>
            <span style={bad ? styles.bad : undefined}>{title}</span>
            <span style={styles.detail}>{detail}</span>
          </li>
        );
      })}
    </ol>
  );
}
