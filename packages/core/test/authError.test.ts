import { describe, expect, it } from 'vitest';
import { AuthError, isAuthError } from '@fx-auth/core';

describe('AuthError', () => {
  it('should serialize to its code, message, and the status and OAuth error only when known', () => {
    const cause = new Error('the socket closed');

    expect(JSON.parse(JSON.stringify(new AuthError('network', 'Unreachable.', { cause })))).toEqual({
      name: 'AuthError',
      code: 'network',
      message: 'Unreachable.',
    });
    expect(new AuthError('invalid_grant', 'Refused.', { status: 400, error: 'invalid_grant' }).toJSON()).toEqual({
      name: 'AuthError',
      code: 'invalid_grant',
      message: 'Refused.',
      status: 400,
      error: 'invalid_grant',
    });
    const bare = new AuthError('server', 'Failed.');
    expect(['status' in bare, 'error' in bare]).toEqual([false, false]);
  });

  it.each([
    ['an AuthError', new AuthError('timeout', 'Late.'), true],
    ['one from another copy of the package', { name: 'AuthError', code: 'timeout', message: 'Late.' }, true],
    ['an object without a code', { name: 'AuthError', message: 'Late.' }, false],
    ['an object with a code that is not text', { name: 'AuthError', code: 408 }, false],
    ['another error with a code', Object.assign(new Error('x'), { code: 'ECONNRESET' }), false],
    ['null', null, false],
    ['a string', 'AuthError', false],
    ['a function named AuthError', Object.assign(function AuthError() {}, { code: 'timeout' }), false],
  ])('should tell whether %s is an AuthError', (_name, value, expected) => {
    expect(isAuthError(value)).toBe(expected);
  });
});
