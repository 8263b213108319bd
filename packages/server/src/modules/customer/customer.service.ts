/**
 * Customers by e-mail. Every customer is created or updated through the one conflict rule of
 * customer.sql.ts: by `upsert` here (the customer import and the order import), and by order
 * placement's statement, which embeds the same SQL (customerUpsertSql).
 *
 * Also the customer queries (list, one customer with its figures and orders), the export of
 * everything held about a customer and its erasure (GDPR); docs/customers.md. A partner key
 * limited to channels sees a customer only if it has an order in one of them, and only those
 * orders (the same rule as the orders list and the customers export).
 */
import { isEmail, isUUID } from 'class-validator';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { FilterQuery } from '@mikro-orm/core';
import { channelScope } from '../../common/access';
import type { RequestContext } from '../../common/context';
import { BadRequestError, ErrorCode, fail, UserError } from '../../common/errors';
import { Money } from '../../common/money';
import { runMutation } from '../../common/mutation';
import { decodeCursor, pageSize, toConnection } from '../../common/pagination';
import { rejectNul } from '../../common/query-args';
import { replicaEm } from '../../common/read-replica';
import { run } from '../../common/sql';
import { recordAudit } from '../auth';
import { actorAsSeenBy, eventPayloadAsSeenBy, historyMessageAsSeenBy, viewerOf } from '../events';
import { Order } from '../order';
import { Customer } from './customer.entity';
import {
  customerCount,
  customerExportEvents,
  customerExportOrders,
  customerFigures,
  customerInScope,
  customerOrderTerms,
  customerPage,
  CustomerSortKey,
  eraseCustomerRow,
  eraseEventPayloads,
  eraseEventResources,
  eraseOrderRows,
  eraseOrderText,
  erasureTargets,
  lockCustomerForErasure,
  upsertCustomer,
} from './customer.sql';
import { CustomerSort } from './customer.types';

export type CustomerUpsertOutcome = 'created' | 'updated' | 'unchanged';

/** An e-mail as customers are keyed: trimmed, lower-case. */
export function normaliseEmail(email: string): string {
  return (email ?? '').trim().toLowerCase();
}

export class CustomerService {
  /**
   * Creates the customer with this e-mail, or gives it the name (see customer.sql.ts for the
   * rule: a missing name leaves the stored one). `unchanged` when it exists and nothing changed,
   * so a re-run changes nothing. In the caller's transaction.
   */
  async upsert(
    ctx: Pick<RequestContext, 'em'>,
    input: { email: string; name?: string | null },
  ): Promise<{ id?: string; outcome?: CustomerUpsertOutcome; userErrors: UserError[] }> {
    const email = normaliseEmail(input.email);
    if (!isEmail(email) || email.length > 320)
      return {
        userErrors: [new UserError(ErrorCode.INVALID_INPUT, 'email must be a valid e-mail address', ['email'])],
      };
    if (input.name && input.name.length > 200)
      return { userErrors: [new UserError(ErrorCode.INVALID_INPUT, 'name must be at most 200 characters', ['name'])] };
    const name = input.name || null;
    const [row] = await run<{ id: string; existed: boolean; old_name: string | null }>(
      ctx.em,
      upsertCustomer(email, name),
    );
    const outcome: CustomerUpsertOutcome = !row.existed
      ? 'created'
      : name !== null && name !== row.old_name
        ? 'updated'
        : 'unchanged';
    return { id: row.id, outcome, userErrors: [] };
  }
}

/** A customer's figures over the orders the caller sees (customer.sql.ts, customerFigures, has the rule). */
export interface CustomerFigures {
  orderCount: number;
  lifetimeValue: Money[];
  firstOrderAt: Date | null;
  lastOrderAt: Date | null;
}

const NO_ORDERS: CustomerFigures = { orderCount: 0, lifetimeValue: [], firstOrderAt: null, lastOrderAt: null };

const SORT_KEYS: Record<CustomerSort, CustomerSortKey> = {
  [CustomerSort.NAME_ASC]: 'NAME',
  [CustomerSort.EMAIL_ASC]: 'EMAIL',
};

/** Terms shorter than this are not erased from free text (they would hit unrelated words). */
const MIN_TERM_LENGTH = 3;

/** A value as it is written inside a JSON string (PostgreSQL's jsonb text and JSON.stringify escape alike). */
const inJson = (s: string) => JSON.stringify(s).slice(1, -1);

/**
 * A case-insensitive PostgreSQL regular expression matching any of the terms literally (every
 * character but letters, digits and spaces escaped), a term that starts or ends with a letter or
 * digit only as a whole word there; null for no term.
 */
export function erasurePattern(terms: string[]): string | null {
  if (!terms.length) return null;
  const word = /^[\p{L}\p{N}]$/u;
  return terms
    .map((t) => {
      const body = t.replace(/[^\p{L}\p{N} ]/gu, (c) => '\\' + c);
      return `${word.test(t[0]) ? '\\m' : ''}${body}${word.test(t[t.length - 1]) ? '\\M' : ''}`;
    })
    .join('|');
}

/** The terms to erase: distinct case-insensitively, long enough, longest first (so a longer one wins over its part). */
export function erasureTerms(values: (string | null | undefined)[]): string[] {
  const seen = new Map<string, string>();
  for (const v of values) {
    const t = v?.trim();
    if (t && t.length >= MIN_TERM_LENGTH && !seen.has(t.toLowerCase())) seen.set(t.toLowerCase(), t);
  }
  return [...seen.values()].sort((a, b) => b.length - a.length || a.localeCompare(b));
}

/** Reads and privacy operations on customers; see the file comment. */
export class CustomerQueries {
  /** Figures per request, filled by the list for its page at once, so each row costs no query of its own. */
  private readonly figureCache = new WeakMap<object, Map<string, () => Promise<CustomerFigures>>>();

  private scopeOf(ctx: RequestContext): string[] | null {
    const scope = channelScope(ctx);
    return scope ? [...scope] : null;
  }

  async list(
    ctx: RequestContext,
    args: { first?: number | null; after?: string | null; search?: string | null; sort?: CustomerSort | null },
  ) {
    const em = replicaEm(ctx.em);
    rejectNul({ search: args.search });
    const limit = pageSize(args.first);
    const sortName = args.sort ?? CustomerSort.NAME_ASC;
    const cursor = decodeCursor(args.after, 3);
    if (cursor && (cursor[0] !== sortName || typeof cursor[1] !== 'string' || !isUUID(String(cursor[2]))))
      throw new BadRequestError(
        cursor[0] !== sortName ? 'after is a cursor of another sort' : 'after is not a valid cursor',
      );
    const search = args.search?.trim() || undefined;
    if (search && search.length > 200) throw new BadRequestError('search must be at most 200 characters');
    const channelIds = this.scopeOf(ctx);
    const rows = await run<Record<string, unknown> & { sort_key: string }>(
      em,
      customerPage({
        search,
        channelIds,
        sort: SORT_KEYS[sortName],
        after: cursor ? [String(cursor[1]), String(cursor[2])] : undefined,
        limit: limit + 1,
      }),
    );
    const keys = new Map<string, string>();
    const items = rows.map(({ sort_key, ...row }) => {
      const c = em.map(Customer, row);
      keys.set(c.id, sort_key);
      return c;
    });
    this.preloadFigures(
      ctx,
      items.slice(0, limit).map((c) => c.id),
    );
    return toConnection(
      items,
      limit,
      (c) => [sortName, keys.get(c.id)!, c.id],
      async () => (await run<{ n: number }>(em, customerCount({ search, channelIds })))[0].n,
    );
  }

  /** One customer; null when unknown, not a uuid, or outside the caller's channels (indistinguishable). */
  async findOne(ctx: RequestContext, id: string): Promise<Customer | null> {
    rejectNul({ id });
    if (!isUUID(id)) return null;
    const [row] = await run(ctx.em, customerInScope(id, this.scopeOf(ctx)));
    return row ? ctx.em.map(Customer, row) : null;
  }

  /** The figures of one customer; for a customer of a list page, loaded with the whole page in one query. */
  figures(ctx: RequestContext, customerId: string): Promise<CustomerFigures> {
    const cache = this.cacheOf(ctx);
    if (!cache.has(customerId)) this.preloadFigures(ctx, [customerId]);
    return cache.get(customerId)!();
  }

  private cacheOf(ctx: RequestContext) {
    let cache = this.figureCache.get(ctx);
    if (!cache) this.figureCache.set(ctx, (cache = new Map()));
    return cache;
  }

  /** Registers these customers' figures as one batch, queried when the first of them is asked for (never when none is). */
  private preloadFigures(ctx: RequestContext, ids: string[]): void {
    const cache = this.cacheOf(ctx);
    const missing = ids.filter((id) => !cache.has(id));
    if (!missing.length) return;
    let loading: Promise<Map<string, CustomerFigures>> | undefined;
    const load = () =>
      (loading ??= run<{
        customer_id: string;
        order_count: number;
        first_order_at: string | Date;
        last_order_at: string | Date;
        lifetime_value: { amount: number | string; currency: string }[];
      }>(replicaEm(ctx.em), customerFigures(missing, this.scopeOf(ctx))).then(
        (rows) =>
          new Map(
            rows.map((r) => [
              r.customer_id,
              {
                orderCount: r.order_count,
                firstOrderAt: new Date(r.first_order_at),
                lastOrderAt: new Date(r.last_order_at),
                lifetimeValue: r.lifetime_value.map((v) => new Money(Number(v.amount), v.currency)),
              },
            ]),
          ),
      ));
    for (const id of missing) cache.set(id, async () => (await load()).get(id) ?? NO_ORDERS);
  }

  /** The customer's orders the caller sees, newest first. */
  async orders(ctx: RequestContext, customerId: string, args: { first?: number | null; after?: string | null }) {
    const em = replicaEm(ctx.em);
    const limit = pageSize(args.first);
    const cursor = decodeCursor(args.after, 2);
    if (cursor && (Number.isNaN(Date.parse(String(cursor[0]))) || !isUUID(String(cursor[1]))))
      throw new BadRequestError('after is not a valid cursor');
    const scope = this.scopeOf(ctx);
    const where: FilterQuery<Order> = { customer: customerId, ...(scope ? { channel: { $in: scope } } : {}) };
    const page: FilterQuery<Order> = cursor
      ? {
          ...where,
          $or: [
            { placedAt: { $lt: new Date(String(cursor[0])) } },
            { placedAt: new Date(String(cursor[0])), id: { $lt: String(cursor[1]) } },
          ],
        }
      : where;
    const items = await em.find(Order, page, { orderBy: { placedAt: 'desc', id: 'desc' }, limit: limit + 1 });
    const connection = toConnection(
      items,
      limit,
      (o) => [o.placedAt.toISOString(), o.id],
      () => em.count(Order, where),
    );
    // The count is exact (one customer's orders): made only if a client asks for totalCount.
    return Object.assign(connection, { totalCountIsEstimate: false });
  }

  /**
   * Everything held about the customer that the caller may see, as one JSON object: the customer
   * row, the addresses written on its orders, the orders with lines, payments, refunds,
   * shipments, returns and history, and the events of those orders (and, for a caller of every
   * channel, any other event whose payload mentions the e-mail). Payments, refunds and payment
   * details in history and events follow PAYMENT_READ as everywhere else (null without it, listed
   * in `omitted`). Null when the customer is unknown or out of scope. Audited (customer.export).
   */
  async exportData(ctx: RequestContext, id: string): Promise<Record<string, unknown> | null> {
    const customer = await this.findOne(ctx, id);
    if (!customer) return null;
    const channelIds = this.scopeOf(ctx);
    const viewer = viewerOf(ctx.actor);
    const orders = await run<Record<string, unknown> & { id: string; shippingAddress: Record<string, unknown> }>(
      ctx.em,
      customerExportOrders(customer.id, channelIds),
    );
    const events = await run<{ payload: Record<string, unknown>; actor: string }>(
      ctx.em,
      customerExportEvents(
        orders.map((o) => o.id),
        // Mentions elsewhere only for a caller of every channel, and not of an erased customer's placeholder.
        !channelIds && !customer.erasedAt ? inJson(customer.email) : null,
      ),
    );
    const addresses = new Map<string, Record<string, unknown>>();
    for (const o of orders) addresses.set(JSON.stringify(o.shippingAddress), o.shippingAddress);
    const history = (h: { type: string; message: string | null; actor: string }) => ({
      ...h,
      message: historyMessageAsSeenBy(viewer, h.type, h.message),
      actor: actorAsSeenBy(viewer, h.actor),
    });
    const data = {
      exportedAt: new Date().toISOString(),
      customer: {
        id: customer.id,
        email: customer.email,
        name: customer.name ?? null,
        createdAt: customer.createdAt,
        erasedAt: customer.erasedAt ?? null,
      },
      addresses: [...addresses.values()],
      orders: orders.map((o) => ({
        ...o,
        payments: viewer.payments ? o.payments : null,
        refunds: viewer.payments ? o.refunds : null,
        history: (o.history as Parameters<typeof history>[0][]).map(history),
      })),
      events: events.map((e) => ({
        ...e,
        actor: actorAsSeenBy(viewer, e.actor),
        payload: eventPayloadAsSeenBy(viewer, e.payload),
      })),
      omitted: viewer.payments ? [] : ['payments', 'refunds', 'payment details (PAYMENT_READ)'],
    };
    await ctx.em.transactional(async (em) =>
      recordAudit(em as EntityManager, ctx, 'customer.export', 'customer', customer.id, {
        orders: orders.length,
        events: events.length,
        ...(channelIds ? { channelIds } : {}),
      }),
    );
    return data;
  }

  /**
   * Erases the customer's personal data everywhere it is kept (customer.sql.ts, "Erasure"): the
   * customer row (placeholder e-mail, no name, erasedAt), the shipping addresses of its orders,
   * the customer's terms (e-mail, names, address lines) in free text of its orders (note, hold
   * and cancel reasons, history messages, refund and return reasons), in event payloads (which
   * webhook deliveries send) and in the receivers' response excerpts. Order numbers, statuses,
   * lines and money stay. One transaction, the customer row locked first; erasing again changes
   * nothing more (alreadyErased). Audited (customer.erase, with the reason and the counts, never
   * the personal data).
   */
  async erase(ctx: RequestContext, id: string, reason: string) {
    if (typeof reason !== 'string' || !reason.trim())
      return { userErrors: [new UserError(ErrorCode.INVALID_INPUT, 'reason is required', ['reason'])] };
    if (reason.length > 1000)
      return {
        userErrors: [new UserError(ErrorCode.INVALID_INPUT, 'reason must be at most 1000 characters', ['reason'])],
      };
    rejectNul({ id, reason });
    let alreadyErased = false;
    const result = await runMutation(ctx, 'customer', async (em) => {
      const notFound = () => fail(ErrorCode.NOT_FOUND, `Unknown customer ${id.slice(0, 64)}`, ['id']);
      if (!isUUID(id)) notFound();
      const scope = this.scopeOf(ctx);
      if (scope && !(await run(em, customerInScope(id, scope))).length) notFound();
      const [locked] = await run<{ id: string; email: string; name: string | null; erased_at: Date | null }>(
        em,
        lockCustomerForErasure(id),
      );
      if (!locked) notFound();
      alreadyErased = !!locked.erased_at;
      const orderTerms = (await run<{ t: string }>(em, customerOrderTerms(id))).map((r) => r.t);
      const terms = erasureTerms(alreadyErased ? orderTerms : [locked.email, locked.name, ...orderTerms]);
      const pattern = erasurePattern(terms);
      const jsonPattern = erasurePattern(terms.map(inJson));
      const [targets] = await run<{ order_ids: string[]; event_ids: string[] }>(
        em,
        // The e-mail is looked for in payloads only on the first erasure: after it, it is the placeholder.
        erasureTargets(id, alreadyErased ? null : inJson(locked.email)),
      );
      const counts = { orders: targets.order_ids.length, history: 0, refunds: 0, returns: 0, events: 0, attempts: 0 };
      await run(em, eraseOrderRows(id, pattern));
      if (pattern && targets.order_ids.length) {
        const [text] = await run<{ history: number; refunds: number; returns: number }>(
          em,
          eraseOrderText(targets.order_ids, pattern),
        );
        Object.assign(counts, text);
      }
      if (pattern && jsonPattern && targets.event_ids.length) {
        const [ev] = await run<{ events: number; attempts: number }>(
          em,
          eraseEventPayloads(targets.event_ids, jsonPattern, pattern),
        );
        Object.assign(counts, ev);
      }
      if (targets.order_ids.length) await run(em, eraseEventResources(targets.order_ids, id));
      await run(em, eraseCustomerRow(id));
      recordAudit(em, ctx, 'customer.erase', 'customer', id, { reason: reason.trim(), alreadyErased, ...counts });
      await em.flush();
      const [row] = await run(em, customerInScope(id, null));
      return em.map(Customer, row);
    });
    return { ...result, alreadyErased: result.customer ? alreadyErased : null };
  }
}
