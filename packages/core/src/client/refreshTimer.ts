/** The longest delay `setTimeout` takes (2^31 - 1 ms, about 24.8 days); longer ones fire at once. */
const MAX_DELAY = 2_147_483_647;

/**
 * One pending wake-up at a time, at an absolute time: never before it. Delays beyond what
 * `setTimeout` can hold are bridged in steps, and the timer does not keep a Node process alive.
 */
export function createRefreshTimer() {
  let handle: ReturnType<typeof setTimeout> | undefined;

  const cancel = (): void => {
    if (handle !== undefined) clearTimeout(handle);
    handle = undefined;
  };

  const at = (time: number, task: () => void): void => {
    cancel();
    const delay = Math.max(0, time - Date.now());
    handle = setTimeout(
      () => {
        handle = undefined;
        // Bridged delays, and timers that fire a moment early (browsers may), wait on.
        if (Date.now() < time) at(time, task);
        else task();
      },
      Math.min(delay, MAX_DELAY),
    );
    (handle as { unref?: () => void }).unref?.();
  };

  return { at, cancel };
}
