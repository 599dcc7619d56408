// Type-checked, not bundled: the test kit as an app's tests would use it.
import { createMockAuth, mockFxUser } from '@fx-auth/testing';
import { AuthProvider } from '@fx-auth/react';
import { App } from './App.js';

export async function loggedInScreen() {
  const auth = createMockAuth({ user: mockFxUser({ firstName: 'Ada' }) });
  await auth.logIn();
  await auth.failRefreshes('network');
  return (
    <AuthProvider client={auth.client}>
      <App apiUrl="http://127.0.0.1:4010/api/me" />
    </AuthProvider>
  );
}
