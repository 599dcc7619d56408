import type { CSSProperties } from 'react';

/** Where the panel's button sits. */
export type DevtoolsPosition = 'bottom-right' | 'bottom-left' | 'top-right' | 'top-left';

const INK = '#e8ecf1';
const DIM = '#9aa5b1';

/** Fixed to a corner, above the app. */
export function corner(position: DevtoolsPosition): CSSProperties {
  const [vertical, horizontal] = position.split('-') as ['bottom' | 'top', 'right' | 'left'];
  return { position: 'fixed', [vertical]: 12, [horizontal]: 12, zIndex: 2_147_483_000 };
}

export const styles = {
  toggle: {
    font: '600 12px/1 ui-monospace, SFMono-Regular, Menlo, monospace',
    color: INK,
    background: '#1f2933',
    border: '1px solid #3e4c59',
    borderRadius: 16,
    padding: '8px 12px',
    cursor: 'pointer',
  },
  panel: {
    font: '12px/1.4 ui-monospace, SFMono-Regular, Menlo, monospace',
    color: INK,
    background: '#1f2933',
    border: '1px solid #3e4c59',
    borderRadius: 8,
    width: 'min(420px, calc(100vw - 24px))',
    maxHeight: 'min(560px, calc(100vh - 24px))',
    display: 'flex',
    flexDirection: 'column',
    boxShadow: '0 8px 24px rgba(0, 0, 0, 0.35)',
  },
  header: {
    display: 'flex',
    justifyContent: 'space-between',
    alignItems: 'center',
    padding: '8px 12px',
    borderBottom: '1px solid #3e4c59',
  },
  heading: { font: 'inherit', fontWeight: 600, margin: 0 },
  button: {
    font: 'inherit',
    color: INK,
    background: 'transparent',
    border: '1px solid #52606d',
    borderRadius: 4,
    padding: '2px 8px',
    cursor: 'pointer',
  },
  facts: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    gap: '4px 12px',
    margin: 0,
    padding: '8px 12px',
  },
  term: { color: DIM },
  value: { margin: 0 },
  timeline: { overflowY: 'auto', margin: 0, padding: '0 12px 8px', listStyle: 'none' },
  entry: { padding: '4px 0', borderTop: '1px solid #323f4b' },
  time: { color: DIM, marginRight: 8 },
  bad: { color: '#ff9b9b' },
  detail: { color: DIM, display: 'block' },
} satisfies Record<string, CSSProperties>;
