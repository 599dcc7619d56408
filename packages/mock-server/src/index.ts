export { createMockTokenServer } from './createMockTokenServer.js';
export { startMockTokenServer } from './startMockTokenServer.js';
export { defaultUsers } from './defaultUsers.js';
export type {
  Fault,
  FxUserWire,
  InjectOptions,
  MockApi,
  MockClient,
  MockServerOptions,
  MockTokenServer,
  MockUser,
  RecordedRequest,
  RunningMockTokenServer,
  StartMockTokenServerOptions,
} from './types.js';
