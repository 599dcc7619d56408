'use client';

export { AuthProvider } from './AuthProvider.js';
export type { AuthProviderProps } from './AuthProvider.js';
export { useAuthClient } from './useAuthClient.js';
export { useAuth } from './useAuth.js';
export type { UseAuthResult } from './useAuth.js';
export { useToken } from './useToken.js';
export type { TokenState } from './useToken.js';
export { useFxUser } from './useFxUser.js';
export { useSuspenseFxUser } from './useSuspenseFxUser.js';
export { AuthErrorBoundary } from './AuthErrorBoundary.js';
export type { AuthErrorBoundaryProps } from './AuthErrorBoundary.js';
export { useLogin } from './useLogin.js';
export { useLogout } from './useLogout.js';
export { fxUserQueryKeys, fxUserQueryOptions } from './fxUserQueryOptions.js';
