import { createContext } from 'react';
import type { AuthClient } from '@fx-auth/core';

/** The client given to the nearest `<AuthProvider>`, or `null` outside one. */
export const AuthContext = createContext<AuthClient | null>(null);
