/**
 * `expires_in` as Spring reports it for a token whose JWT `exp` is `expSeconds`: the whole seconds
 * left, less the moment Spring takes to answer. Always `lifetime - 1` for a fresh token (3599 for
 * 3600 s), also when the clock stands on a whole second as under fake timers; never negative.
 */
export function springExpiresIn(expSeconds: number, nowMs: number): number {
  return Math.max(0, Math.ceil((expSeconds * 1000 - nowMs) / 1000) - 1);
}
