/**
 * The checks on what the run left: the orders against what the clients were told, the stock
 * reservations, the event stream, the API's view, and what the subscribers saw.
 */
import type { Pool } from 'pg';
import { Checks, some } from './checks';
import { HOT_SKU, Load, NORMAL_SKUS } from './load';
import type { ResumingSubscriber } from './subscriber';

export interface DbOrder {
  id: string;
  external_id: string | null;
  status: string;
}

export interface DataInput {
  pool: Pool;
  /** A GraphQL query as the admin; throws unless it answered. */
  api: <T = unknown>(query: string, variables?: Record<string, unknown>) => Promise<T>;
  channel: string;
  load: Load;
  dbOrders: DbOrder[];
  subscriber: ResumingSubscriber;
  /** A fresh subscription from the subscriber's starting point, for the diagnosis. */
  catchUp: ResumingSubscriber;
  /** Stock of the contended SKU as set up, and what sampling saw during the run. */
  hotStock: number;
  oversoldSamples: string[];
  drainMs: number;
}

/** The run's orders in the database. */
export async function readOrders(pool: Pool, channel: string): Promise<DbOrder[]> {
  return (
    await pool.query(
      `select o.id, o.external_id, o.status from "order" o join channel c on c.id = o.channel_id where c.code = $1`,
      [channel],
    )
  ).rows;
}

export async function checkData(checks: Checks, input: DataInput) {
  const { pool, load, dbOrders, subscriber, catchUp } = input;
  const q = async <T = Record<string, unknown>>(text: string, values: unknown[] = []) =>
    (await pool.query(text, values)).rows as T[];
  const allOrderCount = Number((await q(`select count(*)::int as n from "order"`))[0].n);
  const attempts = load.orders;
  const byExternal = new Map(attempts.map((o) => [o.externalId, o]));
  const acknowledged = attempts.filter((o) => o.state === 'acknowledged');
  const refused = attempts.filter((o) => o.state === 'refused');
  const rejected = attempts.filter((o) => o.state === 'rejected');
  const unresolved = attempts.filter((o) => o.state === 'unresolved' || o.state === 'pending');
  const dbByExternal = new Map<string, { id: string; status: string }[]>();
  for (const o of dbOrders) {
    const list = dbByExternal.get(o.external_id ?? '(none)') ?? [];
    list.push(o);
    dbByExternal.set(o.external_id ?? '(none)', list);
  }

  checks.group('every order got a definite answer (acknowledged, or refused for stock)', [
    unresolved.length > 0 &&
      `${unresolved.length} orders still had no answer ${input.drainMs} ms after the load stopped: ${some(unresolved.map((o) => o.externalId))}`,
    rejected.length > 0 &&
      `${rejected.length} orders were refused for something else than stock: ${some(
        rejected.map((o) => `${o.externalId} ${o.rejection}`),
        3,
      )}`,
  ]);

  checks.group(
    'no acknowledged order is lost',
    acknowledged.flatMap((o) => {
      const rows = dbByExternal.get(o.externalId) ?? [];
      if (!rows.length) return [`${o.externalId} (order ${o.orderId}) was acknowledged but is not in the database`];
      if (!rows.some((r) => r.id === o.orderId))
        return [
          `${o.externalId} was acknowledged as order ${o.orderId}, the database has ${rows.map((r) => r.id).join(', ')}`,
        ];
      return [];
    }),
  );

  checks.group(
    'no order is duplicated (one per externalId)',
    [...dbByExternal.entries()]
      .filter(([, rows]) => rows.length > 1)
      .map(([ext, rows]) => `${ext}: ${rows.length} orders`),
  );

  checks.group(
    'no order exists that the clients did not ask for, nor one they were refused',
    dbOrders
      .flatMap((o) => {
        const attempt = o.external_id ? byExternal.get(o.external_id) : undefined;
        if (!attempt) return [`order ${o.id} (externalId ${o.external_id}) was never asked for`];
        if (attempt.state === 'refused' || attempt.state === 'rejected')
          return [`order ${o.id} exists for ${o.external_id}, which was answered with a refusal`];
        return [];
      })
      .concat(
        allOrderCount !== dbOrders.length
          ? [`${allOrderCount - dbOrders.length} orders exist outside the test channel`]
          : [],
      ),
  );

  // Stock of the contended SKU: reserved per warehouse = what the allocations of live orders still hold.
  const stockRows = await q<{ code: string; on_hand: number; reserved: number }>(
    `select w.code, s.on_hand, s.reserved from stock_level s join product p on p.id = s.product_id join warehouse w on w.id = s.warehouse_id where p.sku = $1 order by w.code`,
    [HOT_SKU],
  );
  const held = await q<{ code: string; held: number }>(
    `select w.code, coalesce(sum(a.quantity - a.quantity_shipped), 0)::int as held from stock_allocation a
       join order_line l on l.id = a.order_line_id join "order" o on o.id = l.order_id join warehouse w on w.id = a.warehouse_id
      where l.sku = $1 and o.status <> 'CANCELLED' group by w.code`,
    [HOT_SKU],
  );
  const orderedHot = Number(
    (
      await q(
        `select coalesce(sum(l.quantity), 0)::int as n from order_line l join "order" o on o.id = l.order_id where l.sku = $1 and o.status <> 'CANCELLED'`,
        [HOT_SKU],
      )
    )[0].n,
  );
  const apiStock = (
    await input.api<{ stockLevels: { onHand: number; reserved: number; warehouse: { code: string } }[] }>(
      'query($s: String) { stockLevels(sku: $s) { onHand reserved warehouse { code } } }',
      { s: HOT_SKU },
    )
  ).stockLevels;
  const heldBy = new Map(held.map((h) => [h.code, h.held]));
  const reservedTotal = stockRows.reduce((s, r) => s + r.reserved, 0);
  const onHandTotal = stockRows.reduce((s, r) => s + r.on_hand, 0);
  const ackedHot = acknowledged.reduce((s, o) => s + o.hotQuantity, 0);
  checks.group(`stock of ${HOT_SKU}: reserved = quantities of the orders holding it, never above on hand`, [
    ...stockRows.map(
      (r) =>
        r.reserved !== (heldBy.get(r.code) ?? 0) &&
        `${r.code}: reserved ${r.reserved}, orders hold ${heldBy.get(r.code) ?? 0}`,
    ),
    ...stockRows.map((r) => r.reserved > r.on_hand && `${r.code}: reserved ${r.reserved} > on hand ${r.on_hand}`),
    reservedTotal !== orderedHot && `reserved ${reservedTotal} in total, orders have ${orderedHot} on their lines`,
    reservedTotal !== ackedHot && `reserved ${reservedTotal}, the acknowledged orders asked for ${ackedHot}`,
    onHandTotal !== input.hotStock && `on hand ${onHandTotal}, set up with ${input.hotStock}`,
    ...input.oversoldSamples.slice(0, 5).map((s) => `sampled during the run: ${s}`),
    ...stockRows.map((r) => {
      const a = apiStock.find((s) => s.warehouse.code === r.code);
      return (
        (!a || a.onHand !== r.on_hand || a.reserved !== r.reserved) &&
        `${r.code}: the API says ${JSON.stringify(a)}, the database on hand ${r.on_hand} reserved ${r.reserved}`
      );
    }),
    refused.length === 0 &&
      `no order was refused for stock: the SKU was not contended (raise the load or lower FAULTS_HOT_STOCK)`,
  ]);

  // Refused orders with a plentiful line too must have reserved nothing of it.
  const plentiful = await q<{ sku: string; reserved: number; held: number }>(
    `select p.sku, (select coalesce(sum(s.reserved), 0)::int from stock_level s where s.product_id = p.id) as reserved,
       (select coalesce(sum(a.quantity - a.quantity_shipped), 0)::int from stock_allocation a join order_line l on l.id = a.order_line_id
          join "order" o on o.id = l.order_id where l.product_id = p.id and o.status <> 'CANCELLED') as held
     from product p where p.sku = any($1) order by p.sku`,
    [NORMAL_SKUS],
  );
  checks.group(
    'stock of the plentiful SKUs: reserved = what the acknowledged orders asked for',
    plentiful.flatMap((r) => {
      const asked = acknowledged.reduce(
        (s, o) => s + o.lines.filter((l) => l.sku === r.sku).reduce((t, l) => t + l.quantity, 0),
        0,
      );
      return [
        r.reserved !== r.held && `${r.sku}: reserved ${r.reserved}, orders hold ${r.held}`,
        r.reserved !== asked && `${r.sku}: reserved ${r.reserved}, the acknowledged orders asked for ${asked}`,
      ];
    }),
  );

  const placedEvents = await q<{ aggregate_id: string; n: number }>(
    `select aggregate_id, count(*)::int as n from domain_event where type = 'order.placed' group by aggregate_id`,
  );
  const placedBy = new Map(placedEvents.map((e) => [e.aggregate_id, e.n]));
  const orderIds = new Set(dbOrders.map((o) => o.id));
  checks.group('every order has exactly one order.placed event', [
    ...dbOrders.map(
      (o) =>
        (placedBy.get(o.id) ?? 0) !== 1 &&
        `order ${o.id} (${o.external_id}) has ${placedBy.get(o.id) ?? 0} order.placed events`,
    ),
    ...placedEvents
      .filter((e) => !orderIds.has(e.aggregate_id))
      .map((e) => `order.placed event for ${e.aggregate_id}, which is no order of the run`),
  ]);

  const apiCount = (
    await input.api<{ orders: { totalCount: number } }>(
      'query($c: String) { orders(filter: { channelCode: $c }, first: 1) { totalCount } }',
      {
        c: input.channel,
      },
    )
  ).orders.totalCount;
  checks.group('the API lists the orders the database holds', [
    apiCount !== dbOrders.length && `orders.totalCount ${apiCount}, database ${dbOrders.length}`,
  ]);

  const unseen = dbOrders.filter((o) => !subscriber.seenOrderIds.has(o.id));
  const unseenCatchUp = dbOrders.filter((o) => !catchUp.seenOrderIds.has(o.id));
  checks.group('the resuming subscriber saw every order', [
    unseen.length > 0 &&
      `${unseen.length} of ${dbOrders.length} orders never reached it (a fresh catch-up from the same start missed ${unseenCatchUp.length}): ${some(unseen.map((o) => o.external_id ?? o.id))}`,
  ]);
  checks.group('the resuming subscriber got no update twice', [
    subscriber.duplicateEvents > 0 &&
      `${subscriber.duplicateEvents} updates repeated an eventId it had already received`,
  ]);
  return { acknowledged, refused, rejected, unresolved, unseen, unseenCatchUp, reservedTotal, onHandTotal, orderedHot };
}
