/**
 * Editing webhook endpoints: register, change, rotate the secret of, delete and list them. Staff
 * register endpoints for any channel; a partner key registers its own, for its own channels, up
 * to a bounded number (webhook.sql.ts), and sees only those. A URL must point at a public address
 * (the delivery service checks it: WebhookDeliveryService.checkUrl, webhook.address.ts). The
 * signing secret is shown once, when it is made; after a rotation the previous one keeps signing
 * next to it for the grace period (OMS_WEBHOOK_SECRET_GRACE_SECONDS). Every change is audited.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { randomBytes } from 'node:crypto';
import { channelScope } from '../../common/access';
import type { RequestContext } from '../../common/context';
import { DomainError, ErrorCode, fail, UserError } from '../../common/errors';
import { isUuid } from '../../common/limits';
import { Result, runMutation } from '../../common/mutation';
import {
  dateAndId,
  fetchOrder,
  keysetWhere,
  LEGACY_LIST_CAP,
  PageArgs,
  pageOf,
  toConnection,
} from '../../common/pagination';
import { run as runSql } from '../../common/sql';
import { ApiKey } from '../auth';
import { recordAudit } from '../auth';
import { Channel } from '../channel';
import type { WebhookDeliveryService, WebhookConfig } from './webhook-delivery.service';
import { WebhookEndpoint } from './webhook.entity';
import { CreateWebhookEndpointInput, UpdateWebhookEndpointInput } from './webhook.inputs';
import { countKeyEndpoints, lockKeyEndpoints } from './webhook.sql';

/** A partner key sees only its own endpoints; staff see all. */
export function visibleEndpoints(ctx: RequestContext): Record<string, unknown> {
  return ctx.actor?.kind === 'apiKey' ? { ownerKey: ctx.actor.id } : {};
}

/** An endpoint the caller may see, or NOT_FOUND at `field`. */
export async function findEndpoint(
  em: EntityManager,
  ctx: RequestContext,
  id: string,
  field: string[] = ['id'],
): Promise<WebhookEndpoint> {
  const endpoint = isUuid(id) ? await em.findOne(WebhookEndpoint, { id, ...visibleEndpoints(ctx) }) : null;
  return endpoint ?? fail(ErrorCode.NOT_FOUND, `No webhook endpoint with id ${JSON.stringify(id).slice(0, 80)}`, field);
}

export class WebhookEndpointService {
  constructor(
    private readonly delivery: WebhookDeliveryService,
    private readonly config: Pick<WebhookConfig, 'webhookMaxEndpointsPerKey' | 'webhookSecretGraceSeconds'>,
  ) {}

  /** The deprecated unpaged list: the oldest LEGACY_LIST_CAP endpoints. */
  endpoints(ctx: RequestContext): Promise<WebhookEndpoint[]> {
    return ctx.em.find(WebhookEndpoint, visibleEndpoints(ctx), {
      orderBy: { createdAt: 'asc', id: 'asc' },
      limit: LEGACY_LIST_CAP,
    });
  }

  /** Endpoints oldest first, a page at a time (cursor: created at, id). */
  async endpointsPage(ctx: RequestContext, args: PageArgs) {
    const page = pageOf(args, 2);
    const visible = visibleEndpoints(ctx);
    const where = keysetWhere(visible, ['createdAt', 'id'], 'asc', page, dateAndId);
    const items = await ctx.em.find(WebhookEndpoint, where, {
      orderBy: fetchOrder(['createdAt', 'id'], 'asc', page),
      limit: page.limit + 1,
    });
    return toConnection(
      items,
      page,
      (e) => [e.createdAt.toISOString(), e.id],
      () => ctx.em.count(WebhookEndpoint, visible),
    );
  }

  async channelCodes(em: EntityManager, endpoint: WebhookEndpoint): Promise<string[]> {
    if (!endpoint.channelIds.length) return [];
    const channels = await em.find(Channel, { id: { $in: endpoint.channelIds } }, { orderBy: { code: 'asc' } });
    return channels.map((c) => c.code);
  }

  private run<K extends string, T>(
    ctx: RequestContext,
    key: K,
    input: object | null | undefined,
    work: (em: EntityManager) => Promise<T>,
  ): Promise<Result<K, T>> {
    return runMutation(ctx, key, work, { input });
  }

  /** Channel ids for codes, within the caller's scope; a partner key's default is all of its channels. */
  private async channelIds(
    em: EntityManager,
    ctx: RequestContext,
    codes: string[] | null | undefined,
  ): Promise<string[]> {
    const scope = channelScope(ctx);
    if (codes == null) return scope ? [...scope] : [];
    if (!codes.length && scope)
      fail(ErrorCode.INVALID_INPUT, 'channelCodes: a partner key must name its channels', ['input', 'channelCodes']);
    const unique = [...new Set(codes)];
    const channels = await em.find(Channel, { code: { $in: unique } });
    const errors: UserError[] = [];
    unique.forEach((code) => {
      const channel = channels.find((c) => c.code === code);
      // Channels outside a key's scope are reported like unknown ones: a key learns nothing about them.
      if (!channel || (scope && !scope.includes(channel.id))) {
        errors.push(
          new UserError(ErrorCode.INVALID_INPUT, `Unknown channel ${code}`, [
            'input',
            'channelCodes',
            String(codes.indexOf(code)),
          ]),
        );
      }
    });
    if (errors.length) throw new DomainError(errors);
    return channels.map((c) => c.id);
  }

  /**
   * `whsec_` and 32 random bytes in standard base64 (what Standard Webhooks libraries decode).
   * Older secrets are in base64url (they may hold - and _); they sign with the bytes that decodes to (webhook.http.ts standardKey).
   */
  private newSecret() {
    return `whsec_${randomBytes(32).toString('base64')}`;
  }

  async create(ctx: RequestContext, input: CreateWebhookEndpointInput) {
    let secret: string | undefined;
    const byKey = ctx.actor?.kind === 'apiKey';
    const r = await this.run(ctx, 'endpoint', input, async (em) => {
      const url = await this.delivery.checkUrl(input.url, ['input', 'url'], byKey);
      const max = this.config.webhookMaxEndpointsPerKey ?? 0;
      if (byKey && max > 0) {
        await runSql(em, lockKeyEndpoints(ctx.actor!.id!));
        const [{ n }] = await runSql<{ n: number }>(em, countKeyEndpoints(ctx.actor!.id!));
        if (n >= max)
          fail(
            ErrorCode.INVALID_INPUT,
            `A partner key may register at most ${max} webhook endpoints: delete one first`,
            ['input'],
          );
      }
      const channelIds = await this.channelIds(em, ctx, input.channelCodes);
      secret = this.newSecret();
      const endpoint = new WebhookEndpoint({
        url,
        eventTypes: [...new Set(input.eventTypes)],
        channelIds,
        secret,
        createdBy: ctx.actor?.label ?? 'system',
        ownerKey: ctx.actor?.kind === 'apiKey' ? em.getReference(ApiKey, ctx.actor.id!, { wrapped: true }) : undefined,
      });
      em.persist(endpoint);
      recordAudit(em, ctx, 'webhookEndpoint.create', 'webhookEndpoint', endpoint.id, {
        url,
        eventTypes: endpoint.eventTypes,
        channelCodes: input.channelCodes ?? null,
      });
      return endpoint;
    });
    return { ...r, secret: r.endpoint ? secret : undefined };
  }

  update(ctx: RequestContext, input: UpdateWebhookEndpointInput) {
    return this.run(ctx, 'endpoint', input, async (em) => {
      const endpoint = await findEndpoint(em, ctx, input.id, ['input', 'id']);
      const changes: Record<string, unknown> = {};
      if (input.url != null) {
        const url = await this.delivery.checkUrl(
          input.url,
          ['input', 'url'],
          !!endpoint.ownerKey || ctx.actor?.kind === 'apiKey',
        );
        if (url !== endpoint.url) changes.url = { from: endpoint.url, to: (endpoint.url = url) };
      }
      if (input.eventTypes != null)
        changes.eventTypes = { from: endpoint.eventTypes, to: (endpoint.eventTypes = [...new Set(input.eventTypes)]) };
      if (input.channelCodes != null)
        changes.channelCodes = {
          to: input.channelCodes,
          ids: (endpoint.channelIds = await this.channelIds(em, ctx, input.channelCodes)),
        };
      if (input.active === true && !endpoint.active) {
        endpoint.enable();
        changes.active = { from: false, to: true };
      } else if (input.active === false && endpoint.active) {
        endpoint.disable(`disabled by ${ctx.actor?.label ?? 'system'}`);
        changes.active = { from: true, to: false };
      }
      if (Object.keys(changes).length)
        recordAudit(em, ctx, 'webhookEndpoint.update', 'webhookEndpoint', endpoint.id, changes);
      return endpoint;
    });
  }

  async delete(ctx: RequestContext, id: string) {
    return this.run(ctx, 'deletedId', { id }, async (em) => {
      const endpoint = await findEndpoint(em, ctx, id);
      recordAudit(em, ctx, 'webhookEndpoint.delete', 'webhookEndpoint', endpoint.id, { url: endpoint.url });
      await em.nativeDelete(WebhookEndpoint, { id: endpoint.id });
      return endpoint.id;
    });
  }

  async rotateSecret(ctx: RequestContext, id: string) {
    let secret: string | undefined;
    const r = await this.run(ctx, 'endpoint', { id }, async (em) => {
      const endpoint = await findEndpoint(em, ctx, id);
      await em.populate(endpoint, ['secret']); // lazy: the one being replaced keeps signing during the grace period
      endpoint.rotateSecret((secret = this.newSecret()), this.config.webhookSecretGraceSeconds ?? 0);
      recordAudit(em, ctx, 'webhookEndpoint.rotateSecret', 'webhookEndpoint', endpoint.id, {
        url: endpoint.url,
        previousSecretValidUntil: endpoint.previousSecretValidUntil?.toISOString() ?? null,
      });
      return endpoint;
    });
    return { ...r, secret: r.endpoint ? secret : undefined };
  }
}
