/**
 * The automation module's SQL: what the engine reads about an order, the execution log, the
 * orders the built-in rules pick (rule-definitions.ts) and the low-stock state. Placeholders are
 * PostgreSQL's $1, $2, ... (run with common/sql `run`, in the caller's transaction). Status lists
 * come from order-state.ts, never written out here.
 */
import { FULFILLABLE_STATUSES, OPEN_STATUSES, OrderStatus, PaymentStatus, sqlStatusList } from '../order';

export interface Statement {
  text: string;
  values: unknown[];
}

/** Units of an order line not allocated to a warehouse yet (the line is `l`). */
const UNALLOCATED_OF_LINE =
  'greatest(0, l.quantity - coalesce((select sum(a.quantity) from stock_allocation a where a.order_line_id = l.id), 0))';

// ---- the engine ----

/** What conditions look at (OrderFacts), one row for one order. */
/** A row of `orderFacts`. */
export interface OrderFactsRow {
  id: string;
  number: string;
  status: OrderStatus;
  status_before_hold: OrderStatus | null;
  payment_status: PaymentStatus;
  channel: string;
  total_amount: number;
  paid_amount: number;
  currency: string;
  ship_country: string;
  tags: string[] | null;
  placed_at: Date;
  email: string;
  skus: string[];
  unallocated: number;
  confirmed_at: Date | null;
}

export function orderFacts(orderId: string): Statement {
  return {
    text: `select o.id, o.number, o.status, o.status_before_hold, o.payment_status, c.code as channel, o.total_amount, o.paid_amount, o.currency,
        o.ship_country, o.tags, o.placed_at, cu.email,
        coalesce((select array_agg(l.sku order by l.line_no) from order_line l where l.order_id = o.id), '{}') as skus,
        (select coalesce(sum(${UNALLOCATED_OF_LINE}), 0) from order_line l where l.order_id = o.id)::int as unallocated,
        (select max(h.at) from order_history h where h.order_id = o.id and h.to_status = ${sqlStatusList([OrderStatus.CONFIRMED])}) as confirmed_at
      from "order" o join channel c on c.id = o.channel_id join customer cu on cu.id = o.customer_id where o.id = $1`,
    values: [orderId],
  };
}

/** Locks an order for a rule's actions; a scheduled run skips an order someone else holds. */
export function lockOrder(orderId: string, skipLocked: boolean): Statement {
  return {
    text: `select id from "order" where id = $1 for update${skipLocked ? ' skip locked' : ''}`,
    values: [orderId],
  };
}

/** The order of a dry run, by id or number. */
export function orderByIdOrNumber(idOrNumber: string, isId: boolean): Statement {
  return {
    text: `select id, channel_id from "order" where ${isId ? 'id = $1::uuid' : 'number = $1'}`,
    values: [idOrNumber],
  };
}

/** Order numbers for the execution log. */
export function orderNumbers(orderIds: string[]): Statement {
  return { text: 'select id, number from "order" where id = any($1::uuid[])', values: [orderIds] };
}

// ---- the execution log (rule_execution: one row per rule, event and order, by dedupe_key) ----

export interface ExecutionRow {
  ruleId: string;
  ruleKey: string;
  orderId: string;
  eventId: string | null;
  dedupeKey: string;
}

/** Claims an execution: no row comes back when one with this dedupe key exists already. */
export function claimExecution(
  x: ExecutionRow,
  outcome: string,
  reason: string,
  actions: string[],
  at: Date,
): Statement {
  return {
    text: `insert into rule_execution (id, rule_id, rule_key, order_id, event_id, dedupe_key, outcome, reason, actions, at)
      values (gen_random_uuid(), $1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9) on conflict (dedupe_key) do nothing returning id`,
    values: [x.ruleId, x.ruleKey, x.orderId, x.eventId, x.dedupeKey, outcome, reason, JSON.stringify(actions), at],
  };
}

export function updateExecution(id: string, outcome: string, reason: string, actions: string[]): Statement {
  return {
    text: 'update rule_execution set outcome = $1, reason = $2, actions = $3::jsonb where id = $4',
    values: [outcome, reason, JSON.stringify(actions), id],
  };
}

export function executionExists(dedupeKey: string): Statement {
  return { text: 'select 1 from rule_execution where dedupe_key = $1', values: [dedupeKey] };
}

/** Logs a run that failed with its retries used up (outside the failed transaction). */
export function recordFailedExecution(x: ExecutionRow, reason: string): Statement {
  return {
    text: `insert into rule_execution (id, rule_id, rule_key, order_id, event_id, dedupe_key, outcome, reason, actions, at)
      values (gen_random_uuid(), $1, $2, $3, $4, $5, 'FAILED', $6, '[]', now()) on conflict (dedupe_key) do update set outcome = 'FAILED', reason = excluded.reason`,
    values: [x.ruleId, x.ruleKey, x.orderId, x.eventId, x.dedupeKey, reason],
  };
}

// ---- rule editing ----

export function maxRulePosition(): Statement {
  return { text: 'select max(position) as max from automation_rule', values: [] };
}

// ---- the orders rules look at ----

/** allocate-backorders: open orders waiting for units of a SKU, oldest first. */
export function backorderedOrders(sku: string): Statement {
  return {
    text: `select o.id from "order" o
      where o.status in (${sqlStatusList(OPEN_STATUSES)}) and exists (
        select 1 from order_line l join product p on p.id = l.product_id
        where l.order_id = o.id and p.sku = $1 and l.quantity > coalesce((select sum(a.quantity) from stock_allocation a where a.order_line_id = l.id), 0))
      order by o.placed_at, o.id limit 500`,
    values: [sku],
  };
}

/** cancel-unpaid: PENDING orders with nothing paid, placed at or before `placedBefore`, oldest first. */
export function unpaidOrders(placedBefore: Date): Statement {
  return {
    text: `select id from "order" where status = ${sqlStatusList([OrderStatus.PENDING])} and paid_amount = 0 and placed_at <= $1 order by placed_at, id limit 500`,
    values: [placedBefore],
  };
}

/** flag-late: orders released for fulfilment, not tagged late, confirmed (or placed) at or before `confirmedBefore`. */
export function lateOrders(confirmedBefore: Date): Statement {
  return {
    text: `select o.id from "order" o where o.status in (${sqlStatusList(FULFILLABLE_STATUSES)}) and not ('late' = any(o.tags))
      and coalesce((select max(h.at) from order_history h where h.order_id = o.id and h.to_status = ${sqlStatusList([OrderStatus.CONFIRMED])}), o.placed_at) <= $1
      order by o.placed_at, o.id limit 500`,
    values: [confirmedBefore],
  };
}

/** Custom scheduled rules: open orders placed since `placedSince` this rule has not acted on yet. */
export function recentOpenOrders(placedSince: Date, ruleId: string): Statement {
  return {
    text: `select o.id from "order" o where o.status in (${sqlStatusList(OPEN_STATUSES)})
      and o.placed_at >= $1 and not exists (select 1 from rule_execution x where x.rule_id = $2 and x.order_id = o.id and x.event_id is null)
      order by o.placed_at, o.id limit 200`,
    values: [placedSince, ruleId],
  };
}

// ---- low-stock ----

const STOCK_LEVEL =
  'select s.id, p.sku, w.code, s.on_hand, s.reserved, s.on_hand - s.reserved as available from stock_level s join product p on p.id = s.product_id join warehouse w on w.id = s.warehouse_id';

export function stockLevel(stockLevelId: string): Statement {
  return { text: `${STOCK_LEVEL} where s.id = $1`, values: [stockLevelId] };
}

/** The stock levels of the products an order holds. */
export function stockLevelsOfOrder(orderId: string): Statement {
  return {
    text: `${STOCK_LEVEL} where s.product_id in (select product_id from order_line where order_id = $1) order by s.id`,
    values: [orderId],
  };
}

/** A level back at its threshold: re-armed. */
export function clearLowStock(stockLevelId: string): Statement {
  return { text: 'delete from stock_low_state where stock_level_id = $1', values: [stockLevelId] };
}

/** A level below its threshold: a row comes back only when it was not low already (it crossed now). */
export function markLowStock(stockLevelId: string, available: number, threshold: number): Statement {
  return {
    text: `insert into stock_low_state (stock_level_id, available, threshold, since) values ($1, $2, $3, now())
      on conflict (stock_level_id) do nothing returning stock_level_id`,
    values: [stockLevelId, available, threshold],
  };
}
