import { Component, type ReactNode } from 'react';
import { useQueryErrorResetBoundary } from '@tanstack/react-query';
import { isAuthError, type AuthError, type AuthSnapshot } from '@fx-auth/core';
import { useAuthSnapshot } from './useAuthSnapshot.js';

/** Props of {@link AuthErrorBoundary}. */
export interface AuthErrorBoundaryProps {
  /** What to show for an `AuthError` thrown below: `reset()` renders the children again. */
  fallback: (error: AuthError, reset: () => void) => ReactNode;
  children?: ReactNode;
}

interface CatcherProps extends AuthErrorBoundaryProps {
  /** A new session (or none) since the error: the children get another try. */
  session: AuthSnapshot['session'];
  /** Lets TanStack Query fetch failed queries again. */
  resetQueries: () => void;
}

const selectSession = (snapshot: AuthSnapshot): AuthSnapshot['session'] => snapshot.session;

/**
 * An error boundary for `AuthError`s (typed: branch on `error.code`), such as `no_session` from
 * {@link useSuspenseFxUser} or {@link useSuspenseToken} while logged out, or a failed profile fetch. Any other error goes on to
 * the next boundary up. The children get another try on `reset()` (which also resets TanStack
 * Query's failed queries) and whenever the session changes (a login clears a `no_session`
 * fallback; a profile's query key follows the login, so a new login's query starts afresh).
 *
 * @example
 * ```tsx
 * <AuthErrorBoundary fallback={(error) => (error.code === 'no_session' ? <LoginPage /> : <p>{error.message}</p>)}>
 *   <Suspense fallback={<p>Loading…</p>}>
 *     <Greeting />
 *   </Suspense>
 * </AuthErrorBoundary>
 * ```
 */
export function AuthErrorBoundary(props: AuthErrorBoundaryProps) {
  const { reset } = useQueryErrorResetBoundary();
  return <AuthErrorCatcher {...props} session={useAuthSnapshot(selectSession)} resetQueries={reset} />;
}

interface CatcherState {
  caught: { error: unknown } | null;
  /** The session the children last rendered with. */
  session: CatcherProps['session'];
}

class AuthErrorCatcher extends Component<CatcherProps, CatcherState> {
  override state: CatcherState = { caught: null, session: this.props.session };

  static getDerivedStateFromError(error: unknown): Partial<CatcherState> {
    return { caught: { error } };
  }

  /** A new session (or none): the children get another try. */
  static getDerivedStateFromProps({ session }: CatcherProps, state: CatcherState): Partial<CatcherState> | null {
    return session === state.session ? null : { caught: null, session };
  }

  reset = (): void => {
    this.props.resetQueries();
    this.setState({ caught: null });
  };

  override render(): ReactNode {
    const { caught } = this.state;
    if (!caught) return this.props.children;
    if (!isAuthError(caught.error)) throw caught.error; // not ours: the next boundary up
    return this.props.fallback(caught.error, this.reset);
  }
}
