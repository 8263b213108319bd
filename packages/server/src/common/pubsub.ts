/**
 * In-process publish/subscribe for GraphQL subscriptions. Services publish only after their
 * transaction has committed, so subscribers never see a change that was rolled back.
 */
import { createPubSub } from '@graphql-yoga/subscription';

export interface OrderUpdatedMessage {
  orderId: string;
  channelId: string;
  historyId: string;
}

export type OmsPubSub = ReturnType<typeof createOmsPubSub>;

export function createOmsPubSub() {
  return createPubSub<{ ORDER_UPDATED: [OrderUpdatedMessage] }>();
}

export const ORDER_UPDATED = 'ORDER_UPDATED';
