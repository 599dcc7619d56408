import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { ServerCommand, ServerUrls } from './servers.js';

type Command = ServerCommand extends infer C ? (C extends { id: number } ? Omit<C, 'id'> : never) : never;

/** The servers' child process: their URLs, and commands that answer with the token requests so far. */
export interface Servers {
  urls: ServerUrls;
  /** The token endpoints' request count (FreightExchange and Passport), after the command ran. */
  send(command: Command): Promise<number>;
  close(): void;
}

/** Starts `servers.mjs` (built next to this bundle) in a child process. */
export async function startServers(): Promise<Servers> {
  const child = fork(fileURLToPath(new URL('./servers.mjs', import.meta.url)), { stdio: 'inherit' });
  const waiting = new Map<number, (count: number) => void>();
  let next = 0;
  const urls = await new Promise<ServerUrls>((resolve, reject) => {
    child.once('error', reject);
    child.on('message', (message: { urls?: ServerUrls; id?: number; tokenRequests?: number }) => {
      if (message.urls) resolve(message.urls);
      if (message.id !== undefined) waiting.get(message.id)?.(message.tokenRequests ?? 0);
    });
  });
  return {
    urls,
    send: (command) =>
      new Promise<number>((resolve) => {
        const id = (next += 1);
        waiting.set(id, resolve);
        child.send({ ...command, id });
      }),
    close: () => child.disconnect(),
  };
}
