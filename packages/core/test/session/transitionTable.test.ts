import { describe, expect, it } from 'vitest';
import { transition } from '../../src/session/transition.js';
import { EVENTS, RULES, STATES, type EventName, type StateName } from './fixtures.js';

/**
 * The lifecycle as a table: for every state (columns) and event (rows), the next status, the
 * effects in order, and `+` when the generation moved on (work started before cannot commit).
 * Unchanged cells keep the same state object and run nothing.
 */
const COLUMNS: StateName[] = [
  'anonymous',
  'authenticating',
  'authenticating+standby',
  'fresh',
  'due',
  'expired',
  'refreshing',
  'destroyed',
];

// prettier-ignore
const TABLE: Record<EventName, string[]> = {
  //                            anonymous                  authenticating                 authenticating+standby              fresh                               due                                 expired                             refreshing                          destroyed
  login_requested:              ['authenticating remove +', 'authenticating remove +',     'authenticating remove announce +', 'authenticating remove announce +', 'authenticating remove announce +', 'authenticating remove announce +', 'authenticating remove announce +', '='],
  login_succeeded:              ['=',                       'authenticated save announce', 'authenticated save announce',      '=',                                '=',                                '=',                                '=',                                '='],
  'login_succeeded (stale)':    ['=',                       '=',                           '=',                                '=',                                '=',                                '=',                                '=',                                '='],
  login_failed:                 ['=',                       'anonymous',                   'authenticated repair +',                '=',                                '=',                                '=',                                '=',                                '='],
  refresh_due:                  ['=',                       '=',                           '=',                                '=',                                'refreshing start_refresh',         'anonymous repair +',               '=',                                '='],
  'refresh_due (forced)':       ['=',                       '=',                           '=',                                'refreshing start_refresh',         'refreshing start_refresh',         'anonymous repair +',               '=',                                '='],
  refresh_succeeded:            ['=',                       '=',                           '=',                                'authenticated save announce',      'authenticated save announce',      'authenticated save announce',      'authenticated save announce',      '='],
  'refresh_succeeded (stale)':  ['=',                       '=',                           '=',                                '=',                                '=',                                '=',                                '=',                                '='],
  'refresh_failed (transient)': ['=',                       '=',                           '=',                                'authenticated announce',           'authenticated announce',           'authenticated announce',           'authenticated announce',           '='],
  'refresh_failed (lock wait)': ['=',                       '=',                           '=',                                'authenticated',                    'authenticated',                    'authenticated',                    'authenticated',                    '='],
  'refresh_failed (rejected)':  ['=',                       '=',                           '=',                                'anonymous repair announce +',      'anonymous repair announce +',      'anonymous repair announce +',      'anonymous repair announce +',      '='],
  'refresh_failed (refused)':   ['=',                       '=',                           '=',                                'authenticated announce',           'authenticated announce',           'authenticated announce',           'authenticated announce',           '='],
  refresh_failed_elsewhere:     ['=',                       '=',                           '=',                                'authenticated',                    'authenticated',                    'authenticated',                    'authenticated',                    '='],
  'session_seen (newer)':       ['authenticated +',         'authenticating',              'authenticating',                   'authenticated +',                  'authenticated +',                  'authenticated +',                  'authenticated +',                  '='],
  'session_seen (older)':       ['authenticated +',         'authenticating',              '=',                                '=',                                '=',                                '=',                                '=',                                '='],
  storage_emptied:              ['=',                       '=',                           '=',                                'anonymous +',                      'anonymous +',                      'anonymous +',                      'anonymous +',                      '='],
  session_ended_elsewhere:      ['=',                       '=',                           'authenticating',                   'anonymous repair +',               'anonymous repair +',               'anonymous repair +',               'anonymous repair +',               '='],
  woke_up:                      ['=',                       '=',                           '=',                                '=',                                'refreshing start_refresh',         'anonymous repair +',               '=',                                '='],
  went_offline:                 ['anonymous',               'authenticating',              'authenticating',                   'authenticated',                    'authenticated',                    'authenticated',                    'refreshing',                       '='],
  came_online:                  ['anonymous',               'authenticating',              'authenticating',                   'authenticated',                    'refreshing start_refresh',         'anonymous repair +',               'refreshing',                       '='],
  logout_requested:             ['anonymous remove +',      'anonymous remove +',          'anonymous remove announce +',      'anonymous remove announce +',      'anonymous remove announce +',      'anonymous remove announce +',      'anonymous remove announce +',      'anonymous remove'],
  destroyed:                    ['anonymous +',             'anonymous +',                 'anonymous +',                      'authenticated +',                  'authenticated +',                  'authenticated +',                  'authenticated +',                  '='],
};

const cells = Object.entries(TABLE).flatMap(([event, row]) =>
  COLUMNS.map((state, column) => [state, event as EventName, row[column]] as const),
);

describe('the session lifecycle, state by event', () => {
  it('should have a cell for every state and event', () => {
    for (const row of Object.values(TABLE)) expect(row).toHaveLength(COLUMNS.length);
    expect(Object.keys(TABLE).sort()).toEqual(Object.keys(EVENTS).sort());
  });

  it.each(cells)('in %s, on %s: %s', (stateName, eventName, expected) => {
    const state = STATES[stateName];
    const { state: next, effects } = transition(state, EVENTS[eventName](state), RULES);

    if (expected === '=') {
      expect(next).toBe(state);
      expect(effects).toEqual([]);
      return;
    }
    const outcome = [
      next.phase.status,
      ...effects.map((effect) => effect.type),
      ...(next.generation > state.generation ? ['+'] : []),
    ].join(' ');
    expect(outcome).toBe(expected);
    expect(next.generation).toBeGreaterThanOrEqual(state.generation);
  });
});
