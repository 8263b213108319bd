/**
 * Places an order with the partner's API key, reads it back by its number, and prints both.
 *
 *   OMS_URL=http://localhost:4000/graphql OMS_API_KEY=omsk_… OMS_CHANNEL=WEB OMS_SKU=TSHIRT-BLK-M pnpm start
 */
import { createClient, formatMoney } from './client';
import { OrderByNumber, PlaceOrder } from './operations';

async function main() {
  const request = createClient({
    url: process.env.OMS_URL ?? 'http://localhost:4000/graphql',
    apiKey: process.env.OMS_API_KEY ?? '',
  });

  // externalId is your own order id: placing the same one again returns the first order, so a
  // retry after a timeout never places it twice.
  const externalId = process.env.OMS_EXTERNAL_ID ?? `example-${Date.now()}`;
  const { placeOrder } = await request(PlaceOrder, {
    input: {
      channelCode: process.env.OMS_CHANNEL ?? 'WEB',
      externalId,
      customer: { email: 'ada@example.com', name: 'Ada Lovelace' },
      shippingAddress: {
        name: 'Ada Lovelace',
        line1: '1 Analytical Way',
        city: 'London',
        postalCode: 'N1 1AA',
        country: 'GB',
      },
      lines: [{ sku: process.env.OMS_SKU ?? 'TSHIRT-BLK-M', quantity: 2 }],
      shippingAmount: 495,
    },
  });
  if (!placeOrder.order) {
    // Expected failures (unknown SKU, not enough stock, …) are userErrors, naming the input at fault.
    for (const e of placeOrder.userErrors) console.error(`${e.code} at ${e.field?.join('.') ?? '-'}: ${e.message}`);
    process.exitCode = 1;
    return;
  }
  const placed = placeOrder.order;
  console.log(`Placed order ${placed.number} (${placed.status}), total ${formatMoney(placed.total)}`);

  const { order } = await request(OrderByNumber, { number: placed.number });
  console.log(`Read back: ${JSON.stringify(order)}`);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
});
