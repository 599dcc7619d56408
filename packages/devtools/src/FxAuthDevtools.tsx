import { useState, useSyncExternalStore, type ReactElement } from 'react';
import type { AuthClient } from '@fx-auth/core';
import { useAuthClient } from '@fx-auth/react';
import { SessionFacts } from './SessionFacts.js';
import { Timeline } from './Timeline.js';
import { corner, styles, type DevtoolsPosition } from './styles.js';
import { useEventLog } from './useEventLog.js';

export type { DevtoolsPosition } from './styles.js';

/** Props of {@link FxAuthDevtools}. */
export interface FxAuthDevtoolsProps {
  /** The client to show. @default the client of the nearest `<AuthProvider>` */
  client?: AuthClient;
  /** Whether the panel starts open. @default false */
  initialIsOpen?: boolean;
  /** The corner of the button and panel. @default 'bottom-right' */
  position?: DevtoolsPosition;
  /** How many events the timeline keeps. @default 100 */
  maxEvents?: number;
}

/**
 * A floating panel that shows a client's session (status, the token's last four characters, its
 * remaining life and the next refresh as live countdowns, the last error) and a timeline of its
 * token-lifecycle events (requests, sessions, refreshes, 401 retries, withheld tokens, tab
 * messages, storage changes, ends and why). It never shows a whole token.
 *
 * From `@fx-auth/devtools` it renders only in development builds (`process.env.NODE_ENV ===
 * 'development'`), and bundlers leave it out of production builds; import it from
 * `@fx-auth/devtools/production` to show it anywhere. Server rendering renders nothing: it
 * appears once the page is live.
 *
 * @example
 * ```tsx
 * <AuthProvider client={client}>
 *   <App />
 *   <FxAuthDevtools />
 * </AuthProvider>
 * ```
 */
export function FxAuthDevtools({ client, ...options }: FxAuthDevtoolsProps): ReactElement | null {
  // Nothing on the server nor while hydrating (a live client's state would not match the server's
  // HTML): the panel appears once the page is live.
  const live = useSyncExternalStore(neverChanges, isLive, isNotLive);
  if (!live) return null;
  return client ? <DevtoolsPanel client={client} {...options} /> : <ProvidedClientPanel {...options} />;
}

const neverChanges = (): (() => void) => () => undefined;
const isLive = (): boolean => true;
const isNotLive = (): boolean => false;

function ProvidedClientPanel(options: Omit<FxAuthDevtoolsProps, 'client'>) {
  return <DevtoolsPanel client={useAuthClient()} {...options} />;
}

function DevtoolsPanel({
  client,
  initialIsOpen = false,
  position = 'bottom-right',
  maxEvents = 100,
}: FxAuthDevtoolsProps & { client: AuthClient }) {
  const [open, setOpen] = useState(initialIsOpen);
  const snapshot = useSyncExternalStore(client.subscribe, client.getSnapshot, client.getSnapshot);
  const { log, clear } = useEventLog(client, maxEvents);

  if (!open) {
    return (
      <div style={corner(position)}>
        <button type="button" style={styles.toggle} aria-expanded={false} onClick={() => setOpen(true)}>
          fx-auth: {snapshot.status}
        </button>
      </div>
    );
  }
  return (
    <section style={{ ...corner(position), ...styles.panel }} aria-label="fx-auth devtools">
      <header style={styles.header}>
        <h2 style={styles.heading}>fx-auth devtools</h2>
        <span style={{ display: 'flex', gap: 8 }}>
          <button type="button" style={styles.button} onClick={clear}>
            Clear events
          </button>
          <button type="button" style={styles.button} aria-expanded onClick={() => setOpen(false)}>
            Close
          </button>
        </span>
      </header>
      <SessionFacts snapshot={snapshot} />
      <Timeline log={log} />
    </section>
  );
}
