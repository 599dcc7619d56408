import type { FxUser } from '@fx-auth/core';

/** A FreightExchange profile for tests: the mock server's demo user, with `overrides` on top. */
export function mockFxUser(overrides: Partial<FxUser> = {}): FxUser {
  return {
    id: '0001',
    login: 'demo',
    firstName: 'Demo',
    lastName: 'User',
    email: 'demo@example.com',
    phone: '+3221234567',
    fax: null,
    language: 'en_GB',
    spokenLanguages: ['en', 'fr'],
    businessId: 'abc-123456',
    company: { id: '123456789', name: 'Demo Freight Ltd', postCode: '1930' },
    autoUplift: { enabled: true, initial: 1, max: 3 },
    ...overrides,
  };
}
