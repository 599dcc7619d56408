import type { Contender } from './contenders.js';
import type { Servers } from './serverProcess.js';

export interface StampedeResult {
  name: string;
  callers: number;
  /** Token requests the callers set off. */
  tokenRequests: number;
  /** Calls that failed. */
  failures: number;
}

/**
 * `callers` API calls at once, just after the API started to refuse the token they hold (401), as
 * at expiry: a single-flight client makes one token request and every call succeeds.
 */
export async function measureStampede(
  contender: Contender,
  servers: Servers,
  callers: number,
): Promise<StampedeResult> {
  await servers.send({ type: 'reset' });
  await contender.start();
  const token = await contender.token();
  const before = await servers.send({ type: 'reject', token: token ?? '' });
  const results = await Promise.allSettled(Array.from({ length: callers }, () => contender.call()));
  const after = await servers.send({ type: 'count' });
  return {
    name: contender.name,
    callers,
    tokenRequests: after - before,
    failures: results.filter((result) => result.status === 'rejected').length,
  };
}
