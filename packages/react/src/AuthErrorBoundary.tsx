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
 * {@link useSuspenseFxUser} while logged out, or a failed profile fetch. Any other error goes on to
 * the next boundary up. The children get another try on `reset()` and whenever the session
 * changes (a login clears a `no_session` fallback), with TanStack Query's failed queries reset.
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

class AuthErrorCatcher extends Component<
  CatcherProps,
  { caught: { error: unknown; session: CatcherProps['session'] } | null }
> {
  override state: { caught: { error: unknown; session: CatcherProps['session'] } | null } = { caught: null };

  static getDerivedStateFromError(error: unknown) {
    return { caught: { error, session: undefined } };
  }

  /** Remembers which session the error came with: another one gives the children another try. */
  override componentDidCatch(): void {
    this.setState(({ caught }) => (caught ? { caught: { ...caught, session: this.props.session } } : null));
  }

  override componentDidUpdate(): void {
    const { caught } = this.state;
    if (caught?.session !== undefined && caught.session !== this.props.session) this.reset();
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
