import { ProfileCard } from './ProfileCard.js';
import { ProtectedCall } from './ProtectedCall.js';
import { TokenPanel } from './TokenPanel.js';

/** What a signed-in user sees: the profile, the token's life, and what to do with it. */
export function Dashboard() {
  return (
    <div className="dashboard">
      <ProfileCard />
      <TokenPanel />
      <ProtectedCall />
    </div>
  );
}
