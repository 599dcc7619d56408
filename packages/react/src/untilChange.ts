import type { AuthClient } from '@fx-auth/core';

/** Per client, the wait suspended components share: it ends at the client's next change. */
const waits = new WeakMap<AuthClient, Promise<void>>();

/**
 * What a suspending hook throws to wait for the client's next change, shared by every component
 * waiting on the client. After this render (a render must not change the store) the client is
 * asked for a token, which waits for a login in flight or refreshes a due token
 * (joining a refresh already running); its outcome is the change that ends the wait.
 */
export function untilChange(client: AuthClient): Promise<void> {
  let wait = waits.get(client);
  if (!wait) {
    wait = new Promise((resolve) => {
      const stop = client.subscribe(() => {
        stop();
        waits.delete(client);
        resolve();
      });
    });
    waits.set(client, wait);
    queueMicrotask(() => void client.getAccessToken().catch(() => undefined));
  }
  return wait;
}
