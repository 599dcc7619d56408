import { describe, expect, it } from 'vitest';
import { AuthError } from '../../src/AuthError.js';
import type { SessionEvent } from '../../src/session/sessionEvents.js';
import { stampOf } from '../../src/session/sessionRecord.js';
import { ENDED_KEPT, nextCheckAt, type SessionState } from '../../src/session/sessionState.js';
import { transition } from '../../src/session/transition.js';
import { NEWER, NOW, R, RULES, STANDBY, STATES, grant, record } from './fixtures.js';

const apply = (state: SessionState, ...events: SessionEvent[]): SessionState =>
  events.reduce((current, event) => transition(current, event, RULES).state, state);

const failed = (state: SessionState, error: AuthError, now = NOW): SessionEvent => ({
  type: 'refresh_failed',
  generation: state.generation,
  from: stampOf(R),
  error,
  now,
});

describe('ordering of sessions', () => {
  it('should never take a session of a lineage that ended, and clear its stored copy', () => {
    const late = record({ lineage: 'r', since: 100, seq: 5 }); // a refresh that lost the race with a logout
    const { state, effects } = transition(STATES.anonymous, { type: 'session_seen', record: late, now: NOW }, RULES);

    expect(state).toBe(STATES.anonymous);
    expect(effects).toEqual([{ type: 'remove', lineage: 'r' }]);
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
      lineage: `gone-${index}`,
      error: null,
    }));
    const { ended } = apply(STATES.anonymous, ...events);

    expect(ended).toHaveLength(ENDED_KEPT);
    expect(ended.at(-1)).toBe(`gone-${ENDED_KEPT + 3}`);
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
    expect(effects).toEqual([{ type: 'save', record: STANDBY }]);
  });

  it('should end every session at the start of a login, telling the other tabs', () => {
    const { state, effects } = transition(STATES.fresh, { type: 'login_requested' }, RULES);

    expect(state.ended).toContain('r');
    expect(effects).toEqual([
      { type: 'remove' },
      { type: 'announce', news: { kind: 'ended', lineage: 'r', error: null } },
    ]);
  });
});

describe('refresh failures', () => {
  it('should back off 1 s, 2 s, 4 s … up to 60 s after transient failures, keeping the session', () => {
    let state: SessionState = STATES.refreshing;
    const waits: number[] = [];
    for (let attempt = 0; attempt < 9; attempt += 1) {
      state = apply(state, failed(state, new AuthError('server', '503'), NOW));
      waits.push(state.retry.at - NOW);
      state = { ...state, phase: { status: 'refreshing', record: R } };
    }

    expect(waits).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 60_000, 60_000, 60_000]);
    expect(state.error?.code).toBe('server');
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
    const { state, effects } = transition(STATES.refreshing, failed(STATES.refreshing, error), RULES);

    expect(state).toMatchObject({ phase: { status: 'anonymous' }, error, ended: ['r'] });
    expect(effects).toEqual([
      { type: 'remove', lineage: 'r' },
      { type: 'announce', news: { kind: 'ended', lineage: 'r', error } },
    ]);
  });

  it('should stop refreshing a refused client and end the session at its expiry, saying why', () => {
    const refusal = new AuthError('invalid_client', 'Client rejected.');
    const refused = apply(STATES.refreshing, failed(STATES.refreshing, refusal));

    expect(nextCheckAt(refused, RULES)).toBe(R.session.expiresAt);
    expect(transition(refused, { type: 'refresh_due', now: NOW, forced: true }, RULES).effects).toEqual([]);
    const ended = apply(refused, { type: 'refresh_due', now: R.session.expiresAt, forced: false });
    expect(ended.error).toMatchObject({ code: 'session_expired', cause: refusal });
  });

  it("should ignore a rejection of a record that is no longer the session's", () => {
    const moved = apply(STATES.refreshing, { type: 'session_seen', record: { ...R, seq: 1 }, now: NOW });
    const rejected = failed(moved, new AuthError('session_expired', 'Reused refresh token.'));

    expect(transition(moved, rejected, RULES).state).toBe(moved);
    expect(moved.phase.status).toBe('authenticated');
  });
});

describe('ends from elsewhere and destroy', () => {
  it('should clear only the ended lineage from the storage', () => {
    const error = new AuthError('session_expired', 'Refresh token rejected.');
    const { state, effects } = transition(
      STATES.fresh,
      { type: 'session_ended_elsewhere', lineage: 'r', error },
      RULES,
    );

    expect(state.error).toBe(error);
    expect(effects).toEqual([{ type: 'remove', lineage: 'r' }]);
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
