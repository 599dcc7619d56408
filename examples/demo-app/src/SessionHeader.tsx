import { useEffect, useRef } from 'react';
import { useAuth, useLogout } from '@fx-auth/react';

/** Who is signed in, and the way out: first on the screen, in reach on a phone. */
export function SessionHeader() {
  const { session } = useAuth();
  const logout = useLogout();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const user = session?.user;
  const name = [user?.firstName, user?.lastName].filter(Boolean).join(' ') || user?.login || 'Signed in';

  useEffect(() => {
    headingRef.current?.focus(); // arriving from the login page: start at the new screen's heading
  }, []);

  return (
    <section className="card session-header" aria-labelledby="session-title">
      <div>
        <h2 id="session-title" tabIndex={-1} ref={headingRef}>
          {name}
        </h2>
        {user?.company.name && <p className="muted">{user.company.name}</p>}
      </div>
      <button type="button" className="secondary" onClick={() => logout.mutate()} disabled={logout.isPending}>
        Log out
      </button>
    </section>
  );
}
