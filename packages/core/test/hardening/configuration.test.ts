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

  it.each(['https://evil.example/token', '//evil.example/token', 'x://y'])(
    'should refuse a FreightExchange tokenPath with a host (%j), naming options.tokenPath',
    (tokenPath) => {
      refusal(() => freightExchange({ tokenPath }), 'freightExchange: options.tokenPath');
    },
  );

  it.each<[string, () => unknown, string]>([
    // tokenUrl is how the other providers are set: here it would leave the password going to the default host
    ['freightExchange', () => freightExchange({ tokenUrl: 'https://my.example/token' } as never), '"tokenUrl"'],
    [
      'clientCredentials',
      () => clientCredentials({ ...PASSPORT, revokeUrl: 'https://x.example' } as never),
      '"revokeUrl"',
    ],
    [
      'jsonLogin',
      () => jsonLogin({ tokenUrl: 'https://x.example/login', refreshURL: 'https://x.example' } as never),
      '"refreshURL"',
    ],
    ['createAuthClient', () => createAuthClient(withProvider({ refreshLeway: 30 })), '"refreshLeway"'],
  ])('should refuse an option %s does not know, naming it and the options there are', (_name, create, key) => {
    refusal(create, key);
    refusal(create, 'the options are');
  });

  it('should not repeat an unknown key that does not look like an option name', () => {
    let thrown: unknown;
    try {
      freightExchange({ 'S3CR3T value!': 1 } as never);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toMatchObject({ code: 'invalid_options' });
    expect((thrown as Error).message).not.toContain('S3CR3T');
  });

  it.each<[string, (options: object) => unknown]>([
    ['freightExchange', (options) => freightExchange(options)],
    ['clientCredentials', (options) => clientCredentials(options as never)],
    ['jsonLogin', (options) => jsonLogin(options as never)],
    ['createAuthClient', (options) => createAuthClient(options as never)],
  ])('should turn options that throw when read into invalid_options for %s, without their message', (name, create) => {
    const throwing = Object.defineProperty({}, 'clientSecret', {
      enumerable: true,
      get: () => {
        throw new Error('getter saw S3CR3T');
      },
    });
    const revoked = Proxy.revocable({}, {});
    revoked.revoke();
    for (const options of [throwing, revoked.proxy]) {
      let thrown: unknown;
      try {
        create(options);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toMatchObject({ code: 'invalid_options' });
      expect((thrown as Error).message).toContain(name);
      expect(JSON.stringify(thrown) + String(thrown)).not.toContain('S3CR3T');
    }
  });

  it('should refuse client_secret_post for FreightExchange unless its parameters go in the body (never a secret in a URL)', () => {
    refusal(() => freightExchange({ clientAuthentication: 'client_secret_post' }), "unless parameters is 'body'");
    expect(freightExchange({ clientAuthentication: 'client_secret_post', parameters: 'body' }).kind).toBe(
      'freightExchange',
    );
  });

  it("should list FreightExchange's own 'parameters' among the client authentications it takes", () => {
    refusal(() => freightExchange({ clientAuthentication: 'nope' as never }), 'one of parameters, client_secret_basic');
  });

  it('should refuse unencoded Basic for a client id with a colon (RFC 7617 §2), naming the option', () => {
    refusal(
      () => clientCredentials({ ...PASSPORT, clientId: 'a:b', clientAuthentication: 'client_secret_basic_unencoded' }),
      'clientCredentials: options.clientAuthentication',
    );
    expect(clientCredentials({ ...PASSPORT, clientId: 'a:b' }).clientId).toBe('a:b'); // the default encodes it
  });

  it('should accept an origin written with a trailing slash', () => {
    const client = createAuthClient(withProvider({ authorizedOrigins: ['https://api.example.com/'] }));
    client.destroy();
    expect(client.getSnapshot().status).toBe('anonymous');
  });
});
