/**
 * Stock: where it is, what is promised, and every change to it. Reserved quantity is only
 * changed here, on rows locked FOR UPDATE in primary-key order (so concurrent orders neither
 * oversell nor deadlock).
 */
import { rejectNul } from '../../common/query-args';
import { LockMode, ref, type Ref } from '@mikro-orm/core';
import type { EntityManager, FilterQuery, ObjectQuery } from '@mikro-orm/postgresql';
import type { RequestContext } from '../../common/context';
import { BadRequestError, DomainError, ErrorCode, fail, UserError } from '../../common/errors';
import { sql } from '../../common/sql';
import {
  ensureStockLevel,
  LockedStockRow,
  lockStockLevels,
  resolveAndEnsureStockLevels,
  StockFilterValues,
  StockKeyRow,
  stockCount,
  stockPage,
  StockSetWrite,
  writeStockLevels,
} from './stock.sql';
import {
  dateAndId,
  fetchOrder,
  keysetWhere,
  LEGACY_LIST_CAP,
  PageArgs,
  pageOf,
  toConnection,
} from '../../common/pagination';
import type { StockRow as PlacementStockRow } from '../order/order-placement.sql';
import { Product } from '../catalog';
import { AdjustStockInput, SetStockLevelInput } from './inventory.inputs';
import type { OrderLine } from '../order/order-line.entity';
import { StockAllocation } from './stock-allocation.entity';
import { StockLevel } from './stock-level.entity';
import { DomainEvent } from '../events';
import { StockMovement, StockMovementKind } from './stock-movement.entity';
import { Warehouse } from './warehouse.entity';
import { replicaEm } from '../../common/read-replica';
import { INT4_MAX } from '../../common/limits';
import { runMutation } from '../../common/mutation';
import { BulkItemOutcome, itemError, tooManyItems, validateItems } from '../../common/bulk';
import { run } from '../../common/sql';
import { SetStockLevelResult, SetStockLevelsPayload } from './inventory.types';

/** What sourcing needs to know of a product. */
export interface SourcedProduct {
  id: string;
  sku: string;
  allowBackorder: boolean;
}

export interface AllocationRequest {
  line: OrderLine;
  product: SourcedProduct;
  /** Position of the line in the caller's input, for error paths. */
  index: number;
}

/** One stock row as sourcing and fulfilment see it: a StockLevel entity, or a locked row read with SQL. */
export interface StockCell {
  id: string;
  onHand: number;
  reserved: number;
  readonly available: number;
}

const key = (productId: string, warehouseId: string) => `${productId}:${warehouseId}`;

/** The locked stock rows of one use case, by product and warehouse. */
export class StockBook<C extends StockCell = StockCell> {
  private readonly cells = new Map<string, C>();
  constructor(entries: { productId: string; warehouseId: string; cell: C }[]) {
    for (const e of entries) this.cells.set(key(e.productId, e.warehouseId), e.cell);
  }
  get(productId: string, warehouseId: string): C | undefined {
    return this.cells.get(key(productId, warehouseId));
  }
  available(productId: string, warehouseId: string): number {
    return this.get(productId, warehouseId)?.available ?? 0;
  }
}

/** The largest value of a PostgreSQL integer (int4) column: on_hand, reserved, quantities. */

export class InventoryService {
  /** Warehouses in sourcing order: lowest priority number first, then code. */
  async warehousesBySourcingOrder(em: EntityManager): Promise<Warehouse[]> {
    return em.find(Warehouse, {}, { orderBy: { priority: 'asc', code: 'asc' } });
  }

  /** Locks the stock rows of these products (all warehouses) in primary-key order. */
  async lockStock(em: EntityManager, productIds: string[], warehouseId?: string): Promise<StockBook> {
    if (!productIds.length) return new StockBook([]);
    const where: ObjectQuery<StockLevel> = { product: { $in: productIds } };
    if (warehouseId) where.warehouse = warehouseId;
    const levels = await em.find(StockLevel, where, { lockMode: LockMode.PESSIMISTIC_WRITE, orderBy: { id: 'asc' } });
    return new StockBook(levels.map((l) => ({ productId: l.product.id, warehouseId: l.warehouse.id, cell: l })));
  }

  /**
   * The stock book of order placement, from stock rows it read and locked itself with SQL; also
   * the warehouses holding these products, in sourcing order (a warehouse without a stock row for
   * them has nothing to offer).
   */
  placementBook(rows: PlacementStockRow[]): { book: StockBook; warehouses: { id: string; code: string }[] } {
    const book = new StockBook(
      rows.map((r) => ({
        productId: r.product_id,
        warehouseId: r.warehouse_id,
        cell: {
          id: r.id,
          onHand: r.on_hand,
          reserved: r.reserved,
          get available() {
            return this.onHand - this.reserved;
          },
        },
      })),
    );
    const warehouses = new Map(
      rows.map((r) => [r.warehouse_id, { id: r.warehouse_id, code: r.code, priority: r.priority }]),
    );
    const ordered = [...warehouses.values()].sort(
      (a, b) => a.priority - b.priority || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
    );
    return { book, warehouses: ordered };
  }

  /**
   * Sourcing rule: the first warehouse (by priority) that can fill every line; otherwise each
   * line is split across warehouses by priority. Lines that cannot be filled are refused with
   * INSUFFICIENT_STOCK unless their product allows backorder (the rest then stays unallocated).
   */
  allocate(
    em: EntityManager,
    requests: AllocationRequest[],
    warehouses: { id: string }[],
    book: StockBook,
    /** The allocation's warehouse reference; placeOrder, which never persists its entities, passes a lazy one. */
    warehouseRef: (id: string) => Ref<Warehouse> = (id) => em.getReference(Warehouse, id, { wrapped: true }),
  ): StockAllocation[] {
    const made = this.planAllocation(requests, warehouses, book).map(({ request: r, warehouseId, quantity }) => {
      book.get(r.product.id, warehouseId)!.reserved += quantity;
      const allocation = new StockAllocation(ref(r.line), warehouseRef(warehouseId), quantity);
      r.line.allocations.add(allocation);
      return allocation;
    });
    // A line's allocations are read in (createdAt, id) order, and the ones made here share their
    // creation time: their (random) ids are handed out ascending, so that every later read lists
    // them in sourcing order, as they are listed now.
    const ids = made.map((a) => a.id).sort();
    made.forEach((a, i) => (a.id = ids[i]));
    return made;
  }

  /**
   * The sourcing rule of allocate() without applying it: which warehouse gives how many units of
   * each line. Throws INSUFFICIENT_STOCK (a DomainError) as allocate() does; changes nothing.
   */
  planAllocation(
    requests: AllocationRequest[],
    warehouses: { id: string }[],
    book: StockBook,
  ): { request: AllocationRequest; warehouseId: string; quantity: number }[] {
    const single = warehouses.find((w) => requests.every((r) => book.available(r.product.id, w.id) >= r.line.quantity));
    const errors: UserError[] = [];
    const plan: { request: AllocationRequest; warehouseId: string; quantity: number }[] = [];
    for (const r of requests) {
      let remaining = r.line.quantity;
      for (const w of single ? [single] : warehouses) {
        if (remaining === 0) break;
        const take = Math.min(remaining, book.available(r.product.id, w.id));
        if (take > 0) {
          plan.push({ request: r, warehouseId: w.id, quantity: take });
          remaining -= take;
        }
      }
      if (remaining > 0 && !r.product.allowBackorder) {
        const available = r.line.quantity - remaining;
        errors.push(
          new UserError(
            ErrorCode.INSUFFICIENT_STOCK,
            `Not enough stock for ${r.product.sku}: ${r.line.quantity} ordered, ${available} available`,
            ['input', 'lines', String(r.index), 'quantity'],
          ),
        );
      }
    }
    if (errors.length) throw new DomainError(errors);
    return plan;
  }

  /** The new reserved values of the stock rows that allocate() changed, for the caller to write. */
  reservedChanges(allocations: StockAllocation[], book: StockBook): { id: string; reserved: number }[] {
    const changed = new Map<string, StockCell>();
    for (const a of allocations) {
      const cell = book.get(a.orderLine.getEntity().product.id, a.warehouse.id)!;
      changed.set(cell.id, cell);
    }
    return [...changed.values()].map((c) => ({ id: c.id, reserved: c.reserved }));
  }

  /** Units of a line neither allocated to a warehouse nor shipped (a backorder). */
  unallocated(line: OrderLine): number {
    return Math.max(0, line.quantity - line.allocations.getItems().reduce((s, a) => s + a.quantity, 0));
  }

  /**
   * Allocates the unallocated units of these lines (allocations populated, stock rows locked in
   * `book`) from what is available, warehouses in sourcing order; partial allocation is fine.
   * Returns what it allocated.
   */
  allocateOutstanding(
    em: EntityManager,
    lines: OrderLine[],
    warehouses: Warehouse[],
    book: StockBook,
  ): { sku: string; warehouseCode: string; quantity: number }[] {
    const done: { sku: string; warehouseCode: string; quantity: number }[] = [];
    for (const line of lines) {
      let remaining = this.unallocated(line);
      for (const w of warehouses) {
        if (remaining === 0) break;
        const cell = book.get(line.product.id, w.id);
        const take = Math.min(remaining, cell?.available ?? 0);
        if (take <= 0) continue;
        cell!.reserved += take;
        let alloc = line.allocations.getItems().find((a) => a.warehouse.id === w.id);
        if (!alloc) {
          alloc = new StockAllocation(ref(line), em.getReference(Warehouse, w.id, { wrapped: true }), 0);
          line.allocations.add(alloc);
          em.persist(alloc);
        }
        alloc.quantity += take;
        remaining -= take;
        done.push({ sku: line.sku, warehouseCode: w.code, quantity: take });
      }
    }
    return done;
  }

  /** Gives back every unit of these lines that is reserved but not shipped. */
  release(lines: OrderLine[], book: StockBook): void {
    for (const line of lines) {
      for (const a of line.allocations) {
        const outstanding = a.quantityReserved;
        if (outstanding > 0) {
          book.get(line.product.id, a.warehouse.id)!.reserved -= outstanding;
          a.quantity = a.quantityShipped;
        }
      }
    }
  }

  /**
   * Ships `qty` units of a line from a warehouse: first the units reserved there, then (if the
   * line was backordered or allocated elsewhere) units available there, moving the reservation.
   */
  ship(
    em: EntityManager,
    line: OrderLine,
    warehouse: Warehouse,
    qty: number,
    book: StockBook,
    field: string[],
    actor: string,
    orderId: string,
  ): void {
    const level = book.get(line.product.id, warehouse.id);
    let alloc = line.allocations.getItems().find((a) => a.warehouse.id === warehouse.id);
    const fromReserved = Math.min(qty, alloc?.quantityReserved ?? 0);
    const extra = qty - fromReserved;
    if (extra > 0) {
      const available = level?.available ?? 0;
      if (available < extra) {
        fail(
          ErrorCode.INSUFFICIENT_STOCK,
          `Not enough stock of ${line.sku} in ${warehouse.code}: ${qty} to ship, ${fromReserved + available} there`,
          field,
        );
      }
      // Free the same number of units promised elsewhere: the unallocated (backordered) part first.
      const allocated = line.allocations.getItems().reduce((s, a) => s + a.quantity, 0);
      let toFree = Math.max(0, extra - (line.quantity - allocated));
      for (const other of line.allocations) {
        if (toFree === 0) break;
        if (other.warehouse.id === warehouse.id) continue;
        const give = Math.min(toFree, other.quantityReserved);
        if (give > 0) {
          book.get(line.product.id, other.warehouse.id)!.reserved -= give;
          other.quantity -= give;
          toFree -= give;
        }
      }
      if (!alloc) {
        alloc = new StockAllocation(ref(line), ref(warehouse), 0);
        line.allocations.add(alloc);
        em.persist(alloc);
      }
      alloc.quantity += extra;
    }
    level!.onHand -= qty;
    level!.reserved -= fromReserved;
    alloc!.quantityShipped += qty;
    em.persist(
      new StockMovement({
        product: line.product,
        warehouse: ref(warehouse),
        kind: StockMovementKind.SHIPMENT,
        delta: -qty,
        orderId,
        actor,
      }),
    );
  }

  /**
   * Books returned units against the warehouses they shipped from; with restock, puts them back
   * on hand there. When a line shipped from several warehouses and only part comes back, the
   * units are credited in sourcing order (lowest priority number first), so the outcome is
   * deterministic. `warehouses` must hold every warehouse, in sourcing order.
   */
  receiveReturn(
    em: EntityManager,
    line: OrderLine,
    qty: number,
    restock: boolean,
    book: StockBook,
    actor: string,
    orderId: string,
    warehouses: Warehouse[],
    reason?: string,
  ): void {
    let remaining = qty;
    const rank = new Map(warehouses.map((w, i) => [w.id, i]));
    const allocations = [...line.allocations].sort(
      (x, y) => (rank.get(x.warehouse.id) ?? 0) - (rank.get(y.warehouse.id) ?? 0),
    );
    for (const a of allocations) {
      if (remaining === 0) break;
      const take = Math.min(remaining, a.quantityShipped - a.quantityReturned);
      if (take <= 0) continue;
      a.quantityReturned += take;
      remaining -= take;
      if (restock) {
        const level = book.get(line.product.id, a.warehouse.id);
        if (!level) throw new Error(`stock level missing for ${line.sku} in a shipping warehouse`);
        level.onHand += take;
        em.persist(
          new StockMovement({
            product: line.product,
            warehouse: a.warehouse,
            kind: StockMovementKind.RETURN,
            delta: take,
            orderId,
            actor,
            reason,
          }),
        );
      }
    }
  }

  /** Changes on-hand stock by delta, never below what is reserved. */
  async adjust(
    ctx: RequestContext,
    input: AdjustStockInput,
  ): Promise<{ stockLevel?: StockLevel; userErrors: UserError[] }> {
    return runMutation(
      ctx,
      'stockLevel',
      async (em) => {
        const product = await em.findOne(Product, { sku: input.sku });
        if (!product) fail(ErrorCode.NOT_FOUND, `No product with SKU ${input.sku}`, ['input', 'sku']);
        const warehouse = await em.findOne(Warehouse, { code: input.warehouseCode });
        if (!warehouse)
          fail(ErrorCode.NOT_FOUND, `No warehouse with code ${input.warehouseCode}`, ['input', 'warehouseCode']);
        // Create the row if missing, then lock it.
        const ensure = ensureStockLevel(product!.id, warehouse!.id);
        await em.execute(ensure.text, ensure.values);
        const level = await em.findOneOrFail(
          StockLevel,
          { product: product!.id, warehouse: warehouse!.id },
          { lockMode: LockMode.PESSIMISTIC_WRITE },
        );
        if (level.onHand + input.delta < level.reserved) {
          fail(
            ErrorCode.INSUFFICIENT_STOCK,
            `Cannot adjust ${input.sku} in ${input.warehouseCode} by ${input.delta}: ${level.onHand} on hand, ${level.reserved} reserved`,
            ['input', 'delta'],
          );
        }
        // on_hand is an int4 column: past its range the database would fail the whole statement.
        if (level.onHand + input.delta > INT4_MAX) {
          fail(
            ErrorCode.INVALID_INPUT,
            `Cannot adjust ${input.sku} in ${input.warehouseCode} by ${input.delta}: on hand would be ${level.onHand + input.delta}, more than ${INT4_MAX}`,
            ['input', 'delta'],
          );
        }
        level.onHand += input.delta;
        const actor = ctx.actor?.label ?? 'system';
        em.persist(
          new StockMovement({
            product: ref(product!),
            warehouse: ref(warehouse!),
            kind: StockMovementKind.ADJUSTMENT,
            delta: input.delta,
            reason: input.reason,
            actor,
          }),
        );
        em.persist(
          new DomainEvent({
            type: 'stock.adjusted',
            aggregateType: 'stock',
            aggregateId: level.id,
            actor,
            payload: {
              sku: input.sku,
              warehouseCode: input.warehouseCode,
              delta: input.delta,
              onHand: level.onHand,
              reserved: level.reserved,
              available: level.onHand - level.reserved,
              reason: input.reason ?? null,
            },
          }),
        );
        return level;
      },
      { input },
    );
  }

  /**
   * setStockLevels: records counted on-hand units, each item on its own, by adjustStock's rules (on
   * hand never below reserved, an ADJUSTMENT movement with the reason and a stock.adjusted event
   * for each change). The valid items are written in one transaction of three statements: resolve
   * SKUs and codes and create missing stock rows; lock the rows in primary-key order (as order
   * placement does) and read what is reserved; write on hand, movements and events. An item that
   * changes nothing books no movement and no event.
   */
  async setLevels(ctx: RequestContext, input: SetStockLevelInput[]): Promise<SetStockLevelsPayload> {
    const refused = tooManyItems(input.length);
    if (refused) return { results: [], userErrors: [refused] };
    const errors = await validateItems(
      input,
      (s) => JSON.stringify([s.sku, s.warehouseCode]),
      'sku',
      (s) => `SKU ${s.sku} in warehouse ${s.warehouseCode}`,
    );
    const actor = ctx.actor?.label ?? 'system';
    const outcome = new Map<number, { level: Record<string, unknown>; outcome: BulkItemOutcome }>();
    const candidates = input.map((_, i) => i).filter((i) => !errors[i].length);
    if (candidates.length) {
      await ctx.em.transactional(async (tem) => {
        const em = tem as EntityManager;
        const keys = await run<StockKeyRow>(
          em,
          resolveAndEnsureStockLevels(
            candidates.map((i) => input[i].sku),
            candidates.map((i) => input[i].warehouseCode),
          ),
        );
        const known: { i: number; key: StockKeyRow }[] = [];
        for (const key of keys) {
          const i = candidates[key.idx - 1];
          if (!key.product_id)
            errors[i].push(itemError(ErrorCode.NOT_FOUND, i, 'sku', `No product with SKU ${input[i].sku}`));
          if (!key.warehouse_id)
            errors[i].push(
              itemError(ErrorCode.NOT_FOUND, i, 'warehouseCode', `No warehouse with code ${input[i].warehouseCode}`),
            );
          if (key.product_id && key.warehouse_id) known.push({ i, key });
        }
        if (!known.length) return;
        const locked = await run<LockedStockRow>(
          em,
          lockStockLevels(
            known.map((k) => k.key.product_id!),
            known.map((k) => k.key.warehouse_id!),
          ),
        );
        const rows = new Map(locked.map((r) => [`${r.product_id}:${r.warehouse_id}`, r]));
        const writes: (StockSetWrite & { i: number; created: boolean })[] = [];
        for (const { i, key } of known) {
          const item = input[i];
          const row = rows.get(`${key.product_id}:${key.warehouse_id}`)!;
          if (item.onHand < row.reserved) {
            errors[i].push(
              itemError(
                ErrorCode.INSUFFICIENT_STOCK,
                i,
                'onHand',
                `Cannot set ${item.sku} in ${item.warehouseCode} to ${item.onHand} on hand: ${row.reserved} reserved for orders`,
              ),
            );
            continue;
          }
          const delta = item.onHand - row.on_hand;
          if (delta === 0) {
            outcome.set(i, {
              level: row as unknown as Record<string, unknown>,
              outcome: key.created ? BulkItemOutcome.CREATED : BulkItemOutcome.UNCHANGED,
            });
            continue;
          }
          writes.push({
            i,
            created: key.created,
            stockLevelId: row.id,
            productId: row.product_id,
            warehouseId: row.warehouse_id,
            onHand: item.onHand,
            delta,
            reason: item.reason,
            // The payload adjustStock's stock.adjusted events carry.
            payload: {
              sku: item.sku,
              warehouseCode: item.warehouseCode,
              delta,
              onHand: item.onHand,
              reserved: row.reserved,
              available: item.onHand - row.reserved,
              reason: item.reason,
            },
          });
        }
        if (!writes.length) return;
        const written = new Map((await run<LockedStockRow>(em, writeStockLevels(writes, actor))).map((r) => [r.id, r]));
        for (const w of writes) {
          outcome.set(w.i, {
            level: written.get(w.stockLevelId) as unknown as Record<string, unknown>,
            outcome: w.created ? BulkItemOutcome.CREATED : BulkItemOutcome.UPDATED,
          });
        }
      });
    }
    const results = input.map((item, i) => {
      const done = outcome.get(i);
      return new SetStockLevelResult(
        {
          index: i,
          sku: item.sku,
          warehouseCode: item.warehouseCode,
          outcome: done ? done.outcome : BulkItemOutcome.REFUSED,
          userErrors: errors[i],
        },
        done && (() => ctx.em.map(StockLevel, done.level)),
      );
    });
    return { results, userErrors: [] };
  }

  /** Deprecated unpaged list: at most LEGACY_LIST_CAP rows (Query.stock pages through all). */
  async stockLevels(em: EntityManager, filter: { sku?: string; warehouseCode?: string }): Promise<StockLevel[]> {
    rejectNul(filter);
    const where: ObjectQuery<StockLevel> = {};
    if (filter.sku) where.product = { sku: filter.sku };
    if (filter.warehouseCode) where.warehouse = { code: filter.warehouseCode };
    return replicaEm(em).find(StockLevel, where, {
      orderBy: { product: { sku: 'asc' }, warehouse: { priority: 'asc', code: 'asc' } },
      limit: LEGACY_LIST_CAP,
    });
  }

  /** Stock rows, filtered, a page at a time (by SKU, then warehouse priority and code). */
  async stockConnection(em: EntityManager, args: PageArgs & { filter?: StockFilterValues | null }) {
    em = replicaEm(em);
    const filter = args.filter ?? {};
    rejectNul({ filter });
    if (filter.availableBelow != null && !Number.isInteger(filter.availableBelow))
      throw new BadRequestError('filter.availableBelow must be an integer');
    const paging = pageOf(args, 3);
    const page = stockPage(filter, paging);
    const rows = await sql<{ id: string; sku: string; priority: number; code: string }>(em, page.text, page.values);
    const levels = rows.length
      ? await em.find(StockLevel, { id: { $in: rows.map((r) => r.id) } }, { populate: ['product', 'warehouse'] })
      : [];
    const byId = new Map(levels.map((l) => [l.id, l]));
    const keys = new Map(rows.map((r) => [r.id, [r.sku, r.priority, r.code] as (string | number)[]]));
    const items = rows.map((r) => byId.get(r.id)).filter((l) => l !== undefined) as StockLevel[];
    return toConnection(
      items,
      paging,
      (l) => keys.get(l.id)!,
      async () => {
        const count = stockCount(filter);
        return (await sql<{ n: number }>(em, count.text, count.values))[0].n;
      },
    );
  }

  /** The on-hand ledger, newest first: adjustments with their reason, shipments and restocked returns. */
  async movements(em: EntityManager, args: PageArgs & { sku?: string | null; warehouseCode?: string | null }) {
    em = replicaEm(em);
    rejectNul({ sku: args.sku, warehouseCode: args.warehouseCode });
    const paging = pageOf(args, 2);
    const where: ObjectQuery<StockMovement> = {};
    if (args.sku) where.product = { sku: args.sku };
    if (args.warehouseCode) where.warehouse = { code: args.warehouseCode };
    const page: FilterQuery<StockMovement> = keysetWhere(where, ['at', 'id'], 'desc', paging, dateAndId);
    const items = await em.find(StockMovement, page, {
      orderBy: fetchOrder(['at', 'id'], 'desc', paging),
      limit: paging.limit + 1,
    });
    return toConnection(
      items,
      paging,
      (m) => [m.at.toISOString(), m.id],
      () => em.count(StockMovement, where),
    );
  }
}
