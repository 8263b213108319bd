import { Arg, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { Permission } from '../auth';
import type { RequestContext } from '../../common/context';
import { OrderPayload } from '../order';
import { actorAsSeenBy, viewerOf } from '../events';
import { Payment, Refund } from './payment.entity';
import { RecordPaymentInput, RefundPaymentInput } from './payment.inputs';
import { PaymentService } from './payment.service';

@Resolver(() => Payment)
export class PaymentResolver {
  constructor(private readonly payments: PaymentService) {}

  @Authorized(Permission.PAYMENT_RECORD)
  @Mutation(() => OrderPayload, { description: 'Records money received; never more than the amount due.' })
  recordPayment(@Ctx() ctx: RequestContext, @Arg('input', () => RecordPaymentInput) input: RecordPaymentInput) {
    return this.payments.recordPayment(ctx, input);
  }

  @Authorized(Permission.PAYMENT_REFUND)
  @Mutation(() => OrderPayload, { description: 'Records money given back; never more than paid and not yet refunded.' })
  refundPayment(@Ctx() ctx: RequestContext, @Arg('input', () => RefundPaymentInput) input: RefundPaymentInput) {
    return this.payments.refundPayment(ctx, input);
  }

  @FieldResolver(() => String, { description: 'Who recorded it; a partner key sees "staff" for a user.' })
  recordedBy(@Root() payment: Payment, @Ctx() ctx: RequestContext): string {
    return actorAsSeenBy(viewerOf(ctx.actor), payment.recordedBy);
  }
}

@Resolver(() => Refund)
export class RefundResolver {
  @FieldResolver(() => String, { description: 'Who recorded it; a partner key sees "staff" for a user.' })
  recordedBy(@Root() refund: Refund, @Ctx() ctx: RequestContext): string {
    return actorAsSeenBy(viewerOf(ctx.actor), refund.recordedBy);
  }
}
