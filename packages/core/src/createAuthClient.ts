import ky from 'ky';
import { AuthError, isAuthError } from './AuthError.js';
import { createAuthorizedKy } from './client/createAuthorizedKy.js';
import { createOriginCheck, toUrl } from './client/origins.js';
import { createRefreshTimer } from './client/refreshTimer.js';
import { localRefreshLock, type RefreshLock } from './client/refreshLock.js';
import type { AuthClient, AuthClientOptions, GetAccessTokenOptions } from './AuthClient.js';
import { createSnapshotStore } from './client/snapshotStore.js';
import { toAuthError } from './client/toAuthError.js';
import { toSessionRecord } from './client/toSessionRecord.js';
import { watchWakeUps } from './client/watchWakeUps.js';
import type { TokenTransport } from './http/sendTokenRequest.js';
import type { ProviderGrant } from './providers/TokenProvider.js';
import { createSessionRecordStore, type SessionRecord } from './storage/sessionRecord.js';
import { memoryStorage } from './storage/memoryStorage.js';
import type { AuthSnapshot, Credentials, Session } from './types.js';

const BACKOFF_FIRST = 1_000;
const BACKOFF_MAX = 60_000;
const ANONYMOUS: AuthSnapshot = Object.freeze({ status: 'anonymous', session: null, error: null });

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
export function createAuthClient(options: AuthClientOptions): AuthClient {
  const { provider } = options;
  const leeway = readNumber(options.refreshLeeway ?? 60, 'refreshLeeway', 0) * 1000;
  const timeout = readNumber(options.timeout ?? 10_000, 'timeout', 1);
  const fetchOption = options.fetch ? { fetch: options.fetch } : {};
  const tokenKy = ky.create({ retry: 0, timeout: false, throwHttpErrors: false, ...fetchOption });
  const records = createSessionRecordStore(options.storage ?? memoryStorage(), `${provider.kind} ${provider.tokenUrl}`);
  const lock: RefreshLock = localRefreshLock;
  const timer = createRefreshTimer();

  let issuedAt = 0;
  let epoch = 0; // bumped by login, logout and destroy: results of older work are dropped
  let operation = new AbortController(); // aborted with each new epoch
  let refreshing: Promise<Session> | null = null;
  let loggingIn: Promise<Session> | null = null;
  let failures = 0;
  let lastFailureAt = 0;
  let refusal: AuthError | null = null; // a refresh the server will keep refusing (bad client)
  let destroyed = false;

  const dueAt = (session: Session, issued: number): number =>
    session.expiresAt - Math.min(leeway, Math.max(0, (session.expiresAt - issued) / 2));
  const backoffEndsAt = (): number =>
    failures === 0 ? 0 : lastFailureAt + Math.min(BACKOFF_FIRST * 2 ** (failures - 1), BACKOFF_MAX);
  const refreshable = (session: Session): boolean => refusal === null && provider.canRefresh(session);
  const noSession = (): AuthError => new AuthError('no_session', 'There is no session: log in first.');
  const transport = (): TokenTransport => ({ ky: tokenKy, timeout, signal: operation.signal });

  const store = createSnapshotStore(restore());

  function restore(): AuthSnapshot {
    const record = records.load();
    if (!record) return ANONYMOUS;
    const canRefresh = refreshable(record.session);
    if (!canRefresh && Date.now() >= record.session.expiresAt) {
      records.clear();
      return ANONYMOUS;
    }
    issuedAt = record.issuedAt;
    // A due token is about to be refreshed (the timer fires at once): do not present it as fine.
    const status = canRefresh && Date.now() >= dueAt(record.session, issuedAt) ? 'refreshing' : 'authenticated';
    return { status, session: record.session, error: null };
  }

  function newEpoch(): void {
    epoch += 1;
    operation.abort();
    operation = new AbortController();
    refreshing = null;
    loggingIn = null;
    failures = 0;
    refusal = null;
    timer.cancel();
  }

  function schedule(): void {
    const session = store.get().session;
    if (!session || destroyed) return timer.cancel();
    if (!refreshable(session)) return timer.at(session.expiresAt, expireIfDue);
    timer.at(Math.max(dueAt(session, issuedAt), backoffEndsAt()), () => {
      refresh().catch(() => undefined); // the outcome is in the snapshot
    });
  }

  function expired(): AuthError {
    return refusal
      ? new AuthError('session_expired', 'The session expired: the server refused to renew it.', { cause: refusal })
      : new AuthError('session_expired', 'The session has expired; sign in again.');
  }

  function expireIfDue(): void {
    const session = store.get().session;
    if (session && !refreshable(session) && Date.now() >= session.expiresAt) endSession(expired());
  }

  function endSession(error: AuthError | null): void {
    newEpoch();
    records.clear();
    store.set(error === null ? ANONYMOUS : { status: 'anonymous', session: null, error });
  }

  function accept(record: SessionRecord): Session {
    issuedAt = record.issuedAt;
    failures = 0;
    refusal = null;
    store.set({ status: 'authenticated', session: record.session, error: null });
    schedule();
    return record.session;
  }

  function commit(grant: ProviderGrant, previous: Session | null): Session {
    const record = toSessionRecord(grant, previous);
    records.save(record);
    return accept(record);
  }

  function refresh(): Promise<Session> {
    if (refreshing) return refreshing;
    if (loggingIn) return loggingIn;
    const session = store.get().session;
    if (destroyed || !session) return Promise.reject(noSession());
    if (!refreshable(session)) {
      if (Date.now() >= session.expiresAt) {
        const error = expired();
        endSession(error);
        return Promise.reject(error);
      }
      return Promise.reject(
        refusal ?? new AuthError('session_expired', 'This session cannot be refreshed; sign in again when it expires.'),
      );
    }
    const started = epoch;
    const via = transport();
    store.set({ status: 'refreshing', session, error: store.get().error });
    const pending = lock
      .run(async () => {
        if (epoch !== started) throw noSession();
        // Another client sharing the storage (another tab) may have refreshed already.
        const stored = records.load();
        if (
          stored &&
          stored.session.accessToken !== session.accessToken &&
          Date.now() < dueAt(stored.session, stored.issuedAt)
        ) {
          return accept(stored);
        }
        const grant = await provider.refresh(via, session);
        if (epoch !== started) throw noSession();
        return commit(grant, session);
      })
      .catch((error: unknown) => {
        throw refreshFailed(error, started, session);
      });
    refreshing = pending;
    pending.then(
      () => settle(),
      () => settle(),
    );
    function settle(): void {
      if (refreshing === pending) refreshing = null;
    }
    return pending;
  }

  function refreshFailed(error: unknown, started: number, session: Session): AuthError {
    if (epoch !== started) return noSession();
    const failure = toAuthError(error);
    if (failure.code === 'session_expired') {
      endSession(failure);
      return failure;
    }
    if (failure.code === 'invalid_client' || failure.code === 'invalid_credentials') refusal = failure;
    else failures += 1;
    lastFailureAt = Date.now();
    store.set({ status: 'authenticated', session, error: failure });
    schedule();
    return failure;
  }

  async function login(credentials?: Credentials): Promise<Session> {
    if (destroyed) throw noSession();
    newEpoch();
    const started = epoch;
    const via = transport();
    records.clear();
    store.set({ status: 'authenticating', session: null, error: null });
    const pending = (async () => {
      try {
        const grant = await provider.login(via, credentials);
        if (epoch !== started) throw noSession();
        return commit(grant, null);
      } catch (error) {
        if (epoch !== started) throw noSession();
        const failure = toAuthError(error);
        store.set({ status: 'anonymous', session: null, error: failure });
        throw failure;
      }
    })();
    loggingIn = pending;
    const settle = (): void => {
      if (loggingIn === pending) loggingIn = null;
    };
    pending.then(settle, settle);
    return pending;
  }

  async function getAccessToken(request: GetAccessTokenOptions = {}): Promise<string> {
    if (loggingIn) {
      // A token that a login just brought is as fresh as a forced refresh would make it.
      const fresh = await loggingIn.catch(() => undefined);
      if (fresh && fresh === store.get().session) return fresh.accessToken;
    }
    const session = store.get().session;
    if (destroyed || !session) throw noSession();
    const forced = request.forceRefresh === true;
    const now = Date.now();
    if (!forced && now < dueAt(session, issuedAt)) return session.accessToken;
    // Not refreshable, or backing off after a failed refresh: the current token while it lasts.
    const waiting = !refreshable(session) || now < backoffEndsAt();
    if (!forced && waiting && now < session.expiresAt) return session.accessToken;
    try {
      return (await refresh()).accessToken;
    } catch (error) {
      const transient = isAuthError(error) && error.code !== 'session_expired' && error.code !== 'no_session';
      if (!forced && transient && store.get().session === session && Date.now() < session.expiresAt) {
        return session.accessToken;
      }
      throw error;
    }
  }

  const stopWatching = watchWakeUps(() => {
    if (failures > 0) lastFailureAt = 0;
    schedule();
  });
  schedule();

  const authorizedOrigins = options.authorizedOrigins ?? (toUrl(provider.tokenUrl) ? [provider.tokenUrl] : []);
  const client: AuthClient = {
    login,
    logout: async () => endSession(null),
    getAccessToken,
    refresh,
    getSnapshot: store.get,
    subscribe: store.subscribe,
    ky: createAuthorizedKy(
      {
        getAccessToken,
        currentToken: () => store.get().session?.accessToken,
        canRefresh: () => {
          const session = store.get().session;
          return session !== null && refreshable(session);
        },
      },
      createOriginCheck(authorizedOrigins),
      fetchOption,
    ),
    provider,
    destroy() {
      if (destroyed) return;
      destroyed = true;
      newEpoch();
      // Work in progress was dropped: leave a snapshot that says so.
      const { status, session, error } = store.get();
      if (status === 'authenticating') store.set({ status: 'anonymous', session: null, error });
      if (status === 'refreshing') store.set({ status: 'authenticated', session, error });
      stopWatching();
      store.clear();
    },
  };
  return client;
}

function readNumber(value: number, name: string, min: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min) {
    throw new RangeError(`createAuthClient: options.${name} must be a finite number of at least ${min}.`);
  }
  return value;
}
