import type { AuthClient } from '../AuthClient.js';
import { addListener, notifyAll } from '../client/listenerSet.js';
import { toUrl } from '../client/origins.js';
import { isProduction } from '../client/isProduction.js';
import { probeSlotOf, type ProbeSlot } from '../client/probe.js';
import type { AuthEvent, AuthEventListener } from './authEvents.js';
import { describeTransition, tabMessageKind } from './describeTransition.js';
import { grantOf, observeTokenRequest } from './observeTokenRequest.js';

/** What {@link subscribeEvents} needs of a client: every client `createAuthClient` makes has it. */
export type ObservedClient = Pick<AuthClient<never>, 'getSnapshot' | 'subscribe' | 'provider'>;

/** A client's listeners, and how to stop watching it when the last one leaves. */
interface Watch {
  readonly listeners: Set<AuthEventListener>;
  readonly stop: () => void;
}

const watches = new WeakMap<object, Watch>();

/** An origin, never the path or query of a URL (they may carry secrets). */
const originOf = (url: string): string => toUrl(url)?.origin ?? 'null';

/**
 * Calls `listener` with each {@link AuthEvent} of `client`'s token lifecycle: token requests,
 * sessions committed and ended (and why), refreshes scheduled, 401 retries, tokens withheld from
 * an origin, messages between tabs, changes of the shared storage. Returns the unsubscribe function.
 *
 * Events carry no secret: a token is shown by its last four characters at most, a URL by its
 * origin. While nobody listens, the client builds no event; an app that never imports this entry
 * point carries none of its code. A destroyed client tells nothing.
 *
 * @example
 * ```ts
 * import { subscribeEvents } from '@fx-auth/core/events'
 * const stop = subscribeEvents(client, (event) => console.debug('fx-auth', event))
 * ```
 */
export function subscribeEvents(client: ObservedClient, listener: AuthEventListener): () => void {
  const slot = probeSlotOf(client);
  if (slot === undefined && !isProduction()) {
    // eslint-disable-next-line no-console -- the point: a timeline that stays empty otherwise
    console.warn(
      'fx-auth: subscribeEvents() got a client that createAuthClient() of this copy of @fx-auth/core did not make ' +
        '(a copy of one, or two copies of the package installed): no event will come.',
    );
  }
  if (!slot) return () => undefined;
  let watch = watches.get(client);
  if (!watch) {
    watch = startWatching(client, slot);
    watches.set(client, watch);
  }
  const { listeners, stop } = watch;
  const unsubscribe = addListener(listeners, listener);
  return () => {
    unsubscribe();
    if (listeners.size > 0 || watches.get(client) !== watch) return;
    watches.delete(client);
    stop();
  };
}

/** Puts a probe in `slot` that turns what the client shows into events for the listeners. */
function startWatching(client: ObservedClient, slot: ProbeSlot): Watch {
  const listeners = new Set<AuthEventListener>();
  const emit = (event: AuthEvent): void => notifyAll(listeners, event);
  const { kind } = client.provider;
  let scheduled = client.getSnapshot().refreshAt;
  const stopSnapshots = client.subscribe(({ refreshAt }) => {
    if (refreshAt !== null && refreshAt !== scheduled) emit({ type: 'refresh_scheduled', at: Date.now(), refreshAt });
    scheduled = refreshAt;
  });
  slot.probe = {
    transition(previous, next, event) {
      const described = describeTransition(previous, next, event, Date.now());
      if (described) emit(described);
    },
    tokenRequest: (operation, transport, call) => observeTokenRequest(grantOf(kind, operation), emit, transport, call),
    withheld: (url) => emit({ type: 'token_withheld', at: Date.now(), origin: originOf(url) }),
    retried: (url) => emit({ type: 'request_retried', at: Date.now(), origin: originOf(url), status: 401 }),
    tabMessage: (direction, news) =>
      emit({
        type: direction === 'sent' ? 'tab_message_sent' : 'tab_message_received',
        at: Date.now(),
        kind: tabMessageKind(news),
      }),
    storageChanged: (holds) => emit({ type: 'storage_changed', at: Date.now(), holds }),
  };
  return {
    listeners,
    stop: () => {
      slot.probe = null;
      stopSnapshots();
    },
  };
}
