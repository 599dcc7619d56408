/** Why a page may have missed its timers: shown again (`restored`: from the back/forward cache), focused, or back online. */
export type WakeReason = 'visible' | 'shown' | 'restored' | 'focus' | 'online';

/**
 * Calls `onWake` when a browser page comes back (visible, shown, focused, online) and `onOffline`
 * when it goes offline: timers may have been frozen while it slept, and messages from other tabs
 * may have been missed while it was in the back/forward cache. Does nothing outside a browser.
 * Returns the function that stops watching.
 */
export function watchWakeUps(onWake: (reason: WakeReason) => void, onOffline: () => void): () => void {
  const target = typeof window === 'undefined' ? undefined : window;
  const page = typeof document === 'undefined' ? undefined : document;
  if (!target?.addEventListener) return () => undefined;
  const onVisibility = (): void => {
    if (page?.visibilityState !== 'hidden') onWake('visible');
  };
  const onShow = (event: Event): void => onWake((event as PageTransitionEvent).persisted ? 'restored' : 'shown');
  const onFocus = (): void => onWake('focus');
  const onOnline = (): void => onWake('online');
  target.addEventListener('online', onOnline);
  target.addEventListener('offline', onOffline);
  target.addEventListener('pageshow', onShow);
  target.addEventListener('focus', onFocus);
  page?.addEventListener('visibilitychange', onVisibility);
  return () => {
    target.removeEventListener('online', onOnline);
    target.removeEventListener('offline', onOffline);
    target.removeEventListener('pageshow', onShow);
    target.removeEventListener('focus', onFocus);
    page?.removeEventListener('visibilitychange', onVisibility);
  };
}
