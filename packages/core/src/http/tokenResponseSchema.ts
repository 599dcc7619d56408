import * as z from 'zod/mini';

/** The fields of an OAuth2-style token response that the client reads; others pass through. */
export const tokenResponseSchema = z.looseObject({
  access_token: z.string().check(z.minLength(1)),
  token_type: z.optional(z.nullable(z.string())),
  expires_in: z.optional(z.nullable(z.union([z.number(), z.string()]))),
  refresh_token: z.optional(z.nullable(z.string())),
  scope: z.optional(z.nullable(z.union([z.string(), z.array(z.string())]))),
  user: z.optional(z.unknown()),
});

/** A token response as validated by {@link tokenResponseSchema}. */
export type TokenResponse = z.infer<typeof tokenResponseSchema>;
