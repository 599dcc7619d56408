export { subscribeEvents } from './subscribeEvents.js';
export type { ObservedClient } from './subscribeEvents.js';
export { tokenSuffix } from './describeTransition.js';
export type {
  AuthEvent,
  AuthEventListener,
  SessionEndReason,
  SessionSource,
  TabMessageKind,
  TokenRequestGrant,
} from './authEvents.js';
