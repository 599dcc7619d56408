import { AuthError } from '../../src/AuthError.js';
import type { ProviderGrant } from '../../src/providers/TokenProvider.js';
import type { SessionEvent } from '../../src/session/sessionEvents.js';
import { stampOf, type RecordStamp, type SessionRecord } from '../../src/session/sessionRecord.js';
import { anonymousState, type SessionRules, type SessionState } from '../../src/session/sessionState.js';

/** The clock of every fixture event. */
export const NOW = 10_000;

/** Sessions with a refresh token can be refreshed (as FreightExchange and JSON login with a refresh URL). */
export const RULES: SessionRules = { leeway: 60_000, canRefresh: (session) => session.refreshToken !== undefined };

export function record(
  stamp: RecordStamp,
  { expiresAt = 600_000, refreshable = true }: { expiresAt?: number; refreshable?: boolean } = {},
): SessionRecord {
  const session = {
    accessToken: `access-${stamp.lineage}-${stamp.since}-${stamp.seq}`,
    tokenType: 'Bearer' as const,
    expiresAt,
    ...(refreshable ? { refreshToken: `refresh-${stamp.lineage}-${stamp.since}-${stamp.seq}` } : {}),
  };
  return { ...stampOf(stamp), session, issuedAt: 0 };
}

export function grant(requestedAt = NOW - 1_000): ProviderGrant {
  return { accessToken: `granted-${requestedAt}`, expiresIn: 600, requestedAt, refreshToken: 'granted-refresh' };
}

/** The session of most fixtures: lineage `r`, fresh until 540 000 (due at 540 000, expires at 600 000). */
export const R = record({ lineage: 'r', since: 100, seq: 0 });
/** Another tab's later login. */
export const NEWER = record({ lineage: 'o2', since: 200, seq: 0 });
/** A login before R. */
export const OLDER = record({ lineage: 'old', since: 50, seq: 0 });
/** A session another tab made during a login here. */
export const STANDBY = record({ lineage: 'o', since: 150, seq: 0 });

const base = (overrides: Partial<SessionState>): SessionState => ({
  ...anonymousState(true),
  generation: 3,
  ...overrides,
});

/** One state of each kind the lifecycle can be in. */
export const STATES = {
  anonymous: base({ newest: stampOf(R), ended: [{ lineage: 'r', through: null }] }),
  authenticating: base({
    phase: { status: 'authenticating', standby: null },
    newest: stampOf(R),
    ended: [{ lineage: 'r', through: null }],
  }),
  'authenticating+standby': base({ phase: { status: 'authenticating', standby: STANDBY }, newest: stampOf(STANDBY) }),
  fresh: base({ phase: { status: 'authenticated', record: R }, newest: stampOf(R) }),
  due: (() => {
    const due = record({ lineage: 'r', since: 100, seq: 0 }, { expiresAt: 15_000 }); // due at 7 500
    return base({ phase: { status: 'authenticated', record: due }, newest: stampOf(due) });
  })(),
  expired: (() => {
    const expired = record({ lineage: 'r', since: 100, seq: 0 }, { expiresAt: 5_000, refreshable: false });
    return base({ phase: { status: 'authenticated', record: expired }, newest: stampOf(expired) });
  })(),
  refreshing: base({ phase: { status: 'refreshing', record: R }, newest: stampOf(R) }),
  destroyed: base({ phase: { status: 'authenticated', record: R }, newest: stampOf(R), destroyed: true }),
} satisfies Record<string, SessionState>;

export type StateName = keyof typeof STATES;

/** The lineage of a state's session (or standby): what its own announcements and ends are about. */
function lineageOf(state: SessionState): string {
  const { phase } = state;
  if (phase.status === 'authenticated' || phase.status === 'refreshing') return phase.record.lineage;
  if (phase.status === 'authenticating' && phase.standby) return phase.standby.lineage;
  return 'r';
}

/** Every kind of event, made for the state it is applied to (generations and stamps that match it). */
export const EVENTS = {
  login_requested: () => ({ type: 'login_requested' }),
  login_succeeded: (state) => ({ type: 'login_succeeded', generation: state.generation, grant: grant(), lineage: 'n' }),
  'login_succeeded (stale)': (state) => ({
    type: 'login_succeeded',
    generation: state.generation - 1,
    grant: grant(),
    lineage: 'n',
  }),
  login_failed: (state) => ({
    type: 'login_failed',
    generation: state.generation,
    error: new AuthError('invalid_credentials', 'Wrong password.'),
  }),
  refresh_due: () => ({ type: 'refresh_due', now: NOW, forced: false }),
  'refresh_due (forced)': () => ({ type: 'refresh_due', now: NOW, forced: true }),
  refresh_succeeded: (state) => ({
    type: 'refresh_succeeded',
    generation: state.generation,
    from: stampOf(R),
    grant: grant(),
  }),
  'refresh_succeeded (stale)': (state) => ({
    type: 'refresh_succeeded',
    generation: state.generation - 1,
    from: stampOf(R),
    grant: grant(),
  }),
  'refresh_failed (transient)': (state) => ({
    type: 'refresh_failed',
    generation: state.generation,
    from: stampOf(R),
    error: new AuthError('network', 'Offline.'),
    now: NOW,
    fromEndpoint: true,
  }),
  'refresh_failed (lock wait)': (state) => ({
    type: 'refresh_failed',
    generation: state.generation,
    from: stampOf(R),
    error: new AuthError('timeout', 'Another tab held the lock.'),
    now: NOW,
    fromEndpoint: false,
  }),
  'refresh_failed (rejected)': (state) => ({
    type: 'refresh_failed',
    generation: state.generation,
    from: stampOf(R),
    error: new AuthError('session_expired', 'Refresh token rejected.'),
    now: NOW,
    fromEndpoint: true,
  }),
  'refresh_failed (refused)': (state) => ({
    type: 'refresh_failed',
    generation: state.generation,
    from: stampOf(R),
    error: new AuthError('invalid_client', 'Client rejected.'),
    now: NOW,
    fromEndpoint: true,
  }),
  'session_seen (newer)': () => ({ type: 'session_seen', record: NEWER, now: NOW }),
  'session_seen (older)': () => ({ type: 'session_seen', record: OLDER, now: NOW }),
  storage_emptied: () => ({ type: 'storage_emptied' }),
  session_ended_elsewhere: (state) => ({
    type: 'session_ended_elsewhere',
    ending: { lineage: lineageOf(state), through: null },
    error: null,
  }),
  refresh_failed_elsewhere: () => ({
    type: 'refresh_failed_elsewhere',
    from: stampOf(R),
    error: new AuthError('server', 'HTTP 503'),
    retry: { failures: 1, at: NOW + 1_000 },
  }),
  woke_up: () => ({ type: 'woke_up', now: NOW }),
  went_offline: () => ({ type: 'went_offline' }),
  came_online: () => ({ type: 'came_online', now: NOW }),
  logout_requested: () => ({ type: 'logout_requested' }),
  destroyed: () => ({ type: 'destroyed' }),
} satisfies Record<string, (state: SessionState) => SessionEvent>;

export type EventName = keyof typeof EVENTS;
