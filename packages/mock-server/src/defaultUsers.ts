import type { MockUser } from './types.js';

/**
 * The users a server accepts unless told otherwise: `demo`/`demo` (the seed's profile, auto uplift
 * on) and `alice`/`p@ss w0rd&=?+%` (a password that needs encoding, auto uplift off). Fresh copies
 * on each call, so a test may change them.
 */
export function defaultUsers(): MockUser[] {
  return [
    {
      username: 'demo',
      password: 'demo',
      profile: {
        fname: 'Demo',
        a_uplft_init: '1',
        cmp_post_code: '1930',
        login: 'demo',
        cmp_name: 'Demo Freight Ltd',
        cmp_id: '123456789',
        lname: 'User',
        phone: '+3221234567',
        a_uplft_cnt: '3',
        id: '0001',
        bus_id: 'abc-123456',
        fax: null,
        lang: 'en_GB',
        email: 'demo@example.com',
        sp_langs: ['en', 'fr'],
        a_uplft: '1',
      },
    },
    {
      username: 'alice',
      password: 'p@ss w0rd&=?+%',
      profile: {
        fname: 'Alice',
        a_uplft_init: '2',
        cmp_post_code: '75001',
        login: 'alice',
        cmp_name: 'Alice Logistics SARL',
        cmp_id: '987654321',
        lname: 'Martin',
        phone: '+33123456789',
        a_uplft_cnt: '5',
        id: '0002',
        bus_id: 'xyz-654321',
        fax: '+33123456780',
        lang: 'fr_FR',
        email: 'alice@example.com',
        sp_langs: [],
        a_uplft: '0',
      },
    },
  ];
}
