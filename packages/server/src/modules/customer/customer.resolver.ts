/** The customer queries and the privacy mutations; the logic is CustomerQueries' (customer.service.ts). */
import { GraphQLJSONObject } from 'graphql-scalars';
import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../common/context';
import { Money } from '../../common/money';
import { Permission } from '../auth';
import { OrderConnection } from '../order';
import { Customer } from './customer.entity';
import { CustomerQueries } from './customer.service';
import { CustomerConnection, CustomerSort, EraseCustomerPayload } from './customer.types';

@Resolver(() => Customer)
export class CustomerResolver {
  constructor(private readonly service: CustomerQueries) {}

  @Authorized(Permission.CUSTOMER_READ)
  @Query(() => CustomerConnection, {
    description:
      'Customers, by name unless sorted otherwise, optionally searched by part of the e-mail or name (case-insensitive). A partner key: the customers with an order in its channels.',
  })
  customers(
    @Ctx() ctx: RequestContext,
    @Arg('first', () => Int, { nullable: true, description: '1 to 200, default 50.' }) first?: number,
    @Arg('after', () => String, { nullable: true, description: 'A cursor from the same sort.' }) after?: string,
    @Arg('search', () => String, { nullable: true }) search?: string,
    @Arg('sort', () => CustomerSort, { nullable: true, defaultValue: CustomerSort.NAME_ASC }) sort?: CustomerSort,
  ) {
    return this.service.list(ctx, { first, after, search, sort });
  }

  @Authorized(Permission.CUSTOMER_READ)
  @Query(() => Customer, {
    nullable: true,
    description: 'One customer; null when unknown or (a partner key) without an order in its channels.',
  })
  customer(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    return this.service.findOne(ctx, id);
  }

  @Authorized(Permission.CUSTOMER_READ)
  @Query(() => GraphQLJSONObject, {
    nullable: true,
    description:
      'Everything held about the customer that the caller may see, as one JSON document (GDPR access request): the customer, the addresses of its orders, the orders with lines, payments, refunds, shipments, returns and history, and their events. Null like customer(id). Audited (customer.export).',
  })
  exportCustomerData(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    return this.service.exportData(ctx, id);
  }

  @Authorized(Permission.CUSTOMER_ERASE)
  @Mutation(() => EraseCustomerPayload, {
    description:
      "Erases the customer's personal data everywhere it is kept (customer, the addresses of its orders, free text of its orders, event payloads and what webhooks send); order numbers, lines and money stay. Audited with the reason. Erasing again is harmless.",
  })
  eraseCustomer(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID) id: string,
    @Arg('reason', () => String, { description: 'Why (e.g. the request it answers); required, kept in the audit log.' })
    reason: string,
  ) {
    return this.service.erase(ctx, id, reason);
  }

  @Authorized(Permission.ORDER_READ)
  @FieldResolver(() => OrderConnection, { description: "The customer's orders the caller sees, newest first." })
  orders(
    @Root() customer: Customer,
    @Ctx() ctx: RequestContext,
    @Arg('first', () => Int, { nullable: true, description: '1 to 200, default 50.' }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ) {
    return this.service.orders(ctx, customer.id, { first, after });
  }

  @FieldResolver(() => Int, { description: 'Orders the caller sees, cancelled ones included.' })
  async orderCount(@Root() customer: Customer, @Ctx() ctx: RequestContext) {
    return (await this.service.figures(ctx, customer.id)).orderCount;
  }

  @FieldResolver(() => [Money], {
    description:
      'Per currency (sorted by code): the sum of the totals (lines + shipping, integer minor units) of the orders the caller sees that are not CANCELLED; refunds are not deducted. Empty without such orders.',
  })
  async lifetimeValue(@Root() customer: Customer, @Ctx() ctx: RequestContext) {
    return (await this.service.figures(ctx, customer.id)).lifetimeValue;
  }

  @FieldResolver(() => Date, { nullable: true, description: 'When the first order the caller sees was placed.' })
  async firstOrderAt(@Root() customer: Customer, @Ctx() ctx: RequestContext) {
    return (await this.service.figures(ctx, customer.id)).firstOrderAt;
  }

  @FieldResolver(() => Date, { nullable: true, description: 'When the last order the caller sees was placed.' })
  async lastOrderAt(@Root() customer: Customer, @Ctx() ctx: RequestContext) {
    return (await this.service.figures(ctx, customer.id)).lastOrderAt;
  }
}
