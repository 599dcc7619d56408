import type { AuthClient } from '@fx-auth/core';

export interface MemoryResult {
  cycles: number;
  /** Heap in use after a full GC, in bytes, once warmed up (after the first tenth of the cycles). */
  heapAfterWarmUp: number;
  heapAtEnd: number;
  /** Bytes per cycle from the warm-up to the end: about 0 when nothing is kept per refresh. */
  growthPerCycle: number;
}

const gc = (globalThis as { gc?: () => void }).gc;

function heapAfterGc(): number {
  if (!gc) throw new Error('The memory benchmark needs node --expose-gc (pnpm bench passes it).');
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

/** `cycles` refreshes one after another, each a real token request; the heap after GC compared. */
export async function measureRefreshMemory(client: AuthClient<void>, cycles: number): Promise<MemoryResult> {
  const warmUp = Math.ceil(cycles / 10);
  for (let i = 0; i < warmUp; i += 1) await client.refresh();
  const heapAfterWarmUp = heapAfterGc();
  for (let i = warmUp; i < cycles; i += 1) await client.refresh();
  const heapAtEnd = heapAfterGc();
  return { cycles, heapAfterWarmUp, heapAtEnd, growthPerCycle: (heapAtEnd - heapAfterWarmUp) / (cycles - warmUp) };
}
