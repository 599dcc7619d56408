import { ApiProfile } from './ApiProfile.js';
import { ProfileCard } from './ProfileCard.js';
import { ProtectedCall } from './ProtectedCall.js';
import { SessionHeader } from './SessionHeader.js';
import { TokenPanel } from './TokenPanel.js';

/** What a signed-in user sees: who, the token's life and what to do with it, then the profile. */
export function Dashboard() {
  return (
    <div className="dashboard">
      <SessionHeader />
      <TokenPanel />
      <ProtectedCall />
      <ProfileCard />
      {__FX_PROTECTED_PATH__ === '/api/me' && <ApiProfile />}
    </div>
  );
}
