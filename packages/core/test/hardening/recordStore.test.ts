import { describe, expect, it } from 'vitest';
import type { SessionStorage } from '@fx-auth/core';
import { recordCodec } from '../../src/storage/recordCodec.js';
import { adoptRecord, createRecordStore } from '../../src/storage/recordStore.js';
import { record } from '../session/fixtures.js';

/** One slot seen through two storages, as two tabs see localStorage; `removable: false` makes removeItem throw. */
function slot() {
  let value: string | null = null;
  const view = (removable: boolean): SessionStorage => ({
    getItem: () => value,
    setItem: (next) => void (value = next),
    removeItem: () => {
      if (!removable) throw new DOMException('The operation is insecure.', 'SecurityError');
      value = null;
    },
  });
  return { view, value: () => value, set: (next: string | null) => (value = next) };
}

const LEGACY = 'freightExchange https://fx.test/oauth/token';
const legacy = recordCodec(LEGACY);
const codec = recordCodec(`${LEGACY} freightexchange`, LEGACY);

describe('the record store', () => {
  it('should not remove, when it retries a failed removal, a session another tab stored since', () => {
    const shared = slot();
    const here = createRecordStore(shared.view(false), codec);
    here.save(record({ lineage: 'mine', since: 1, seq: 0 }));
    here.remove(); // fails: a logged-out mark goes over the record
    expect(shared.value()).toBe(codec.loggedOut);

    const theirs = codec.encode(record({ lineage: 'theirs', since: 2, seq: 0 }));
    shared.set(theirs); // another tab logs in
    here.loadChanged();
    here.load();

    expect(shared.value()).toBe(theirs);
  });

  it('should retry a failed removal at the next read while the storage still holds what it left', () => {
    const shared = slot();
    const failing = createRecordStore(shared.view(false), codec);
    failing.save(record({ lineage: 'mine', since: 1, seq: 0 }));
    failing.remove();

    createRecordStore(shared.view(true), codec).load(); // a reload, once removal works

    expect(shared.value()).toBeNull();
  });

  it("should leave a newer version's record of the same provider alone", () => {
    const shared = slot();
    const newer = JSON.stringify({
      version: 2,
      provider: 'freightExchange https://fx.test/oauth/token freightexchange',
    });
    shared.set(newer);
    const store = createRecordStore(shared.view(true), codec);

    expect(store.load()).toBeNull();
    store.remove();
    expect(shared.value()).toBe(newer);
  });

  it('should move a record from the key of earlier versions to its own key, and leave no copy behind', () => {
    const [old, own] = [slot(), slot()];
    const stored = record({ lineage: 'kept', since: 1, seq: 0 });
    old.set(legacy.encode(stored));

    adoptRecord(old.view(true), own.view(true), legacy, codec);

    expect(old.value()).toBeNull();
    expect(codec.decode(own.value()!)).toEqual(stored);
  });

  it('should adopt a record of earlier versions once, even when its old copy cannot be removed', () => {
    const [old, own] = [slot(), slot()];
    old.set(
      recordCodec('freightExchange https://fx.test/oauth/token').encode(record({ lineage: 'k', since: 1, seq: 0 })),
    );
    adoptRecord(old.view(false), own.view(true), legacy, codec);
    own.set(null); // then a logout

    adoptRecord(old.view(false), own.view(true), legacy, codec); // a reload

    expect(own.value()).toBeNull();
    expect(old.value()).toBe(legacy.loggedOut);
  });

  it("should leave the stored record alone when its own write fails: it may be another tab's newer one", () => {
    const shared = slot();
    const stored = codec.encode(record({ lineage: 'theirs', since: 2, seq: 0 }));
    shared.set(stored);
    const full: SessionStorage = {
      ...shared.view(true),
      setItem: () => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      },
    };

    createRecordStore(full, codec).save(record({ lineage: 'mine', since: 1, seq: 3 }));

    expect(shared.value()).toBe(stored);
  });

  it('should keep the newer of the two when both keys hold a record, and take none of the current form', () => {
    const [old, own] = [slot(), slot()];
    const newer = record({ lineage: 'old-tab', since: 5, seq: 2 }); // an old version's tab kept refreshing
    old.set(legacy.encode(newer));
    own.set(codec.encode(record({ lineage: 'old-tab', since: 5, seq: 1 })));

    adoptRecord(old.view(true), own.view(true), legacy, codec);
    expect(codec.decode(own.value()!)).toEqual(newer);

    const current = codec.encode(record({ lineage: 'now', since: 9, seq: 0 }));
    old.set(current); // a client of this version that chose the old key itself
    adoptRecord(old.view(true), own.view(true), legacy, codec);
    expect(old.value()).toBe(current);
  });

  it("should not take another provider's record from the key of earlier versions", () => {
    const [old, own] = [slot(), slot()];
    const foreign = recordCodec('jsonLogin https://cas.test/login').encode(record({ lineage: 'x', since: 1, seq: 0 }));
    old.set(foreign);

    adoptRecord(old.view(true), own.view(true), legacy, codec);

    expect([old.value(), own.value()]).toEqual([foreign, null]);
  });
});
