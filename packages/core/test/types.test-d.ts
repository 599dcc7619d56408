import { describe, expectTypeOf, it } from 'vitest';
import {
  clientCredentials,
  createAuthClient,
  freightExchange,
  jsonLogin,
  type AuthClient,
  type Credentials,
} from '@fx-auth/core';

const passport = clientCredentials({ tokenUrl: 'https://id.example/token', clientId: 'a', clientSecret: 'b' });

describe('login() types', () => {
  it('should require credentials for the password providers', () => {
    const fx = createAuthClient({ provider: freightExchange() });
    const json = createAuthClient({ provider: jsonLogin({ tokenUrl: 'https://api.example/login' }) });

    expectTypeOf(fx).toEqualTypeOf<AuthClient<Credentials>>();
    expectTypeOf(fx.login).toBeCallableWith({ username: 'u', password: 'p' });
    expectTypeOf(json.login).toBeCallableWith({ username: 'u', password: 'p' });
    // @ts-expect-error a password provider cannot log in without credentials
    void fx.login();
    // @ts-expect-error nor with half of them
    void json.login({ username: 'u' });
  });

  it('should take no credentials for client credentials', () => {
    const client = createAuthClient({ provider: passport });

    expectTypeOf(client).toEqualTypeOf<AuthClient<void>>();
    expectTypeOf(client.login).toBeCallableWith();
    // @ts-expect-error client credentials log in with the client's own secret
    void client.login({ username: 'u', password: 'p' });
  });

  it('should take any client where the provider is not known, with optional credentials', () => {
    const fx: AuthClient = createAuthClient({ provider: freightExchange() });
    const machine: AuthClient = createAuthClient({ provider: passport });

    expectTypeOf(fx.login).toBeCallableWith();
    expectTypeOf(machine.login).toBeCallableWith({ username: 'u', password: 'p' });
  });

  it('should declare methods that work when passed bare (no `this`)', () => {
    const { login, logout, getAccessToken, refresh, getSnapshot, subscribe, destroy } = createAuthClient({
      provider: passport,
    });

    expectTypeOf(login).thisParameter.toEqualTypeOf<void>();
    expectTypeOf(logout).thisParameter.toEqualTypeOf<void>();
    expectTypeOf(refresh).thisParameter.toEqualTypeOf<void>();
    expectTypeOf(destroy).thisParameter.toEqualTypeOf<void>();
    expectTypeOf(getAccessToken).thisParameter.toEqualTypeOf<void>();
    expectTypeOf(getSnapshot).thisParameter.toEqualTypeOf<void>();
    expectTypeOf(subscribe).thisParameter.toEqualTypeOf<void>();
  });
});
