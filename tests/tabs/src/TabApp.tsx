import { useEffect } from 'react';
import { useAuth, useFxUser } from '@fx-auth/react';
import { renders } from './exposeToTests.js';

/** Shows the session as a user would see it, and records what each render showed. */
export function TabApp() {
  const { status, session } = useAuth();
  const { data: profile } = useFxUser();
  const sessionUser = session?.user?.login ?? null;
  const shownUser = profile?.login ?? null;
  useEffect(() => {
    renders.push({ status, sessionUser, shownUser });
  });
  return (
    <main>
      <p data-testid="status">{status}</p>
      <p data-testid="user">{profile ? `${profile.firstName} ${profile.lastName}` : 'nobody'}</p>
    </main>
  );
}
