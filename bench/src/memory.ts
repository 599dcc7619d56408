import type { AuthClient } from '@fx-auth/core';

export interface MemoryRun {
  name: string;
  /** Heap in use after a full GC once warmed up (after half as many cycles again, not counted), in bytes. */
  heapAfterWarmUp: number;
  heapAtEnd: number;
  /**
   * Bytes per cycle: the least-squares slope of the heap after GC at ten checkpoints after the
   * warm-up (two points alone would weigh a single GC's leftovers too much).
   */
  growthPerCycle: number;
}

export interface MemoryResult {
  cycles: number;
  /** fx-auth's refreshes, then the same token request with bare `fetch` (what Node itself keeps). */
  runs: MemoryRun[];
  /** Sessions still reachable after the last GC, of the last `watchedSessions` refreshes': 1 (the current one) when none is kept. */
  sessionsAlive: number;
  watchedSessions: number;
}

const gc = (globalThis as { gc?: () => void }).gc;
const CHECKPOINTS = 10;
/** The cycles run before the heap is first measured: half as many again. */
export const warmUpCycles = (cycles: number): number => Math.ceil(cycles / 2);
/** How many of the last refreshes' sessions are watched for being let go. */
const WATCHED_SESSIONS = 1_000;

async function heapAfterGc(): Promise<number> {
  if (!gc) throw new Error('The memory benchmark needs node --expose-gc (pnpm bench passes it).');
  // A WeakRef keeps its target until the current job ends: collect on a later turn, twice.
  await new Promise((resolve) => setImmediate(resolve));
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

function slope(points: ReadonlyArray<readonly [number, number]>): number {
  const meanX = points.reduce((sum, [x]) => sum + x, 0) / points.length;
  const meanY = points.reduce((sum, [, y]) => sum + y, 0) / points.length;
  const covariance = points.reduce((sum, [x, y]) => sum + (x - meanX) * (y - meanY), 0);
  const variance = points.reduce((sum, [x]) => sum + (x - meanX) ** 2, 0);
  return variance === 0 ? 0 : covariance / variance;
}

/** `cycles` runs of `cycle` one after another after a warm-up, the heap after GC at checkpoints. */
async function measureCycles(name: string, cycles: number, cycle: () => Promise<unknown>): Promise<MemoryRun> {
  // A long warm-up: over the first thousands of cycles V8's compiled code and caches still grow
  // (measured: about 1 MB over 10,000 refreshes after a 1,000 warm-up, gone after 30,000).
  for (let i = 0; i < warmUpCycles(cycles); i += 1) await cycle();
  const heapAfterWarmUp = await heapAfterGc();
  const points: Array<[number, number]> = [[0, heapAfterWarmUp]];
  const step = Math.ceil(cycles / CHECKPOINTS);
  for (let done = 0; done < cycles;) {
    const until = Math.min(cycles, done + step);
    for (; done < until; done += 1) await cycle();
    points.push([done, await heapAfterGc()]);
  }
  return { name, heapAfterWarmUp, heapAtEnd: points.at(-1)![1], growthPerCycle: slope(points) };
}

/**
 * `cycles` refreshes of fx-auth (each a real token request), then as many bare `fetch` requests to
 * the same token endpoint: the heap after GC of each, and how many of the last sessions are still
 * reachable at the end.
 */
export async function measureRefreshMemory(
  client: AuthClient<void>,
  tokenRequest: () => Promise<unknown>,
  cycles: number,
): Promise<MemoryResult> {
  // The last sessions, in a ring of fixed size: the watching must not grow the heap it measures.
  const sessions = new Array<WeakRef<object> | undefined>(WATCHED_SESSIONS).fill(undefined);
  let refreshes = 0;
  const fxAuth = await measureCycles('fx-auth refresh()', cycles, async () => {
    sessions[refreshes++ % WATCHED_SESSIONS] = new WeakRef(await client.refresh());
  });
  await heapAfterGc();
  const sessionsAlive = sessions.filter((session) => session?.deref() !== undefined).length;
  const bareFetch = await measureCycles('bare fetch of the same token request', cycles, tokenRequest);
  return { cycles, runs: [fxAuth, bareFetch], sessionsAlive, watchedSessions: Math.min(refreshes, WATCHED_SESSIONS) };
}
