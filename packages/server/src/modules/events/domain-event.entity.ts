/**
 * The event stream (a transactional outbox): every domain change writes its event row in the
 * same transaction as the change, so a rolled-back change has no event and a committed one
 * always has. A trigger sends each new row's routing data with pg_notify, which PostgreSQL
 * delivers to every listening server process only when the transaction commits.
 */
import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { GraphQLJSONObject } from 'graphql-scalars';
import { randomUUID } from 'node:crypto';
import { Field, ID, ObjectType } from 'type-graphql';

/** The event types of the stream; names are stable (partners rely on them). */
export const EVENT_TYPES = [
  'order.placed',
  'order.status_changed',
  'order.cancelled',
  'order.note_added',
  'payment.recorded',
  'payment.refunded',
  'shipment.created',
  'shipment.delivered',
  'return.created',
  'stock.adjusted',
  'stock.low',
  'order.late',
  'order.tag_added',
  'order.tag_removed',
  'order.stock_allocated',
  'rule.notified',
  'rule.webhook',
  'order.edited',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

@ObjectType('Event', { description: 'One domain event of the stream, in the order they happened.' })
@Entity({ tableName: 'domain_event' })
@Index({ properties: ['aggregateId', 'seq'] })
@Index({ properties: ['type', 'seq'] })
@Index({ properties: ['aggregateId', 'position'] })
@Index({ properties: ['type', 'position'] })
@Index({ properties: ['channelId', 'position'] })
export class DomainEvent {
  @Field(() => ID, { description: 'Stable; receivers de-duplicate on it.' })
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  /** Commit-independent insertion order, for paging and for catching up after a lost connection. */
  @Property({
    type: 'bigint',
    columnType: 'int8',
    defaultRaw: "nextval('domain_event_seq_seq'::regclass)",
    unique: true,
    ignoreSchemaChanges: ['type', 'extra', 'default'],
  })
  seq?: string;

  /**
   * The stream position, assigned after the event's transaction committed (event-sequencer.ts);
   * null until then. Every reader reads in this order, and only positioned events: a position
   * assigned later is always larger than every position a reader could already see.
   */
  @Property({ type: 'bigint', columnType: 'int8', nullable: true, unique: true, hidden: true })
  position?: string | null;

  /** The id of the transaction that wrote the event (xid8): the sequencer numbers one transaction's events together. */
  @Property({
    type: 'string',
    columnType: 'xid8',
    defaultRaw: 'pg_current_xact_id()',
    hidden: true,
    ignoreSchemaChanges: ['type', 'extra', 'default'],
  })
  txId?: string;

  @Field(() => String, { description: 'e.g. order.placed, order.status_changed, stock.adjusted.' })
  @Property({ type: 'string', length: 64 })
  type: EventType;

  @Field(() => String, { description: 'order or stock.' })
  @Property({ type: 'string', length: 32 })
  aggregateType: string;

  @Field(() => ID, { description: 'The order id, or the stock level id.' })
  @Property({ type: 'uuid' })
  aggregateId: string;

  /** The sales channel of an order event; partner keys see only their channels' events. */
  @Property({ type: 'uuid', nullable: true })
  channelId?: string;

  @Field(() => GraphQLJSONObject)
  @Property({ type: 'json' })
  payload: Record<string, unknown>;

  /**
   * The resource as it was when the event was recorded (an order event: the order with its lines,
   * shipments, channel and customer; see modules/order/order-resource.ts), complete: webhook
   * deliveries send it redacted per endpoint (event-redaction.ts). Null for stock events (their
   * payload is the stock level) and for events recorded before it existed. Not loaded unless asked for.
   */
  @Property({ type: 'json', nullable: true, lazy: true, hidden: true })
  resource?: Record<string, unknown> | null;

  @Field(() => String, { description: 'Who caused it, as in order history.' })
  @Property({ type: 'string', length: 300 })
  actor: string;

  @Field(() => Date)
  @Property({ type: 'datetime', length: 3 })
  occurredAt: Date = new Date();

  /** When the dispatcher handed the event to its reactors (webhooks); null: not yet. */
  @Property({ type: 'datetime', length: 3, nullable: true })
  dispatchedAt?: Date;

  constructor(props: {
    type: EventType;
    aggregateType: string;
    aggregateId: string;
    channelId?: string;
    payload: Record<string, unknown>;
    resource?: Record<string, unknown> | null;
    actor: string;
    occurredAt?: Date;
  }) {
    this.type = props.type;
    this.aggregateType = props.aggregateType;
    this.aggregateId = props.aggregateId;
    this.channelId = props.channelId;
    this.payload = props.payload;
    this.resource = props.resource ?? null;
    this.actor = props.actor;
    if (props.occurredAt) this.occurredAt = props.occurredAt;
  }
}
