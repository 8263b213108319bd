/**
 * Customer e-mails: a channel's override of an event's template, and the log of every message
 * (one per domain event at most: the event id is the idempotency key).
 */
import { Entity, Enum, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

/** The order events a customer is e-mailed about. */
export enum EmailEvent {
  ORDER_PLACED = 'ORDER_PLACED',
  ORDER_SHIPPED = 'ORDER_SHIPPED',
  ORDER_DELIVERED = 'ORDER_DELIVERED',
  ORDER_CANCELLED = 'ORDER_CANCELLED',
  ORDER_REFUNDED = 'ORDER_REFUNDED',
}
registerEnumType(EmailEvent, {
  name: 'EmailEvent',
  description: 'What a customer e-mail is about (the stream event it answers).',
  valuesConfig: {
    ORDER_PLACED: { description: 'order.placed' },
    ORDER_SHIPPED: { description: 'shipment.created (with carrier and tracking number)' },
    ORDER_DELIVERED: { description: 'shipment.delivered' },
    ORDER_CANCELLED: { description: 'order.cancelled' },
    ORDER_REFUNDED: { description: 'payment.refunded' },
  },
});

/** The stream event each e-mail answers. */
export const EMAIL_EVENT_OF: Record<string, EmailEvent> = {
  'order.placed': EmailEvent.ORDER_PLACED,
  'shipment.created': EmailEvent.ORDER_SHIPPED,
  'shipment.delivered': EmailEvent.ORDER_DELIVERED,
  'order.cancelled': EmailEvent.ORDER_CANCELLED,
  'payment.refunded': EmailEvent.ORDER_REFUNDED,
};

export enum EmailStatus {
  QUEUED = 'QUEUED',
  SENT = 'SENT',
  FAILED = 'FAILED',
  SKIPPED = 'SKIPPED',
}
registerEnumType(EmailStatus, {
  name: 'EmailStatus',
  description:
    'QUEUED: waiting to be sent; SENT: the SMTP server accepted it; FAILED: the last attempt failed (retried until the attempts are used up); SKIPPED: not sent (no recipient).',
});

@Entity({ tableName: 'email_template' })
@Unique({ properties: ['channelId', 'event'] })
export class EmailTemplateOverride {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  channelId: string;

  @Enum({ items: () => EmailEvent, type: 'string', length: 32 })
  event: EmailEvent;

  @Property({ type: 'string', length: 500 })
  subject: string;

  @Property({ type: 'text' })
  text: string;

  @Property({ type: 'text' })
  html: string;

  @Property({ type: 'string', length: 300 })
  updatedBy: string;

  @Property({ type: 'datetime', length: 3 })
  updatedAt: Date = new Date();

  constructor(props: {
    channelId: string;
    event: EmailEvent;
    subject: string;
    text: string;
    html: string;
    updatedBy: string;
  }) {
    this.channelId = props.channelId;
    this.event = props.event;
    this.subject = props.subject;
    this.text = props.text;
    this.html = props.html;
    this.updatedBy = props.updatedBy;
  }
}

@ObjectType({ description: "A channel's template for one event: its own override, or the default." })
export class EmailTemplate {
  @Field(() => String)
  channelCode: string;

  @Field(() => EmailEvent)
  event: EmailEvent;

  @Field(() => String, { description: 'Mustache template of the subject line (not HTML-escaped).' })
  subject: string;

  @Field(() => String, { description: 'Mustache template of the plain-text body (not HTML-escaped).' })
  text: string;

  @Field(() => String, { description: 'Mustache template of the HTML body: {{x}} is HTML-escaped.' })
  html: string;

  @Field(() => Boolean, { description: 'False: the channel uses the default template for this event.' })
  customized: boolean;

  @Field(() => [String], { description: 'The variables this event offers, e.g. order.number, lines (a list).' })
  variables: string[];

  @Field(() => Date, { nullable: true })
  updatedAt?: Date;

  @Field(() => String, { nullable: true })
  updatedBy?: string;
}

@ObjectType({ description: 'One customer e-mail: what was sent (or tried), to whom and how it went.' })
@Entity({ tableName: 'email_message' })
export class EmailMessage {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field(() => ID, { description: 'The stream event it answers: at most one message per event.' })
  @Property({ type: 'uuid', unique: true })
  eventId: string;

  @Field(() => EmailEvent)
  @Enum({ items: () => EmailEvent, type: 'string', length: 32 })
  event: EmailEvent;

  @Field(() => ID)
  @Property({ type: 'uuid' })
  orderId: string;

  @Field(() => String, { nullable: true })
  orderNumber?: string;

  @Property({ type: 'uuid' })
  channelId: string;

  @Field(() => String)
  @Property({ type: 'string', length: 320 })
  recipient: string;

  @Field(() => String)
  @Property({ type: 'string', length: 1000 })
  subject: string;

  @Property({ type: 'text', lazy: true })
  text: string;

  @Property({ type: 'text', lazy: true })
  html: string;

  @Field(() => EmailStatus)
  @Enum({ items: () => EmailStatus, type: 'string', length: 16 })
  status: EmailStatus = EmailStatus.QUEUED;

  @Field(() => Int, { description: 'Sending attempts so far.' })
  @Property({ type: 'integer', default: 0 })
  attempts: number = 0;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 2000, nullable: true })
  lastError?: string | null;

  @Field(() => Date)
  @Property({ type: 'datetime', length: 3 })
  createdAt: Date = new Date();

  @Field(() => Date)
  @Property({ type: 'datetime', length: 3 })
  updatedAt: Date = new Date();

  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', length: 3, nullable: true })
  sentAt?: Date | null;

  constructor(props: {
    eventId: string;
    event: EmailEvent;
    orderId: string;
    channelId: string;
    recipient: string;
    subject: string;
    text: string;
    html: string;
    status?: EmailStatus;
  }) {
    Object.assign(this, props);
  }
}
