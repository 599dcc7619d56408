import { getEventListeners } from 'node:events';
import { describe, expect, it } from 'vitest';
import { clientCredentials, createAuthClient, type TokenProvider } from '@fx-auth/core';
import { startServer, track } from '../support.js';
import { installLocks, sharedStorage } from '../tabs/support.js';

/**
 * The signals that Node's `AbortSignal.any()` made from `signal` and still holds on to (a Node
 * internal, read here only to count what a session's signal keeps).
 */
function dependantsOf(signal: AbortSignal): number {
  const key = Object.getOwnPropertySymbols(signal).find((symbol) => symbol.description === 'kDependantSignals');
  const dependants =
    key === undefined ? undefined : (signal as unknown as Record<symbol, Set<unknown> | undefined>)[key];
  return dependants?.size ?? 0;
}

/** The Passport provider of `url`, passing on the signal of every token request it is given. */
function watchedProvider(url: string, signals: AbortSignal[]): TokenProvider<void> {
  const provider = clientCredentials({
    tokenUrl: `${url}/passport/oauth/token`,
    clientId: 'demo-client',
    clientSecret: 'demo-secret',
  });
  return {
    ...provider,
    login: (transport, credentials) => (signals.push(transport.signal), provider.login(transport, credentials)),
    refresh: (transport, session) => (signals.push(transport.signal), provider.refresh(transport, session)),
  };
}

describe('a session signal over many refreshes', () => {
  it.each([
    ['a client of one tab', () => ({})],
    ['tabs sharing a storage under the refresh lock', () => (installLocks(), { storage: sharedStorage().tab() })],
  ])('keeps no listener and no derived signal per token request: %s', async (_, options) => {
    const server = await startServer();
    const signals: AbortSignal[] = [];
    const client = track(createAuthClient({ provider: watchedProvider(server.url, signals), ...options() }));
    await client.login();
    for (let i = 0; i < 30; i += 1) await client.refresh();

    const session = signals.at(-1)!;
    expect(signals.filter((signal) => signal === session)).toHaveLength(31); // one signal for the session's life
    expect(getEventListeners(session, 'abort')).toHaveLength(0);
    expect(dependantsOf(session)).toBe(0);
  });
});
