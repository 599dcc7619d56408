import { useState } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { isAuthError } from '@fx-auth/core';
import { useAuthClient } from '@fx-auth/react';
import { errorMessage } from './errorMessage.js';

interface Me {
  user?: { login?: string };
}

/** What went wrong with a call or a refresh, in words for a person. */
const failure = (error: unknown, what: string): string =>
  isAuthError(error) ? errorMessage(error) : `${what} failed: ${(error as Error).message}`;

/**
 * The actions: call the protected API through `client.ky` (TanStack Query keeps its loading and
 * error state), and refresh the token now. Only the last action's outcome is shown.
 */
export function ProtectedCall() {
  const client = useAuthClient();
  const [last, setLast] = useState<'call' | 'refresh' | null>(null);
  const me = useQuery({
    queryKey: ['demo', 'protected-call'],
    queryFn: () => client.ky.get(__FX_PROTECTED_PATH__, { headers: { 'Accept-Version': 'v1' } }).json<Me>(),
    enabled: false, // on demand: the button
    retry: false,
    gcTime: 0,
  });
  const refresh = useMutation({ mutationFn: () => client.refresh() });

  const call = () => {
    setLast('call');
    void me.refetch();
  };
  const refreshNow = () => {
    setLast('refresh');
    refresh.mutate();
  };

  let outcome: { text: string; failed: boolean } | null = null;
  if (last === 'call' && me.isFetching) outcome = { text: 'Calling…', failed: false };
  else if (last === 'call' && me.error) outcome = { text: failure(me.error, 'The call'), failed: true };
  else if (last === 'call' && me.data) {
    const login = me.data.user?.login;
    outcome = { text: `200 OK${login ? `: signed in as ${login}` : ''}`, failed: false };
  } else if (last === 'refresh' && refresh.isPending) outcome = { text: 'Refreshing…', failed: false };
  else if (last === 'refresh' && refresh.error) outcome = { text: failure(refresh.error, 'The refresh'), failed: true };
  else if (last === 'refresh' && refresh.isSuccess) outcome = { text: 'Token refreshed.', failed: false };

  return (
    <section className="card" aria-labelledby="actions-title">
      <h2 id="actions-title">Try it</h2>
      <div className="actions">
        <button type="button" onClick={call} disabled={me.isFetching}>
          Call the protected API
        </button>
        <button type="button" onClick={refreshNow} disabled={refresh.isPending}>
          {refresh.isPending ? 'Refreshing…' : 'Refresh now'}
        </button>
      </div>
      <p role="status" data-testid="call-result" className={outcome?.failed ? 'error' : undefined}>
        {outcome?.text ?? ''}
      </p>
    </section>
  );
}
