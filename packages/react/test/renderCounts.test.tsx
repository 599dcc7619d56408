import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AuthProvider, useFxUser, useToken, type TokenState } from '@fx-auth/react';
import type { QueryClient } from '@tanstack/react-query';
import type { AuthClient, FxUser } from '@fx-auth/core';
import { DEMO, eventually, renderWithAuth, settle, setUp } from './support.js';

// Real scheduling: renders land as they would in an app, not batched by act().
const global = globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean };
beforeEach(() => {
  global.IS_REACT_ACT_ENVIRONMENT = false;
});
afterEach(() => {
  global.IS_REACT_ACT_ENVIRONMENT = true;
});

/** Renders a component that reads only `data` from useFxUser(), and records every render's data. */
function renderProfileData(client: AuthClient, queryClient: QueryClient): Array<FxUser | undefined> {
  const renders: Array<FxUser | undefined> = [];
  function Profile() {
    renders.push(useFxUser().data);
    return null;
  }
  renderWithAuth(<Profile />, { client, queryClient });
  return renders;
}

describe('render counts', () => {
  it('should re-render a useToken() consumer that reads every field once per change of one during a refresh', async () => {
    const { client, queryClient } = await setUp({ latency: 200 });
    const first = await client.login(DEMO);
    const renders: TokenState[] = [];
    function Token() {
      renders.push({ ...useToken() }); // reads every field
      return null;
    }
    renderWithAuth(<Token />, { client, queryClient });

    const next = await client.refresh();
    await eventually(() => renders.at(-1)?.accessToken === next.accessToken, 'the new token');
    await settle();

    expect(renders).toEqual([
      { accessToken: first.accessToken, expiresAt: first.expiresAt, status: 'authenticated', expired: false },
      { accessToken: first.accessToken, expiresAt: first.expiresAt, status: 'refreshing', expired: false },
      { accessToken: next.accessToken, expiresAt: next.expiresAt, status: 'authenticated', expired: false },
    ]);
  });

  it('should re-render a component that reads only the token once per refresh', async () => {
    const { client, queryClient } = await setUp({ latency: 200 });
    const first = await client.login(DEMO);
    const renders: Array<string | null> = [];
    function Token() {
      renders.push(useToken().accessToken);
      return null;
    }
    renderWithAuth(<Token />, { client, queryClient });

    const second = await client.refresh();
    await eventually(() => renders.at(-1) === second.accessToken, 'the new token');
    const third = await client.refresh();
    await eventually(() => renders.at(-1) === third.accessToken, 'the newer token');
    await settle();

    expect(renders).toEqual([first.accessToken, second.accessToken, third.accessToken]);
  });

  it('should re-render on a field the component starts reading later, and not before', async () => {
    const { client, queryClient } = await setUp({ latency: 200 });
    await client.login(DEMO);
    const statuses: string[] = [];
    let readStatus = false;
    function Token() {
      const token = useToken();
      statuses.push(readStatus ? token.status : `token ${String(token.accessToken !== null)}`);
      return null;
    }
    const view = renderWithAuth(<Token />, { client, queryClient });
    await client.refresh();
    await settle();
    expect(statuses).toEqual(['token true', 'token true']); // the new token; not the refreshing status

    readStatus = true;
    view.rerender(
      <AuthProvider client={client} queryClient={queryClient}>
        <Token />
      </AuthProvider>,
    );
    await client.refresh();
    await settle();

    expect(statuses.slice(2)).toEqual(['authenticated', 'refreshing', 'authenticated']);
  });

  it('should not re-render a useToken() consumer for a change of the snapshot that leaves its state equal', async () => {
    const { client, queryClient } = await setUp();
    await client.login({ username: 'demo', password: 'wrong' }).catch(() => undefined);
    const renders: TokenState[] = [];
    function Token() {
      renders.push(useToken());
      return null;
    }
    renderWithAuth(<Token />, { client, queryClient });
    await settle();
    const before = client.getSnapshot();

    await client.logout(); // clears the login's error: a new snapshot, the same token state
    await settle();

    expect(client.getSnapshot()).not.toBe(before);
    expect(before.error?.code).toBe('invalid_credentials');
    expect(renders).toHaveLength(1);
  });

  it('should not re-render a component that reads only data from useFxUser() when the profile did not change', async () => {
    const { client, queryClient } = await setUp({ latency: 200 });
    await client.login(DEMO);
    const renders = renderProfileData(client, queryClient);
    expect(renders).toHaveLength(1);

    const refreshing = client.refresh();
    await eventually(() => client.getSnapshot().status === 'refreshing', 'refreshing');
    await settle();
    await refreshing;
    await settle();

    expect(renders).toEqual([client.getSnapshot().session?.user]);
  });

  it('should re-render it once when a refresh brings a changed profile', async () => {
    const { server, client, queryClient } = await setUp({ latency: 200 });
    await client.login(DEMO);
    const renders = renderProfileData(client, queryClient);
    const demo = server.users.find((user) => user.username === 'demo');
    if (demo) demo.profile.a_uplft_cnt = '4';

    await client.refresh();
    await eventually(() => renders.length > 1, 'a second render');
    await settle();

    expect(renders.map((user) => user?.autoUplift.max)).toEqual([3, 4]);
  });
});
