export { createAuthClient } from './createAuthClient.js';
export type { AuthClient, AuthClientOptions, GetAccessTokenOptions, LoginArguments } from './AuthClient.js';
export { AuthError, isAuthError } from './AuthError.js';
export type { AuthErrorCode, AuthErrorDetails } from './AuthError.js';
export { freightExchange } from './providers/freightExchange.js';
export type { FreightExchangeOptions } from './providers/freightExchange.js';
export { clientCredentials } from './providers/clientCredentials.js';
export type { ClientCredentialsOptions } from './providers/clientCredentials.js';
export type { ClientAuthentication } from './http/clientAuthentication.js';
export { jsonLogin } from './providers/jsonLogin.js';
export type { JsonLoginOptions } from './providers/jsonLogin.js';
export type { LoginCredentials, TokenProvider, ProviderGrant } from './providers/TokenProvider.js';
export type { TokenGrant } from './http/toTokenGrant.js';
export { ASSUMED_LIFETIME_SECONDS, MAX_LIFETIME_SECONDS, MIN_LIFETIME_SECONDS } from './http/toTokenGrant.js';
export { MIN_REFRESH_INTERVAL_MS } from './session/sessionState.js';
export type { TokenTransport } from './http/sendTokenRequest.js';
export { memoryStorage } from './storage/memoryStorage.js';
export { webStorage } from './storage/webStorage.js';
export type { WebStorageOptions } from './storage/webStorage.js';
export type { SnapshotListener } from './client/snapshotStore.js';
export type {
  AuthSnapshot,
  AuthStatus,
  Credentials,
  FxAutoUplift,
  FxCompany,
  FxUser,
  Session,
  SessionStorage,
} from './types.js';
