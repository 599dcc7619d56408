import { afterEach, vi } from 'vitest';
import type { SessionStorage } from '@fx-auth/core';

/**
 * The Web Locks API as browsers implement the part the client uses: exclusive locks granted in
 * request order, released when the callback's promise settles, and a request that rejects with an
 * `AbortError` when its signal aborts before the grant. Node 20 has no `navigator.locks`; the real
 * one is exercised in Chromium (tests/browser). A grant is immediate on release, before any
 * message the releasing tab posted arrives: the worst case a real browser may show.
 */
export function createLockManager() {
  const queues = new Map<string, Array<() => void>>();
  const names: string[] = [];

  async function request<T>(
    name: string,
    options: { signal?: AbortSignal },
    callback: () => Promise<T> | T,
  ): Promise<T> {
    names.push(name);
    const { signal } = options;
    signal?.throwIfAborted();
    const queue = queues.get(name);
    if (queue) {
      await new Promise<void>((resolve, reject) => {
        const granted = (): void => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        };
        const onAbort = (): void => {
          queue.splice(queue.indexOf(granted), 1);
          reject(signal?.reason);
        };
        queue.push(granted);
        signal?.addEventListener('abort', onAbort, { once: true });
      });
    } else {
      queues.set(name, []);
    }
    try {
      return await callback();
    } finally {
      const next = queues.get(name)?.shift();
      if (next) next();
      else queues.delete(name);
    }
  }

  /** Holds `name` until the returned function is called, as a hung or frozen tab would. */
  async function hold(name: string): Promise<() => void> {
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let held!: () => void;
    const holding = new Promise<void>((resolve) => (held = resolve));
    void request(name, {}, () => {
      held();
      return released;
    });
    await holding;
    return release;
  }

  return { request, hold, requestCount: () => names.length, requestedNames: () => [...names] };
}

export type TestLockManager = ReturnType<typeof createLockManager>;

/** Gives this test `navigator.locks` (and `navigator.onLine`), as a browser tab has. */
export function installLocks(): TestLockManager {
  const locks = createLockManager();
  vi.stubGlobal('navigator', { locks, onLine: true });
  return locks;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

/**
 * One storage slot seen by several tabs, like `localStorage` under one key. With `lag`, a tab sees
 * another tab's write only after `deliver()`, as Chromium shows other tabs' localStorage writes
 * late; `watch` listeners hear of it then, as `storage` events.
 */
export function sharedStorage(name = 'test-shared', { lag = false } = {}) {
  let value: string | null = null;
  const tabs: Array<{ seen: string | null; listeners: Set<() => void> }> = [];
  const pending: Array<() => void> = [];

  const publish = (writer: (typeof tabs)[number]): void => {
    for (const other of tabs) {
      if (other === writer) continue;
      const update = (): void => {
        other.seen = value;
        for (const listener of other.listeners) listener();
      };
      if (lag) pending.push(update);
      else queueMicrotask(update);
    }
  };

  return {
    /** A tab's view of the slot. */
    tab(): SessionStorage {
      const view = { seen: value, listeners: new Set<() => void>() };
      tabs.push(view);
      return {
        getItem: () => view.seen,
        setItem(next) {
          value = next;
          view.seen = next;
          publish(view);
        },
        removeItem() {
          value = null;
          view.seen = null;
          publish(view);
        },
        sharedName: name,
        watch(listener) {
          view.listeners.add(listener);
          return () => view.listeners.delete(listener);
        },
      };
    },
    /** What the slot really holds. */
    value: () => value,
    /** Lets every tab see every write so far. */
    deliver(): void {
      for (const update of pending.splice(0)) update();
    },
  };
}

/** Counts the BroadcastChannels open, by wrapping Node's own. */
export function countChannels(): { open: () => number } {
  let open = 0;
  const Native = globalThis.BroadcastChannel;
  class Counted extends Native {
    #closed = false;
    constructor(name: string) {
      super(name);
      open += 1;
    }
    override close(): void {
      if (!this.#closed) open -= 1;
      this.#closed = true;
      super.close();
    }
  }
  vi.stubGlobal('BroadcastChannel', Counted);
  return { open: () => open };
}

/** Resolves once every message posted so far on the test channel's name has been delivered (Node delivers in post order). */
export async function deliveredSoFar(): Promise<void> {
  const sender = new BroadcastChannel('fx-auth test-shared');
  const receiver = new BroadcastChannel('fx-auth test-shared');
  await new Promise<void>((resolve) => {
    receiver.onmessage = ({ data }: MessageEvent<{ flush?: boolean }>) => data.flush && resolve();
    sender.postMessage({ flush: true });
  });
  sender.close();
  receiver.close();
}

/**
 * Delivers every BroadcastChannel message `ms` milliseconds late (real time), in order, as a busy
 * browser's IPC may: work that is not serialized by the lock then meets the other tabs' news late.
 */
export function slowChannels(ms = 20): void {
  const Native = globalThis.BroadcastChannel;
  vi.stubGlobal(
    'BroadcastChannel',
    class extends Native {
      override set onmessage(handler: ((event: MessageEvent) => void) | null) {
        super.onmessage = handler && ((event: MessageEvent) => void setTimeout(() => handler(event), ms));
      }
      override get onmessage(): ((event: MessageEvent) => void) | null {
        return super.onmessage;
      }
    },
  );
}

/**
 * Delivers each channel's messages late by its own delay (real time): the n-th channel a test
 * opens sends with `delays[n % delays.length]` ms. Messages of different tabs can then overtake
 * each other, as they may on their way through a busy browser.
 */
export function unevenChannels(delays: number[]): void {
  const Native = globalThis.BroadcastChannel;
  let opened = 0;
  vi.stubGlobal(
    'BroadcastChannel',
    class extends Native {
      readonly #delay = delays[opened++ % delays.length] ?? 0;
      override postMessage(message: unknown): void {
        setTimeout(() => super.postMessage(message), this.#delay);
      }
    },
  );
}
