/**
 * Calls `onWake` when a browser page comes back (shown again, or back online): timers may have been
 * frozen while it slept, so the client checks its token at once. Does nothing outside a browser.
 * Returns the function that stops watching.
 */
export function watchWakeUps(onWake: () => void): () => void {
  const target = typeof window === 'undefined' ? undefined : window;
  const page = typeof document === 'undefined' ? undefined : document;
  if (!target?.addEventListener) return () => undefined;
  const onVisibility = (): void => {
    if (page?.visibilityState !== 'hidden') onWake();
  };
  target.addEventListener('online', onWake);
  page?.addEventListener('visibilitychange', onVisibility);
  return () => {
    target.removeEventListener('online', onWake);
    page?.removeEventListener('visibilitychange', onVisibility);
  };
}
