import * as z from 'zod';
import { useUser, type UserProfile } from '@fx-auth/react';
import { errorMessage } from './errorMessage.js';
import { isAuthError } from '@fx-auth/core';

/** What the mock's protected `GET /api/me` answers, as your API's profile would be checked. */
const meSchema = z.object({
  user: z.object({ login: z.string(), cmp_name: z.string().nullable() }),
  token_expires_at: z.number(),
});

const me: UserProfile<typeof meSchema> = {
  name: 'demo-me',
  schema: meSchema,
  fetch: ({ client, signal }) => client.ky.get(__FX_PROTECTED_PATH__, { signal }).json(),
};

/**
 * A profile of "your API", typed by its zod schema (any Standard Schema would do) through
 * `useUser()`: fetched with a valid token, kept for this login only. The dashboard shows it against
 * the mock only: the real FreightExchange host has no such endpoint.
 */
export function ApiProfile() {
  const { data, error } = useUser(me);
  return (
    <section className="card" aria-labelledby="api-profile-title">
      <h2 id="api-profile-title">From your API</h2>
      <p className="muted">
        <code>useUser()</code> with a zod schema, from <code>GET /api/me</code>
      </p>
      {data ? (
        <p data-testid="api-profile">
          {data.user.login} of {data.user.cmp_name ?? 'no company'}
        </p>
      ) : (
        <p role="status">
          {error ? (isAuthError(error) ? errorMessage(error) : error.message) : 'Loading your API’s profile…'}
        </p>
      )}
    </section>
  );
}
