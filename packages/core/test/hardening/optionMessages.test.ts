import { describe, expect, it } from 'vitest';
import { clientCredentials, createAuthClient, freightExchange, jsonLogin } from '@fx-auth/core';

const PASSPORT = { tokenUrl: 'https://passport.example.com/oauth/token', clientId: 'id', clientSecret: 'secret' };
const JSON_LOGIN = { tokenUrl: 'https://api.example.com/login' };

/** The whole message of the `invalid_options` error `create` throws: what a developer reads first. */
function messageOf(create: () => unknown): string {
  try {
    create();
  } catch (error) {
    expect(error).toMatchObject({ name: 'AuthError', code: 'invalid_options' });
    return (error as Error).message;
  }
  throw new Error('nothing was thrown');
}

const client = (options: Record<string, unknown>) => () =>
  createAuthClient({ provider: freightExchange(), ...options });

describe('the messages of configuration mistakes, word for word', () => {
  it.each([
    ['freightExchange(null)', () => freightExchange(null as never), 'freightExchange(options) must be an object.'],
    [
      'a FreightExchange baseUrl with a query',
      () => freightExchange({ baseUrl: 'https://fx.example.com/api?x=1' }),
      'freightExchange: options.baseUrl must be a URL without a query.',
    ],
    [
      'a FreightExchange tokenPath with a host',
      () => freightExchange({ tokenPath: '//evil.example.com/oauth/token' }),
      'freightExchange: options.tokenPath must be a path on baseUrl (e.g. "/oauth/token"), without a host, query, fragment or spaces.',
    ],
    [
      "FreightExchange parameters that are neither 'query' nor 'body'",
      () => freightExchange({ parameters: 'header' as never }),
      "freightExchange: options.parameters must be 'query' or 'body'.",
    ],
    [
      'a FreightExchange revocationUrl that is not a URL',
      () => freightExchange({ revocationUrl: '/oauth/revoke' }),
      'freightExchange: options.revocationUrl must be an absolute http(s) URL, e.g. "https://api.example.com".',
    ],
    [
      'an unknown FreightExchange option',
      () => freightExchange({ tokenUrl: 'https://fx.example.com/token' } as never),
      'freightExchange(options): "tokenUrl" is not an option; the options are baseUrl, tokenPath, clientId, clientSecret, scope, parameters, clientAuthentication, revocationUrl.',
    ],
    ['jsonLogin(null)', () => jsonLogin(null as never), 'jsonLogin(options) must be an object.'],
    [
      'a jsonLogin revocationUrl that is not a URL',
      () => jsonLogin({ ...JSON_LOGIN, revocationUrl: 'revoke' }),
      'jsonLogin: options.revocationUrl must be an absolute http(s) URL, e.g. "https://api.example.com".',
    ],
    [
      'clientCredentials(null)',
      () => clientCredentials(null as never),
      'clientCredentials(options) must be an object.',
    ],
    [
      'an empty clientCredentials scope',
      () => clientCredentials({ ...PASSPORT, scope: '' }),
      'clientCredentials: options.scope must be a non-empty string.',
    ],
    [
      'a clientCredentials revocationUrl that is not a URL',
      () => clientCredentials({ ...PASSPORT, revocationUrl: 42 as never }),
      'clientCredentials: options.revocationUrl must be an absolute http(s) URL, e.g. "https://api.example.com".',
    ],
    [
      'an unknown clientCredentials option',
      () => clientCredentials({ ...PASSPORT, secret: 'x' } as never),
      'clientCredentials(options): "secret" is not an option; the options are tokenUrl, clientId, clientSecret, scope, clientAuthentication, revocationUrl.',
    ],
    [
      'a token URL with a user name',
      () => jsonLogin({ tokenUrl: 'https://user@api.example.com/login' }),
      'jsonLogin: options.tokenUrl must be a URL without credentials or a #fragment.',
    ],
    [
      'a token URL with a password alone',
      () => jsonLogin({ tokenUrl: 'https://:pass@api.example.com/login' }),
      'jsonLogin: options.tokenUrl must be a URL without credentials or a #fragment.',
    ],
    [
      'a token URL with a fragment',
      () => jsonLogin({ tokenUrl: 'https://api.example.com/login#here' }),
      'jsonLogin: options.tokenUrl must be a URL without credentials or a #fragment.',
    ],
    [
      'a timeout of 0',
      client({ timeout: 0 }),
      'createAuthClient: options.timeout must be a number from 1 to 2147483647.',
    ],
    [
      'a refreshLeeway that is not a number',
      client({ refreshLeeway: '60' }),
      'createAuthClient: options.refreshLeeway must be a number from 0 to 31536000.',
    ],
  ])('should explain %s', (_name, create, message) => {
    expect(messageOf(create)).toBe(message);
  });

  it('should accept the bounds of the number options', () => {
    for (const [timeout, refreshLeeway] of [
      [1, 0],
      [2_147_483_647, 31_536_000],
    ]) {
      expect(() => client({ timeout, refreshLeeway })().destroy()).not.toThrow();
    }
  });

  it('should make a FreightExchange provider with no options at all, on its documented defaults', () => {
    const provider = freightExchange();

    expect(provider.kind).toBe('freightExchange');
    expect(provider.tokenUrl).toBe('https://api.fx.demo.wktransportservices.com/oauth/token');
  });

  it("should drop a FreightExchange baseUrl's trailing slashes, not its path", () => {
    expect(freightExchange({ baseUrl: 'https://fx.example.com/api//' }).tokenUrl).toBe(
      'https://fx.example.com/api/oauth/token',
    );
  });
});
