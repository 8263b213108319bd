/** Helpers for the open-data tests: a store with orders in every status, HTTP export and import. */
import { parse } from 'csv-parse/sync';
import { createCatalog, placeOrder } from './builders';
import type { TestServer } from './harness';
import { driveTo, recordPayment, refundPayment, standardCatalog } from './order-helpers';

export const base = (t: TestServer) => t.url.replace(/\/graphql$/, '');

/** Channels WEB and MARKET, warehouse WH1, SKU-1 and SKU-2, and orders in every status (some paid, one refunded). */
export async function seedStore(t: TestServer) {
  await standardCatalog(t);
  await createCatalog(t, { channels: [{ code: 'MARKET', currency: 'EUR' }] });
  const orders: Record<string, { id: string; number: string }> = {};
  for (const target of [
    'PENDING',
    'CONFIRMED',
    'PARTIALLY_SHIPPED',
    'SHIPPED',
    'DELIVERED',
    'CANCELLED',
    'RETURNED',
    'ON_HOLD from CONFIRMED',
  ] as const) {
    orders[target] = await driveTo(t, target);
  }
  const paid = await recordPayment(t, {
    orderId: orders.DELIVERED.id,
    amount: 2500,
    method: 'card',
    reference: 'ch_1',
  });
  if (paid.userErrors.length) throw new Error(JSON.stringify(paid.userErrors));
  for (const r of [
    await recordPayment(t, { orderId: orders.SHIPPED.id, amount: 2500, method: 'card', reference: 'ch_2' }),
    await refundPayment(t, { orderId: orders.SHIPPED.id, amount: 1000, reason: 'goodwill' }),
  ])
    if (r.userErrors.length) throw new Error(JSON.stringify(r.userErrors));
  const market = await placeOrder(t, {
    channelCode: 'MARKET',
    externalId: 'mkt-1',
    customer: { email: 'grace@example.com', name: 'Grace "Amazing" Hopper' },
    shippingAddress: {
      name: 'Grace Hopper',
      line1: '1 Navy Yard, Pier 2',
      city: 'Arlington',
      postalCode: '22202',
      country: 'US',
    },
    lines: [
      { sku: 'SKU-1', quantity: 1 },
      { sku: 'SKU-2', quantity: 3, unitPrice: 450 },
    ],
    shippingAmount: 495,
    note: 'leave at the door,\nplease',
  });
  if (market.userErrors.length) throw new Error(JSON.stringify(market.userErrors));
  orders.MARKET = market.order;
  return orders;
}

export async function exportText(t: TestServer, path: string, token: string | null = t.token) {
  const res = await fetch(`${base(t)}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  return { status: res.status, headers: res.headers, text: await res.text() };
}

export const csvRows = (text: string): Record<string, string>[] => parse(text, { columns: true, bom: true });
export const jsonLines = (text: string): Record<string, unknown>[] =>
  text
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l));

/** What POST /import answers: its report, an { error } when refused, or { raw } when the answer is not JSON. */
export interface ImportBody {
  dryRun?: boolean;
  rows?: number;
  created?: number;
  updated?: number;
  skipped?: number;
  errors?: { line: number; field: string; message: string }[];
  error?: { code?: string; parameter?: string; [field: string]: unknown };
  raw?: string;
}

export async function importCsv(
  t: TestServer,
  kind: string,
  body: string | Buffer,
  dryRun: boolean | string,
  token: string | null = t.token,
  contentType = 'text/csv',
) {
  const res = await fetch(`${base(t)}/import/${kind}?dryRun=${dryRun}`, {
    method: 'POST',
    body,
    headers: { 'content-type': contentType, ...(token ? { authorization: `Bearer ${token}` } : {}) },
  });
  const text = await res.text();
  let json: ImportBody;
  try {
    json = JSON.parse(text);
  } catch {
    json = { raw: text };
  }
  return { status: res.status, body: json };
}

/** Row counts of every table an import may write. */
export async function dataCounts(t: TestServer) {
  const tables = [
    'product',
    'customer',
    'stock_level',
    'stock_movement',
    'order',
    'order_line',
    'order_history',
    'payment',
    'refund',
    'shipment',
    'shipment_line',
    'stock_allocation',
    'domain_event',
  ];
  const out: Record<string, number> = {};
  for (const table of tables) out[table] = Number((await t.sql(`select count(*)::int as n from "${table}"`))[0].n);
  return out;
}

export async function createKey(t: TestServer, channelCodes: string[], permissions: string[]) {
  const r = await t.q(
    `mutation($i: CreateApiKeyInput!) { createApiKey(input: $i) { secret userErrors { field message } } }`,
    { i: { name: `key ${Math.random()}`, channelCodes, permissions } },
  );
  if (r.createApiKey.userErrors.length) throw new Error(JSON.stringify(r.createApiKey.userErrors));
  return r.createApiKey.secret as string;
}
