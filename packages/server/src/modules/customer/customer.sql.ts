/**
 * The customer module's SQL. Customers are upserted in one place, with one conflict rule:
 *
 *   A customer is its e-mail (stored trimmed and lower-case, unique). A new e-mail creates the
 *   customer with the name given. A known e-mail keeps its customer: a name given replaces the
 *   stored one, a missing name (null) leaves it as it is, so the latest name anyone gave wins and
 *   nothing clears a name.
 *
 * Order placement writes the customer inside its one statement (order-placement.sql.ts), so the
 * rule is a statement fragment with the placeholders of the caller; everyone else runs
 * `upsertCustomer` (CustomerService.upsert). Placeholders are PostgreSQL's $1, $2, ...
 */

export interface Statement {
  text: string;
  values: unknown[];
}

/**
 * The upsert as one INSERT with the conflict rule, returning the customer's id; `email` and
 * `name` are the caller's placeholders (e.g. `$1`, `$2`). The e-mail must be normalised already.
 */
export function customerUpsertSql(email: string, name: string): string {
  return `insert into customer (id, email, name, created_at) values (gen_random_uuid(), ${email}, ${name}, now())
    on conflict (email) do update set name = coalesce(excluded.name, customer.name) returning id`;
}

/** The upsert on its own: the customer's id, whether it existed and its name before. */
export function upsertCustomer(email: string, name: string | null): Statement {
  return {
    text: `with old as (select name from customer where email = $1),
      c as (${customerUpsertSql('$1', '$2')})
      select (select id from c) as id, exists (select 1 from old) as existed, (select name from old) as old_name`,
    values: [email, name],
  };
}

// ---------------------------------------------------------------------------------------------
// Reading customers (CustomerService: customers, customer, its figures and orders, the export).
//
// `channelIds` is the caller's channel scope (a partner key's channels) as a uuid array, or null
// for every channel. A scoped caller sees a customer only when it has an order in one of those
// channels, and of that customer only those orders.
// ---------------------------------------------------------------------------------------------

/** `%term%` for ILIKE, with LIKE's wildcards and escape matched literally. */
export const customerSearchPattern = (term: string) => `%${term.replace(/[\\%_]/g, (c) => '\\' + c)}%`;

/** How the customers list is sorted: the key expression on `c`, then the id. */
export const CUSTOMER_SORT_KEYS = {
  /** The name; a customer without one sorts by e-mail (index customer_sort_name_index). */
  NAME: 'coalesce(c.name, c.email)',
  /** The e-mail (unique index). */
  EMAIL: 'c.email',
} as const;
export type CustomerSortKey = keyof typeof CUSTOMER_SORT_KEYS;

export interface CustomerListArgs {
  search?: string;
  channelIds: string[] | null;
  sort: CustomerSortKey;
  /** The sort key and id of the last customer of the previous page. */
  after?: [string, string];
  limit: number;
}

/** The conditions of the list on `customer c` (search and scope), with $n placeholders from `first`. */
function customerListWhere(args: Pick<CustomerListArgs, 'search' | 'channelIds'>, values: unknown[]): string[] {
  const add = (v: unknown) => {
    values.push(v);
    return `$${values.length}`;
  };
  const where: string[] = [];
  if (args.search) {
    const like = add(customerSearchPattern(args.search));
    where.push(`(c.email ilike ${like} or c.name ilike ${like})`);
  }
  if (args.channelIds)
    where.push(
      `exists (select 1 from "order" o where o.customer_id = c.id and o.channel_id = any(${add(args.channelIds)}::uuid[]))`,
    );
  return where;
}

/** A page of customers (limit rows; ask for one more to know whether there is a next page), as `customer` rows plus `sort_key`. */
export function customerPage(args: CustomerListArgs): Statement {
  const values: unknown[] = [];
  const where = customerListWhere(args, values);
  const key = CUSTOMER_SORT_KEYS[args.sort];
  if (args.after) {
    values.push(args.after[0], args.after[1]);
    where.push(`(${key}, c.id) > ($${values.length - 1}, $${values.length}::uuid)`);
  }
  values.push(args.limit);
  return {
    text: `select c.*, ${key} as sort_key from customer c
      ${where.length ? `where ${where.join(' and ')}` : ''}
      order by ${key}, c.id limit $${values.length}`,
    values,
  };
}

/** How many customers the list's search and scope match. */
export function customerCount(args: Pick<CustomerListArgs, 'search' | 'channelIds'>): Statement {
  const values: unknown[] = [];
  const where = customerListWhere(args, values);
  return {
    text: `select count(*)::int as n from customer c ${where.length ? `where ${where.join(' and ')}` : ''}`,
    values,
  };
}

/** One customer by id, if the caller's scope sees it. */
export function customerInScope(id: string, channelIds: string[] | null): Statement {
  return {
    text: `select c.* from customer c where c.id = $1
      and ($2::uuid[] is null or exists (select 1 from "order" o where o.customer_id = c.id and o.channel_id = any($2::uuid[])))`,
    values: [id, channelIds],
  };
}

/**
 * The figures of customers over their orders in scope: order_count (every order, cancelled ones
 * included), first_order_at and last_order_at (placement times), and lifetime_value: per
 * currency, the sum of the totals (lines + shipping, integer minor units) of the orders that are
 * not CANCELLED, refunds not deducted, sorted by currency. A customer with no order in scope has no row.
 */
export function customerFigures(customerIds: string[], channelIds: string[] | null): Statement {
  return {
    text: `with o as (
        select customer_id, currency, status, total_amount, placed_at from "order"
        where customer_id = any($1::uuid[]) and ($2::uuid[] is null or channel_id = any($2::uuid[]))),
      counts as (
        select customer_id, count(*)::int as order_count, min(placed_at) as first_order_at, max(placed_at) as last_order_at
        from o group by customer_id),
      value as (
        select customer_id, currency, sum(total_amount)::bigint as amount from o
        where status <> 'CANCELLED' group by customer_id, currency)
      select k.customer_id, k.order_count, to_json(k.first_order_at) as first_order_at, to_json(k.last_order_at) as last_order_at,
        coalesce((select json_agg(json_build_object('amount', v.amount, 'currency', v.currency) order by v.currency)
                  from value v where v.customer_id = k.customer_id), '[]'::json) as lifetime_value
      from counts k`,
    values: [customerIds, channelIds],
  };
}

/**
 * The export's orders of a customer in scope, oldest first, each with its lines, payments,
 * refunds, shipments (with lines), returns (with lines) and history, as JSON built by PostgreSQL.
 * Amounts are integer minor units; times are ISO 8601 (to_json).
 */
export function customerExportOrders(customerId: string, channelIds: string[] | null): Statement {
  return {
    text: `select o.id, o.number, ch.code as "channelCode", o.external_id as "externalId", o.status,
        o.payment_status as "paymentStatus", o.currency,
        o.subtotal_amount as "subtotalAmount", o.shipping_amount as "shippingAmount", o.total_amount as "totalAmount",
        o.paid_amount as "paidAmount", o.refunded_amount as "refundedAmount",
        o.note, o.hold_reason as "holdReason", o.cancel_reason as "cancelReason", o.tags,
        to_json(o.placed_at) as "placedAt", to_json(o.updated_at) as "updatedAt",
        json_build_object('name', o.ship_name, 'line1', o.ship_line1, 'line2', o.ship_line2, 'city', o.ship_city,
          'postalCode', o.ship_postal_code, 'country', o.ship_country) as "shippingAddress",
        coalesce((select json_agg(json_build_object('lineNo', l.line_no, 'sku', l.sku, 'name', l.name,
            'quantity', l.quantity, 'unitPriceAmount', l.unit_price_amount, 'currency', l.currency,
            'quantityShipped', l.quantity_shipped, 'quantityReturned', l.quantity_returned) order by l.line_no)
          from order_line l where l.order_id = o.id), '[]'::json) as lines,
        coalesce((select json_agg(json_build_object('id', p.id, 'amount', p.amount_minor, 'currency', p.currency,
            'method', p.method, 'reference', p.reference, 'recordedBy', p.recorded_by, 'createdAt', p.created_at)
            order by p.created_at, p.id)
          from payment p where p.order_id = o.id), '[]'::json) as payments,
        coalesce((select json_agg(json_build_object('id', r.id, 'amount', r.amount_minor, 'currency', r.currency,
            'reason', r.reason, 'recordedBy', r.recorded_by, 'createdAt', r.created_at) order by r.created_at, r.id)
          from refund r where r.order_id = o.id), '[]'::json) as refunds,
        coalesce((select json_agg(json_build_object('id', s.id, 'warehouseCode', w.code, 'status', s.status,
            'carrier', s.carrier, 'trackingNumber', s.tracking_number, 'shippedAt', s.shipped_at,
            'deliveredAt', s.delivered_at,
            'lines', coalesce((select json_agg(json_build_object('sku', sl.sku, 'quantity', sl.quantity) order by sl.sku, sl.id)
                               from shipment_line sl where sl.shipment_id = s.id), '[]'::json))
            order by s.shipped_at, s.id)
          from shipment s join warehouse w on w.id = s.warehouse_id where s.order_id = o.id), '[]'::json) as shipments,
        coalesce((select json_agg(json_build_object('id', rt.id, 'reason', rt.reason, 'restock', rt.restock,
            'createdAt', rt.created_at,
            'lines', coalesce((select json_agg(json_build_object('sku', rl.sku, 'quantity', rl.quantity) order by rl.sku, rl.id)
                               from order_return_line rl where rl.order_return_id = rt.id), '[]'::json))
            order by rt.created_at, rt.id)
          from order_return rt where rt.order_id = o.id), '[]'::json) as returns,
        coalesce((select json_agg(json_build_object('type', h.type, 'fromStatus', h.from_status, 'toStatus', h.to_status,
            'message', h.message, 'actor', h.actor, 'at', h.at) order by h.seq)
          from order_history h where h.order_id = o.id), '[]'::json) as history
      from "order" o join channel ch on ch.id = o.channel_id
      where o.customer_id = $1 and ($2::uuid[] is null or o.channel_id = any($2::uuid[]))
      order by o.placed_at, o.id`,
    values: [customerId, channelIds],
  };
}

/**
 * The export's events: those of the given orders, and any other event whose payload mentions the
 * e-mail (null: none; for a caller of every channel only), in stream order. `emailInJson` is the
 * e-mail as it is written inside a JSON string; the mention is a case-insensitive substring match.
 */
export function customerExportEvents(orderIds: string[], emailInJson: string | null): Statement {
  return {
    text: `select e.id, e.type, e.aggregate_type as "aggregateType", e.aggregate_id as "aggregateId",
        e.channel_id as "channelId", e.payload, e.actor, to_json(e.occurred_at) as "occurredAt"
      from domain_event e
      where e.aggregate_id = any($1::uuid[])
        or ($2::text is not null and strpos(lower(e.payload::text), lower($2)) > 0)
      order by e.seq`,
    values: [orderIds, emailInJson],
  };
}

// ---------------------------------------------------------------------------------------------
// Erasure (CustomerService.erase), one statement per place personal data is kept, all in the
// caller's transaction after lockCustomerForErasure. Free text (notes, reasons, history
// messages, event payloads, webhook response excerpts) keeps its words but loses every
// occurrence of the customer's terms (e-mail, names, address lines): `pattern` is a
// case-insensitive PostgreSQL regular expression of them (erasurePattern), for text as it is
// written plainly (`pattern`) or inside a JSON string (`jsonPattern`).
// ---------------------------------------------------------------------------------------------

/** What an erased value reads as. */
export const ERASED = '[erased]';

/** The placeholder e-mail of an erased customer: unique (the e-mail is the customer's key) and undeliverable. */
export const erasedEmail = (customerId: string) => `erased-${customerId}@erased.invalid`;

/** The customer row, locked for the erasure (a concurrent erasure or order placement with the e-mail waits). */
export function lockCustomerForErasure(id: string): Statement {
  return { text: `select id, email, name, erased_at from customer where id = $1 for update`, values: [id] };
}

/** The terms to erase from free text: the names and address lines written on the customer's orders. */
export function customerOrderTerms(customerId: string): Statement {
  return {
    text: `select distinct t from "order" o,
        lateral (values (o.ship_name), (o.ship_line1), (o.ship_line2)) v(t)
      where o.customer_id = $1 and t is not null and t <> $2`,
    values: [customerId, ERASED],
  };
}

/** The ids of the customer's orders and of their events, and of the events mentioning the e-mail (null: none) elsewhere. */
export function erasureTargets(customerId: string, emailInJson: string | null): Statement {
  return {
    text: `with orders as (select id from "order" where customer_id = $1)
      select array(select id from orders) as order_ids,
        array(select e.id from domain_event e where e.aggregate_id in (select id from orders)
              or ($2::text is not null and (strpos(lower(e.payload::text), lower($2)) > 0
                                            or strpos(lower(coalesce(e.resource::text, '')), lower($2)) > 0))) as event_ids`,
    values: [customerId, emailInJson],
  };
}

/** The customer row: the placeholder e-mail, no name, erased now (the first erasure's time is kept). */
export function eraseCustomerRow(customerId: string): Statement {
  return {
    text: `update customer set email = $2, name = null, erased_at = coalesce(erased_at, now()) where id = $1`,
    values: [customerId, erasedEmail(customerId)],
  };
}

/**
 * The customer's orders: the shipping address (name, lines, city and postal code; the country
 * stays, for tax and reports), and the terms in the note, hold and cancel reasons. Number,
 * status, money and dates stay.
 */
export function eraseOrderRows(customerId: string, pattern: string | null): Statement {
  return {
    text: `update "order" set ship_name = null, ship_line1 = $2, ship_line2 = null, ship_city = $2, ship_postal_code = $2,
        note = case when $3::text is null then note else regexp_replace(note, $3, $2, 'gi') end,
        hold_reason = case when $3::text is null then hold_reason else regexp_replace(hold_reason, $3, $2, 'gi') end,
        cancel_reason = case when $3::text is null then cancel_reason else regexp_replace(cancel_reason, $3, $2, 'gi') end
      where customer_id = $1`,
    values: [customerId, ERASED, pattern],
  };
}

/** The terms in the history messages, refund reasons and return reasons of the orders. */
export function eraseOrderText(orderIds: string[], pattern: string): Statement {
  return {
    text: `with h as (
        update order_history set message = regexp_replace(message, $2, $3, 'gi')
        where order_id = any($1::uuid[]) and message ~* $2 returning 1),
      r as (
        update refund set reason = regexp_replace(reason, $2, $3, 'gi')
        where order_id = any($1::uuid[]) and reason ~* $2 returning 1),
      t as (
        update order_return set reason = regexp_replace(reason, $2, $3, 'gi')
        where order_id = any($1::uuid[]) and reason ~* $2 returning 1)
      select (select count(*) from h)::int as history, (select count(*) from r)::int as refunds,
        (select count(*) from t)::int as returns`,
    values: [orderIds, pattern, ERASED],
  };
}

/**
 * The terms in the payloads of the events (domain_event) and in the resources stored with them
 * (the order as it was: customer, address), which are what webhook deliveries send (a delivery's
 * body is built from its event's payload and resource when it is sent), and in
 * the response excerpts the receivers answered those deliveries with (webhook_attempt).
 */
export function eraseEventPayloads(eventIds: string[], jsonPattern: string, pattern: string): Statement {
  return {
    text: `with e as (
        update domain_event set payload = regexp_replace(payload::text, $2, $4, 'gi')::jsonb,
          resource = case when resource is null then null else regexp_replace(resource::text, $2, $4, 'gi')::jsonb end
        where id = any($1::uuid[]) and (payload::text ~* $2 or coalesce(resource::text, '') ~* $2) returning 1),
      a as (
        update webhook_attempt set response_excerpt = regexp_replace(response_excerpt, $3, $4, 'gi')
        where delivery_id in (select id from webhook_delivery where event_id = any($1::uuid[]))
          and response_excerpt ~* $3 returning 1)
      select (select count(*) from e)::int as events, (select count(*) from a)::int as attempts`,
    values: [eventIds, jsonPattern, pattern, ERASED],
  };
}

/**
 * The order stored with each event of the customer's orders (domain_event.resource, sent in
 * webhook bodies): its customer becomes the placeholder e-mail without a name, its shipping
 * address is erased as the order's is (the country stays), field by field rather than by the
 * terms, so the postal code and city go too.
 */
export function eraseEventResources(orderIds: string[], customerId: string): Statement {
  return {
    text: `update domain_event set resource = resource
        || case when jsonb_typeof(resource->'customer') = 'object'
             then jsonb_build_object('customer', jsonb_build_object('id', resource->'customer'->'id', 'email', $2::text, 'name', null))
             else '{}'::jsonb end
        || case when jsonb_typeof(resource->'shippingAddress') = 'object'
             then jsonb_build_object('shippingAddress', jsonb_build_object('name', null, 'line1', $3::text, 'line2', null,
                    'city', $3::text, 'postalCode', $3::text, 'country', resource->'shippingAddress'->'country'))
             else '{}'::jsonb end
      where aggregate_id = any($1::uuid[]) and resource is not null`,
    values: [orderIds, erasedEmail(customerId), ERASED],
  };
}
