import { describe, expectTypeOf, it } from 'vitest';
import type { AuthError, FxUser, Session } from '@fx-auth/core';
import { fxUserQueryOptions, useAuth, useFxUser, useLogin, useLogout, useToken } from '@fx-auth/react';
import type { AuthClient } from '@fx-auth/core';

describe('types', () => {
  it('should type useFxUser().data as FxUser | undefined and its error as AuthError | null', () => {
    expectTypeOf(useFxUser().data).toEqualTypeOf<FxUser | undefined>();
    expectTypeOf(useFxUser().error).toEqualTypeOf<AuthError | null>();
  });

  it('should type useLogin().error as AuthError | null and its data as Session | undefined', () => {
    expectTypeOf(useLogin().error).toEqualTypeOf<AuthError | null>();
    expectTypeOf(useLogin().data).toEqualTypeOf<Session | undefined>();
    expectTypeOf(useLogout().error).toEqualTypeOf<AuthError | null>();
  });

  it('should let mutate() go without credentials, for client credentials', () => {
    expectTypeOf(useLogin().mutate).toBeCallableWith(undefined);
    expectTypeOf(useLogin().mutate).toBeCallableWith({ username: 'u', password: 'p' });
    expectTypeOf(useLogout().mutate).toBeCallableWith();
  });

  it('should type the token state with nulls while anonymous', () => {
    expectTypeOf(useToken()).toEqualTypeOf<{
      accessToken: string | null;
      expiresAt: number | null;
      status: 'anonymous' | 'authenticating' | 'authenticated' | 'refreshing';
      expired: boolean;
    }>();
    expectTypeOf(useAuth().error).toEqualTypeOf<AuthError | null>();
  });

  it('should give query options whose queryKey carries the FxUser data type', () => {
    const options = fxUserQueryOptions({} as AuthClient);
    expectTypeOf(options.queryKey).toMatchTypeOf<readonly unknown[]>();
  });
});
