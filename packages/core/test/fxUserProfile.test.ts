import { describe, expect, it } from 'vitest';
import { fxUserWireSchema, toFxUser } from '../src/providers/fxUserSchema.js';

/** The profile a FreightExchange `user` object maps to, with the fields a test sets on top of a minimal one. */
const profileOf = (fields: Record<string, unknown>) =>
  toFxUser(fxUserWireSchema.parse({ id: '1', login: 'a', ...fields }));

describe('the FreightExchange profile, from its wire form', () => {
  it.each([
    ['1', true],
    [1, true],
    [true, true],
    ['0', false],
    [0, false],
    [false, false],
    ['yes', false],
    [null, false],
  ])('should read a_uplft %j as auto-uplift enabled: %s', (a_uplft, enabled) => {
    expect(profileOf({ a_uplft }).autoUplift.enabled).toBe(enabled);
  });

  it.each([
    ['3', 3],
    [' 2 ', 2],
    [4, 4],
    ['0', 0],
    [0, 0],
  ])('should read the counter %j as %d', (a_uplft_cnt, max) => {
    expect(profileOf({ a_uplft_cnt }).autoUplift.max).toBe(max);
  });

  it.each(['', '  ', '-1', -1, '1.5', 2.5, 'many', null])(
    'should fall back to the defaults for the counters %j (initial 1, max 0)',
    (value) => {
      expect(profileOf({ a_uplft_init: value, a_uplft_cnt: value }).autoUplift).toEqual({
        enabled: false,
        initial: 1,
        max: 0,
      });
    },
  );

  it.each([
    ['en, fr ,de', ['en', 'fr', 'de']],
    ['en,,', ['en']],
    ['', []],
    [
      ['en', 3, null, 'fr'],
      ['en', 'fr'],
    ],
    [null, []],
    [undefined, []],
  ])('should read the spoken languages %j as %j', (sp_langs, spokenLanguages) => {
    expect(profileOf({ sp_langs }).spokenLanguages).toEqual(spokenLanguages);
  });

  it('should give numbers as text and missing fields as null', () => {
    const user = profileOf({ id: 7, login: 42, phone: 3221234567, fax: null });

    expect(user).toMatchObject({ id: '7', login: '42', phone: '3221234567', fax: null, email: null });
    expect(user.company).toEqual({ id: null, name: null, postCode: null });
  });
});
