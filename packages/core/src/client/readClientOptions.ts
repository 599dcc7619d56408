import type { Options as KyOptions } from 'ky';
import type { AuthClientOptions } from '../AuthClient.js';
import { checkKnownOptions, checkNumber, checkObject, checkUrl, invalidOption } from '../checkOptions.js';
import { MAX_LIFETIME_SECONDS } from '../http/toTokenGrant.js';
import type { TokenProvider } from '../providers/TokenProvider.js';
import { memoryStorage } from '../storage/memoryStorage.js';
import type { SessionStorage } from '../types.js';

/** The options of `createAuthClient`, checked, with their defaults. */
export interface ClientOptions {
  provider: TokenProvider;
  storage: SessionStorage;
  /** Milliseconds. */
  leeway: number;
  /** Milliseconds. */
  timeout: number;
  /** Origins (`https://host:port`). */
  authorizedOrigins: readonly string[];
  fetchOption: Pick<KyOptions, 'fetch'>;
}

const OPTIONS: ReadonlyArray<keyof AuthClientOptions> = [
  'provider',
  'storage',
  'refreshLeeway',
  'authorizedOrigins',
  'timeout',
  'fetch',
];
const where = (option: string): string => `createAuthClient: options.${option}`;
/** The longest delay `setTimeout` takes (about 24.8 days). */
const MAX_TIMER_MS = 2_147_483_647;

/**
 * Checks every option of `createAuthClient` before anything starts.
 *
 * @throws {AuthError} `invalid_options`, naming the option, for a missing or uncalled provider, a
 * storage that is not one, a number out of range, an authorized origin that is not an origin.
 */
export function readClientOptions(options: AuthClientOptions): ClientOptions {
  checkObject(options, 'createAuthClient(options)');
  checkKnownOptions(options, OPTIONS, 'createAuthClient(options)');
  const provider = checkProvider(options.provider);
  const fetch: unknown = options.fetch;
  if (fetch !== undefined && typeof fetch !== 'function') throw invalidOption(where('fetch'), 'a function');
  const origins: unknown = options.authorizedOrigins ?? [new URL(provider.tokenUrl).origin];
  if (!Array.isArray(origins)) throw invalidOption(where('authorizedOrigins'), 'an array of origins');
  return {
    provider,
    storage: checkStorage(options.storage ?? memoryStorage()),
    leeway: checkNumber(options.refreshLeeway ?? 60, where('refreshLeeway'), 0, MAX_LIFETIME_SECONDS) * 1000,
    timeout: checkNumber(options.timeout ?? 10_000, where('timeout'), 1, MAX_TIMER_MS),
    authorizedOrigins: origins.map((origin: unknown, index) => checkOrigin(origin, `authorizedOrigins[${index}]`)),
    fetchOption: options.fetch ? { fetch: options.fetch } : {},
  };
}

function checkProvider(provider: unknown): TokenProvider {
  if (typeof provider === 'function') {
    throw invalidOption(where('provider'), 'a provider, not its factory: call it, e.g. provider: freightExchange()');
  }
  const candidate = provider as Partial<TokenProvider> | null | undefined;
  if (
    typeof candidate?.login !== 'function' ||
    typeof candidate.refresh !== 'function' ||
    typeof candidate.canRefresh !== 'function'
  ) {
    throw invalidOption(where('provider'), 'a provider: freightExchange(), clientCredentials({…}) or jsonLogin({…})');
  }
  checkUrl(candidate.tokenUrl, `${where('provider')}.tokenUrl`);
  return candidate as TokenProvider;
}

function checkStorage(storage: unknown): SessionStorage {
  const candidate = storage as Partial<Storage> | null;
  if (typeof candidate?.key === 'function' && typeof candidate.clear === 'function') {
    throw invalidOption(where('storage'), 'a session storage: wrap the Web Storage, e.g. webStorage(localStorage)');
  }
  const slot = storage as Partial<SessionStorage> | null;
  if (
    typeof slot?.getItem !== 'function' ||
    typeof slot.setItem !== 'function' ||
    typeof slot.removeItem !== 'function'
  ) {
    throw invalidOption(where('storage'), 'a session storage: webStorage(localStorage), memoryStorage() or your own');
  }
  let probe: unknown;
  try {
    probe = slot.getItem();
  } catch {
    return slot as SessionStorage; // a storage may throw: the client copes
  }
  if (typeof (probe as { then?: unknown } | null)?.then === 'function') {
    (probe as Promise<unknown>).then(undefined, () => undefined);
    throw invalidOption(
      where('storage'),
      'synchronous (its getItem() returned a Promise): keep an async store in memoryStorage() and sync it yourself',
    );
  }
  return slot as SessionStorage;
}

function checkOrigin(origin: unknown, option: string): string {
  const url = new URL(checkUrl(origin, where(option))); // without credentials or a fragment
  if (url.pathname !== '/' || url.search !== '') {
    throw invalidOption(where(option), 'an origin, such as "https://api.example.com", without a path');
  }
  return url.origin;
}
