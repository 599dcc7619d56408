import { useAuth } from '@fx-auth/react';
import { Dashboard } from './Dashboard.js';
import { LoginPage } from './LoginPage.js';

/** The login page while anonymous, the dashboard while a session exists. */
export function App() {
  const { isAuthenticated } = useAuth();
  return (
    <>
      <header className="bar">
        <h1>
          fx-auth <span>demo</span>
        </h1>
      </header>
      <main>{isAuthenticated ? <Dashboard /> : <LoginPage />}</main>
      <footer>Talking to {__FX_TARGET__}.</footer>
    </>
  );
}
