/**
 * In-process publish/subscribe for GraphQL subscriptions, fed by the event stream
 * (modules/events/event-stream.ts) after each commit, from whichever server process committed.
 */
import { createPubSub } from '@graphql-yoga/subscription';

export interface OrderUpdatedMessage {
  orderId: string;
  channelId: string;
  historyId: string;
  /** The stream event the update stands for: subscribers remember its id to resume after it. */
  eventId: string;
  /** Its stream position, (txId, seq): updates are published in this order. */
  txId: string;
  seq: number;
}

export type OmsPubSub = ReturnType<typeof createOmsPubSub>;

export function createOmsPubSub() {
  return createPubSub<{ ORDER_UPDATED: [OrderUpdatedMessage] }>();
}

export const ORDER_UPDATED = 'ORDER_UPDATED';
