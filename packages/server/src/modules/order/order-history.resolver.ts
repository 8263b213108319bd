/**
 * An order's history rendered for the caller (the order's history, mutation payloads and the
 * orderUpdated subscription alike): payment details only with PAYMENT_READ, staff e-mails only
 * to staff (see modules/events/event-redaction.ts).
 */
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../common/context';
import { actorAsSeenBy, historyMessageAsSeenBy, viewerOf } from '../events';
import { OrderHistoryEntry } from './order-history.entity';

@Resolver(() => OrderHistoryEntry)
export class OrderHistoryResolver {
  @FieldResolver(() => String, {
    nullable: true,
    description: 'Payments and refunds read "Payment recorded" / "Refund recorded" without PAYMENT_READ.',
  })
  message(@Root() entry: OrderHistoryEntry, @Ctx() ctx: RequestContext): string | null {
    return historyMessageAsSeenBy(viewerOf(ctx.actor), entry.type, entry.message);
  }

  @FieldResolver(() => String, {
    description:
      'Who did it: "user:<email>", "key:<name> (<prefix>)", "rule:<key>" or "system". A partner key sees its own label, "staff" for a user and "partner" for another key.',
  })
  actor(@Root() entry: OrderHistoryEntry, @Ctx() ctx: RequestContext): string {
    return actorAsSeenBy(viewerOf(ctx.actor), entry.actor);
  }
}
