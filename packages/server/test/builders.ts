/** Builders for test data, all through the public GraphQL API. */
import type { TestServer } from './harness';
import type { Mutation, Order, Select, UserError } from './support/select';

export const ORDER_FIELDS = `
  id number externalId status paymentStatus currency nextStatuses
  channel { code } customer { email name }
  shippingAddress { name line1 city postalCode country }
  subtotal { amount currency } shipping { amount currency } total { amount currency }
  totalPaid { amount currency } totalRefunded { amount currency } amountDue { amount currency }
  lines { sku name quantity unitPrice { amount currency } quantityShipped quantityReturned
          allocations { warehouse { code } quantity quantityShipped quantityReturned quantityReserved } }
  payments { id amount { amount currency } method reference }
  refunds { id amount { amount currency } reason }
  shipments { id status carrier trackingNumber warehouse { code } lines { sku quantity } }
  returns { id reason restock lines { sku quantity } }
  history { type fromStatus toStatus message actor at }
  placedAt updatedAt`;

/** The response shape of ORDER_FIELDS (keep the two alike). */
export type OrderView = Select<
  Order,
  {
    id: true;
    number: true;
    externalId: true;
    status: true;
    paymentStatus: true;
    currency: true;
    nextStatuses: true;
    channel: { code: true };
    customer: { email: true; name: true };
    shippingAddress: { name: true; line1: true; city: true; postalCode: true; country: true };
    subtotal: MoneyFields;
    shipping: MoneyFields;
    total: MoneyFields;
    totalPaid: MoneyFields;
    totalRefunded: MoneyFields;
    amountDue: MoneyFields;
    lines: {
      sku: true;
      name: true;
      quantity: true;
      unitPrice: MoneyFields;
      quantityShipped: true;
      quantityReturned: true;
      allocations: {
        warehouse: { code: true };
        quantity: true;
        quantityShipped: true;
        quantityReturned: true;
        quantityReserved: true;
      };
    };
    payments: { id: true; amount: MoneyFields; method: true; reference: true };
    refunds: { id: true; amount: MoneyFields; reason: true };
    shipments: {
      id: true;
      status: true;
      carrier: true;
      trackingNumber: true;
      warehouse: { code: true };
      lines: { sku: true; quantity: true };
    };
    returns: { id: true; reason: true; restock: true; lines: { sku: true; quantity: true } };
    history: { type: true; fromStatus: true; toStatus: true; message: true; actor: true; at: true };
    placedAt: true;
    updatedAt: true;
  }
>;
type MoneyFields = { amount: true; currency: true };

/**
 * The response shape of PAYLOAD. `order` is null when the mutation was refused; it is typed as
 * present because the tests read it after a success (a refusal is asserted with toEqual/toBeNull).
 */
export interface OrderPayload {
  order: OrderView;
  userErrors: Pick<UserError, 'field' | 'message' | 'code'>[];
}

export const PAYLOAD = `order { ${ORDER_FIELDS} } userErrors { field message code }`;

export const PLACE_ORDER = `mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { ${PAYLOAD} } }`;

export interface CatalogSpec {
  channels?: { code: string; name?: string; currency?: string }[];
  warehouses?: { code: string; priority: number; name?: string }[];
  products?: { sku: string; price?: number; currency?: string; allowBackorder?: boolean; name?: string }[];
  /** sku -> warehouseCode -> units on hand */
  stock?: Record<string, Record<string, number>>;
}

export async function createCatalog(t: TestServer, spec: CatalogSpec): Promise<void> {
  for (const c of spec.channels ?? []) {
    const r = await t.q<Select<Mutation, { createChannel: { channel: { id: true }; userErrors: { message: true } } }>>(
      `mutation($i: CreateChannelInput!) { createChannel(input: $i) { channel { id } userErrors { message } } }`,
      { i: { code: c.code, name: c.name ?? c.code, currency: c.currency ?? 'EUR' } },
    );
    if (r.createChannel.userErrors.length) throw new Error(JSON.stringify(r.createChannel.userErrors));
  }
  for (const w of spec.warehouses ?? []) {
    const r = await t.q<
      Select<Mutation, { createWarehouse: { warehouse: { id: true }; userErrors: { message: true } } }>
    >(
      `mutation($i: CreateWarehouseInput!) { createWarehouse(input: $i) { warehouse { id } userErrors { message } } }`,
      { i: { code: w.code, name: w.name ?? w.code, priority: w.priority } },
    );
    if (r.createWarehouse.userErrors.length) throw new Error(JSON.stringify(r.createWarehouse.userErrors));
  }
  for (const p of spec.products ?? []) {
    const r = await t.q<Select<Mutation, { upsertProduct: { product: { id: true }; userErrors: { message: true } } }>>(
      `mutation($i: UpsertProductInput!) { upsertProduct(input: $i) { product { id } userErrors { message } } }`,
      {
        i: {
          sku: p.sku,
          name: p.name ?? `Product ${p.sku}`,
          price: p.price ?? 1000,
          currency: p.currency ?? 'EUR',
          allowBackorder: p.allowBackorder ?? false,
        },
      },
    );
    if (r.upsertProduct.userErrors.length) throw new Error(JSON.stringify(r.upsertProduct.userErrors));
  }
  for (const [sku, perWarehouse] of Object.entries(spec.stock ?? {})) {
    for (const [warehouseCode, delta] of Object.entries(perWarehouse)) {
      if (!delta) continue;
      await adjustStock(t, sku, warehouseCode, delta);
    }
  }
}

export async function adjustStock(
  t: TestServer,
  sku: string,
  warehouseCode: string,
  delta: number,
  reason = 'test stock',
) {
  const r = await t.q<
    Select<
      Mutation,
      {
        adjustStock: {
          stockLevel: { onHand: true; reserved: true; available: true };
          userErrors: { field: true; code: true; message: true };
        };
      }
    >
  >(
    `mutation($i: AdjustStockInput!) { adjustStock(input: $i) { stockLevel { onHand reserved available } userErrors { field code message } } }`,
    { i: { sku, warehouseCode, delta, reason } },
  );
  return r.adjustStock;
}

export function orderInput(overrides: Record<string, unknown> = {}) {
  return {
    channelCode: 'WEB',
    customer: { email: 'ada@example.com', name: 'Ada Lovelace' },
    shippingAddress: {
      name: 'Ada Lovelace',
      line1: '1 Analytical Way',
      city: 'London',
      postalCode: 'N1 1AA',
      country: 'GB',
    },
    lines: [{ sku: 'SKU-1', quantity: 1 }],
    ...overrides,
  };
}

export async function placeOrder(t: TestServer, overrides: Record<string, unknown> = {}) {
  const r = await t.q<{ placeOrder: OrderPayload }>(PLACE_ORDER, { input: orderInput(overrides) });
  return r.placeOrder;
}

/** Reads stock straight from the database: { 'SKU-1@WH1': { onHand, reserved } }. */
export async function stockRows(t: TestServer): Promise<Record<string, { onHand: number; reserved: number }>> {
  const rows = await t.sql<{
    sku: string;
    code: string;
    on_hand: number;
    reserved: number;
  }>(`select p.sku, w.code, s.on_hand, s.reserved from stock_level s
    join product p on p.id = s.product_id join warehouse w on w.id = s.warehouse_id`);
  return Object.fromEntries(rows.map((r) => [`${r.sku}@${r.code}`, { onHand: r.on_hand, reserved: r.reserved }]));
}

export const mutate = async (t: TestServer, name: string, args: string, vars: Record<string, unknown>, sig: string) => {
  const r = await t.q<Record<string, OrderPayload>>(`mutation(${sig}) { ${name}(${args}) { ${PAYLOAD} } }`, vars);
  return r[name];
};
