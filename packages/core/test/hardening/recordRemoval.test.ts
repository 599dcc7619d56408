import { describe, expect, it } from 'vitest';
import type { SessionStorage } from '@fx-auth/core';
import { recordCodec } from '../../src/storage/recordCodec.js';
import { adoptRecord, createRecordStore } from '../../src/storage/recordStore.js';
import { record } from '../session/fixtures.js';

/** A storage slot whose calls can be made to fail, or (`removeIgnored`) to pretend a removal worked. */
function faultySlot(initial: string | null = null) {
  let value = initial;
  const fails = { read: false, write: false, remove: false, removeIgnored: false };
  const refuse = (): never => {
    throw new DOMException('The operation is insecure.', 'SecurityError');
  };
  const storage: SessionStorage = {
    getItem: () => (fails.read ? refuse() : value),
    setItem: (next) => {
      if (fails.write) refuse();
      value = next;
    },
    removeItem: () => {
      if (fails.remove) refuse();
      if (!fails.removeIgnored) value = null;
    },
  };
  return { storage, fails, value: () => value, set: (next: string | null) => (value = next) };
}

const LEGACY = 'freightExchange https://fx.test/oauth/token';
const legacy = recordCodec(LEGACY);
const codec = recordCodec(`${LEGACY} freightexchange`, LEGACY);
const mine = record({ lineage: 'mine', since: 1, seq: 0 });

describe('removing the stored session', () => {
  it('should write the logged-out mark when a removal claims to work but the record stays', () => {
    const slot = faultySlot(codec.encode(mine));
    slot.fails.removeIgnored = true;

    createRecordStore(slot.storage, codec).remove();

    expect(slot.value()).toBe(codec.loggedOut);
  });

  it('should try again at the next read when neither removing nor overwriting worked', () => {
    const slot = faultySlot(codec.encode(mine));
    const store = createRecordStore(slot.storage, codec);
    slot.fails.remove = slot.fails.write = true;
    store.remove();
    expect(slot.value()).toBe(codec.encode(mine));

    slot.fails.remove = slot.fails.write = false;

    expect(store.load()).toBeNull();
    expect(slot.value()).toBeNull();
  });

  it('should remove a record it cannot read first', () => {
    const slot = faultySlot(codec.encode(mine));
    slot.fails.read = true;

    createRecordStore(slot.storage, codec).remove();

    expect(slot.value()).toBeNull();
  });

  it("should leave another provider's record alone", () => {
    const theirs = recordCodec('jsonLogin https://cas.test/login').encode(mine);
    const slot = faultySlot(theirs);

    createRecordStore(slot.storage, codec).remove();

    expect(slot.value()).toBe(theirs);
  });

  it('should clear a logged-out mark it finds at load', () => {
    const slot = faultySlot(codec.loggedOut);

    expect(createRecordStore(slot.storage, codec).load()).toBeNull();
    expect(slot.value()).toBeNull();
  });
});

describe('reading the stored session', () => {
  it.each([
    ['nothing', null, true],
    ['the logged-out mark', codec.loggedOut, true],
    ['a session', codec.encode(mine), false],
  ])('should say whether the storage holding %s is empty', (_name, stored, empty) => {
    expect(createRecordStore(faultySlot(stored).storage, codec).isEmpty()).toBe(empty);
  });

  it('should not call an unreadable storage empty', () => {
    const slot = faultySlot();
    slot.fails.read = true;

    expect(createRecordStore(slot.storage, codec).isEmpty()).toBe(false);
  });

  it('should report a change only when another writer changed the storage', () => {
    const slot = faultySlot();
    const store = createRecordStore(slot.storage, codec);
    store.save(mine);
    expect(store.loadChanged()).toBeUndefined(); // its own write

    const theirs = record({ lineage: 'theirs', since: 2, seq: 0 });
    slot.set(codec.encode(theirs));
    expect(store.loadChanged()).toEqual(theirs);
    expect(store.loadChanged()).toBeUndefined(); // seen already

    slot.fails.read = true;
    expect(store.loadChanged()).toBeUndefined();
    slot.fails.read = false;
    slot.set(null);
    expect(store.loadChanged()).toBeUndefined();
  });
});

describe('adopting the record of earlier versions', () => {
  it('should keep a newer record of its own over an older one under the old key, and clear the old key', () => {
    const [old, own] = [faultySlot(legacy.encode(mine)), faultySlot()];
    const newer = codec.encode(record({ lineage: 'mine', since: 1, seq: 4 }));
    own.set(newer);

    adoptRecord(old.storage, own.storage, legacy, codec);

    expect([old.value(), own.value()]).toEqual([null, newer]);
  });

  it('should move nothing while its own key cannot be read', () => {
    const [old, own] = [faultySlot(legacy.encode(mine)), faultySlot()];
    own.fails.read = true;

    adoptRecord(old.storage, own.storage, legacy, codec);

    expect([old.value(), own.value()]).toEqual([legacy.encode(mine), null]);
  });
});
