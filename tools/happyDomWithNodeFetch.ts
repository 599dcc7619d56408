import type { Environment } from 'vitest/runtime';
import { builtinEnvironments } from 'vitest/runtime';

// happy-dom's DOM, with Node's own fetch stack. happy-dom's fetch prints every failed request, URL
// and all, straight to stdout (past `console`, so past tools/failOnConsole.ts); FreightExchange
// puts the password in that URL. Node's fetch is real HTTP too, and prints nothing.
const KEPT = ['fetch', 'Request', 'Response', 'Headers', 'AbortController', 'AbortSignal'] as const;

export default {
  name: 'happy-dom-node-fetch',
  viteEnvironment: 'client',
  async setup(global: Record<string, unknown>, options) {
    const kept = Object.fromEntries(KEPT.map((name) => [name, global[name]]));
    const environment = await builtinEnvironments['happy-dom'].setup(global, options);
    Object.assign(global, kept);
    return environment;
  },
} satisfies Environment;
