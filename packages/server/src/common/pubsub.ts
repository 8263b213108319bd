/**
 * In-process publish/subscribe for GraphQL subscriptions, fed by the event stream
 * (modules/events/event-stream.ts) after each commit, from whichever server process committed.
 */
import { createPubSub, type PubSubEventTarget } from '@graphql-yoga/subscription';
import { setMaxListeners } from 'node:events';

export interface OrderUpdatedMessage {
  orderId: string;
  channelId: string;
  historyId: string;
  /** The stream event the update stands for: subscribers remember its id to resume after it. */
  eventId: string;
  /** Its stream position (int8, as text): updates are published in this order. */
  position: string;
  /**
   * The updates published (or caught up) together. Whoever first needs their data loads it for
   * the whole batch, once; every other subscriber of this process gets the same loaded data.
   */
  batch?: SharedBatch;
}

/**
 * Data loaded once for a batch of updates and shared by every subscriber that receives them.
 * Only data: what each subscriber sees of it is decided per subscriber (its permissions, when its
 * fields are resolved).
 */
export class SharedBatch {
  private readonly memo = new Map<string, Promise<unknown>>();

  constructor(readonly messages: readonly OrderUpdatedMessage[]) {
    for (const m of messages) m.batch = this;
  }

  /** The result of `load` under `key`, computed by the first caller; a failed load is tried again by the next. */
  once<T>(key: string, load: () => Promise<T>): Promise<T> {
    let p = this.memo.get(key) as Promise<T> | undefined;
    if (!p) {
      p = load();
      this.memo.set(key, p);
      p.catch(() => this.memo.delete(key));
    }
    return p;
  }
}

/** The message without its batch: what a subscriber keeps while it lags (see order-feed.ts). */
export const unshared = ({ batch: _batch, ...m }: OrderUpdatedMessage): OrderUpdatedMessage => m;

export type OmsPubSub = ReturnType<typeof createOmsPubSub>;

type OmsPubSubEvents = { ORDER_UPDATED: [OrderUpdatedMessage] };

export function createOmsPubSub() {
  // One listener per subscription: thousands are expected, not a leak.
  const eventTarget = new EventTarget();
  setMaxListeners(0, eventTarget);
  return createPubSub<OmsPubSubEvents>({ eventTarget: eventTarget as PubSubEventTarget<OmsPubSubEvents> });
}

export const ORDER_UPDATED = 'ORDER_UPDATED';
