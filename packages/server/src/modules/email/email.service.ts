/**
 * Customer e-mails for staff: each channel's templates (the default or its override), editing them
 * (each must compile and name only the event's variables), previews with a real or a sample
 * order, and the message log. Partner keys see and change only their channels.
 */
import type { EntityManager, FilterQuery, ObjectQuery } from '@mikro-orm/postgresql';
import { can, channelScope } from '../../common/access';
import type { RequestContext } from '../../common/context';
import { BadRequestError, ErrorCode, fail, ForbiddenError, UserError, DomainError } from '../../common/errors';
import { isUuid } from '../../common/limits';
import { runMutation } from '../../common/mutation';
import { dateAndId, fetchOrder, keysetWhere, PageArgs, pageOf, toConnection } from '../../common/pagination';
import { rejectNul } from '../../common/query-args';
import { run } from '../../common/sql';
import { Permission, recordAudit } from '../auth';
import { EmailEvent, EmailMessage, EmailStatus, EmailTemplate, EmailTemplateOverride } from './email.entity';
import { channelByCode, orderChannel, orderNumbersOf } from './email.sql';
import { EmailSender, templateFor } from './email-sender';
import { DEFAULT_TEMPLATES, renderTemplate, templateProblems, TemplateParts, variablesOf } from './email-templates';
import { orderView, sampleView } from './email-view';

export interface UpdateEmailTemplateData {
  channelCode: string;
  event: EmailEvent;
  subject?: string | null;
  text?: string | null;
  html?: string | null;
  /** Back to the default template. */
  reset?: boolean | null;
}

export interface PreviewEmailData {
  channelCode: string;
  event: EmailEvent;
  orderId?: string | null;
  /** Unsaved parts to render instead of the channel's template. */
  draft?: { subject?: string | null; text?: string | null; html?: string | null } | null;
}

export interface EmailPreviewView {
  subject: string;
  text: string;
  html: string;
  recipient: string;
  sample: boolean;
  problems: string[];
}

interface ChannelRow {
  id: string;
  code: string;
  name: string;
}

const LIMITS: Record<keyof TemplateParts, number> = { subject: 500, text: 100_000, html: 100_000 };
const PARTS: (keyof TemplateParts)[] = ['subject', 'text', 'html'];

export class EmailService {
  constructor(readonly sender: EmailSender) {}

  /** A channel by code, within the caller's channels; the same refusal whether it exists or not. */
  private async channel(ctx: RequestContext, em: EntityManager, code: string): Promise<ChannelRow | undefined> {
    const [row] = await run<ChannelRow>(em, channelByCode(code));
    const scope = channelScope(ctx);
    if (!row || (scope && !scope.includes(row.id))) return undefined;
    return row;
  }

  private view(channel: ChannelRow, event: EmailEvent, own?: EmailTemplateOverride | null): EmailTemplate {
    const parts = own ?? DEFAULT_TEMPLATES[event];
    return Object.assign(new EmailTemplate(), {
      channelCode: channel.code,
      event,
      subject: parts.subject,
      text: parts.text,
      html: parts.html,
      customized: !!own,
      variables: variablesOf(event),
      updatedAt: own?.updatedAt,
      updatedBy: own?.updatedBy,
    });
  }

  /** The channel's template for every event. */
  async templates(ctx: RequestContext, channelCode: string): Promise<EmailTemplate[]> {
    rejectNul({ channelCode });
    const channel = await this.channel(ctx, ctx.em, channelCode);
    if (!channel) throw new BadRequestError(`channelCode: no channel ${channelCode}`);
    const own = await ctx.em.find(EmailTemplateOverride, { channelId: channel.id });
    return Object.values(EmailEvent).map((event) =>
      this.view(
        channel,
        event,
        own.find((o) => o.event === event),
      ),
    );
  }

  /** Saves a channel's override of an event's template (parts not given keep their current text), or resets it. */
  updateTemplate(ctx: RequestContext, input: UpdateEmailTemplateData) {
    return runMutation(ctx, 'template', async (em) => {
      const nul = PARTS.find((p) => typeof input[p] === 'string' && input[p]!.includes('\0'));
      if (nul) fail(ErrorCode.INVALID_INPUT, `${nul}: must not contain NUL characters`, ['input', nul]);
      const channel = await this.channel(ctx, em, input.channelCode);
      if (!channel) fail(ErrorCode.NOT_FOUND, `channelCode: no channel ${input.channelCode}`, ['input', 'channelCode']);
      const ch = channel!;
      const own = await em.findOne(EmailTemplateOverride, { channelId: ch.id, event: input.event });
      if (input.reset) {
        if (own) em.remove(own);
        recordAudit(em, ctx, 'emailTemplate.reset', 'channel', ch.id, { event: input.event });
        return this.view(ch, input.event, null);
      }
      const current = own ?? DEFAULT_TEMPLATES[input.event];
      const next: TemplateParts = {
        subject: input.subject ?? current.subject,
        text: input.text ?? current.text,
        html: input.html ?? current.html,
      };
      const errors: UserError[] = [];
      for (const part of PARTS) {
        if (part === 'subject' && !next.subject.trim())
          errors.push(new UserError(ErrorCode.INVALID_INPUT, 'subject: required', ['input', part]));
        if (next[part].length > LIMITS[part])
          errors.push(
            new UserError(ErrorCode.INVALID_INPUT, `${part}: at most ${LIMITS[part]} characters`, ['input', part]),
          );
        for (const problem of templateProblems(next[part], input.event))
          errors.push(new UserError(ErrorCode.INVALID_INPUT, `${part}: ${problem}`, ['input', part]));
      }
      if (errors.length) throw new DomainError(errors);
      const saved = own ?? new EmailTemplateOverride({ channelId: ch.id, event: input.event, ...next, updatedBy: '' });
      Object.assign(saved, next, { updatedBy: ctx.actor?.label ?? 'system', updatedAt: new Date() });
      em.persist(saved);
      recordAudit(em, ctx, 'emailTemplate.update', 'channel', ch.id, { event: input.event });
      return this.view(ch, input.event, saved);
    });
  }

  /**
   * Renders an event's e-mail for a channel with a real order (needs CUSTOMER_READ: it shows the
   * customer) or a sample one, from the channel's template or an unsaved draft. Sends nothing.
   */
  async preview(ctx: RequestContext, input: PreviewEmailData): Promise<EmailPreviewView> {
    rejectNul({ channelCode: input.channelCode, orderId: input.orderId });
    const channel = await this.channel(ctx, ctx.em, input.channelCode);
    if (!channel) throw new BadRequestError(`channelCode: no channel ${input.channelCode}`);
    let view: Record<string, unknown>;
    let recipient = 'jane.doe@example.com';
    let sample = true;
    if (input.orderId) {
      if (!can(ctx, Permission.CUSTOMER_READ))
        throw new ForbiddenError('Missing permission CUSTOMER_READ (a preview with an order shows its customer)', {
          permission: Permission.CUSTOMER_READ,
        });
      const [row] = isUuid(input.orderId) ? await run<{ channel_id: string }>(ctx.em, orderChannel(input.orderId)) : [];
      if (!row || row.channel_id !== channel.id)
        throw new BadRequestError(`orderId: no order ${input.orderId} in channel ${channel.code}`);
      const data = (await orderView(ctx.em, this.sender.config.publicUrl, input.orderId, input.event, null))!;
      view = data.view;
      recipient = data.recipient;
      sample = false;
    } else {
      view = sampleView(this.sender.config.publicUrl, channel);
    }
    const saved = await templateFor(ctx.em, channel.id, input.event);
    const parts: TemplateParts = {
      subject: input.draft?.subject ?? saved.subject,
      text: input.draft?.text ?? saved.text,
      html: input.draft?.html ?? saved.html,
    };
    const problems = PARTS.flatMap((p) => templateProblems(parts[p], input.event).map((x) => `${p}: ${x}`));
    const rendered: TemplateParts = { subject: '', text: '', html: '' };
    for (const p of PARTS) {
      try {
        rendered[p] = renderTemplate({ ...parts }, view)[p];
      } catch {
        rendered[p] = '';
      }
    }
    return { ...rendered, recipient, sample, problems };
  }

  /** The message log, newest first, within the caller's channels. */
  async messages(
    ctx: RequestContext,
    args: PageArgs & { filter?: { orderId?: string | null; status?: EmailStatus | null } | null },
  ) {
    const paging = pageOf(args, 2);
    const where: ObjectQuery<EmailMessage> = {};
    const scope = channelScope(ctx);
    if (scope) where.channelId = { $in: [...scope] };
    if (args.filter?.status) where.status = args.filter.status;
    if (args.filter?.orderId) {
      rejectNul({ orderId: args.filter.orderId });
      if (!isUuid(args.filter.orderId))
        return toConnection(
          [] as EmailMessage[],
          paging,
          () => [],
          async () => 0,
        );
      where.orderId = args.filter.orderId;
    }
    const page: FilterQuery<EmailMessage> = keysetWhere(where, ['createdAt', 'id'], 'desc', paging, dateAndId);
    const items = await ctx.em.find(EmailMessage, page, {
      orderBy: fetchOrder(['createdAt', 'id'], 'desc', paging),
      limit: paging.limit + 1,
    });
    const ids = [...new Set(items.map((x) => x.orderId))];
    if (ids.length) {
      const numbers = new Map(
        (await run<{ id: string; number: string }>(ctx.em, orderNumbersOf(ids))).map((r) => [r.id, r.number]),
      );
      for (const x of items) x.orderNumber = numbers.get(x.orderId);
    }
    return toConnection(
      items,
      paging,
      (x) => [x.createdAt.toISOString(), x.id],
      () => ctx.em.count(EmailMessage, where),
    );
  }
}
