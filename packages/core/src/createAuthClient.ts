import ky from 'ky';
import type { AuthClient, AuthClientOptions } from './AuthClient.js';
import type { LoginCredentials } from './providers/TokenProvider.js';
import { createAuthorizedKy } from './client/createAuthorizedKy.js';
import { createOriginCheck } from './client/origins.js';
import { setProbeSlot, type ProbeSlot, type TokenOperation } from './client/probe.js';
import { readClientOptions } from './client/readClientOptions.js';
import { readingOptions } from './checkOptions.js';
import { createOriginWarning } from './client/originWarning.js';
import { createLockedStorage } from './client/lockedStorage.js';
import { createRefreshCoordinator } from './client/refreshCoordinator.js';
import { createSessionCommands } from './client/sessionCommands.js';
import { createSessionRuntime, type SessionRuntime } from './client/sessionRuntime.js';
import { connectSharedSession } from './client/sharedSession.js';
import { localLockFor, trackHolding } from './client/tabLock.js';
import type { TokenTransport } from './http/sendTokenRequest.js';
import type { SessionEffect } from './session/sessionEvents.js';
import { anonymousState, canRefreshNow, recordOf, type SessionRules } from './session/sessionState.js';
import { transition } from './session/transition.js';
import { recordCodec } from './storage/recordCodec.js';
import { adoptRecord, createRecordStore } from './storage/recordStore.js';

/**
 * Creates a bearer-token client for one token API.
 *
 * @example
 * ```ts
 * const client = createAuthClient({ provider: freightExchange(), storage: webStorage(localStorage) })
 * await client.login({ username, password })
 * const offers = await client.ky.get('https://api.fx.demo.wktransportservices.com/freight/offers').json()
 * ```
 */
export function createAuthClient<TCredentials extends LoginCredentials = LoginCredentials>(
  options: AuthClientOptions<TCredentials>,
): AuthClient<TCredentials> {
  const { provider, leeway, timeout, authorizedOrigins, fetchOption, ...chosen } = readingOptions(
    'createAuthClient(options)',
    () => readClientOptions(options),
  );
  const providerKey = [provider.kind, provider.tokenUrl, provider.clientId].filter(Boolean).join(' ');
  const storage = chosen.storage.forClient?.(providerKey) ?? chosen.storage;
  const legacy = recordCodec(`${provider.kind} ${provider.tokenUrl}`); // its name in earlier versions
  const codec = recordCodec(providerKey, `${provider.kind} ${provider.tokenUrl}`);
  if (storage !== chosen.storage) adoptRecord(chosen.storage, storage, legacy, codec);
  const rules: SessionRules = { leeway, canRefresh: (session) => provider.canRefresh(session) };
  // Never follows a redirect: it would carry the password, refresh token or client secret elsewhere.
  const tokenKy = ky.create({ retry: 0, timeout: false, throwHttpErrors: false, redirect: 'manual', ...fetchOption });
  const transport = (signal: AbortSignal): TokenTransport => ({ ky: tokenKy, timeout, signal });
  const onlooker: ProbeSlot = { probe: null }; // an onlooker's, while `@fx-auth/core/events` has listeners
  const tokenRequests = <T>(
    operation: TokenOperation,
    signal: AbortSignal,
    call: (through: TokenTransport) => Promise<T>,
  ) => (onlooker.probe ? onlooker.probe.tokenRequest(operation, transport(signal), call) : call(transport(signal)));
  const isAuthorized = createOriginCheck(authorizedOrigins);
  const records = createRecordStore(storage, codec);
  const shared = connectSharedSession(() => runtime, storage, records, codec, providerKey, timeout, onlooker);

  // Restore: a stored session is taken as another tab's would be (an expired one that cannot be renewed is dropped).
  const online = (globalThis.navigator as Navigator | undefined)?.onLine !== false;
  const stored = records.load();
  const restored = stored
    ? transition(anonymousState(online), { type: 'session_seen', record: stored, now: Date.now() }, rules).state
    : anonymousState(online);
  if (stored && !recordOf(restored)) records.remove();

  const run = (effect: SessionEffect): void => {
    if (effect.type === 'save') records.save(effect.record);
    else if (effect.type === 'repair') locked.repair();
    else if (effect.type === 'remove') records.remove();
    else if (effect.type === 'announce') shared.announce(effect.news);
    else refresher.start(effect.generation, effect.record);
  };
  const runtime: SessionRuntime = createSessionRuntime(restored, rules, run, onlooker);
  const lock = trackHolding(shared.tabs?.lock ?? localLockFor(storage));
  const locked = createLockedStorage(runtime, records, lock, shared.tabs);
  const { settle, published } = locked;
  const refresher = createRefreshCoordinator({
    runtime,
    lock,
    request: (session, signal) => tokenRequests('refresh', signal, (through) => provider.refresh(through, session)),
    lookAround: settle,
    published,
  });
  const { login, refresh, getAccessToken } = createSessionCommands({
    runtime,
    rules,
    refresher,
    requestLogin: (signal, credentials) =>
      tokenRequests('login', signal, (through) => provider.login(through, credentials)),
    lock,
    settle,
    published,
    lookAround: shared.lookAround,
  });
  runtime.dispatch({ type: 'refresh_due', now: Date.now(), forced: false }); // a restored session may be due

  const warnWithheld = createOriginWarning(authorizedOrigins);
  const revocations = new AbortController(); // destroy() lets go of revocations still running

  const client: AuthClient<TCredentials> = {
    login: login as AuthClient<TCredentials>['login'], // the types ask for credentials where the provider needs them
    // eslint-disable-next-line @typescript-eslint/require-await -- async: whatever throws becomes a rejection, as promised
    logout: async () => {
      shared.lookAround(); // a session another tab stored is logged out too, and the tabs hear of it
      const ended = recordOf(runtime.state())?.session;
      runtime.dispatch({ type: 'logout_requested' });
      // Best effort, and not awaited: a revocation never delays or fails a logout, nor outlives it as an error.
      const revocation = revocations.signal; // not the session's: the logout has just aborted that
      const revoke = () =>
        ended && provider.revoke
          ? tokenRequests('revoke', revocation, async (through) => provider.revoke?.(through, ended))
          : undefined;
      void Promise.resolve()
        .then(revoke)
        .catch(() => undefined);
    },
    getAccessToken,
    refresh,
    getSnapshot: runtime.snapshots.get,
    subscribe: runtime.snapshots.subscribe,
    ky: createAuthorizedKy(
      {
        getAccessToken,
        currentToken: () => recordOf(runtime.state())?.session.accessToken,
        canRefresh: () => canRefreshNow(runtime.state(), rules),
      },
      {
        isAuthorized,
        withheld: (url) => {
          warnWithheld(url);
          onlooker.probe?.withheld(url);
        },
        retried: (url) => onlooker.probe?.retried(url),
      },
      fetchOption,
    ),
    provider,
    destroy() {
      if (runtime.state().destroyed) return;
      revocations.abort();
      runtime.dispatch({ type: 'destroyed' });
      shared.close();
      runtime.snapshots.clear();
      onlooker.probe = null;
      setProbeSlot(client, null);
    },
  };
  setProbeSlot(client, onlooker);
  return client;
}
