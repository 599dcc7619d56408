export { createMockAuth } from './createMockAuth.js';
export type { MockAuth, MockAuthOptions, TransientFailure } from './createMockAuth.js';
export { mockFxUser } from './mockFxUser.js';
