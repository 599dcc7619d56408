import { useFxUser } from '@fx-auth/react';

/** The FreightExchange profile that came with the token. */
export function ProfileCard() {
  const { data: user, isPending, error } = useFxUser();
  if (error) return <section className="card">The profile could not be loaded: {error.message}</section>;
  if (isPending || !user) return <section className="card">Loading the profile…</section>;
  const name = [user.firstName, user.lastName].filter(Boolean).join(' ') || user.login;

  return (
    <section className="card" aria-labelledby="profile-title">
      <h2 id="profile-title">{name}</h2>
      <dl className="facts">
        <dt>Company</dt>
        <dd>{user.company.name ?? '—'}</dd>
        <dt>Login</dt>
        <dd>{user.login}</dd>
        <dt>Email</dt>
        <dd>{user.email ?? '—'}</dd>
        <dt>Language</dt>
        <dd>{user.language ?? '—'}</dd>
        <dt>Speaks</dt>
        <dd>{user.spokenLanguages.length > 0 ? user.spokenLanguages.join(', ') : 'none listed'}</dd>
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
