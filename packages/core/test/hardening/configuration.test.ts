import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import {
  clientCredentials,
  createAuthClient,
  freightExchange,
  isAuthError,
  jsonLogin,
  type AuthClientOptions,
} from '@fx-auth/core';

const PASSPORT = { tokenUrl: 'https://passport.example.com/oauth/token', clientId: 'id', clientSecret: 'secret' };
const withProvider = (options: Record<string, unknown>) =>
  ({ provider: freightExchange(), ...options }) as unknown as AuthClientOptions;

/** The error `create` throws: an `invalid_options` AuthError whose message names `option`. */
function refusal(create: () => unknown, option: string): void {
  let thrown: unknown;
  try {
    create();
  } catch (error) {
    thrown = error;
  }
  expect(isAuthError(thrown)).toBe(true);
  expect(thrown).toMatchObject({ code: 'invalid_options' });
  expect((thrown as Error).message).toContain(option);
}

describe('configuration mistakes, refused when the client or provider is made', () => {
  it('should name options when createAuthClient() gets none', () => {
    refusal(() => createAuthClient(undefined as unknown as AuthClientOptions), 'createAuthClient(options)');
  });

  it('should name options.provider when there is none', () => {
    refusal(() => createAuthClient({} as AuthClientOptions), 'options.provider');
  });

  it('should name options.provider, and say to call it, when a factory is passed uncalled', () => {
    refusal(() => createAuthClient({ provider: freightExchange } as unknown as AuthClientOptions), 'call it');
  });

  it.each([
    [{}, 'options.tokenUrl'],
    [{ ...PASSPORT, tokenUrl: 'passport.example.com/oauth/token' }, 'options.tokenUrl'],
    [{ ...PASSPORT, clientId: '' }, 'options.clientId'],
    [{ ...PASSPORT, clientSecret: undefined }, 'options.clientSecret'],
  ])('should refuse clientCredentials(%o), naming %s', (options, option) => {
    refusal(() => clientCredentials(options as typeof PASSPORT), `clientCredentials: ${option}`);
  });

  it.each(['api.example.com', '/api', 'ftp://api.example.com', ''])(
    'should refuse a FreightExchange baseUrl of %j, naming options.baseUrl',
    (baseUrl) => {
      refusal(() => freightExchange({ baseUrl }), 'freightExchange: options.baseUrl');
    },
  );

  it.each([
    [{ tokenUrl: '/login' }, 'options.tokenUrl'],
    [{ tokenUrl: 'https://x.example.com/login', refreshUrl: 'refresh' }, 'options.refreshUrl'],
  ])('should refuse jsonLogin(%o), naming %s', (options, option) => {
    refusal(() => jsonLogin(options), `jsonLogin: ${option}`);
  });

  it.each([-1, 0, Number.NaN, Number.POSITIVE_INFINITY, '10000'])(
    'should refuse a timeout of %s, naming options.timeout',
    (timeout) => {
      refusal(() => createAuthClient(withProvider({ timeout })), 'options.timeout');
    },
  );

  it('should refuse a timeout longer than timers can wait, naming options.timeout', () => {
    refusal(() => createAuthClient(withProvider({ timeout: 1e10 })), 'options.timeout');
  });

  it.each([
    ['https://user:secret@api.example.com', 'credentials'],
    ['https://api.example.com/#x', 'fragment'],
    ['https://api.example.com/#', 'empty fragment'],
    ['https://api.example.com/?tenant=1', 'query'],
  ])('should refuse a FreightExchange baseUrl of %j (%s)', (baseUrl) => {
    refusal(() => freightExchange({ baseUrl }), 'freightExchange: options.baseUrl');
  });

  it.each(['/oauth/token?tenant=1', '/oauth/token#x', '/oauth token'])(
    'should refuse a FreightExchange tokenPath of %j, naming options.tokenPath',
    (tokenPath) => {
      refusal(() => freightExchange({ tokenPath }), 'freightExchange: options.tokenPath');
    },
  );

  it('should refuse a token URL with credentials, naming it', () => {
    refusal(
      () => clientCredentials({ ...PASSPORT, tokenUrl: 'https://svc:S3CR3T@passport.example.com/token' }),
      'clientCredentials: options.tokenUrl',
    );
  });

  it('should refuse a negative refreshLeeway, naming options.refreshLeeway', () => {
    refusal(() => createAuthClient(withProvider({ refreshLeeway: -5 })), 'options.refreshLeeway');
  });

  it.each([
    [['api.example.com'], 'options.authorizedOrigins[0]'],
    [['https://api.example.com', 'https://api.example.com/v1'], 'options.authorizedOrigins[1]'],
    [['https://user:pw@api.example.com'], 'options.authorizedOrigins[0]'],
    ['https://api.example.com', 'options.authorizedOrigins'],
  ])('should refuse authorizedOrigins %o, naming %s', (authorizedOrigins, option) => {
    refusal(() => createAuthClient(withProvider({ authorizedOrigins })), option);
  });

  it('should refuse a Web Storage passed without webStorage(), naming options.storage', () => {
    refusal(() => createAuthClient(withProvider({ storage: new Window().localStorage })), 'webStorage(localStorage)');
  });

  it('should refuse a fetch that is not a function, naming options.fetch', () => {
    refusal(() => createAuthClient(withProvider({ fetch: 'https://example.com' })), 'options.fetch');
  });

  it('should accept an origin written with a trailing slash', () => {
    const client = createAuthClient(withProvider({ authorizedOrigins: ['https://api.example.com/'] }));
    client.destroy();
    expect(client.getSnapshot().status).toBe('anonymous');
  });
});
