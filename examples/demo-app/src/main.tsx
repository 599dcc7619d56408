import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { AuthProvider } from '@fx-auth/react';
import { FxAuthDevtools } from '@fx-auth/devtools';
import { App } from './App.js';
import { authClient } from './authClient.js';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');

createRoot(root).render(
  <StrictMode>
    <AuthProvider client={authClient}>
      <App />
      <FxAuthDevtools />
    </AuthProvider>
  </StrictMode>,
);
