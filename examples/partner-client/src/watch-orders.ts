/**
 * Follows every order of a channel and resumes after a lost connection without missing or
 * repeating an update: each update carries `eventId`, and a new subscription with `after:` the
 * last one processed first sends everything since (see docs/api.md, Live updates).
 *
 *   OMS_WS_URL=ws://localhost:4000/graphql OMS_API_KEY=omsk_… OMS_CHANNEL=WEB [OMS_AFTER=<eventId>] pnpm watch
 */
import { GraphQLRequestError } from './client';
import { OrderUpdated } from './operations';
import { connect, subscribe } from './subscribe';
import type { OrderUpdatedSubscription } from './gql/graphql';

export type OrderUpdate = OrderUpdatedSubscription['orderUpdated'];

export interface Watch {
  stop(): Promise<void>;
  /** Settles when stopped, or rejects when the server refuses (a GraphQL error, or the key withdrawn: 4403). */
  done: Promise<void>;
}

export function watchOrders(
  options: { url: string; apiKey: string; channelCode?: string; after?: string },
  onUpdate: (update: OrderUpdate) => void,
): Watch {
  let lastEventId = options.after; // keep it somewhere durable to resume after a restart too
  let stopped = false;
  let client = connect(options.url, options.apiKey);
  const done = (async () => {
    while (!stopped) {
      try {
        for await (const { orderUpdated } of subscribe(client, OrderUpdated, {
          channelCode: options.channelCode,
          after: lastEventId,
        })) {
          onUpdate(orderUpdated);
          lastEventId = orderUpdated.eventId;
        }
      } catch (err) {
        const code = (err as { code?: unknown }).code;
        if (stopped) break;
        if (err instanceof GraphQLRequestError || code === 4403) throw err; // retrying would not help
      }
      if (stopped) break;
      // The connection was lost (a server restart, the network): a new one resumes after lastEventId.
      await client.dispose();
      await new Promise((resolve) => setTimeout(resolve, 1000));
      client = connect(options.url, options.apiKey);
    }
  })();
  return {
    done,
    async stop() {
      stopped = true;
      await client.dispose();
      await done.catch(() => undefined);
    },
  };
}

if (require.main === module) {
  const watch = watchOrders(
    {
      url: process.env.OMS_WS_URL ?? 'ws://localhost:4000/graphql',
      apiKey: process.env.OMS_API_KEY ?? '',
      channelCode: process.env.OMS_CHANNEL,
      after: process.env.OMS_AFTER, // the last eventId processed before a restart: nothing is missed
    },
    (u) =>
      console.log(`${u.event.at} order ${u.order.number}: ${u.event.type} -> ${u.order.status} (event ${u.eventId})`),
  );
  watch.done.catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exitCode = 1;
  });
  process.once('SIGINT', () => void watch.stop());
}
