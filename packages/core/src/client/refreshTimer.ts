/** The longest delay `setTimeout` takes (2^31 - 1 ms, about 24.8 days); longer ones fire at once. */
const MAX_DELAY = 2_147_483_647;

/**
 * One pending wake-up at a time, at an absolute time. Delays beyond what `setTimeout` can hold are
 * bridged in steps, and the timer does not keep a Node process alive.
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
        if (delay > MAX_DELAY) at(time, task);
        else task();
      },
      Math.min(delay, MAX_DELAY),
    );
    (handle as { unref?: () => void }).unref?.();
  };

  return { at, cancel };
}
