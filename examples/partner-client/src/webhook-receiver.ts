/**
 * Receives the OMS's webhooks: verifies the Standard Webhooks signature over the raw body (and
 * the timestamp, within 5 minutes) with the `standardwebhooks` package, handles each event once
 * (`webhook-id` is the event id, the same on every retry and replay), and answers 2xx only when
 * the event is handled: any 5xx makes the OMS retry with backoff (docs/integrations.md).
 *
 *   OMS_WEBHOOK_SECRET=whsec_… PORT=8080 pnpm webhooks
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';

/** The delivery's body. */
export interface OmsWebhookEvent {
  id: string;
  type: string;
  occurredAt: string;
  data: Record<string, unknown>;
}

/** A request listener for node:http (or Express, mounted without a body parser: the raw body is needed). */
export function webhookHandler(
  secret: string,
  onEvent: (event: OmsWebhookEvent) => void | Promise<void>,
): http.RequestListener {
  const webhook = new Webhook(secret);
  // In production: a table with a unique key on the event id, written with what the event changes.
  const handled = new Set<string>();
  return (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8'); // the raw body: re-serialised JSON would not verify
      let event: OmsWebhookEvent;
      try {
        event = webhook.verify(raw, req.headers as Record<string, string>) as OmsWebhookEvent;
      } catch {
        res.writeHead(401).end('bad signature');
        return;
      }
      if (handled.has(event.id)) {
        res.writeHead(204).end(); // a retry or replay of an event already handled
        return;
      }
      Promise.resolve()
        .then(() => onEvent(event))
        .then(
          () => {
            handled.add(event.id);
            res.writeHead(204).end();
          },
          () => res.writeHead(500).end(), // not handled: the OMS retries later
        );
    });
  };
}

if (require.main === module) {
  const handler = webhookHandler(process.env.OMS_WEBHOOK_SECRET ?? '', (e) =>
    console.log(`${e.occurredAt} ${e.type} event ${e.id}: ${JSON.stringify(e.data)}`),
  );
  const server = http.createServer(handler);
  server.listen(Number(process.env.PORT ?? 8080), () =>
    console.log(`listening on :${(server.address() as AddressInfo).port}`),
  );
}
