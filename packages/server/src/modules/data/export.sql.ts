/**
 * The SQL of exports: the one statement that reads each kind in a stable order (streamed with a
 * cursor, never loaded whole) with its count, built from the checked filters of export-query.ts;
 * and the bookkeeping of background export jobs (export_job). Placeholders are PostgreSQL's $1,
 * $2, ...: run with common/sql.ts `run` in a transaction, or straight on the export pool.
 */
import type { Statement } from '../../common/sql';
import { ExportFilter, ExportForbiddenError, ExportKind, ExportScope } from './export-query';

const ISO = (expr: string) => `to_char(${expr} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
const like = (s: string) => `%${s.replace(/[\\%_]/g, (c) => '\\' + c)}%`;

class Params {
  readonly values: unknown[] = [];
  add(v: unknown): string {
    this.values.push(v);
    return `$${this.values.length}`;
  }
}

export interface ExportStatement {
  text: string;
  values: unknown[];
  /** The same selection counted (for progress). */
  countText: string;
}

/** The statement that reads an export, in a stable order. */
export function exportStatement(kind: ExportKind, f: ExportFilter, scope: ExportScope): ExportStatement {
  const p = new Params();
  const where: string[] = [];
  let select: string;
  let from: string;
  let orderBy: string;
  switch (kind) {
    case 'products':
      select = `p.sku, p.name, p.price_amount as price, p.currency, p.allow_backorder, ${ISO('p.created_at')} as created_at, ${ISO('p.updated_at')} as updated_at`;
      from = 'product p';
      if (f.search) where.push(`(p.sku ilike ${p.add(like(f.search as string))} or p.name ilike $${p.values.length})`);
      orderBy = 'p.sku';
      break;
    case 'stock':
      select = `p.sku, w.code as warehouse_code, s.on_hand, s.reserved, s.on_hand - s.reserved as available, ${ISO('s.updated_at')} as updated_at`;
      from = 'stock_level s join product p on p.id = s.product_id join warehouse w on w.id = s.warehouse_id';
      if (f.sku) where.push(`p.sku = ${p.add(f.sku)}`);
      if (f.warehouseCode) where.push(`w.code = ${p.add(f.warehouseCode)}`);
      orderBy = 'p.sku, w.priority, w.code';
      break;
    case 'customers':
      if (!scope.customers) throw new ExportForbiddenError('CUSTOMER_READ');
      select = `c.email, c.name, ${ISO('c.created_at')} as created_at`;
      from = 'customer c';
      if (f.search)
        where.push(`(c.email ilike ${p.add(like(f.search as string))} or c.name ilike $${p.values.length})`);
      // A partner key sees the customers who ordered in its channels.
      if (scope.channelIds)
        where.push(
          `exists (select 1 from "order" o where o.customer_id = c.id and o.channel_id = any(${p.add(scope.channelIds)}::uuid[]))`,
        );
      orderBy = 'c.email';
      break;
    case 'events':
      select = `e.seq::text as seq, e.id, e.type, e.aggregate_type, e.aggregate_id, ch.code as channel, e.actor, ${ISO('e.occurred_at')} as occurred_at, e.payload`;
      from = 'domain_event e left join channel ch on ch.id = e.channel_id';
      if (f.type) where.push(`e.type = ${p.add(f.type)}`);
      if (f.aggregateId) where.push(`e.aggregate_id = ${p.add(f.aggregateId)}`);
      if (scope.channelIds) where.push(`e.channel_id = any(${p.add(scope.channelIds)}::uuid[])`);
      orderBy = 'e.seq';
      break;
    case 'orders': {
      select = `o.id, o.number, ch.code as channel, o.external_id, o.status, o.status_before_hold, o.hold_reason, o.cancel_reason, o.payment_status,
        o.currency, o.subtotal_amount as subtotal, o.shipping_amount, o.tax_amount as tax_total, o.total_amount as total, o.paid_amount as paid, o.refunded_amount as refunded,
        c.email as customer_email, c.name as customer_name, o.ship_name, o.ship_line1, o.ship_line2, o.ship_city, o.ship_postal_code, o.ship_country,
        o.note, ${ISO('o.placed_at')} as placed_at,
        (select coalesce(json_agg(json_build_object('lineNo', l.line_no, 'sku', l.sku, 'name', l.name, 'quantity', l.quantity, 'unitPrice', l.unit_price_amount,
           'taxAmount', l.tax_amount, 'taxRate', l.tax_rate, 'quantityShipped', l.quantity_shipped, 'quantityReturned', l.quantity_returned) order by l.line_no), '[]') from order_line l where l.order_id = o.id) as lines,
        (select coalesce(json_agg(json_build_object('amount', x.amount_minor, 'method', x.method, 'reference', x.reference, 'recordedBy', x.recorded_by,
           'at', ${ISO('x.created_at')}) order by x.created_at, x.id), '[]') from payment x where x.order_id = o.id) as payments,
        (select coalesce(json_agg(json_build_object('amount', x.amount_minor, 'reason', x.reason, 'recordedBy', x.recorded_by,
           'at', ${ISO('x.created_at')}) order by x.created_at, x.id), '[]') from refund x where x.order_id = o.id) as refunds,
        (select coalesce(json_agg(json_build_object('warehouse', w.code, 'status', s.status, 'carrier', s.carrier, 'trackingNumber', s.tracking_number,
           'shippedAt', ${ISO('s.shipped_at')}, 'deliveredAt', ${ISO('s.delivered_at')},
           'lines', (select coalesce(json_agg(json_build_object('sku', sl.sku, 'quantity', sl.quantity) order by sl.sku), '[]') from shipment_line sl where sl.shipment_id = s.id))
           order by s.shipped_at, s.id), '[]') from shipment s join warehouse w on w.id = s.warehouse_id where s.order_id = o.id) as shipments`;
      from = '"order" o join channel ch on ch.id = o.channel_id join customer c on c.id = o.customer_id';
      if (Array.isArray(f.status) && f.status.length) where.push(`o.status::text = any(${p.add(f.status)}::text[])`);
      if (f.channelCode) where.push(`ch.code = ${p.add(f.channelCode)}`);
      if (scope.channelIds) where.push(`o.channel_id = any(${p.add(scope.channelIds)}::uuid[])`);
      if (f.placedFrom) where.push(`o.placed_at >= ${p.add(f.placedFrom)}::timestamptz`);
      if (f.placedTo) where.push(`o.placed_at < ${p.add(f.placedTo)}::timestamptz`);
      if (f.search) {
        // As the orders list: the number or external id exactly, or (with CUSTOMER_READ only: else
        // the matches would spell out what the caller may not read) part of the customer's e-mail or name,
        // from the order's own copies of them (their trigram indexes; order-list.sql.ts, orderSearch).
        const exact = p.add(f.search);
        if (scope.customers) {
          const part = p.add(like(f.search as string));
          where.push(
            `(o.number = ${exact} or o.external_id = ${exact} or o.search_email ilike ${part} or o.search_name ilike ${part})`,
          );
        } else {
          where.push(`(o.number = ${exact} or o.external_id = ${exact})`);
        }
      }
      orderBy = 'o.placed_at, o.id';
      break;
    }
  }
  const w = where.length ? ` where ${where.join(' and ')}` : '';
  return {
    text: `select ${select} from ${from}${w} order by ${orderBy}`,
    values: p.values,
    countText: `select count(*)::int as n from ${from}${w}`,
  };
}

/** Serialises one owner's export starts until the transaction ends (two starting together would each see the other's row). */
export function lockExportsOf(owner: string): Statement {
  return { text: 'select pg_advisory_xact_lock(hashtext($1))', values: [`export_job:${owner}`] };
}

/** How many of an owner's jobs are queued or running; jobs older than the queue's expiry (6 h) no longer run, whatever their row says: not counted. */
export function runningExportCount(owner: string): Statement {
  return {
    text: "select count(*)::int as n from export_job where owner = $1 and state in ('QUEUED', 'RUNNING') and created_at > now() - interval '6 hours'",
    values: [owner],
  };
}

/** A new QUEUED job (filter and channel ids as JSON text), returning its id. */
export function insertExportJob(job: {
  kind: string;
  format: string;
  filter: string;
  owner: string;
  requestedBy: string;
  channelIds: string | null;
}): Statement {
  return {
    text: `insert into export_job (id, kind, format, filter, state, rows_done, owner, requested_by, channel_ids, created_at)
         values (gen_random_uuid(), $1, $2, $3::jsonb, 'QUEUED', 0, $4, $5, $6::jsonb, now()) returning id`,
    values: [job.kind, job.format, job.filter, job.owner, job.requestedBy, job.channelIds],
  };
}

/** One job of an owner's (any state). */
export function exportJobOf(id: string, owner: string): Statement {
  return { text: 'select * from export_job where id = $1 and owner = $2', values: [id, owner] };
}

/** One finished (DONE) job of an owner's, for download. */
export function finishedExportJobOf(id: string, owner: string): Statement {
  return { text: "select * from export_job where id = $1 and owner = $2 and state = 'DONE'", values: [id, owner] };
}

/** Claims a queued (or restarted running) job for a run, from zero rows done, returning it; nothing if it is in another state. */
export function startExportJob(id: string): Statement {
  return {
    text: "update export_job set state = 'RUNNING', rows_done = 0 where id = $1 and state in ('QUEUED', 'RUNNING') returning *",
    values: [id],
  };
}

/** Records how many rows a job will write. */
export function setExportTotal(id: string, total: number): Statement {
  return { text: 'update export_job set rows_total = $2 where id = $1', values: [id, total] };
}

/** Records a job's progress. */
export function setExportProgress(id: string, rowsDone: number): Statement {
  return { text: 'update export_job set rows_done = $2 where id = $1', values: [id, rowsDone] };
}

/** Marks a job DONE with its row count; its file expires `ttlSeconds` from now. */
export function finishExportJob(id: string, rowsDone: number, ttlSeconds: number): Statement {
  return {
    text: "update export_job set state = 'DONE', rows_done = $2, finished_at = now(), expires_at = now() + make_interval(secs => $3) where id = $1",
    values: [id, rowsDone, ttlSeconds],
  };
}

/** Marks a job FAILED with the reason shown to its owner. */
export function failExportJob(id: string, why: string): Statement {
  return {
    text: "update export_job set state = 'FAILED', error = $2, finished_at = now() where id = $1",
    values: [id, why],
  };
}

/** Marks finished jobs past their expiry EXPIRED, returning their ids and formats (to delete their files). */
export function expireExportJobs(): Statement {
  return {
    text: "update export_job set state = 'EXPIRED' where state = 'DONE' and expires_at < now() returning id, format",
    values: [],
  };
}
