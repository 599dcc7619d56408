import { describe, expectTypeOf, it } from 'vitest';
import { QueryClient } from '@tanstack/react-query';
import type { AuthError, Credentials, FxUser, Session } from '@fx-auth/core';
import {
  AuthProvider,
  fxUserProfile,
  fxUserQueryOptions,
  useAuth,
  useFxUser,
  useLogin,
  useLogout,
  useSuspenseUser,
  useToken,
  useUser,
  type StandardSchemaV1,
  type UserProfile,
} from '@fx-auth/react';
import type { AuthClient } from '@fx-auth/core';

describe('types', () => {
  it('should type useFxUser().data as FxUser | undefined and its error as AuthError | null', () => {
    expectTypeOf(useFxUser().data).toEqualTypeOf<FxUser | undefined>();
    expectTypeOf(useFxUser().error).toEqualTypeOf<AuthError | null>();
  });

  it("should type useUser()'s error as AuthError or what the second type argument says fetch throws", () => {
    class ApiError extends Error {
      readonly status = 500;
    }
    type PlanSchema = StandardSchemaV1<{ plan: string }>;
    const plan = {} as UserProfile<PlanSchema>;
    expectTypeOf(useUser(plan).error).toEqualTypeOf<Error | AuthError | null>();
    expectTypeOf(useUser<PlanSchema, ApiError>(plan).error).toEqualTypeOf<ApiError | AuthError | null>();
    expectTypeOf(useSuspenseUser(plan).data).toEqualTypeOf<{ plan: string }>();
    expectTypeOf(useUser(fxUserProfile).data).toEqualTypeOf(useFxUser().data);
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
    expectTypeOf(new QueryClient().getQueryData(options.queryKey)).toEqualTypeOf<FxUser | undefined>();
  });

  it('should let useLogin<Credentials>() require credentials, and useLogin<void>() take none', () => {
    expectTypeOf(useLogin<Credentials>().mutate).toBeCallableWith({ username: 'u', password: 'p' });
    // @ts-expect-error a password login needs the credentials
    useLogin<Credentials>().mutate();
    expectTypeOf(useLogin<void>().mutate).toBeCallableWith();
  });

  it('should take a client of any provider in <AuthProvider>', () => {
    expectTypeOf(AuthProvider).toBeCallableWith({ client: {} as AuthClient<Credentials>, children: null });
    expectTypeOf(AuthProvider).toBeCallableWith({ client: {} as AuthClient<void>, children: null });
  });
});
