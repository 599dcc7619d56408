import * as z from 'zod/mini';
import { anyArray, anyBoolean, anyString, finiteNumber, stringWhere } from '../http/valueSchemas.js';
import type { FxUser } from '../types.js';

const text = z.nullish(z.union([anyString, finiteNumber]));
/** An id: a number, or a string that is not empty (a refinement costs less than zod's length checks). */
const id = z.union([stringWhere((value) => value !== ''), finiteNumber]);

/** The `user` object of a FreightExchange token response (all values are strings on the wire). */
export const fxUserWireSchema = z.looseObject({
  id,
  login: id,
  fname: text,
  lname: text,
  email: text,
  phone: text,
  fax: text,
  lang: text,
  sp_langs: z.nullish(z.union([anyArray, anyString])),
  bus_id: text,
  cmp_id: text,
  cmp_name: text,
  cmp_post_code: text,
  a_uplft: z.nullish(z.union([anyString, finiteNumber, anyBoolean])),
  a_uplft_init: text,
  a_uplft_cnt: text,
});

type FxUserWire = z.infer<typeof fxUserWireSchema>;

/** Maps the wire profile to {@link FxUser}. Missing optional fields become `null`, `[]` or defaults. */
export function toFxUser(wire: FxUserWire): FxUser {
  return {
    id: String(wire.id),
    login: String(wire.login),
    firstName: toText(wire.fname),
    lastName: toText(wire.lname),
    email: toText(wire.email),
    phone: toText(wire.phone),
    fax: toText(wire.fax),
    language: toText(wire.lang),
    spokenLanguages: toList(wire.sp_langs),
    businessId: toText(wire.bus_id),
    company: { id: toText(wire.cmp_id), name: toText(wire.cmp_name), postCode: toText(wire.cmp_post_code) },
    autoUplift: {
      enabled: wire.a_uplft === '1' || wire.a_uplft === 1 || wire.a_uplft === true,
      // "Initial counter for Auto uplift feature. Default value set to 1."
      initial: toCount(wire.a_uplft_init) ?? 1,
      max: toCount(wire.a_uplft_cnt) ?? 0,
    },
  };
}

function toText(value: string | number | null | undefined): string | null {
  return value === null || value === undefined ? null : String(value);
}

function toCount(value: string | number | null | undefined): number | undefined {
  const count = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof count === 'number' && Number.isInteger(count) && count >= 0 ? count : undefined;
}

function toList(value: readonly unknown[] | string | null | undefined): string[] {
  if (typeof value === 'string')
    return value
      .split(',')
      .map((item) => item.trim())
      .filter(Boolean);
  return (value ?? []).filter((item): item is string => typeof item === 'string');
}
