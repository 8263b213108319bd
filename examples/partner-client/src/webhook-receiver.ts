/**
 * Receives the OMS's webhooks: verifies the Standard Webhooks signature over the raw body (and
 * the timestamp, within 5 minutes) with the `standardwebhooks` package, handles each event once
 * (`webhook-id` is the event id, the same on every retry and replay), and answers 2xx only when
 * the event is handled: any 5xx makes the OMS retry with backoff (docs/integrations.md).
 *
 *   OMS_WEBHOOK_SECRET=whsec_… PORT=8080 pnpm webhooks
 */
import http from 'node:http';
import { Webhook } from 'standardwebhooks';

/** The delivery's body. */
export interface OmsWebhookEvent {
  id: string;
  type: string;
  occurredAt: string;
  data: Record<string, unknown>;
}

export function createWebhookReceiver(
  secret: string,
  onEvent: (event: OmsWebhookEvent) => void | Promise<void>,
): http.Server {
  const webhook = new Webhook(secret);
  // In production: a table with a unique key on the event id, written with what the event changes.
  const handled = new Set<string>();
  return http.createServer((req, res) => {
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
      Promise.resolve(onEvent(event)).then(
        () => {
          handled.add(event.id);
          res.writeHead(204).end();
        },
        () => res.writeHead(500).end(), // not handled: the OMS retries later
      );
    });
  });
}

if (require.main === module) {
  const port = Number(process.env.PORT ?? 8080);
  createWebhookReceiver(process.env.OMS_WEBHOOK_SECRET ?? '', (e) => console.log(e.occurredAt, e.type, e.id)).listen(
    port,
    () => console.log(`listening on :${port}`),
  );
}
