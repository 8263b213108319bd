/** The benchmark's orders: what a client sends to the server, and what the floor writes with pg. */
import type { GqlClient } from './client';
import { skuOf } from './data';
import type { FloorOrder } from './floor';
import type { prng } from './stats';

export const PLACE_ORDER = `mutation($input: PlaceOrderInput!) {
  placeOrder(input: $input) { order { id number status total { amount } } userErrors { field code message } }
}`;

/** The environment variable that carries the load generator's settings (JSON) to its child process (load-worker.ts). */
export const LOAD_WORKER_DATA = 'OMS_BENCH_LOAD_WORKER';

export type Rng = ReturnType<typeof prng>;

/** 3 distinct random SKUs of `products`, quantity 1-3, a customer among `customers`. */
export function orderInput(rng: Rng, products: number, customers: number) {
  const picked = new Set<number>();
  while (picked.size < 3) picked.add(rng.int(products));
  const c = rng.int(customers);
  return {
    channelCode: 'WEB',
    customer: { email: `customer-${c}@bench.example`, name: `Customer ${c}` },
    shippingAddress: {
      name: `Customer ${c}`,
      line1: `${1 + (c % 200)} Bench Street`,
      city: 'Berlin',
      postalCode: '10115',
      country: 'DE',
    },
    lines: [...picked].map((i) => ({ sku: skuOf(i), quantity: 1 + rng.int(3) })),
  };
}

export type OrderInput = ReturnType<typeof orderInput>;

export const floorInput = (input: OrderInput, actor: string): FloorOrder => ({ ...input, actor });

/** Places one order over HTTP; throws on anything but a PENDING order without userErrors. */
export async function placeViaApi(api: GqlClient, input: OrderInput): Promise<void> {
  const r = await api.request<{
    placeOrder: { order: { id: string; status: string } | null; userErrors: unknown[] } | null;
  }>(PLACE_ORDER, { input });
  if (r.status !== 200 || r.errors?.length)
    throw new Error(`HTTP ${r.status}: ${JSON.stringify(r.errors).slice(0, 300)}`);
  const p = r.data?.placeOrder;
  if (p?.userErrors?.length) throw new Error(`userErrors: ${JSON.stringify(p.userErrors).slice(0, 300)}`);
  if (!p?.order?.id || p.order.status !== 'PENDING')
    throw new Error(`no order in the response: ${JSON.stringify(r.data).slice(0, 300)}`);
}
