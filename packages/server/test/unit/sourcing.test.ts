/**
 * Sourcing without a database: which warehouses an order's lines are allocated from
 * (InventoryService.allocate, placementBook, allocateOutstanding) and how returned units are
 * credited back. The rows that order placement locks with SQL are given here as plain stock rows;
 * MikroORM is set up without connecting (`connect: false`) only so that entities and references
 * can be made, and nothing is flushed. test/sourcing.e2e.test.ts runs the same rules through the API.
 */
import 'reflect-metadata';
import { MikroORM } from '@mikro-orm/postgresql';
import type { EntityManager } from '@mikro-orm/postgresql';
import { DomainError, ErrorCode } from '../../src/common/errors';
import { ormOptions } from '../../src/config/mikro-orm.config';
import { Product } from '../../src/modules/catalog/product.entity';
import {
  AllocationRequest,
  InventoryService,
  SourcedProduct,
  StockBook,
} from '../../src/modules/inventory/inventory.service';
import { Warehouse } from '../../src/modules/inventory/warehouse.entity';
import { OrderLine } from '../../src/modules/order/order-line.entity';
import { Order } from '../../src/modules/order/order.entity';
import type { StockRow } from '../../src/modules/order/order-placement.sql';

let orm: MikroORM;
let em: EntityManager;
const inventory = new InventoryService();

beforeAll(async () => {
  orm = await MikroORM.init({ ...ormOptions('postgres://127.0.0.1:1/no-database'), connect: false });
});
afterAll(() => orm.close());
beforeEach(() => {
  em = orm.em.fork();
});

/** Warehouses by code with their priority (lower is sourced first). */
const WAREHOUSES: Record<string, number> = { NORTH: 1, SOUTH: 2, EAST: 2, WEST: 3 };
const product = (sku: string, allowBackorder = false): SourcedProduct => ({ id: `p-${sku}`, sku, allowBackorder });

/** Stock rows as order placement reads them: `{ 'A@NORTH': [onHand, reserved] }`. */
function rows(stock: Record<string, [number, number]>): StockRow[] {
  return Object.entries(stock).map(([k, [onHand, reserved]]) => {
    const [sku, code] = k.split('@');
    return {
      id: `s-${k}`,
      product_id: `p-${sku}`,
      warehouse_id: `w-${code}`,
      on_hand: onHand,
      reserved,
      priority: WAREHOUSES[code],
      code,
    };
  });
}

function line(sku: string, quantity: number): OrderLine {
  return new OrderLine({
    order: em.getReference(Order, 'o-1', { wrapped: true }),
    lineNo: 1,
    product: em.getReference(Product, `p-${sku}`, { wrapped: true }),
    sku,
    name: sku,
    quantity,
    unitPriceAmount: 100,
    currency: 'EUR',
  });
}

/** The allocations of each line as `CODE:qty`, and the book's reserved units per stock row. */
const shape = (requests: AllocationRequest[]) =>
  requests.map((r) => r.line.allocations.getItems().map((a) => `${a.warehouse.id.slice(2)}:${a.quantity}`));
const reserved = (book: StockBook, cells: string[]) =>
  Object.fromEntries(
    cells.map((k) => {
      const [sku, code] = k.split('@');
      return [k, book.get(`p-${sku}`, `w-${code}`)?.reserved];
    }),
  );

/** Places lines `[sku, quantity, allowBackorder?]` against the stock: the allocations per line, or the refusal. */
function place(stock: Record<string, [number, number]>, lines: [string, number, boolean?][]) {
  const { book, warehouses } = inventory.placementBook(rows(stock));
  const requests = lines.map(([sku, qty, backorder], index) => ({
    line: line(sku, qty),
    product: product(sku, backorder),
    index,
  }));
  try {
    const allocations = inventory.allocate(em, requests, warehouses, book);
    return { allocations: shape(requests), changes: inventory.reservedChanges(allocations, book), book };
  } catch (e) {
    if (!(e instanceof DomainError)) throw e;
    return { errors: e.userErrors, book, lines: shape(requests) };
  }
}

describe('placementBook', () => {
  test('warehouses in sourcing order (priority, then code), each once; available is on hand less reserved', () => {
    const { book, warehouses } = inventory.placementBook(
      rows({ 'A@WEST': [5, 0], 'A@SOUTH': [5, 1], 'B@EAST': [3, 3], 'B@NORTH': [9, 2], 'A@NORTH': [1, 0] }),
    );
    expect(warehouses.map((w) => w.code)).toEqual(['NORTH', 'EAST', 'SOUTH', 'WEST']);
    expect([
      book.available('p-A', 'w-SOUTH'),
      book.available('p-B', 'w-EAST'),
      book.available('p-B', 'w-NORTH'),
      book.available('p-B', 'w-WEST'),
    ]).toEqual([4, 0, 7, 0]);
    // available follows reserved as allocation changes it
    book.get('p-A', 'w-SOUTH')!.reserved += 4;
    expect(book.available('p-A', 'w-SOUTH')).toBe(0);
  });
});

describe('allocate', () => {
  test('the first warehouse by priority that can fill every line takes the whole order', () => {
    const r = place({ 'A@NORTH': [10, 0], 'B@NORTH': [10, 0], 'A@SOUTH': [10, 0], 'B@SOUTH': [10, 0] }, [
      ['A', 2],
      ['B', 3],
    ]);
    expect(r.allocations).toEqual([['NORTH:2'], ['NORTH:3']]);
    expect(r.changes).toEqual([
      { id: 's-A@NORTH', reserved: 2 },
      { id: 's-B@NORTH', reserved: 3 },
    ]);
  });

  test('a lower-priority warehouse that can fill every line wins over splitting the order', () => {
    // NORTH has all of A but not enough B; SOUTH has both: one shipment from SOUTH.
    const r = place({ 'A@NORTH': [10, 0], 'B@NORTH': [1, 0], 'A@SOUTH': [5, 0], 'B@SOUTH': [5, 0] }, [
      ['A', 2],
      ['B', 3],
    ]);
    expect(r.allocations).toEqual([['SOUTH:2'], ['SOUTH:3']]);
  });

  test('what is reserved is not available: a warehouse whose stock is promised is passed over', () => {
    const r = place({ 'A@NORTH': [10, 9], 'A@SOUTH': [10, 0] }, [['A', 2]]);
    expect(r.allocations).toEqual([['SOUTH:2']]);
  });

  test('ties in priority go to the code that sorts first', () => {
    expect(place({ 'A@SOUTH': [5, 0], 'A@EAST': [5, 0] }, [['A', 2]]).allocations).toEqual([['EAST:2']]);
  });

  test('when no warehouse can fill every line, each line is split across warehouses in priority order', () => {
    const r = place({ 'A@NORTH': [2, 0], 'A@SOUTH': [1, 0], 'A@WEST': [4, 0], 'B@WEST': [1, 0] }, [
      ['A', 6],
      ['B', 1],
    ]);
    expect(r.allocations).toEqual([['NORTH:2', 'SOUTH:1', 'WEST:3'], ['WEST:1']]);
    expect(reserved(r.book, ['A@NORTH', 'A@SOUTH', 'A@WEST', 'B@WEST'])).toEqual({
      'A@NORTH': 2,
      'A@SOUTH': 1,
      'A@WEST': 3,
      'B@WEST': 1,
    });
  });

  test('not enough stock anywhere: every short line is refused at its quantity, and nothing is reserved', () => {
    const r = place({ 'A@NORTH': [2, 0], 'A@SOUTH': [1, 1], 'B@NORTH': [5, 0], 'C@WEST': [1, 0] }, [
      ['A', 3],
      ['B', 5],
      ['C', 2],
    ]);
    expect(r.errors).toEqual([
      {
        code: ErrorCode.INSUFFICIENT_STOCK,
        message: 'Not enough stock for A: 3 ordered, 2 available',
        field: ['input', 'lines', '0', 'quantity'],
      },
      {
        code: ErrorCode.INSUFFICIENT_STOCK,
        message: 'Not enough stock for C: 2 ordered, 1 available',
        field: ['input', 'lines', '2', 'quantity'],
      },
    ]);
    expect(reserved(r.book, ['A@NORTH', 'A@SOUTH', 'B@NORTH', 'C@WEST'])).toEqual({
      'A@NORTH': 0,
      'A@SOUTH': 1,
      'B@NORTH': 0,
      'C@WEST': 0,
    });
    expect(r.lines).toEqual([[], [], []]);
  });

  test('a product without any stock row has nothing available', () => {
    expect(place({ 'A@NORTH': [5, 0] }, [['Z', 1]]).errors?.map((e) => e.message)).toEqual([
      'Not enough stock for Z: 1 ordered, 0 available',
    ]);
  });

  test('a backorderable product takes what there is and leaves the rest unallocated', () => {
    const r = place({ 'A@NORTH': [1, 0], 'A@SOUTH': [2, 0], 'B@NORTH': [5, 0] }, [
      ['A', 5, true],
      ['B', 1],
      ['C', 4, true],
    ]);
    expect(r.allocations).toEqual([['NORTH:1', 'SOUTH:2'], ['NORTH:1'], []]);
    expect(inventory.unallocated(line('A', 5))).toBe(5);
  });
});

describe('after placement', () => {
  const warehouses = () =>
    Object.entries(WAREHOUSES)
      .map(([code, priority]) => Object.assign(new Warehouse(code, code, priority), { id: `w-${code}` }))
      .sort((a, b) => a.priority - b.priority || a.code.localeCompare(b.code));

  test('allocateOutstanding fills what is still unallocated in sourcing order, adding to an existing allocation', () => {
    const { book, warehouses: ws } = inventory.placementBook(rows({ 'A@NORTH': [1, 0], 'A@SOUTH': [0, 0] }));
    const l = line('A', 5);
    inventory.allocate(em, [{ line: l, product: product('A', true), index: 0 }], ws, book);
    expect(inventory.unallocated(l)).toBe(4);
    // Stock arrives: 2 more in NORTH, 3 in SOUTH.
    book.get('p-A', 'w-NORTH')!.onHand += 2;
    book.get('p-A', 'w-SOUTH')!.onHand += 3;
    const done = inventory.allocateOutstanding(em, [l], warehouses(), book);
    expect(done).toEqual([
      { sku: 'A', warehouseCode: 'NORTH', quantity: 2 },
      { sku: 'A', warehouseCode: 'SOUTH', quantity: 2 },
    ]);
    expect(l.allocations.getItems().map((a) => `${a.warehouse.id}:${a.quantity}`)).toEqual(['w-NORTH:3', 'w-SOUTH:2']);
    expect(inventory.unallocated(l)).toBe(0);
    expect(reserved(book, ['A@NORTH', 'A@SOUTH'])).toEqual({ 'A@NORTH': 3, 'A@SOUTH': 2 });
  });

  test('release gives back every reserved unit not yet shipped', () => {
    const { book, warehouses: ws } = inventory.placementBook(rows({ 'A@NORTH': [2, 0], 'A@SOUTH': [2, 0] }));
    const l = line('A', 4);
    inventory.allocate(em, [{ line: l, product: product('A'), index: 0 }], ws, book);
    l.allocations.getItems()[0].quantityShipped = 1; // one unit left NORTH
    inventory.release([l], book);
    expect(l.allocations.getItems().map((a) => `${a.warehouse.id}:${a.quantity}`)).toEqual(['w-NORTH:1', 'w-SOUTH:0']);
    expect(reserved(book, ['A@NORTH', 'A@SOUTH'])).toEqual({ 'A@NORTH': 1, 'A@SOUTH': 0 });
  });

  test('returned units are credited to the shipping warehouses in sourcing order, and restocked there', () => {
    const { book, warehouses: ws } = inventory.placementBook(rows({ 'A@WEST': [3, 0], 'A@NORTH': [2, 0] }));
    const l = line('A', 5);
    inventory.allocate(em, [{ line: l, product: product('A'), index: 0 }], ws, book);
    for (const a of l.allocations) a.quantityShipped = a.quantity;
    inventory.receiveReturn(em, l, 3, true, book, 'user:test', 'o-1', warehouses());
    expect(l.allocations.getItems().map((a) => `${a.warehouse.id}:${a.quantityReturned}`)).toEqual([
      'w-NORTH:2',
      'w-WEST:1',
    ]);
    expect([book.get('p-A', 'w-NORTH')!.onHand, book.get('p-A', 'w-WEST')!.onHand]).toEqual([4, 4]);
  });
});
