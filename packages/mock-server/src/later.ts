/**
 * Runs `run` after `ms` milliseconds (`setTimeout`, so fake timers control it). The timer is unref'd:
 * a pending answer never keeps the process alive once the server is closed.
 */
export function later(ms: number, run: () => void): void {
  setTimeout(run, ms).unref();
}
