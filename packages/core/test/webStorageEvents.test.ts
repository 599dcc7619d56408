// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { webStorage } from '@fx-auth/core';

/** What another tab's write looks like to this one: a `storage` event on window. */
function otherTabWrote(key: string | null, storageArea: Storage = localStorage): void {
  window.dispatchEvent(new StorageEvent('storage', { key, storageArea }));
}

describe('webStorage(localStorage), watched for other tabs', () => {
  it('should call the listener for its own key and for clear(), not for other keys, storages, or after it stops', () => {
    const storage = webStorage(localStorage, { key: 'app.session' });
    const calls: string[] = [];
    const stop = storage.watch?.(() => calls.push('changed'));

    otherTabWrote('app.session');
    otherTabWrote(null); // localStorage.clear() in another tab
    otherTabWrote('other.key');
    otherTabWrote('app.session', sessionStorage);
    expect(calls).toEqual(['changed', 'changed']);

    stop?.();
    otherTabWrote('app.session');
    expect(calls).toHaveLength(2);
  });

  it('should share its key and lock name with other tabs, which sessionStorage does not', () => {
    expect(webStorage(localStorage, { key: 'app.session' }).sharedName).toBe('localStorage app.session');
    expect(webStorage(sessionStorage, { key: 'app.session' })).not.toHaveProperty('watch');
    expect(webStorage(sessionStorage, { key: 'app.session' })).not.toHaveProperty('sharedName');
  });

  it('should store under its key, one per client when no key is given', () => {
    localStorage.clear();
    const storage = webStorage(localStorage);
    storage.setItem('a');
    storage.forClient?.('fx one').setItem('b');

    expect(localStorage.getItem('fx-auth.session')).toBe('a');
    expect(localStorage.getItem('fx-auth.session fx one')).toBe('b');
    expect(storage.forClient?.('fx one')).toBe(storage.forClient?.('fx one'));
    expect(storage.forClient?.('fx one').sharedName).toBe('localStorage fx-auth.session fx one');
  });
});
