import { describe, expect, it } from 'vitest';
import type { AuthEvent } from '@fx-auth/core/events';
import { describeEvent } from '../src/describeEvent.js';
import { clockTime, countdown } from '../src/formatTime.js';

const at = new Date('2026-12-01T10:00:00').getTime();

describe('describeEvent', () => {
  it.each<[AuthEvent, string, string, boolean]>([
    [
      { type: 'token_request_started', at, grant: 'client_credentials' },
      'Token request',
      'client credentials sent',
      false,
    ],
    [
      {
        type: 'token_request_finished',
        at,
        grant: 'refresh_token',
        outcome: 'failure',
        durationMs: 12,
        status: null,
        errorCode: 'network',
      },
      'Token request failed',
      'refresh token: no answer, network in 12 ms',
      true,
    ],
    [
      { type: 'session_committed', at, source: 'other_tab', expiresAt: at + 90_000, tokenSuffix: null },
      'Session',
      'a token from another tab, expires at 10:01:30',
      false,
    ],
    [{ type: 'refresh_scheduled', at, refreshAt: at + 5_000 }, 'Refresh scheduled', 'at 10:00:05', false],
    [
      { type: 'request_retried', at, origin: 'https://api.example.com', status: 401 },
      '401 retried',
      'https://api.example.com refused the token: sent again with a new one',
      false,
    ],
    [
      { type: 'token_withheld', at, origin: 'http://localhost:3000' },
      'Token withheld',
      'http://localhost:3000 is not in authorizedOrigins',
      true,
    ],
    [{ type: 'tab_message_sent', at, kind: 'refresh_failed' }, 'Told the other tabs', 'a failed refresh', false],
    [{ type: 'tab_message_received', at, kind: 'session_ended' }, 'Heard from a tab', 'an end of session', false],
    [{ type: 'storage_changed', at, holds: 'nothing' }, 'Storage changed', 'holds no session', false],
    [
      { type: 'session_ended', at, reason: 'expired', errorCode: 'session_expired' },
      'Session ended',
      'expired without a refresh (session_expired)',
      true,
    ],
    [{ type: 'session_ended', at, reason: 'logout', errorCode: null }, 'Session ended', 'logged out here', false],
  ])('should put %j in words', (event, title, detail, bad) => {
    expect(describeEvent(event)).toEqual({ title, detail, bad });
  });
});

describe('countdown', () => {
  it.each([
    [3_723_000, '1h 02m'],
    [245_000, '4m 05s'],
    [12_000, '12s'],
    [100, '1s'],
    [0, 'now'],
    [-5_000, 'now'],
  ])('should show %i ms as %s', (left, shown) => {
    expect(countdown(at + left, at)).toBe(shown);
  });

  it('should show a local clock time', () => {
    expect(clockTime(at + 3_723_000)).toBe('11:02:03');
  });
});
