import type { TokenTransport } from '../http/sendTokenRequest.js';
import type { SessionEvent, TabNews } from '../session/sessionEvents.js';
import type { SessionState } from '../session/sessionState.js';

/** What a client asks its token endpoint for. */
export type TokenOperation = 'login' | 'refresh' | 'revoke';

/**
 * What a client shows an onlooker, raw: `@fx-auth/core/events` puts it into events. A client
 * without an onlooker has no probe and builds nothing; an app that never imports the events pays
 * only for the calls below.
 */
export interface Probe {
  /** The session machine moved from `previous` to `next` on `event`. */
  transition(previous: SessionState, next: SessionState, event: SessionEvent): void;
  /** Runs one token request (`call` with `transport`), watching how it goes. */
  tokenRequest<T>(
    operation: TokenOperation,
    transport: TokenTransport,
    call: (transport: TokenTransport) => Promise<T>,
  ): Promise<T>;
  /** A call through `client.ky` to `url` went without the token (its origin is not authorized). */
  withheld(url: string): void;
  /** A call through `client.ky` to `url` got a 401 and goes again with a new token. */
  retried(url: string): void;
  /** This tab told the other tabs, or heard from one. */
  tabMessage(direction: 'sent' | 'received', news: TabNews): void;
  /** The shared storage holds a session this tab had not seen, or none any more. */
  storageChanged(holds: 'session' | 'nothing'): void;
}

/** Where a client looks for its probe: `probe` is set while someone listens. */
export interface ProbeSlot {
  probe: Probe | null;
}

/** Each client's slot; `null` once it is destroyed. */
const slots = new WeakMap<object, ProbeSlot | null>();

/** Makes `slot` the one {@link probeSlotOf} finds for `client` (`null`: the client was destroyed). */
export function setProbeSlot(client: object, slot: ProbeSlot | null): void {
  slots.set(client, slot);
}

/**
 * The probe slot of a live client made by `createAuthClient`; `null` for a destroyed one;
 * `undefined` for anything else (a copy of a client, or one of another copy of this package).
 */
export function probeSlotOf(client: object): ProbeSlot | null | undefined {
  return slots.get(client);
}
