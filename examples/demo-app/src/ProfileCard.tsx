import { Suspense, type ReactNode } from 'react';
import { AuthErrorBoundary, useSuspenseFxUser } from '@fx-auth/react';
import { languageName } from './languageName.js';

const orDash = (value: string | null | undefined): string =>
  value === null || value === undefined || value === '' ? '—' : value;

function ProfileSection({ children }: { children: ReactNode }) {
  return (
    <section className="card profile" aria-labelledby="profile-title">
      <h2 id="profile-title">Profile</h2>
      {children}
    </section>
  );
}

/**
 * Every field of the FreightExchange profile that came with the token: read with Suspense, its
 * failures (typed AuthErrors) caught by fx-auth's error boundary.
 */
export function ProfileCard() {
  return (
    <ProfileSection>
      <AuthErrorBoundary fallback={(error) => <p role="status">The profile could not be loaded: {error.message}</p>}>
        <Suspense fallback={<p role="status">Loading the profile…</p>}>
          <ProfileFacts />
        </Suspense>
      </AuthErrorBoundary>
    </ProfileSection>
  );
}

function ProfileFacts() {
  const { data: user } = useSuspenseFxUser();
  return (
    <>
      <dl className="facts">
        <dt>First name</dt>
        <dd>{orDash(user.firstName)}</dd>
        <dt>Last name</dt>
        <dd>{orDash(user.lastName)}</dd>
        <dt>Login</dt>
        <dd>{user.login}</dd>
        <dt>User id</dt>
        <dd data-testid="user-id">{user.id}</dd>
        <dt>Email</dt>
        <dd>{orDash(user.email)}</dd>
        <dt>Phone</dt>
        <dd data-testid="phone">{orDash(user.phone)}</dd>
        <dt>Fax</dt>
        <dd data-testid="fax">{orDash(user.fax)}</dd>
        <dt>Language</dt>
        <dd>{user.language ? languageName(user.language) : '—'}</dd>
        <dt>Spoken languages</dt>
        <dd>{user.spokenLanguages.length > 0 ? user.spokenLanguages.map(languageName).join(', ') : 'none listed'}</dd>
        <dt>Business id</dt>
        <dd data-testid="business-id">{orDash(user.businessId)}</dd>
      </dl>
      <h3>Company</h3>
      <dl className="facts" aria-label="Company">
        <dt>Name</dt>
        <dd data-testid="company-name">{orDash(user.company.name)}</dd>
        <dt>Company id</dt>
        <dd data-testid="company-id">{orDash(user.company.id)}</dd>
        <dt>Post code</dt>
        <dd data-testid="post-code">{orDash(user.company.postCode)}</dd>
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
    </>
  );
}
