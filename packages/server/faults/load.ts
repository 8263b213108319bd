/**
 * Load clients that behave like a sales channel integration should: every order keeps its
 * externalId until it gets a definite answer (the order, or a definite refusal such as
 * INSUFFICIENT_STOCK); a network error, a 5xx or a GraphQL error without an answer may or may not
 * have placed it, so it is sent again with the same externalId (placeOrder is idempotent on
 * (channelCode, externalId)).
 */
import { sleep } from './server-process';

export const HOT_SKU = 'FLT-HOT';
export const NORMAL_SKUS = ['FLT-A', 'FLT-B', 'FLT-C'];

export type OrderState = 'pending' | 'acknowledged' | 'refused' | 'rejected' | 'unresolved';

export interface OrderAttempt {
  externalId: string;
  lines: { sku: string; quantity: number }[];
  hotQuantity: number;
  state: OrderState;
  attempts: number;
  orderId?: string;
  /** Definite refusals other than INSUFFICIENT_STOCK (should not happen): their codes and messages. */
  rejection?: string;
  /** When the request that got the definite answer was sent, and when the answer came. */
  sentAt?: number;
  answeredAt?: number;
}

const PLACE_ORDER = `mutation($input: PlaceOrderInput!) { placeOrder(input: $input) {
  order { id externalId } userErrors { code message field } } }`;

export interface LoadOptions {
  graphqlUrl: string;
  token: string;
  channelCode: string;
  clients: number;
  /** Pause between one client's orders. */
  paceMs: number;
  /** Share of orders with a line of the contended SKU. */
  hotShare: number;
}

export class Load {
  readonly orders: OrderAttempt[] = [];
  retries = 0;
  /** Why requests were retried: "ECONNREFUSED", "HTTP 503", "GraphQL INTERNAL_SERVER_ERROR", ... */
  readonly retryReasons = new Map<string, number>();
  /** Every acknowledged answer: when its request was sent and answered (for recovery times). */
  readonly acks: { sentAt: number; answeredAt: number }[] = [];
  private stopNew = false;
  private giveUpAt = Infinity;
  private running: Promise<void>[] = [];
  private seq = 0;
  private readonly runId = Date.now().toString(36);

  constructor(private readonly o: LoadOptions) {}

  start() {
    this.running = Array.from({ length: this.o.clients }, (_, i) => this.client(i));
  }

  /** Stops sending new orders; pending ones keep retrying until answered or until deadlineMs. */
  async drain(deadlineMs: number) {
    this.stopNew = true;
    this.giveUpAt = Date.now() + deadlineMs;
    await Promise.all(this.running);
  }

  /** The first acknowledged answer to a request sent at or after `since`. */
  firstAckSince(since: number): number | undefined {
    let first: number | undefined;
    for (const a of this.acks)
      if (a.sentAt >= since && (first === undefined || a.answeredAt < first)) first = a.answeredAt;
    return first;
  }

  private newOrder(client: number): OrderAttempt {
    const n = ++this.seq;
    const r = Math.random();
    const hotQuantity = r < this.o.hotShare ? 1 + Math.floor(Math.random() * 3) : 0;
    const lines: { sku: string; quantity: number }[] = [];
    // Half of the contended orders also take a plentiful SKU: refused, they must leave it untouched too.
    if (!hotQuantity || n % 2 === 0) lines.push({ sku: NORMAL_SKUS[n % NORMAL_SKUS.length], quantity: 1 + (n % 2) });
    if (hotQuantity) lines.push({ sku: HOT_SKU, quantity: hotQuantity });
    const order: OrderAttempt = {
      externalId: `flt-${this.runId}-${client}-${n}`,
      lines,
      hotQuantity,
      state: 'pending',
      attempts: 0,
    };
    this.orders.push(order);
    return order;
  }

  private async client(i: number) {
    while (!this.stopNew) {
      const order = this.newOrder(i);
      await this.resolve(order);
      await sleep(this.o.paceMs * (0.5 + Math.random()));
    }
  }

  private retry(reason: string) {
    this.retries++;
    this.retryReasons.set(reason, (this.retryReasons.get(reason) ?? 0) + 1);
  }

  private async resolve(order: OrderAttempt) {
    const input = {
      channelCode: this.o.channelCode,
      externalId: order.externalId,
      customer: { email: `${order.externalId}@faults.example.com`, name: 'Fault Test' },
      shippingAddress: {
        name: 'Fault Test',
        line1: '1 Crash Street',
        city: 'Berlin',
        postalCode: '10115',
        country: 'DE',
      },
      lines: order.lines,
    };
    const body = JSON.stringify({ query: PLACE_ORDER, variables: { input } });
    let backoff = 50;
    while (Date.now() < this.giveUpAt) {
      order.attempts++;
      const sentAt = Date.now();
      try {
        const res = await fetch(this.o.graphqlUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${this.o.token}` },
          body,
          signal: AbortSignal.timeout(15_000),
        });
        const text = await res.text();
        let json:
          | {
              data?: { placeOrder?: { order: { id: string } | null; userErrors: { code: string }[] } | null } | null;
              errors?: { extensions?: { code?: string } }[];
            }
          | undefined;
        try {
          json = JSON.parse(text);
        } catch {
          json = undefined;
        }
        const payload = json?.data?.placeOrder;
        if (res.status === 200 && payload) {
          order.sentAt = sentAt;
          order.answeredAt = Date.now();
          if (payload.order) {
            order.state = 'acknowledged';
            order.orderId = payload.order.id;
            this.acks.push({ sentAt, answeredAt: order.answeredAt });
          } else if (payload.userErrors.length && payload.userErrors.every((e) => e.code === 'INSUFFICIENT_STOCK')) {
            order.state = 'refused';
          } else {
            order.state = 'rejected';
            order.rejection = JSON.stringify(payload.userErrors).slice(0, 300);
          }
          return;
        }
        if (res.status >= 400 && res.status < 500 && res.status !== 408 && res.status !== 429) {
          // A request the server will never accept: retrying cannot help.
          order.state = 'rejected';
          order.rejection = `HTTP ${res.status}: ${text.slice(0, 300)}`;
          order.sentAt = sentAt;
          order.answeredAt = Date.now();
          return;
        }
        const code = json?.errors?.[0]?.extensions?.code;
        this.retry(res.status === 200 ? `GraphQL ${code ?? 'error'}` : `HTTP ${res.status}`);
      } catch (err) {
        const e = err as { cause?: { code?: string }; name?: string } | null | undefined;
        this.retry(e?.cause?.code ?? e?.name ?? 'network error');
      }
      await sleep(backoff * (0.5 + Math.random()));
      backoff = Math.min(backoff * 2, 400);
    }
    order.state = 'unresolved';
  }
}
