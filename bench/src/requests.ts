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
  const rates = contenders.map(() => [] as number[]);
  for (let round = 0; round < rounds; round += 1) {
    for (const [index, contender] of contenders.entries()) {
      const started = performance.now();
      for (let i = 0; i < calls; i += 1) await contender.call();
      rates[index]!.push(calls / ((performance.now() - started) / 1000));
    }
  }
  const medians = rates.map(median);
  return contenders.map((contender, index) => ({
    name: contender.name,
    perSecond: medians[index]!,
    ratio: medians[index]! / medians[0]!,
  }));
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
  const measured = contenders.filter((contender) => contender.getToken);
  const rates = measured.map(() => [] as number[]);
  for (let round = 0; round < rounds; round += 1) {
    for (const [index, contender] of measured.entries()) {
      const started = performance.now();
      for (let i = 0; i < calls; i += 1) await contender.getToken!();
      rates[index]!.push(calls / ((performance.now() - started) / 1000));
    }
  }
  return measured.map((contender, index) => ({ name: contender.name, perSecond: median(rates[index]!) }));
}
