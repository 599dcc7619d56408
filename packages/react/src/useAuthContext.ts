import { useContext } from 'react';
import { AuthContext, type AuthContextValue } from './AuthContext.js';

/**
 * The nearest `<AuthProvider>`'s value.
 *
 * @throws {Error} when called outside an `<AuthProvider>`.
 */
export function useAuthContext(): AuthContextValue {
  const value = useContext(AuthContext);
  if (!value) {
    throw new Error('useAuthClient() and the other fx-auth hooks must be used inside <AuthProvider client={…}>.');
  }
  return value;
}
