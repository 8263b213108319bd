/**
 * Order use cases: place (with sourcing and idempotency), confirm, hold, release, cancel, and
 * the order queries (the import of orders from another system is order-import.ts). Every change runs through OrderTransactions (lock, write, history, publish).
 */
import { rejectNul } from '../../common/query-args';
import { ref } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  arrayMaxSize,
  arrayMinSize,
  isEmail,
  isISO31661Alpha2,
  isUUID,
  length,
  max,
  maxLength,
  min,
} from 'class-validator';
import { can, channelScope, inChannelScope } from '../../common/access';
import type { RequestContext } from '../../common/context';
import { BadRequestError, DomainError, ErrorCode, fail, ForbiddenError, UserError } from '../../common/errors';
import { Permission } from '../auth';
import { decodeCursor, fetchDir, keysetSql, PageArgs, pageOf, toConnection } from '../../common/pagination';
import { checkLength } from '../../common/strings';
import { nulCharacterErrors, validateInput } from '../../common/validation';
import { loadFulfilmentCounts } from './order-actions.loader';
import { run, sql, SqlTransaction, transaction } from '../../common/sql';
import { channelWithCode } from '../channel';
import {
  lockExternalId,
  orderWithExternalId,
  readProductsAndLockStock,
  splitProductsAndStock,
  writePlacement,
} from './order-placement.sql';
import {
  cappedOrderCount,
  Condition,
  estimatedOrderCount,
  exactOrderCount,
  ListFilter,
  orderListConditions,
} from './order-list.sql';
import { Product } from '../catalog';
import { Channel } from '../channel';
import { Customer } from '../customer';
import { InventoryService, Warehouse } from '../inventory';
import { lazyReference } from '../../common/load-once';
import { orderEventRows } from './order-events';
import { orderResource, OrderResourceRow } from './order-resource';
import { OrderLine } from './order-line.entity';
import { OrderEventType, OrderStatus } from './order-state';
import {
  ACTION_RULES,
  allocationRefusal,
  availableActions,
  checkAllowed,
  OrderAction,
  permittedActions,
  releaseTarget,
} from './order-state-machine';
import { OrderResult, OrderTransactions } from './order-transaction';
import { Address, Order } from './order.entity';
import {
  AddressInput,
  CustomerInput,
  EditOrderInput,
  OrderFilter,
  OrderLineInput,
  OrderSort,
  PlaceOrderInput,
} from './order.inputs';
import { editOrder } from './order-edit';
import { lineTaxFromInput } from './order-tax';
import { normaliseTag, validateTag } from '../automation';
import { actorLabel } from './order-transaction';
import { OrderChangeLog } from './order-change-log';
import { replicaEm } from '../../common/read-replica';
import { INT4_MAX } from '../../common/limits';

/** How each sort orders the list and what its cursors hold (the sort key, then the id). */
const ORDER_SORTS: Record<
  OrderSort,
  {
    column: string;
    prop: 'placedAt' | 'updatedAt' | 'totalAmount';
    dir: 'asc' | 'desc';
    key: (o: Order) => string | number;
    parse: (v: unknown) => unknown;
  }
> = {
  [OrderSort.PLACED_AT_DESC]: {
    column: 'placed_at',
    prop: 'placedAt',
    dir: 'desc',
    key: (o) => o.placedAt.toISOString(),
    parse: (v) => new Date(String(v)),
  },
  [OrderSort.PLACED_AT_ASC]: {
    column: 'placed_at',
    prop: 'placedAt',
    dir: 'asc',
    key: (o) => o.placedAt.toISOString(),
    parse: (v) => new Date(String(v)),
  },
  [OrderSort.UPDATED_AT_DESC]: {
    column: 'updated_at',
    prop: 'updatedAt',
    dir: 'desc',
    key: (o) => o.updatedAt.toISOString(),
    parse: (v) => new Date(String(v)),
  },
  [OrderSort.TOTAL_DESC]: {
    column: 'total_amount',
    prop: 'totalAmount',
    dir: 'desc',
    key: (o) => o.totalAmount,
    parse: Number,
  },
  [OrderSort.TOTAL_ASC]: {
    column: 'total_amount',
    prop: 'totalAmount',
    dir: 'asc',
    key: (o) => o.totalAmount,
    parse: Number,
  },
};

/** A list's totalCount: exact, or PostgreSQL's estimate above the exact-count limit. */
interface OrderCount {
  count: number;
  isEstimate: boolean;
}

export class OrderService {
  /** Channels never change code or currency and are never deleted, so a found one is kept. */
  private readonly channels = new Map<string, { id: string; code: string; currency: string }>();

  /**
   * @param exactCountLimit up to this many matches a list's totalCount is exact, above it an
   *   estimate (OMS_EXACT_COUNT_LIMIT); 0: always exact.
   */
  constructor(
    private readonly tx: OrderTransactions,
    private readonly inventory: InventoryService,
    private readonly exactCountLimit = 10_000,
  ) {}

  private async channelByCode(em: EntityManager, code: string, trx?: SqlTransaction) {
    const known = this.channels.get(code);
    if (known) return known;
    const [channel] = trx
      ? await trx.query<{ id: string; code: string; currency: string }>(channelWithCode(code))
      : await run<{ id: string; code: string; currency: string }>(em, channelWithCode(code));
    if (channel) this.channels.set(code, channel);
    return channel;
  }

  async placeOrder(ctx: RequestContext, input: PlaceOrderInput): Promise<OrderResult> {
    // Valid input (nearly every order) is recognised by a direct check of the same rules; anything
    // else goes through class-validator, whose messages the userErrors keep.
    const invalid = isValidPlaceOrderInput(input) ? nulCharacterErrors(input) : await validateInput(input);
    const seen = new Map<string, number>();
    input?.lines?.forEach((l, i) => {
      if (seen.has(l.sku))
        invalid.push(
          new UserError(ErrorCode.INVALID_INPUT, `lines.${i}.sku: ${l.sku} is already on line ${seen.get(l.sku)}`, [
            'input',
            'lines',
            String(i),
            'sku',
          ]),
        );
      seen.set(l.sku, i);
    });
    if (invalid.length) return { userErrors: invalid };

    // The hot path of every sales channel: reads and writes are plain SQL in one transaction on
    // a pooled connection, through the pg driver only (an ORM transaction, its fork and its
    // unit of work cost several times the statements themselves); the rules stay in the entities
    // and in InventoryService.allocate. The order and its lines are built as entities (not
    // persisted: the statements write them) so that the response resolves every Order field.
    const { em } = ctx;
    const changes = new OrderChangeLog(em, actorLabel(ctx));
    let placed: { order?: Order; existingId?: string };
    try {
      placed = await transaction(em, async (trx) => {
        const channel = await this.channelByCode(em, input.channelCode, trx);
        // A partner key sees only its own channels: any other is as unknown as one that does not exist.
        if (!channel || !inChannelScope(ctx, channel.id))
          fail(ErrorCode.INVALID_INPUT, `Unknown channel ${input.channelCode}`, ['input', 'channelCode']);

        if (input.externalId) {
          // Serialise retries of the same (channel, externalId); the unique index is the backstop.
          await trx.query(lockExternalId(channel.id, input.externalId));
          const [existing] = await trx.query<{ id: string }>(orderWithExternalId(channel.id, input.externalId));
          if (existing) return { existingId: existing.id };
        }

        const read = splitProductsAndStock(
          await trx.prepared<Parameters<typeof splitProductsAndStock>[0][number]>(
            readProductsAndLockStock(input.lines.map((l) => l.sku)),
          ),
        );
        const products = read.products.map((p) => ({
          id: p.id,
          sku: p.sku,
          name: p.name,
          priceAmount: p.price_amount,
          currency: p.currency,
          allowBackorder: p.allow_backorder,
        }));
        const bySku = new Map(products.map((p) => [p.sku, p]));
        const errors: UserError[] = [];
        input.lines.forEach((l, i) => {
          const p = bySku.get(l.sku);
          if (!p)
            errors.push(
              new UserError(ErrorCode.INVALID_INPUT, `Unknown SKU ${l.sku}`, ['input', 'lines', String(i), 'sku']),
            );
          else if (l.unitPrice == null && p.currency !== channel.currency) {
            errors.push(
              new UserError(
                ErrorCode.INVALID_INPUT,
                `${l.sku} is priced in ${p.currency} but channel ${channel.code} sells in ${channel.currency}: give unitPrice`,
                ['input', 'lines', String(i), 'unitPrice'],
              ),
            );
          }
        });
        if (errors.length) throw new DomainError(errors);

        const { book, warehouses } = this.inventory.placementBook(read.stock);
        const address = Object.assign(new Address(), input.shippingAddress);
        address.country = address.country.toUpperCase();
        const order = new Order({
          number: '', // from the sequence, when the order is written
          channel: lazyReference(em, Channel, channel.id),
          customer: undefined as never,
          currency: channel.currency,
          shippingAddress: address,
          externalId: input.externalId,
          note: input.note,
          shippingAmount: input.shippingAmount,
        });

        let subtotal = 0;
        let taxTotal = 0;
        const requests = input.lines.map((l, index) => {
          const product = bySku.get(l.sku)!;
          const unitPriceAmount = l.unitPrice ?? product.priceAmount;
          subtotal += unitPriceAmount * l.quantity;
          const tax = lineTaxFromInput(unitPriceAmount * l.quantity, l);
          taxTotal += tax.taxAmount;
          const line = new OrderLine({
            order: ref(order),
            lineNo: index + 1,
            product: lazyReference(em, Product, product.id),
            sku: product.sku,
            name: product.name,
            quantity: l.quantity,
            unitPriceAmount,
            currency: channel.currency,
            taxAmount: tax.taxAmount,
            taxRate: tax.taxRate,
          });
          order.lines.add(line);
          return { line, product, index };
        });
        if (
          !Number.isSafeInteger(subtotal) ||
          !Number.isSafeInteger(taxTotal) ||
          subtotal + (input.shippingAmount ?? 0) + taxTotal > INT4_MAX
        ) {
          fail(ErrorCode.INVALID_INPUT, 'Order total is too large', ['input', 'lines']);
        }
        order.setTotals(subtotal, taxTotal);
        const allocations = this.inventory.allocate(em, requests, warehouses, book, (id) =>
          lazyReference(em, Warehouse, id),
        );
        const entry = changes.entry(order, OrderEventType.PLACED, `Order placed in ${channel.code}`, {
          toStatus: OrderStatus.PENDING,
          at: order.placedAt,
        });
        order.history.add(entry);

        const [written] = await trx.preparedAndCommit<{ number: string; customer_id: string }>(
          writePlacement({
            customer: { email: input.customer.email.trim().toLowerCase(), name: input.customer.name },
            order: orderRow(order),
            lines: requests.map(({ line }) => ({
              id: line.id,
              order_id: order.id,
              line_no: line.lineNo,
              product_id: line.product.id,
              sku: line.sku,
              name: line.name,
              quantity: line.quantity,
              unit_price_amount: line.unitPriceAmount,
              currency: line.currency,
              tax_amount: line.taxAmount,
              tax_rate: line.taxRate ?? null,
              quantity_shipped: 0,
              quantity_returned: 0,
            })),
            allocations: allocations.map((a) => ({
              id: a.id,
              order_line_id: a.orderLine.id,
              warehouse_id: a.warehouse.id,
              quantity: a.quantity,
              quantity_shipped: 0,
              quantity_returned: 0,
              created_at: a.createdAt,
            })),
            history: [
              {
                id: entry.id,
                order_id: order.id,
                type: entry.type,
                from_status: null,
                to_status: entry.toStatus,
                message: entry.message,
                actor: entry.actor,
                at: entry.at,
              },
            ],
            // The order as placed (order-resource.ts); the statement adds its number and customer.
            events: orderEventRows(
              entry,
              order,
              orderResource({
                ...(orderRow(order) as unknown as OrderResourceRow),
                number: '',
                tags: [],
                channel_code: channel.code,
                customer_id: null,
                customer_email: null,
                customer_name: null,
                lines: requests.map(({ line }) => ({
                  id: line.id,
                  line_no: line.lineNo,
                  sku: line.sku,
                  name: line.name,
                  quantity: line.quantity,
                  quantity_shipped: 0,
                  quantity_returned: 0,
                  unit_price_amount: line.unitPriceAmount,
                  tax_amount: line.taxAmount,
                  tax_rate: line.taxRate ?? null,
                })),
                shipments: [],
              }),
            ),
            stock: this.inventory.reservedChanges(allocations, book),
          }),
        );
        order.number = written.number;
        order.customer = lazyReference(em, Customer, written.customer_id);
        return { order };
      });
    } catch (e) {
      if (e instanceof DomainError) return { userErrors: e.userErrors };
      throw e;
    }
    // A retry of an order placed before: that order, as it is now (committed, so read outside the lock).
    const order = placed.order ?? (await em.findOneOrFail(Order, { id: placed.existingId! }));
    return { order, userErrors: [] };
  }

  async confirmOrder(ctx: RequestContext, id: string): Promise<OrderResult> {
    return this.tx.run(ctx, async (em, changes) => {
      const order = await this.tx.lock(em, id, ['id'], channelScope(ctx));
      checkAllowed(OrderAction.CONFIRM, order, ['id']);
      changes.transition(order, OrderStatus.CONFIRMED);
      return order;
    });
  }

  async holdOrder(ctx: RequestContext, id: string, reason: string): Promise<OrderResult> {
    const bad = checkLength(reason, ['reason'], 1, 1000);
    if (bad) return { userErrors: [bad] };
    return this.tx.run(ctx, async (em, changes) => {
      const order = await this.tx.lock(em, id, ['id'], channelScope(ctx));
      checkAllowed(OrderAction.HOLD, order, ['id']);
      order.statusBeforeHold = order.status;
      order.holdReason = reason;
      changes.transition(order, OrderStatus.ON_HOLD, reason);
      return order;
    });
  }

  async releaseOrderHold(ctx: RequestContext, id: string): Promise<OrderResult> {
    return this.tx.run(ctx, async (em, changes) => {
      const order = await this.tx.lock(em, id, ['id'], channelScope(ctx));
      checkAllowed(OrderAction.RELEASE_HOLD, order, ['id']);
      const back = releaseTarget(order);
      order.statusBeforeHold = undefined;
      order.holdReason = undefined;
      changes.transition(order, back, 'Hold released');
      return order;
    });
  }

  async cancelOrder(ctx: RequestContext, id: string, reason?: string): Promise<OrderResult> {
    const bad = reason != null ? checkLength(reason, ['reason'], 0, 1000) : undefined;
    if (bad) return { userErrors: [bad] };
    return this.tx.run(ctx, async (em, changes) => {
      const order = await this.tx.lock(em, id, ['id'], channelScope(ctx));
      checkAllowed(OrderAction.CANCEL, order, ['id']);
      const extra = ACTION_RULES[OrderAction.CANCEL].alsoNeeds?.(order);
      if (extra && !can(ctx, extra)) {
        // Thrown, not returned: the transaction rolls back and the caller gets FORBIDDEN.
        throw new ForbiddenError(`Order ${order.number} has payments; cancelling it needs ${extra}`, {
          permission: extra,
        });
      }
      await em.populate(order, ['lines.allocations']);
      const book = await this.inventory.lockStock(
        em,
        order.lines.getItems().map((l) => l.product.id),
      );
      this.inventory.release(order.lines.getItems(), book);
      order.cancelReason = reason || undefined;
      order.statusBeforeHold = undefined;
      order.holdReason = undefined;
      changes.transition(order, OrderStatus.CANCELLED, reason || undefined);
      return order;
    });
  }

  /**
   * What the caller can do to the order now (Order.availableActions), from the rules in
   * order-state-machine.ts. Shipments and lines are counted only when the answer depends on them,
   * in one statement for every order of the page (order-actions.loader.ts).
   */
  async availableActions(ctx: RequestContext, order: Order): Promise<OrderAction[]> {
    const allowed = (p: Permission) => can(ctx, p);
    const wanted = permittedActions(order, allowed);
    const counts =
      wanted.includes(OrderAction.MARK_DELIVERED) || wanted.includes(OrderAction.CREATE_RETURN)
        ? await loadFulfilmentCounts(ctx, ctx.em, order)
        : undefined;
    return availableActions(
      {
        number: order.number,
        status: order.status,
        statusBeforeHold: order.statusBeforeHold,
        totalAmount: order.totalAmount,
        paidAmount: order.paidAmount,
        refundedAmount: order.refundedAmount,
        ...counts,
      },
      allowed,
    );
  }

  /** editOrder: lines, shipping charge and address while nothing has shipped (order-edit.ts). */
  editOrder(ctx: RequestContext, input: EditOrderInput): Promise<OrderResult> {
    return editOrder(this.tx, this.inventory, ctx, input);
  }

  async addOrderNote(ctx: RequestContext, id: string, note: string): Promise<OrderResult> {
    const bad = checkLength(note, ['note'], 1, 2000);
    if (bad) return { userErrors: [bad] };
    return this.tx.run(ctx, async (em, changes) => {
      const order = await this.tx.lock(em, id, ['id'], channelScope(ctx));
      changes.record(order, OrderEventType.NOTE_ADDED, note);
      return order;
    });
  }

  /** Adds a tag (lower case); adding one the order has changes nothing and records nothing. */
  async addOrderTag(ctx: RequestContext, id: string, tag: string): Promise<OrderResult> {
    const bad = validateTag(tag, ['tag']);
    if (bad) return { userErrors: [bad] };
    const t = normaliseTag(tag);
    return this.tx.run(ctx, async (em, changes) => {
      const order = await this.tx.lock(em, id, ['id'], channelScope(ctx));
      if (order.tags.includes(t)) return order;
      if (order.tags.length >= 50) fail(ErrorCode.INVALID_INPUT, `Order ${order.number} has 50 tags already`, ['tag']);
      order.tags = [...order.tags, t].sort();
      changes.record(order, OrderEventType.TAG_ADDED, t);
      return order;
    });
  }

  async removeOrderTag(ctx: RequestContext, id: string, tag: string): Promise<OrderResult> {
    const t = normaliseTag(String(tag ?? ''));
    return this.tx.run(ctx, async (em, changes) => {
      const order = await this.tx.lock(em, id, ['id'], channelScope(ctx));
      if (!order.tags.includes(t))
        fail(ErrorCode.INVALID_INPUT, `Order ${order.number} has no tag ${JSON.stringify(t).slice(0, 60)}`, ['tag']);
      order.tags = order.tags.filter((x) => x !== t);
      changes.record(order, OrderEventType.TAG_REMOVED, t);
      return order;
    });
  }

  /** Records that an order missed its shipping SLA (order.late) and tags it "late". */
  async markOrderLate(ctx: RequestContext, id: string, message: string): Promise<OrderResult> {
    return this.tx.run(ctx, async (em, changes) => {
      const order = await this.tx.lock(em, id, ['id'], channelScope(ctx));
      if (order.tags.includes('late'))
        fail(ErrorCode.CONFLICT, `Order ${order.number} is already flagged late`, ['id']);
      order.tags = [...order.tags, 'late'].sort();
      changes.record(order, OrderEventType.MARKED_LATE, message);
      changes.record(order, OrderEventType.TAG_ADDED, 'late');
      return order;
    });
  }

  /** A history entry of an automation rule's notice or webhook (its event is rule.notified or rule.webhook). */
  async recordRuleEntry(
    ctx: RequestContext,
    id: string,
    type: OrderEventType.RULE_NOTIFIED | OrderEventType.RULE_WEBHOOK,
    message: string,
  ): Promise<OrderResult> {
    return this.tx.run(ctx, async (em, changes) => {
      const order = await this.tx.lock(em, id, ['id'], channelScope(ctx));
      changes.record(order, type, message);
      return order;
    });
  }

  /**
   * Allocates what is still unallocated on the order's lines from the stock available now
   * (warehouses in sourcing order, stock rows locked in primary-key order). Refused when nothing
   * could be allocated, so that the caller learns why.
   */
  async allocateOrder(ctx: RequestContext, id: string): Promise<OrderResult> {
    return this.tx.run(ctx, async (em, changes) => {
      const order = await this.tx.lock(em, id, ['id'], channelScope(ctx));
      const refused = allocationRefusal(order);
      if (refused) fail(refused.code, refused.message, ['id']);
      await em.populate(order, ['lines.allocations']);
      const waiting = order.lines.getItems().filter((l) => this.inventory.unallocated(l) > 0);
      if (!waiting.length) fail(ErrorCode.CONFLICT, `Order ${order.number} has every unit allocated`, ['id']);
      const book = await this.inventory.lockStock(
        em,
        waiting.map((l) => l.product.id),
      );
      const warehouses = await this.inventory.warehousesBySourcingOrder(em);
      const done = this.inventory.allocateOutstanding(em, waiting, warehouses, book);
      if (!done.length)
        fail(ErrorCode.INSUFFICIENT_STOCK, `No stock available for order ${order.number}'s unallocated units`, ['id']);
      changes.record(
        order,
        OrderEventType.STOCK_ALLOCATED,
        `Allocated ${done.map((d) => `${d.quantity} × ${d.sku} from ${d.warehouseCode}`).join(', ')}`,
      );
      return order;
    });
  }

  /** One order, by id or number; null when it does not exist or is outside the caller's channels. */
  async findOne(ctx: RequestContext, by: { id?: string | null; number?: string | null }): Promise<Order | null> {
    rejectNul(by);
    const { em } = ctx;
    const scope = channelScope(ctx);
    const inScope = scope ? { channel: { $in: [...scope] } } : {};
    if (by.id) return isUUID(by.id) ? em.findOne(Order, { id: by.id, ...inScope }) : null;
    if (by.number) return em.findOne(Order, { number: by.number, ...inScope });
    return null;
  }

  async list(ctx: RequestContext, args: PageArgs & { filter?: OrderFilter | null; sort?: OrderSort | null }) {
    const em = replicaEm(ctx.em);
    const order = ORDER_SORTS[args.sort ?? OrderSort.PLACED_AT_DESC];
    // A cursor names its sort, so one from another sort is refused rather than misread.
    const paging = pageOf(args, 3, (c, name) => {
      const cursor = decodeCursor(c, 3, name);
      if (cursor && cursor[0] !== (args.sort ?? OrderSort.PLACED_AT_DESC))
        throw new BadRequestError(`${name} is a cursor of another sort`);
      return cursor;
    });
    const limit = paging.limit;
    const filter = this.listFilter(ctx, args.filter);
    const conditions = orderListConditions(filter);
    const qb = em.createQueryBuilder(Order, 'o').select('o.*');
    for (const c of conditions) qb.andWhere(c.text, c.values);
    // The page's bounds (after, before) on the sort's keyset; a page asked with last is read backwards.
    for (const b of keysetSql([`o.${order.column}`, 'o.id'], order.dir, paging, (p) => {
      const key = order.parse(p[1]);
      if (Number.isNaN(key instanceof Date ? key.getTime() : key)) throw new Error('not a key');
      return [key, String(p[2])];
    }))
      qb.andWhere(b.text, b.values);
    const dir = fetchDir(order.dir, paging);
    qb.orderBy({ [order.prop]: dir, id: dir }).limit(limit + 1);
    const items = await qb.getResult();
    const sortName = args.sort ?? OrderSort.PLACED_AT_DESC;
    // totalCount and totalCountIsEstimate share one count, made only when a client asks for either.
    let counting: Promise<OrderCount> | undefined;
    const counted = () => (counting ??= this.countOrders(em, conditions));
    const page = toConnection(
      items,
      paging,
      (o) => [sortName, order.key(o), o.id],
      async () => (await counted()).count,
    );
    return Object.defineProperty(page, 'totalCountIsEstimate', {
      enumerable: true,
      get: async () => (await counted()).isEstimate,
    }) as typeof page & { totalCountIsEstimate: Promise<boolean> };
  }

  /**
   * The list's filter as the caller may apply it: within the caller's channels, and searching the
   * customer's e-mail and name only with CUSTOMER_READ. Shared by list() and matchingConditions().
   */
  private listFilter(ctx: RequestContext, given?: OrderFilter | null): ListFilter {
    const f = given ?? {};
    rejectNul({ filter: f });
    const scope = channelScope(ctx);
    const search = f.search?.trim();
    if (search && search.length > 200) throw new BadRequestError('filter.search must be at most 200 characters');
    return {
      status: f.status ?? undefined,
      channelCode: f.channelCode ?? undefined,
      channelIds: scope ? [...scope] : undefined,
      placedFrom: f.placedFrom ?? undefined,
      placedTo: f.placedTo ?? undefined,
      tag: f.tag ? f.tag.trim().toLowerCase() : undefined,
      search: search || undefined,
      // Without CUSTOMER_READ the customer's e-mail and name are not searched: which orders match
      // would spell them out letter by letter.
      searchCustomers: can(ctx, Permission.CUSTOMER_READ),
    };
  }

  /**
   * The conditions (on `"order" o`) of the orders the `orders` list shows the caller for `filter`,
   * whatever the page: for work over every match (bulk order jobs).
   */
  matchingConditions(ctx: RequestContext, filter?: OrderFilter | null): Condition[] {
    return orderListConditions(this.listFilter(ctx, filter));
  }

  /**
   * How many orders match: exact up to exactCountLimit (counting stops there), PostgreSQL's
   * estimate above it, since an exact count reads every match (a second or more at a million).
   */
  private async countOrders(em: EntityManager, conditions: Condition[]): Promise<OrderCount> {
    const count = async (c: Condition) => (await sql<{ n: number }>(em, c.text, c.values))[0].n;
    if (this.exactCountLimit === 0) return { count: await count(exactOrderCount(conditions)), isEstimate: false };
    const n = await count(cappedOrderCount(conditions, this.exactCountLimit + 1));
    if (n <= this.exactCountLimit) return { count: n, isEstimate: false };
    const explain = estimatedOrderCount(conditions);
    const [plan] = await sql<{ 'QUERY PLAN': [{ Plan: { 'Plan Rows': number } }] }>(em, explain.text, explain.values);
    // More than the limit match (counted): an estimate below that is known to be wrong.
    const estimate = Math.round(plan['QUERY PLAN'][0].Plan['Plan Rows']);
    return { count: Math.min(INT4_MAX, Math.max(estimate, this.exactCountLimit + 1)), isEstimate: true };
  }
}

/**
 * Whether placeOrder's input passes every class-validator rule of PlaceOrderInput and its nested
 * inputs (order.inputs.ts), checked with class-validator's own predicates; keep the two in step.
 * True only when it certainly passes: anything else (a failure, or objects that are not the
 * input classes, whose rules could differ) is left to validateInput, which words the userErrors.
 */
export function isValidPlaceOrderInput(input: PlaceOrderInput | null | undefined): boolean {
  if (!(input instanceof PlaceOrderInput)) return false;
  const optional = <T>(v: T | null | undefined, ok: (v: T) => boolean) => v == null || ok(v);
  const c = input.customer;
  const a = input.shippingAddress;
  return (
    length(input.channelCode, 1, 64) &&
    optional(input.externalId, (v) => length(v, 1, 128)) &&
    c instanceof CustomerInput &&
    isEmail(c.email, {}) &&
    maxLength(c.email, 320) &&
    optional(c.name, (v) => maxLength(v, 200)) &&
    a instanceof AddressInput &&
    optional(a.name, (v) => maxLength(v, 200)) &&
    length(a.line1, 1, 300) &&
    optional(a.line2, (v) => maxLength(v, 300)) &&
    length(a.city, 1, 200) &&
    length(a.postalCode, 1, 32) &&
    isISO31661Alpha2(a.country) &&
    arrayMinSize(input.lines, 1) &&
    arrayMaxSize(input.lines, 500) &&
    input.lines.every(
      (l) =>
        l instanceof OrderLineInput &&
        length(l.sku, 1, 64) &&
        min(l.quantity, 1) &&
        max(l.quantity, 1_000_000) &&
        optional(l.unitPrice, (v) => min(v, 0) && max(v, 1_000_000_000)) &&
        optional(l.taxAmount, (v) => min(v, 0) && max(v, INT4_MAX)) &&
        optional(l.taxRate, (v) => min(v, 0) && max(v, 100_000)),
    ) &&
    optional(input.shippingAmount, (v) => min(v, 0) && max(v, 100_000_000)) &&
    optional(input.note, (v) => maxLength(v, 2000))
  );
}

/** The columns of a new order but its number and customer; they follow the order table of the migrations. */
function orderRow(o: Order): Record<string, unknown> {
  const a = o.shippingAddress;
  return {
    id: o.id,
    channel_id: o.channel.id,
    external_id: o.externalId ?? null,
    status: o.status,
    status_before_hold: null,
    hold_reason: null,
    cancel_reason: null,
    payment_status: o.paymentStatus,
    currency: o.currency,
    subtotal_amount: o.subtotalAmount,
    shipping_amount: o.shippingAmount,
    tax_amount: o.taxAmount,
    total_amount: o.totalAmount,
    paid_amount: o.paidAmount,
    refunded_amount: o.refundedAmount,
    ship_name: a.name ?? null,
    ship_line1: a.line1,
    ship_line2: a.line2 ?? null,
    ship_city: a.city,
    ship_postal_code: a.postalCode,
    ship_country: a.country,
    note: o.note ?? null,
    placed_at: o.placedAt,
    updated_at: o.updatedAt,
  };
}
