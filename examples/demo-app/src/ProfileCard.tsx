import { useEffect, useRef } from 'react';
import { useFxUser } from '@fx-auth/react';
import { languageName } from './languageName.js';

/** The FreightExchange profile that came with the token. */
export function ProfileCard() {
  const { data: user, error } = useFxUser();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const shown = user !== undefined;
  useEffect(() => {
    if (shown) headingRef.current?.focus(); // arriving from the login page: start at the profile
  }, [shown]);

  if (!user) {
    return (
      <section className="card" aria-labelledby="profile-title">
        <h2 id="profile-title">Profile</h2>
        <p role="status">{error ? `The profile could not be loaded: ${error.message}` : 'Loading the profile…'}</p>
      </section>
    );
  }
  const name = [user.firstName, user.lastName].filter(Boolean).join(' ') || user.login;

  return (
    <section className="card" aria-labelledby="profile-title">
      <h2 id="profile-title" tabIndex={-1} ref={headingRef}>
        {name}
      </h2>
      <dl className="facts">
        <dt>Company</dt>
        <dd>{user.company.name ?? '—'}</dd>
        <dt>Login</dt>
        <dd>{user.login}</dd>
        <dt>Email</dt>
        <dd>{user.email ?? '—'}</dd>
        <dt>Language</dt>
        <dd>{user.language ? languageName(user.language) : '—'}</dd>
        <dt>Spoken languages</dt>
        <dd>{user.spokenLanguages.length > 0 ? user.spokenLanguages.map(languageName).join(', ') : 'none listed'}</dd>
      </dl>
      <h3>Auto uplift</h3>
      <dl className="facts" aria-label="Auto uplift">
        <dt>Enabled</dt>
        <dd data-testid="uplift-enabled">{user.autoUplift.enabled ? 'Yes' : 'No'}</dd>
        <dt>Initial counter</dt>
        <dd data-testid="uplift-initial">{user.autoUplift.initial}</dd>
        <dt>Maximum</dt>
        <dd data-testid="uplift-max">{user.autoUplift.max}</dd>
      </dl>
    </section>
  );
}
