import { Window } from 'happy-dom';
import { createAuthClient, freightExchange, memoryStorage, type AuthClient } from '@fx-auth/core';

export interface RenderCount {
  hook: string;
  /** Renders of a component that uses the hook and reads what it says, per refresh. */
  rendersPerRefresh: number;
}

/** A DOM for react-dom, set up before react-dom is first imported (it looks for one when it loads). */
function installDom(): void {
  const window = new Window({ url: 'http://localhost/' });
  Object.assign(globalThis, { window, document: window.document, navigator: window.navigator });
  for (const name of ['HTMLElement', 'Node', 'Element', 'Event', 'MutationObserver'] as const) {
    Object.assign(globalThis, { [name]: window[name] });
  }
}

const settle = async (): Promise<void> => {
  for (let turn = 0; turn < 50; turn += 1) await new Promise((resolve) => setImmediate(resolve));
};

/**
 * For each hook, a component that calls it and renders what it reads, under `<AuthProvider>`; then
 * `refreshes` refreshes of a FreightExchange session, each awaited and settled: renders counted.
 */
export async function measureRenders(tokenUrl: string, refreshes: number): Promise<RenderCount[]> {
  installDom();
  const [{ createElement, Fragment }, { createRoot }, fx] = await Promise.all([
    import('react'),
    import('react-dom/client'),
    import('@fx-auth/react'),
  ]);
  const probes: Array<[string, () => unknown]> = [
    ['useToken() reading the token', () => fx.useToken().accessToken],
    ['useToken() reading all of it', () => JSON.stringify(fx.useToken())],
    ['useAuth() reading the status', () => fx.useAuth().status],
    ['useSuspenseToken()', () => fx.useSuspenseToken().accessToken],
    ['useFxUser() reading data', () => fx.useFxUser().data?.login],
    ['useAuthClient()', () => fx.useAuthClient() && 'client'],
  ];
  const results: RenderCount[] = [];
  for (const [hook, read] of probes) {
    const client: AuthClient = createAuthClient({
      provider: freightExchange({ baseUrl: tokenUrl }),
      storage: memoryStorage(),
    });
    await client.login({ username: 'demo', password: 'demo' });
    let renders = 0;
    function Probe() {
      renders += 1;
      return createElement(Fragment, null, String(read()));
    }
    const root = createRoot(document.createElement('div'));
    root.render(createElement(fx.AuthProvider, { client }, createElement(Probe)));
    await settle();
    const before = renders;
    for (let i = 0; i < refreshes; i += 1) {
      await client.refresh();
      await settle();
    }
    results.push({ hook, rendersPerRefresh: (renders - before) / refreshes });
    root.unmount();
    client.destroy();
  }
  return results;
}
