import { describe, expect, it } from 'vitest';
import { AuthError } from '../../src/AuthError.js';
import type { SessionEvent } from '../../src/session/sessionEvents.js';
import { stampOf } from '../../src/session/sessionRecord.js';
import {
  backoff,
  dueAt,
  ENDED_KEPT,
  MIN_REFRESH_INTERVAL_MS,
  nextCheckAt,
  type SessionState,
} from '../../src/session/sessionState.js';
import { transition } from '../../src/session/transition.js';
import { NEWER, NOW, R, RULES, STANDBY, STATES, grant, record } from './fixtures.js';

const apply = (state: SessionState, ...events: SessionEvent[]): SessionState =>
  events.reduce((current, event) => transition(current, event, RULES).state, state);

const failedEvent = (state: SessionState, error: AuthError, now = NOW): SessionEvent => ({
  type: 'refresh_failed',
  generation: state.generation,
  from: stampOf(R),
  error,
  now,
  fromEndpoint: true,
});

describe('ordering of sessions', () => {
  it('should never take a session that ended, repair the storage, and tell its sender again', () => {
    const late = record({ lineage: 'r', since: 100, seq: 5 }); // a refresh that lost the race with a logout
    const { state, effects } = transition(STATES.anonymous, { type: 'session_seen', record: late, now: NOW }, RULES);

    const ending = { lineage: 'r', through: null };
    expect(state).toBe(STATES.anonymous);
    expect(effects).toEqual([{ type: 'repair' }, { type: 'announce', news: { kind: 'ended', ending, error: null } }]);
  });

  it('should keep a later refresh than the one another tab had rejected, and tell that tab of it', () => {
    const later = record({ lineage: 'r', since: 100, seq: 2 });
    const holding: SessionState = { ...STATES.fresh, phase: { status: 'authenticated', record: later } };
    const ending = { lineage: 'r', through: 1 };
    const error = new AuthError('session_expired', 'Refresh token rejected.');

    const { state, effects } = transition(holding, { type: 'session_ended_elsewhere', ending, error }, RULES);
    expect(state).toBe(holding);
    expect(effects).toEqual([
      { type: 'announce', news: { kind: 'session', record: later } },
      { type: 'repair' }, // the rejected tab may have cleared it by a late view of the storage
    ]);
    // The tab that was rejected takes the later refresh, but never its own rejected one again.
    const rejected = apply(STATES.refreshing, failedEvent(STATES.refreshing, error));
    expect(transition(rejected, { type: 'session_seen', record: later, now: NOW }, RULES).state.phase).toEqual({
      status: 'authenticated',
      record: later,
    });
    expect(transition(rejected, { type: 'session_seen', record: R, now: NOW }, RULES).state).toBe(rejected);
  });

  it('should end only its own copy on an emptied storage (a guess), remembering nothing and telling no one', () => {
    const { state, effects } = transition(STATES.fresh, { type: 'storage_emptied' }, RULES);

    expect(state).toMatchObject({ phase: { status: 'anonymous' }, error: null, ended: [] });
    expect(effects).toEqual([]);
    // If the guess was wrong, the next refresh another tab announces brings the session back.
    const next = record({ lineage: 'r', since: 100, seq: 1 });
    expect(transition(state, { type: 'session_seen', record: next, now: NOW }, RULES).state.phase).toEqual({
      status: 'authenticated',
      record: next,
    });
  });

  it('should take any session that did not end when it holds none, whatever the clock says', () => {
    const earlier = record({ lineage: 'set-back', since: 1, seq: 0 }); // a login made after the clock went back
    const { state } = transition(STATES.anonymous, { type: 'session_seen', record: earlier, now: NOW }, RULES);

    expect(state.phase).toEqual({ status: 'authenticated', record: earlier });
  });

  it('should date a login after every login seen, even when the clock is behind', () => {
    const { state } = transition(
      STATES['authenticating+standby'],
      { type: 'login_succeeded', generation: 3, grant: grant(10), lineage: 'n' },
      RULES,
    );

    expect(state.newest).toEqual({ lineage: 'n', since: STANDBY.since + 1, seq: 0 });
  });

  it('should continue the lineage with the next seq on a refresh, keeping what the answer left out', () => {
    const withoutRefreshToken = grant();
    delete withoutRefreshToken.refreshToken;
    const { state, effects } = transition(
      STATES.refreshing,
      { type: 'refresh_succeeded', generation: 3, from: stampOf(R), grant: withoutRefreshToken },
      RULES,
    );

    expect(state.newest).toEqual({ lineage: 'r', since: 100, seq: 1 });
    expect(state.phase).toMatchObject({ record: { session: { refreshToken: R.session.refreshToken } } });
    expect(effects.map((effect) => effect.type)).toEqual(['save', 'announce']);
  });

  it('should keep only the last ended lineages', () => {
    const events = Array.from({ length: ENDED_KEPT + 4 }, (_, index) => ({
      type: 'session_ended_elsewhere' as const,
      ending: { lineage: `gone-${index}`, through: null },
      error: null,
    }));
    const { ended } = apply(STATES.anonymous, ...events);

    expect(ended).toHaveLength(ENDED_KEPT);
    expect(ended.at(-1)).toEqual({ lineage: `gone-${ENDED_KEPT + 3}`, through: null });
  });

  it('should not take an expired session that cannot be refreshed', () => {
    const dead = record({ lineage: 'z', since: 900, seq: 0 }, { expiresAt: NOW - 1, refreshable: false });

    expect(transition(STATES.fresh, { type: 'session_seen', record: dead, now: NOW }, RULES).state).toBe(STATES.fresh);
  });
});

describe('logins', () => {
  it("should take another tab's session when the login here fails, keeping the failure", () => {
    const error = new AuthError('invalid_credentials', 'Wrong password.');
    const { state, effects } = transition(
      STATES['authenticating+standby'],
      { type: 'login_failed', generation: 3, error },
      RULES,
    );

    expect(state.phase).toEqual({ status: 'authenticated', record: STANDBY });
    expect(state.error).toBe(error);
    // This login's start may have cleared it from the storage before hearing of it.
    expect(effects).toEqual([{ type: 'repair' }]);
  });

  it('should end every session at the start of a login, telling the other tabs', () => {
    const { state, effects } = transition(STATES.fresh, { type: 'login_requested' }, RULES);

    expect(state.ended).toContainEqual({ lineage: 'r', through: null });
    expect(effects).toEqual([
      { type: 'remove' },
      { type: 'announce', news: { kind: 'ended', ending: { lineage: 'r', through: null }, error: null } },
    ]);
  });
});

describe('refresh failures', () => {
  it('should back off 1 s, 2 s, 4 s … up to 60 s after transient failures, keeping the session', () => {
    let state: SessionState = STATES.refreshing;
    const waits: number[] = [];
    for (let attempt = 0; attempt < 9; attempt += 1) {
      state = apply(state, failedEvent(state, new AuthError('server', '503'), NOW));
      waits.push(state.retry.at - NOW);
      state = { ...state, phase: { status: 'refreshing', record: R } };
    }

    expect(waits).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 60_000, 60_000, 60_000]);
    expect(state.error?.code).toBe('server');
  });

  it("should back off with another tab's failure only when it is news to this tab", () => {
    const failure = new AuthError('server', 'HTTP 503');
    const news = (failures: number, at: number): SessionEvent => ({
      type: 'refresh_failed_elsewhere',
      from: stampOf(R),
      error: failure,
      retry: { failures, at },
    });
    const { due } = STATES;
    const record = due.phase.status === 'authenticated' ? due.phase.record : R;
    // Its own retry of a due token is running (waiting for the lock the failing tab held).
    const waiting: SessionState = { ...due, phase: { status: 'refreshing', record }, retry: { failures: 1, at: NOW } };

    expect(transition(waiting, news(1, NOW), RULES).state).toBe(waiting);
    const backedOff = transition(waiting, news(2, NOW + 3_000), RULES).state;
    expect(backedOff).toMatchObject({
      phase: { status: 'authenticated' },
      error: failure,
      retry: { failures: 2, at: NOW + 3_000 },
    });
    expect(nextCheckAt(backedOff, RULES)).toBe(NOW + 3_000);
  });

  it('should not tell the other tabs of its own wait for the lock', () => {
    const lockWait = { ...failedEvent(STATES.refreshing, new AuthError('timeout', 'Lock.')), fromEndpoint: false };

    expect(transition(STATES.refreshing, lockWait, RULES).effects).toEqual([]);
    const fromEndpoint = transition(
      STATES.refreshing,
      failedEvent(STATES.refreshing, new AuthError('server', '503')),
      RULES,
    );
    expect(fromEndpoint.effects).toMatchObject([
      { type: 'announce', news: { kind: 'failed', retry: { failures: 1 } } },
    ]);
  });

  it('should pause transient retries while offline and retry at once when back online', () => {
    const due = { ...STATES.due, retry: { failures: 2, at: NOW + 2_000 } };
    const offline = apply(due, { type: 'went_offline' });

    expect(nextCheckAt(due, RULES)).toBe(NOW + 2_000);
    expect(nextCheckAt(offline, RULES)).toBeNull();
    expect(transition(offline, { type: 'refresh_due', now: NOW + 5_000, forced: false }, RULES).effects).toEqual([]);
    const back = transition(offline, { type: 'came_online', now: NOW + 5_000 }, RULES);
    expect(back.effects.map((effect) => effect.type)).toEqual(['start_refresh']);
  });

  it('should end the session everywhere with the error of a rejected refresh token', () => {
    const error = new AuthError('session_expired', 'Refresh token rejected.');
    const { state, effects } = transition(STATES.refreshing, failedEvent(STATES.refreshing, error), RULES);

    const ending = { lineage: 'r', through: 0 }; // this refresh and older ones: not a later one another tab holds
    expect(state).toMatchObject({ phase: { status: 'anonymous' }, error, ended: [ending] });
    expect(effects).toEqual([{ type: 'repair' }, { type: 'announce', news: { kind: 'ended', ending, error } }]);
  });

  it('should stop refreshing a refused client and end the session at its expiry, saying why', () => {
    const refusal = new AuthError('invalid_client', 'Client rejected.');
    const refused = apply(STATES.refreshing, failedEvent(STATES.refreshing, refusal));

    expect(nextCheckAt(refused, RULES)).toBe(R.session.expiresAt);
    expect(transition(refused, { type: 'refresh_due', now: NOW, forced: true }, RULES).effects).toEqual([]);
    const ended = apply(refused, { type: 'refresh_due', now: R.session.expiresAt, forced: false });
    expect(ended.error).toMatchObject({ code: 'session_expired', cause: refusal });
  });

  it("should ignore a rejection of a record that is no longer the session's", () => {
    const moved = apply(STATES.refreshing, { type: 'session_seen', record: { ...R, seq: 1 }, now: NOW });
    const rejected = failedEvent(moved, new AuthError('session_expired', 'Reused refresh token.'));

    expect(transition(moved, rejected, RULES).state).toBe(moved);
    expect(moved.phase.status).toBe('authenticated');
  });
});

describe('ends from elsewhere and destroy', () => {
  it('should end with the same error, and repair the storage rather than clear it on its own reading', () => {
    const error = new AuthError('session_expired', 'Refresh token rejected.');
    const ending = { lineage: 'r', through: null };
    const { state, effects } = transition(STATES.fresh, { type: 'session_ended_elsewhere', ending, error }, RULES);

    expect(state.error).toBe(error);
    expect(effects).toEqual([{ type: 'repair' }]);
  });

  it('should take no event after destroy, but still clear the storage on logout', () => {
    const { destroyed } = STATES;
    for (const event of [
      { type: 'session_seen', record: NEWER, now: NOW },
      { type: 'refresh_due', now: NOW + 10_000_000, forced: true },
      { type: 'login_requested' },
    ] satisfies SessionEvent[]) {
      expect(transition(destroyed, event, RULES)).toEqual({ state: destroyed, effects: [] });
    }
    const logout = transition(destroyed, { type: 'logout_requested' }, RULES);
    expect(logout.effects).toEqual([{ type: 'remove' }]);
    expect(logout.state.phase.status).toBe('anonymous');
    expect(nextCheckAt(destroyed, RULES)).toBeNull();
  });
});

describe('refresh times', () => {
  it('should not refresh sooner than the least interval after a token was issued, whatever its recorded expiry', () => {
    const shortLived = { ...R, issuedAt: NOW, session: { ...R.session, expiresAt: NOW + 1_000 } }; // from storage, say

    expect(dueAt(shortLived, RULES.leeway)).toBe(NOW + MIN_REFRESH_INTERVAL_MS);
    expect(dueAt({ ...shortLived, session: { ...R.session, expiresAt: NOW + 600_000 } }, RULES.leeway)).toBe(
      NOW + 540_000,
    );
  });

  it('should spread retries over the second half of each backoff step, up to a minute', () => {
    expect([1, 2, 3, 7, 20].map((failures) => backoff(failures, 0))).toEqual([500, 1_000, 2_000, 30_000, 30_000]);
    expect([1, 2, 3, 7, 20].map((failures) => backoff(failures, 1))).toEqual([1_000, 2_000, 4_000, 60_000, 60_000]);
    expect(backoff(2, 0.5)).toBe(1_500);
  });
});
