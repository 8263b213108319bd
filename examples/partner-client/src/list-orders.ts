/**
 * Every order matching a filter, page after page: each page's `pageInfo.endCursor` is the next
 * page's `after`, with the same filter (and sort).
 *
 *   OMS_URL=http://localhost:4000/graphql OMS_API_KEY=omsk_… OMS_CHANNEL=WEB [OMS_PAGE_SIZE=100] pnpm orders
 */
import { createClient, type Request } from './client';
import type { OrderFilter, OrdersPageQuery } from './gql/graphql';
import { OrdersPage } from './operations';

export async function* allOrders(request: Request, filter: OrderFilter, pageSize = 100) {
  let after: string | null = null;
  do {
    const { orders }: OrdersPageQuery = await request(OrdersPage, { first: pageSize, after, filter });
    yield* orders.nodes;
    after = orders.pageInfo.hasNextPage ? orders.pageInfo.endCursor : null;
  } while (after);
}

if (require.main === module) {
  const request = createClient({
    url: process.env.OMS_URL ?? 'http://localhost:4000/graphql',
    apiKey: process.env.OMS_API_KEY ?? '',
  });
  (async () => {
    for await (const o of allOrders(
      request,
      { channelCode: process.env.OMS_CHANNEL },
      Number(process.env.OMS_PAGE_SIZE ?? 100),
    ))
      console.log(`${o.number} ${o.status} ${o.placedAt}`);
  })().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exitCode = 1;
  });
}
