import type { Contender } from './contenders.js';

export interface RequestRate {
  name: string;
  /** Median requests per second over the rounds. */
  perSecond: number;
  /** `perSecond` over bare ky's. */
  ratio: number;
}

/**
 * Sequential API calls on loopback, `calls` per round, the contenders taking turns round by round
 * (so that a slower moment of the machine hits each alike); the median round counts.
 */
export async function measureRequestRates(
  contenders: readonly Contender[],
  { rounds, calls }: { rounds: number; calls: number },
): Promise<RequestRate[]> {
  for (const contender of contenders) await contender.start();
  for (const contender of contenders) for (let i = 0; i < calls; i += 1) await contender.call(); // warm-up
  const medians = await medianRates(
    contenders.map((contender) => () => contender.call()),
    { rounds, calls },
  );
  return contenders.map((contender, index) => ({
    name: contender.name,
    perSecond: medians[index]!,
    ratio: medians[index]! / medians[0]!,
  }));
}

/**
 * Each task `calls` times awaited in a row per round, the tasks taking turns round by round (so that
 * a slower moment of the machine hits each alike): the median calls per second of each.
 */
async function medianRates(
  tasks: ReadonlyArray<() => Promise<unknown>>,
  { rounds, calls }: { rounds: number; calls: number },
): Promise<number[]> {
  const rates = tasks.map(() => [] as number[]);
  for (let round = 0; round < rounds; round += 1) {
    for (const [index, task] of tasks.entries()) {
      const started = performance.now();
      for (let i = 0; i < calls; i += 1) await task();
      rates[index]!.push(calls / ((performance.now() - started) / 1000));
    }
  }
  return rates.map(median);
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export interface HotPathRate {
  name: string;
  perSecond: number;
}

/** `getToken()` with a fresh token, `calls` times awaited in a row, median of `rounds`. */
export async function measureHotPath(
  contenders: readonly Contender[],
  { rounds, calls }: { rounds: number; calls: number },
): Promise<HotPathRate[]> {
  const measured = contenders.flatMap(({ name, getToken }) => (getToken ? [{ name, getToken }] : []));
  const medians = await medianRates(
    measured.map((contender) => contender.getToken),
    { rounds, calls },
  );
  return measured.map((contender, index) => ({ name: contender.name, perSecond: medians[index]! }));
}
