import { createContext } from 'react';
import type { QueryClient } from '@tanstack/react-query';
import type { AuthClient } from '@fx-auth/core';

/** What the nearest `<AuthProvider>` gives: its client, and the QueryClient it keeps in step. */
export interface AuthContextValue {
  client: AuthClient;
  queryClient: QueryClient;
}

/** The nearest `<AuthProvider>`'s value, or `null` outside one. */
export const AuthContext = createContext<AuthContextValue | null>(null);
