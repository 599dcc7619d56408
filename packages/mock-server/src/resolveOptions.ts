import { randomBytes } from 'node:crypto';
import { defaultUsers } from './defaultUsers.js';
import type { MockServerOptions } from './types.js';

/** Every knob with a value. */
export type ResolvedOptions = Required<MockServerOptions>;

function defaults(): ResolvedOptions {
  return {
    accessTokenLifetime: 3600,
    refreshTokenLifetime: 30 * 86_400,
    latency: 0,
    users: defaultUsers(),
    fxClient: { id: 'freightexchange', secret: 'secret' },
    passportClient: { id: 'demo-client', secret: 'demo-secret' },
    jsonExpiresInAsString: false,
    rotateRefreshTokens: false,
    signingKey: randomBytes(32).toString('base64url'),
    now: () => Date.now(),
  };
}

/** `options` over `base` (by default the documented defaults); keys left out keep the base value. */
export function resolveOptions(
  options: Partial<MockServerOptions>,
  base: ResolvedOptions = defaults(),
): ResolvedOptions {
  return {
    accessTokenLifetime: options.accessTokenLifetime ?? base.accessTokenLifetime,
    refreshTokenLifetime: options.refreshTokenLifetime ?? base.refreshTokenLifetime,
    latency: options.latency ?? base.latency,
    users: options.users ?? base.users,
    fxClient: options.fxClient ?? base.fxClient,
    passportClient: options.passportClient ?? base.passportClient,
    jsonExpiresInAsString: options.jsonExpiresInAsString ?? base.jsonExpiresInAsString,
    rotateRefreshTokens: options.rotateRefreshTokens ?? base.rotateRefreshTokens,
    signingKey: options.signingKey ?? base.signingKey,
    now: options.now ?? base.now,
  };
}
