import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { AuthError, type AuthErrorCode } from '../../src/AuthError.js';
import type { SessionEffect, SessionEvent } from '../../src/session/sessionEvents.js';
import { isNewer, stampOf, type RecordStamp, type SessionRecord } from '../../src/session/sessionRecord.js';
import { anonymousState, recordOf, toSnapshot, type SessionState } from '../../src/session/sessionState.js';
import { transition } from '../../src/session/transition.js';
import { RULES, grant, record } from './fixtures.js';
import { ANONYMOUS, propertyRuns } from '../support.js';

/** Other tabs' logins; a sequence gives each one login time, as real records of one lineage share it. */
const LINEAGES = ['a', 'b', 'c', 'n0', 'n1', 'n2'] as const;
const loginTimes = fc.tuple(...LINEAGES.map(() => fc.integer({ min: 0, max: 2_000_000 })));

/**
 * An event described independently of the state it meets; `toEvent` fills in generations and
 * stamps from that state (current or stale, matching the running refresh or not), so that random
 * sequences reach every corner, stale results and late messages included.
 */
const step = fc.record({
  advance: fc.integer({ min: 0, max: 400_000 }),
  stale: fc.boolean(),
  matching: fc.boolean(),
  event: fc.oneof(
    fc.constant({ type: 'login_requested' as const }),
    fc.constant({ type: 'login_succeeded' as const }),
    fc
      .constantFrom<AuthErrorCode>('invalid_credentials', 'network')
      .map((code) => ({ type: 'login_failed' as const, code })),
    fc.boolean().map((forced) => ({ type: 'refresh_due' as const, forced })),
    fc.constant({ type: 'refresh_succeeded' as const }),
    fc
      .constantFrom<AuthErrorCode>('network', 'timeout', 'server', 'session_expired', 'invalid_client')
      .chain((code) => fc.boolean().map((fromEndpoint) => ({ type: 'refresh_failed' as const, code, fromEndpoint }))),
    fc
      .record({
        lineage: fc.constantFrom(...LINEAGES),
        seq: fc.integer({ min: 0, max: 4 }),
        lifetime: fc.integer({ min: -100_000, max: 900_000 }),
        refreshable: fc.boolean(),
      })
      .map((seen) => ({ type: 'session_seen' as const, ...seen })),
    fc
      .constantFrom('a', 'b', 'n0', 'n1', 'own')
      .map((lineage) => ({ type: 'session_ended_elsewhere' as const, lineage })),
    fc.constant({ type: 'woke_up' as const }),
    fc.constant({ type: 'went_offline' as const }),
    fc.constant({ type: 'came_online' as const }),
    fc.constant({ type: 'logout_requested' as const }),
    fc.constant({ type: 'destroyed' as const }),
  ),
});
type Step = typeof step extends fc.Arbitrary<infer T> ? T : never;

function toEvent(
  { event, stale, matching }: Step,
  state: SessionState,
  now: number,
  logins: number,
  since: (lineage: string) => number,
): SessionEvent {
  const generation = stale ? state.generation - 1 : state.generation;
  const current = recordOf(state);
  const from: RecordStamp = matching && current ? stampOf(current) : { lineage: 'a', since: 1, seq: 0 };
  switch (event.type) {
    case 'login_succeeded':
      return { type: 'login_succeeded', generation, grant: grant(now), lineage: `mine-${logins}` };
    case 'login_failed':
      return { type: 'login_failed', generation, error: new AuthError(event.code, 'failed') };
    case 'refresh_due':
      return { type: 'refresh_due', now, forced: event.forced };
    case 'refresh_succeeded':
      return { type: 'refresh_succeeded', generation, from, grant: grant(now) };
    case 'refresh_failed': {
      const { code, fromEndpoint } = event;
      return { type: 'refresh_failed', generation, from, error: new AuthError(code, 'failed'), now, fromEndpoint };
    }
    case 'session_seen': {
      const stamp = { lineage: event.lineage, since: since(event.lineage), seq: event.seq };
      const seen = record(stamp, { expiresAt: now + event.lifetime, refreshable: event.refreshable });
      return { type: 'session_seen', record: seen, now };
    }
    case 'session_ended_elsewhere': {
      const lineage = event.lineage === 'own' ? (current?.lineage ?? 'a') : event.lineage;
      return { type: 'session_ended_elsewhere', ending: { lineage, through: null }, error: null };
    }
    case 'woke_up':
    case 'came_online':
      return { type: event.type, now };
    default:
      return event;
  }
}

/** Runs `steps` from an anonymous state, calling `check` after each transition. */
function play(
  [times, steps]: [number[], Step[]],
  check: (before: SessionState, event: SessionEvent, after: SessionState, effects: readonly SessionEffect[]) => void,
): void {
  let state = anonymousState(true);
  let now = 1_000_000;
  let logins = 0;
  for (const current of steps) {
    now += current.advance;
    const event = toEvent(current, state, now, logins, (lineage) => times[LINEAGES.indexOf(lineage as never)] ?? 0);
    if (event.type === 'login_succeeded') logins += 1;
    const { state: next, effects } = transition(state, event, RULES);
    check(state, event, next, effects);
    state = next;
  }
}

const sequences = fc.tuple(loginTimes, fc.array(step, { minLength: 1, maxLength: 60 }));
const RUNS = propertyRuns(2_000);

describe('the session lifecycle over random event sequences', () => {
  it('should never be authenticated without a session, nor have a session while anonymous', () => {
    fc.assert(
      fc.property(sequences, (steps) =>
        play(steps, (_before, _event, after) => {
          const { status, session } = toSnapshot(after, 0, RULES);
          expect(session !== null).toBe(status === 'authenticated' || status === 'refreshing');
        }),
      ),
      RUNS,
    );
  });

  it('should replace a session it holds only by a newer one', () => {
    fc.assert(
      fc.property(sequences, (steps) =>
        play(steps, (before, _event, after) => {
          const held = recordOf(before);
          const taken = recordOf(after);
          if (held && taken && taken !== held) expect(isNewer(taken, held)).toBe(true);
        }),
      ),
      RUNS,
    );
  });

  it('should commit nothing after a logout but a new login', () => {
    fc.assert(
      fc.property(sequences, (steps) => {
        const loggedOut = new Set<string>();
        const lineages = new Set<string>();
        play(steps, (before, event, after) => {
          const held: SessionRecord | null = recordOf(before);
          if (held) lineages.add(held.lineage);
          if (before.phase.status === 'authenticating' && before.phase.standby)
            lineages.add(before.phase.standby.lineage);
          if (event.type === 'logout_requested') for (const lineage of lineages) loggedOut.add(lineage);
          const taken = recordOf(after);
          if (taken) expect(loggedOut.has(taken.lineage)).toBe(false);
        });
      }),
      RUNS,
    );
  });

  it('should keep ended lineages ended, and store or announce none of them', () => {
    fc.assert(
      fc.property(sequences, (steps) =>
        play(steps, (_before, _event, after, effects) => {
          const taken = recordOf(after);
          if (taken) expect(after.ended).not.toContain(taken.lineage);
          for (const effect of effects) {
            if (effect.type === 'save') expect(after.ended).not.toContain(effect.record.lineage);
            if (effect.type === 'announce' && effect.news.kind === 'session') {
              expect(after.ended).not.toContain(effect.news.record.lineage);
            }
          }
        }),
      ),
      RUNS,
    );
  });

  it('should only move generations forward, start refreshes in the current one, and drop stale results', () => {
    fc.assert(
      fc.property(sequences, (steps) =>
        play(steps, (before, event, after, effects) => {
          expect(after.generation).toBeGreaterThanOrEqual(before.generation);
          for (const effect of effects) {
            if (effect.type === 'start_refresh') expect(effect.generation).toBe(after.generation);
          }
          const result = event.type.endsWith('_succeeded') || event.type.endsWith('_failed');
          if (result && 'generation' in event && event.generation !== before.generation) {
            expect(after).toBe(before);
            expect(effects).toEqual([]);
          }
        }),
      ),
      RUNS,
    );
  });

  it('should change nothing after destroy but for a logout, which only clears the storage', () => {
    fc.assert(
      fc.property(sequences, (steps) =>
        play(steps, (before, event, after, effects) => {
          if (!before.destroyed) return;
          if (event.type !== 'logout_requested')
            return expect({ after, effects }).toEqual({ after: before, effects: [] });
          expect(toSnapshot(after, 0, RULES)).toEqual(ANONYMOUS);
          expect(effects).toEqual([{ type: 'remove' }]);
        }),
      ),
      RUNS,
    );
  });
});
