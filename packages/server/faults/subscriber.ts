/**
 * A subscriber that follows one channel's order updates the way the API says to: remember the
 * eventId of the last update; when the connection closes or the subscription errs, subscribe
 * again with `after: <that eventId>` (catch-up first, then live), for as long as it runs.
 */
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';

const ORDER_UPDATED = `subscription($c: String, $a: ID) { orderUpdated(channelCode: $c, after: $a) {
  eventId event { type } order { id externalId } } }`;

export class ResumingSubscriber {
  readonly seenOrderIds = new Set<string>();
  readonly seenEventIds = new Set<string>();
  duplicateEvents = 0;
  updates = 0;
  connections = 0;
  /** Why subscriptions ended (close codes, error messages). */
  readonly endings: string[] = [];
  lastEventId: string;
  private stopped = false;
  private dispose: () => void = () => {};
  private done?: Promise<void>;

  constructor(
    private readonly wsUrl: string,
    private readonly token: string,
    private readonly channelCode: string,
    after: string,
    private readonly once = false,
  ) {
    this.lastEventId = after;
  }

  start() {
    this.done = this.loop();
  }

  async stop() {
    this.stopped = true;
    this.dispose();
    await this.done;
  }

  private async loop() {
    while (!this.stopped) {
      this.connections++;
      await new Promise<void>((resolve) => {
        const client = createClient({
          url: this.wsUrl,
          webSocketImpl: WebSocket,
          connectionParams: { authorization: `Bearer ${this.token}` },
          retryAttempts: 0,
          lazy: true,
        });
        let ended = false;
        const end = (why: string) => {
          if (ended) return;
          ended = true;
          this.endings.push(why);
          void client.dispose();
          resolve();
        };
        this.dispose = () => end('stopped');
        client.subscribe<{ orderUpdated: { eventId: string; order: { id: string } } | null }>(
          { query: ORDER_UPDATED, variables: { c: this.channelCode, a: this.lastEventId } },
          {
            next: (value) => {
              const u = value.data?.orderUpdated;
              if (!u) {
                if (value.errors) end(`errors: ${JSON.stringify(value.errors).slice(0, 200)}`);
                return;
              }
              this.updates++;
              if (this.seenEventIds.has(u.eventId)) this.duplicateEvents++;
              this.seenEventIds.add(u.eventId);
              this.seenOrderIds.add(u.order.id);
              this.lastEventId = u.eventId;
            },
            error: (err: unknown) => {
              // A close event (code, reason) or an Error.
              const e = err as { code?: unknown; reason?: string; message?: unknown } | null | undefined;
              end(
                e?.code !== undefined
                  ? `closed ${e.code} ${e.reason ?? ''}`.trim()
                  : `error ${String(e?.message ?? JSON.stringify(err)).slice(0, 200)}`,
              );
            },
            complete: () => end('complete'),
          },
        );
      });
      if (this.once) return;
      if (!this.stopped) await new Promise((r) => setTimeout(r, 250));
    }
  }
}
