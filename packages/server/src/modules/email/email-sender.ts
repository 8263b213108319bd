/**
 * Sending customer e-mails. The event dispatcher (modules/events/event-dispatcher.ts) hands every
 * committed event to `react` once, in its transaction: for each event a customer is told about it
 * renders the channel's template and writes the message (QUEUED) and its job in that transaction,
 * so a message exists once per event (email_message.event_id is unique: the idempotency key) and
 * imported orders, which write no events, send nothing. The job sends it over SMTP with retries
 * and backoff; a worker claims the message row (`for update skip locked`) for the time of the send
 * and marks it SENT, so retries, restarts and several processes send it at most once. (Only a
 * crash between the SMTP server's acceptance and the commit of SENT could send it twice.)
 * Without OMS_SMTP_URL nothing is written or queued: e-mails are off.
 */
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { createTransport, Transporter } from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport';
import type PgBoss from 'pg-boss';
import { BACKGROUND } from '../../common/context';
import type { JobQueue } from '../../common/jobs';
import type { Logger } from '../../common/logger';
import { run } from '../../common/sql';
import type { DomainEvent } from '../events';
import { EMAIL_EVENT_OF, EmailEvent, EmailMessage, EmailStatus, EmailTemplateOverride } from './email.entity';
import { claimMessage, markFailed, markSent } from './email.sql';
import { DEFAULT_TEMPLATES, renderTemplate, TemplateParts } from './email-templates';
import { orderView } from './email-view';

export const EMAIL_QUEUE = 'email';

export interface EmailConfig {
  /** smtp://user:pass@host:587 (smtps:// for TLS from the start); unset: e-mails are off. */
  smtpUrl?: string;
  /** The From address, e.g. "Shop <orders@example.com>". */
  mailFrom?: string;
  /** The server's public address, for the tracking link. */
  publicUrl: string;
  /** Retries of a failed send after the first attempt. */
  emailRetryLimit: number;
  /** Seconds before the first retry; each further one waits about twice as long. */
  emailRetryDelaySeconds: number;
}

/** The template a channel uses for an event: its override, or the default. */
export async function templateFor(em: EntityManager, channelId: string, event: EmailEvent): Promise<TemplateParts> {
  const own = await em.findOne(EmailTemplateOverride, { channelId, event });
  return own ? { subject: own.subject, text: own.text, html: own.html } : DEFAULT_TEMPLATES[event];
}

export class EmailSender {
  private orm?: MikroORM;
  private transport?: Transporter;

  constructor(
    private readonly jobs: JobQueue,
    readonly config: EmailConfig,
    private readonly log: Logger,
  ) {}

  get enabled(): boolean {
    return !!this.config.smtpUrl;
  }

  /** Works the e-mail queue in this process (nothing when e-mails are off). */
  async start(orm: MikroORM): Promise<void> {
    this.orm = orm;
    if (!this.enabled) return;
    this.transport = createTransport({
      url: this.config.smtpUrl,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
    } as SMTPTransport.Options);
    await this.jobs.define(EMAIL_QUEUE, {
      retryLimit: this.config.emailRetryLimit,
      retryDelaySeconds: this.config.emailRetryDelaySeconds,
      retryBackoff: true,
      expireInSeconds: 120,
      deadLetter: true,
    });
    await this.jobs.work<{ messageId: string }>(EMAIL_QUEUE, (job) => this.send(job));
  }

  stop() {
    this.transport?.close();
  }

  /** The dispatcher's reactor: one message and one job per event a customer is told about. */
  readonly react = async (em: EntityManager, events: DomainEvent[]) => {
    if (!this.enabled) return;
    const chosen = events.filter((e) => EMAIL_EVENT_OF[e.type] && e.aggregateType === 'order');
    if (!chosen.length) return;
    for (const e of chosen) {
      const event = EMAIL_EVENT_OF[e.type];
      const data = await orderView(em, this.config.publicUrl, e.aggregateId, event, e.occurredAt);
      if (!data) continue;
      const template = await templateFor(em, data.channelId, event);
      let parts: TemplateParts;
      try {
        parts = renderTemplate(template, data.view);
      } catch (err) {
        // Templates are checked when saved; a default that fails would be a bug: log, send the default.
        this.log.error({ err, event, channelId: data.channelId }, 'e-mail template failed to render');
        parts = renderTemplate(DEFAULT_TEMPLATES[event], data.view);
      }
      const message = new EmailMessage({
        eventId: e.id,
        event,
        orderId: e.aggregateId,
        channelId: data.channelId,
        recipient: data.recipient,
        ...parts,
        status: data.recipient ? EmailStatus.QUEUED : EmailStatus.SKIPPED,
      });
      // The dispatcher hands an event over once; the unique event id keeps it so even if not.
      const existing = await em.count(EmailMessage, { eventId: e.id });
      if (existing) continue;
      em.persist(message);
      await em.flush();
      if (message.status === EmailStatus.QUEUED) await this.jobs.send(em, EMAIL_QUEUE, { messageId: message.id });
    }
    return () => this.jobs.wake(EMAIL_QUEUE);
  };

  private async send(job: PgBoss.JobWithMetadata<{ messageId: string }>): Promise<void> {
    const em = this.orm!.em.fork({ loggerContext: BACKGROUND }) as EntityManager;
    const failure = await em.transactional(
      async (tx) => {
        const [m] = await run<{
          id: string;
          event_id: string;
          recipient: string;
          subject: string;
          text: string;
          html: string;
        }>(tx as EntityManager, claimMessage(job.data.messageId));
        if (!m) return undefined; // sent already, or another worker is sending it
        try {
          await this.transport!.sendMail({
            from: this.config.mailFrom,
            to: m.recipient,
            subject: m.subject,
            text: m.text,
            html: m.html,
            // Stable across retries: a receiving system can de-duplicate on it too.
            messageId: `<${m.event_id}@oms>`,
          });
          await run(tx as EntityManager, markSent(m.id));
          return undefined;
        } catch (err) {
          const message = (err as Error).message || String(err);
          await run(tx as EntityManager, markFailed(m.id, message));
          return message;
        }
      },
      { loggerContext: BACKGROUND },
    );
    // Thrown after the FAILED row committed: pg-boss retries the job with backoff.
    if (failure) throw new Error(`e-mail not sent: ${failure}`);
  }
}
