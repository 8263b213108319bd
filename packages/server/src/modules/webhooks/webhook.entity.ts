/**
 * Webhooks as data: an endpoint (URL, event types, channels, signing secret), one delivery per
 * event and endpoint (a replay is a new delivery of the same event), and every HTTP attempt of a
 * delivery with its outcome.
 */
import { Collection, Entity, Enum, Index, ManyToOne, OneToMany, PrimaryKey, Property, Ref } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ApiKey } from '../auth';

@ObjectType({ description: 'A URL that receives the events it subscribes to, signed with its secret.' })
@Entity({ tableName: 'webhook_endpoint' })
export class WebhookEndpoint {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field(() => String)
  @Property({ type: 'string', length: 2000 })
  url: string;

  @Field(() => [String], { description: 'The event types delivered, e.g. order.placed.' })
  @Property({ type: 'json' })
  eventTypes: string[];

  /** Empty: every channel, and events of no channel (stock). Partner keys' endpoints always name theirs. */
  @Property({ type: 'json' })
  channelIds: string[];

  /** HMAC key of the signatures. Kept (it must sign), never returned after creation or rotation, never logged. */
  @Property({ type: 'string', length: 100, hidden: true, lazy: true })
  secret: string;

  /** The secret replaced by the last rotation: it signs too, next to `secret`, until previousSecretValidUntil. Never returned, never logged. */
  @Property({ type: 'string', length: 100, nullable: true, hidden: true, lazy: true })
  previousSecret?: string | null;

  @Field(() => Date, {
    nullable: true,
    description:
      'Until when the secret replaced by the last rotation still signs deliveries, next to the new one (OMS_WEBHOOK_SECRET_GRACE_SECONDS).',
  })
  @Property({ type: 'datetime', nullable: true })
  previousSecretValidUntil?: Date | null;

  @Field(() => Boolean, {
    description: 'false: nothing is delivered (disabled by an admin, or automatically after repeated failures).',
  })
  @Property({ type: 'boolean' })
  active = true;

  @Field(() => String, { nullable: true, description: 'Why the endpoint was disabled automatically.' })
  @Property({ type: 'string', length: 500, nullable: true })
  disabledReason?: string;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  disabledAt?: Date;

  @Field(() => Int, {
    description: 'Deliveries given up in a row; the endpoint is disabled when it reaches the configured limit.',
  })
  @Property({ type: 'integer' })
  consecutiveFailures = 0;

  /** A partner key's own endpoint; it sees and manages only these. */
  @ManyToOne(() => ApiKey, { ref: true, nullable: true, deleteRule: 'cascade' })
  ownerKey?: Ref<ApiKey>;

  @Field(() => String, { description: 'Who registered it, as in the audit log.' })
  @Property({ type: 'string', length: 300 })
  createdBy: string;

  @Field(() => Date)
  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  constructor(props: {
    url: string;
    eventTypes: string[];
    channelIds: string[];
    secret: string;
    createdBy: string;
    ownerKey?: Ref<ApiKey>;
  }) {
    this.url = props.url;
    this.eventTypes = props.eventTypes;
    this.channelIds = props.channelIds;
    this.secret = props.secret;
    this.createdBy = props.createdBy;
    this.ownerKey = props.ownerKey;
  }

  /** Whether an event of this type and channel goes to this endpoint. */
  wants(type: string, channelId: string | null | undefined): boolean {
    if (!this.active || !this.eventTypes.includes(type)) return false;
    if (!this.channelIds.length) return true;
    return !!channelId && this.channelIds.includes(channelId);
  }

  disable(reason: string, now = new Date()) {
    this.active = false;
    this.disabledReason = reason;
    this.disabledAt = now;
  }

  /**
   * A new secret, in use at once; the one it replaces keeps signing next to it for `graceSeconds`
   * (none: it stops at once). A secret still in its grace period when the next rotation comes is
   * dropped then: at most two secrets sign. `secret` must be loaded (it is lazy).
   */
  rotateSecret(secret: string, graceSeconds: number, now = new Date()) {
    if (graceSeconds > 0) {
      this.previousSecret = this.secret;
      this.previousSecretValidUntil = new Date(now.getTime() + graceSeconds * 1000);
    } else {
      this.previousSecret = null;
      this.previousSecretValidUntil = null;
    }
    this.secret = secret;
  }

  /** The secrets that sign a delivery at `now`: the current one first, then the previous one during its grace period. */
  signingSecrets(now = new Date()): string[] {
    const previous =
      this.previousSecret && this.previousSecretValidUntil && this.previousSecretValidUntil > now
        ? [this.previousSecret]
        : [];
    return [this.secret, ...previous];
  }

  enable() {
    this.active = true;
    this.disabledReason = undefined;
    this.disabledAt = undefined;
    this.consecutiveFailures = 0;
  }
}

export enum DeliveryStatus {
  PENDING = 'PENDING',
  RETRYING = 'RETRYING',
  DELIVERED = 'DELIVERED',
  FAILED = 'FAILED',
}
registerEnumType(DeliveryStatus, {
  name: 'WebhookDeliveryStatus',
  description:
    'PENDING: not attempted yet; RETRYING: failed, another attempt is scheduled; DELIVERED: a 2xx answer; FAILED: given up (a 4xx other than 408 and 429, a 3xx, a refused address, or retries exhausted).',
});

@ObjectType({ description: 'One HTTP request of a delivery.' })
@Entity({ tableName: 'webhook_attempt' })
export class WebhookAttempt {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => 'WebhookDelivery', { ref: true, deleteRule: 'cascade' })
  delivery: Ref<WebhookDelivery>;

  @Field(() => Date)
  @Property({ type: 'datetime', length: 3 })
  attemptedAt: Date;

  @Field(() => Int, {
    nullable: true,
    description: 'The HTTP status answered; absent after a network error or a timeout.',
  })
  @Property({ type: 'integer', nullable: true })
  statusCode?: number;

  @Field(() => Int)
  @Property({ type: 'integer' })
  latencyMs: number;

  @Field(() => String, { nullable: true, description: 'The first 1 kB of the response body.' })
  @Property({ type: 'string', length: 1024, nullable: true })
  responseExcerpt?: string;

  @Field(() => String, { nullable: true, description: 'Network error or timeout.' })
  @Property({ type: 'string', length: 500, nullable: true })
  error?: string;

  constructor(props: {
    delivery: Ref<WebhookDelivery>;
    attemptedAt: Date;
    statusCode?: number;
    latencyMs: number;
    responseExcerpt?: string;
    error?: string;
  }) {
    this.delivery = props.delivery;
    this.attemptedAt = props.attemptedAt;
    this.statusCode = props.statusCode;
    this.latencyMs = props.latencyMs;
    this.responseExcerpt = props.responseExcerpt;
    this.error = props.error;
  }
}

@ObjectType({ description: 'One event sent to one endpoint, with every attempt.' })
@Entity({ tableName: 'webhook_delivery' })
@Index({ properties: ['endpoint', 'createdAt'] })
export class WebhookDelivery {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => WebhookEndpoint, { ref: true, deleteRule: 'cascade' })
  endpoint: Ref<WebhookEndpoint>;

  @Field(() => ID, {
    description: 'The event id, sent as oms-event-id and webhook-id: the same on every attempt and replay.',
  })
  @Property({ type: 'uuid', index: true })
  eventId: string;

  @Field(() => String)
  @Property({ type: 'string', length: 64 })
  eventType: string;

  @Field(() => DeliveryStatus)
  @Enum({ items: () => DeliveryStatus })
  status: DeliveryStatus = DeliveryStatus.PENDING;

  @Field(() => Int)
  @Property({ type: 'integer' })
  attemptCount = 0;

  @Field(() => ID, { nullable: true, description: 'The delivery this one replays.' })
  @Property({ type: 'uuid', nullable: true })
  replayOf?: string;

  @Field(() => Boolean, {
    description: 'Made by a replay (replayWebhookDelivery or replayEvents), not by the event happening.',
  })
  @Property({ type: 'boolean', default: false })
  replay: boolean = false;

  @Field(() => Date)
  @Property({ type: 'datetime', length: 3 })
  createdAt: Date = new Date();

  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', length: 3, nullable: true })
  deliveredAt?: Date;

  @OneToMany(() => WebhookAttempt, (a) => a.delivery)
  attempts = new Collection<WebhookAttempt>(this);

  constructor(props: {
    endpoint: Ref<WebhookEndpoint>;
    eventId: string;
    eventType: string;
    replayOf?: string;
    replay?: boolean;
  }) {
    this.endpoint = props.endpoint;
    this.eventId = props.eventId;
    this.eventType = props.eventType;
    this.replayOf = props.replayOf;
    this.replay = props.replay ?? !!props.replayOf;
  }
}
