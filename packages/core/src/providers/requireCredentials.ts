import { AuthError } from '../AuthError.js';
import type { Credentials } from '../types.js';

/**
 * The credentials of a password login, checked for shape (not content: an empty password is the
 * server's to reject).
 *
 * @throws {AuthError} `invalid_credentials` when no username and password were given.
 */
export function requireCredentials(credentials: unknown): Credentials {
  const given = credentials as Partial<Record<keyof Credentials, unknown>> | null | undefined; // from JavaScript, anything
  if (
    typeof given !== 'object' ||
    given === null ||
    typeof given.username !== 'string' ||
    typeof given.password !== 'string'
  ) {
    throw new AuthError('invalid_credentials', 'A username and password are required to log in.');
  }
  return given as Credentials;
}
