/**
 * Imports from CSV: products, stock levels (set or adjust), customers and historical orders.
 * The file is read as a stream (csv-parse), one row (an order: its group of rows) at a time, and
 * each row is applied through the domain services in its own transaction: a row that fails
 * leaves nothing behind, and a dry run runs exactly the same code and rolls every row back, so
 * its report is what the real run would do. Re-running a file is safe: rows are matched on
 * natural keys (product SKU, customer e-mail, stock SKU + warehouse, order channel + external id
 * or number) and what exists already is skipped or updated, never duplicated.
 */
import { INT4_MAX } from '../../common/limits';
import { parse } from 'csv-parse';
import { isEmail } from 'class-validator';
import fs from 'node:fs';
import type { RequestContext } from '../../common/context';
import { isCurrencyCode } from '../../common/money';
import { run } from '../../common/sql';
import { UpsertProductInput } from '../catalog';
import type { ProductService } from '../catalog/product.service';
import type { CustomerService } from '../customer/customer.service';
import { AdjustStockInput } from '../inventory';
import type { InventoryService } from '../inventory/inventory.service';
import { HOLDABLE, OrderStatus } from '../order';
import type { ImportedOrder } from '../order/order.inputs';
import type { OrderImport } from '../order/order-import';
import { CSV_COLUMNS } from './export-query';
import { adjustmentBooked, productAndWarehouseExist, productForUpdate, stockLevelForUpdate } from './import.sql';

export const IMPORT_KINDS = ['products', 'stock', 'customers', 'orders'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export interface ImportError {
  line: number;
  field: string | null;
  message: string;
}
export interface ImportReport {
  dryRun: boolean;
  /** Data rows read (CSV records after the header). */
  rows: number;
  /** Products, customers, stock levels or orders (an order spans several rows). */
  created: number;
  updated: number;
  skipped: number;
  errors: ImportError[];
  /** Errors beyond the first MAX_ERRORS are counted, not listed. */
  errorsOmitted?: number;
}

const MAX_ERRORS = 10_000;

/** The columns each kind reads: required ones, and the ones it also accepts (e.g. what its export writes). */
const COLUMNS: Record<ImportKind, { required: string[]; optional: string[] }> = {
  products: {
    required: ['sku', 'name', 'price', 'currency'],
    optional: ['allow_backorder', 'created_at', 'updated_at'],
  },
  customers: { required: ['email'], optional: ['name', 'created_at'] },
  stock: {
    required: ['sku', 'warehouse_code'],
    optional: ['mode', 'quantity', 'on_hand', 'reason', 'reserved', 'available', 'updated_at'],
  },
  orders: {
    required: [
      'channel',
      'status',
      'placed_at',
      'customer_email',
      'ship_line1',
      'ship_city',
      'ship_postal_code',
      'ship_country',
      'sku',
      'quantity',
      'unit_price',
    ],
    optional: CSV_COLUMNS.orders,
  },
};

/** Columns of an order that belong to the order, not to its line (read from its first row). */
const ORDER_LEVEL = CSV_COLUMNS.orders.filter(
  (c) =>
    ![
      'line_no',
      'sku',
      'name',
      'quantity',
      'unit_price',
      'tax_amount',
      'tax_rate',
      'quantity_shipped',
      'quantity_returned',
    ].includes(c),
);

type Row = Record<string, string>;
type Outcome = 'created' | 'updated' | 'skipped';
type FieldError = { field: string | null; message: string; line?: number };

/** Thrown inside a row's transaction to roll it back. */
class RowRollback extends Error {
  constructor(
    readonly outcome?: Outcome,
    readonly errors: FieldError[] = [],
  ) {
    super('row rolled back');
  }
}

class RowInvalid extends Error {
  constructor(readonly errors: FieldError[]) {
    super('invalid row');
  }
}

export class ImportFileError extends Error {
  constructor(
    readonly line: number | null,
    message: string,
  ) {
    super(message);
  }
}

const INT = /^-?\d{1,10}$/;

function int(
  row: Row,
  col: string,
  errors: FieldError[],
  opts: { min?: number; max?: number; optional?: boolean; fallback?: number } = {},
): number {
  const v = (row[col] ?? '').trim();
  if (v === '') {
    if (opts.optional) return opts.fallback ?? 0;
    errors.push({ field: col, message: `${col} is required` });
    return 0;
  }
  const n = Number(v);
  if (!INT.test(v) || !Number.isSafeInteger(n)) {
    errors.push({
      field: col,
      message: `${col} must be a whole number (money in minor units, e.g. 1999 for 19.99), got ${JSON.stringify(v.slice(0, 40))}`,
    });
    return 0;
  }
  if (opts.min != null && n < opts.min) errors.push({ field: col, message: `${col} must be at least ${opts.min}` });
  if (opts.max != null && n > opts.max) errors.push({ field: col, message: `${col} must be at most ${opts.max}` });
  return n;
}

function text(row: Row, col: string, errors: FieldError[], max: number, required = false): string | undefined {
  const v = (row[col] ?? '').trim();
  if (!v) {
    if (required) errors.push({ field: col, message: `${col} is required` });
    return undefined;
  }
  if (v.length > max) errors.push({ field: col, message: `${col} must be at most ${max} characters` });
  if (v.includes('\u0000')) errors.push({ field: col, message: `${col} must not contain NUL characters` });
  return v;
}

function date(value: unknown, field: string, errors: FieldError[], label = field): Date {
  const v = typeof value === 'string' ? value.trim() : '';
  const d = new Date(v);
  if (!/^\d{4}-\d{2}-\d{2}/.test(v) || Number.isNaN(d.getTime())) {
    errors.push({
      field,
      message: `${label} must be an ISO 8601 date-time such as 2026-11-27T18:00:00Z, got ${JSON.stringify(String(value ?? '').slice(0, 40))}`,
    });
    return new Date(0);
  }
  return d;
}

function bool(row: Row, col: string, errors: FieldError[]): boolean | undefined {
  const v = (row[col] ?? '').trim().toLowerCase();
  if (v === '') return undefined;
  if (v === 'true' || v === '1' || v === 'yes') return true;
  if (v === 'false' || v === '0' || v === 'no') return false;
  errors.push({ field: col, message: `${col} must be true or false` });
  return undefined;
}

function jsonArray(row: Row, col: string, errors: FieldError[]): unknown[] {
  const v = (row[col] ?? '').trim();
  if (!v) return [];
  try {
    const parsed = JSON.parse(v);
    if (Array.isArray(parsed)) return parsed;
  } catch {
    // reported below
  }
  errors.push({ field: col, message: `${col} must be a JSON array (see docs/integrations.md for its format)` });
  return [];
}

/** A JSON array element's fields, read one by one and checked by the caller; undefined when it is not an object. */
type JsonFields = Record<string, unknown> | undefined;
const fields = (v: unknown): JsonFields => (v && typeof v === 'object' ? (v as Record<string, unknown>) : undefined);

const posInt = (v: unknown) => Number.isSafeInteger(v) && (v as number) > 0;
const optStr = (v: unknown, max: number) => v == null || (typeof v === 'string' && v.length <= max);

export class ImportService {
  constructor(
    private readonly products: ProductService,
    private readonly customers: CustomerService,
    private readonly inventory: InventoryService,
    private readonly orders: OrderImport,
  ) {}

  /** Imports the CSV file at `file`; nothing is written when `dryRun`. */
  async importFile(ctx: RequestContext, kind: ImportKind, file: string, dryRun: boolean): Promise<ImportReport> {
    // A file that is not well-formed CSV is refused as a whole, before any row is applied.
    await this.checkSyntax(file);
    const report: ImportReport = { dryRun, rows: 0, created: 0, updated: 0, skipped: 0, errors: [] };
    const addError = (e: ImportError) => {
      if (report.errors.length < MAX_ERRORS) report.errors.push(e);
      else report.errorsOmitted = (report.errorsOmitted ?? 0) + 1;
    };
    const count = (o: Outcome) => {
      report[o]++;
    };

    let header: string[] | undefined;
    const spec = COLUMNS[kind];
    const seenKeys = new Map<string, number>();
    let group: { key: string; rows: { line: number; row: Row }[] } | undefined;

    const flushGroup = async () => {
      if (!group) return;
      const g = group;
      group = undefined;
      const result = await this.applyOrder(ctx, g.rows, dryRun);
      if (result.errors.length)
        for (const e of result.errors) addError({ line: e.line ?? g.rows[0].line, field: e.field, message: e.message });
      else count(result.outcome!);
    };

    for await (const { record, info } of fs
      .createReadStream(file)
      .pipe(parse({ bom: true, info: true, relax_column_count: true, skip_empty_lines: true }))) {
      const fields = record as string[];
      // The line a record starts on: where it ends, less the line breaks inside its quoted fields.
      const line = (info.lines as number) - fields.reduce((n, f) => n + (f.match(/\n/g)?.length ?? 0), 0);
      if (!header) {
        header = fields.map((h) => h.trim());
        const unknown = header.filter((h) => ![...spec.required, ...spec.optional].includes(h));
        const missing = spec.required.filter((c) => !header!.includes(c));
        for (const u of unknown)
          addError({
            line,
            field: u,
            message: `Unknown column ${u}; ${kind} files have ${[...spec.required, ...spec.optional].join(', ')}`,
          });
        for (const m of missing) addError({ line, field: m, message: `Missing column ${m}` });
        if (kind === 'stock' && !header.includes('quantity') && !header.includes('on_hand'))
          addError({ line, field: 'quantity', message: 'Missing column quantity' });
        if (report.errors.length) return report;
        continue;
      }
      report.rows++;
      if (fields.length !== header.length) {
        addError({ line, field: null, message: `Row has ${fields.length} fields, the header has ${header.length}` });
        continue;
      }
      const row: Row = Object.fromEntries(header.map((h, i) => [h, fields[i]]));
      if (kind === 'orders') {
        const key = orderKey(row, line);
        if (group && group.key === key) {
          group.rows.push({ line, row });
          continue;
        }
        await flushGroup();
        const first = seenKeys.get(key);
        if (first != null) {
          addError({
            line,
            field: row.external_id ? 'external_id' : 'number',
            message: `The rows of an order must be consecutive: this order started on line ${first}`,
          });
          continue;
        }
        seenKeys.set(key, line);
        group = { key, rows: [{ line, row }] };
        continue;
      }
      const key =
        kind === 'products'
          ? `sku:${row.sku?.trim()}`
          : kind === 'customers'
            ? `email:${row.email?.trim().toLowerCase()}`
            : undefined;
      if (key) {
        const first = seenKeys.get(key);
        if (first != null) {
          addError({ line, field: kind === 'products' ? 'sku' : 'email', message: `Duplicate of line ${first}` });
          continue;
        }
        seenKeys.set(key, line);
      }
      const result = await this.applyRow(ctx, kind, row, dryRun);
      if (result.errors.length) for (const e of result.errors) addError({ line, field: e.field, message: e.message });
      else count(result.outcome!);
    }
    await flushGroup();
    if (!header) addError({ line: 1, field: null, message: 'The file is empty: the first line must name the columns' });
    return report;
  }

  private async checkSyntax(file: string): Promise<void> {
    try {
      for await (const _ of fs
        .createReadStream(file)
        .pipe(parse({ bom: true, relax_column_count: true, skip_empty_lines: true }))) {
        // only the syntax is checked here
      }
    } catch (err) {
      const e = err as { lines?: unknown; message?: unknown } | null | undefined;
      throw new ImportFileError(
        typeof e?.lines === 'number' ? e.lines : null,
        `Not valid CSV: ${String(e?.message ?? err).slice(0, 200)}`,
      );
    }
  }

  /** Runs `work` in a transaction of its own, rolled back when it fails or on a dry run. */
  private async inRowTransaction(
    ctx: RequestContext,
    dryRun: boolean,
    work: (ctx: RequestContext) => Promise<Outcome>,
  ): Promise<{ outcome?: Outcome; errors: FieldError[] }> {
    const em = ctx.em.fork();
    try {
      const outcome = await em.transactional(async (tem) => {
        const o = await work({ ...ctx, em: tem });
        if (dryRun) throw new RowRollback(o);
        return o;
      });
      return { outcome, errors: [] };
    } catch (e) {
      if (e instanceof RowRollback) return { outcome: e.outcome, errors: e.errors };
      if (e instanceof RowInvalid) return { errors: e.errors };
      throw e;
    }
  }

  private async applyRow(ctx: RequestContext, kind: Exclude<ImportKind, 'orders'>, row: Row, dryRun: boolean) {
    const errors: FieldError[] = [];
    if (kind === 'products') {
      const sku = text(row, 'sku', errors, 64, true);
      const name = text(row, 'name', errors, 300, true);
      const price = int(row, 'price', errors, { min: 0, max: 1_000_000_000 });
      const currency = text(row, 'currency', errors, 3, true)?.toUpperCase();
      if (currency && !isCurrencyCode(currency))
        errors.push({ field: 'currency', message: `${currency} is not an ISO 4217 currency code` });
      const allowBackorder = bool(row, 'allow_backorder', errors);
      if (errors.length) return { errors };
      return this.inRowTransaction(ctx, dryRun, async (c) => {
        const [old] = await run<{ name: string; price_amount: number; currency: string; allow_backorder: boolean }>(
          c.em,
          productForUpdate(sku!),
        );
        if (
          old &&
          old.name === name &&
          old.price_amount === price &&
          old.currency === currency &&
          (allowBackorder == null || old.allow_backorder === allowBackorder)
        )
          return 'skipped';
        const r = await this.products.upsert(
          c,
          Object.assign(new UpsertProductInput(), { sku, name, price, currency, allowBackorder }),
        );
        if (r.userErrors.length)
          throw new RowInvalid(
            r.userErrors.map((u) => ({
              field: columnOf(u.field, { price: 'price', allowBackorder: 'allow_backorder' }),
              message: u.message,
            })),
          );
        return old ? 'updated' : 'created';
      });
    }
    if (kind === 'customers') {
      const email = text(row, 'email', errors, 320, true)?.toLowerCase();
      if (email && !isEmail(email)) errors.push({ field: 'email', message: 'email must be a valid e-mail address' });
      const name = text(row, 'name', errors, 200);
      if (errors.length) return { errors };
      return this.inRowTransaction(ctx, dryRun, async (c) => {
        const r = await this.customers.upsert(c, { email: email!, name });
        if (r.userErrors.length)
          throw new RowInvalid(r.userErrors.map((u) => ({ field: u.field?.[0] ?? null, message: u.message })));
        return r.outcome === 'unchanged' ? 'skipped' : r.outcome!;
      });
    }
    // stock
    const sku = text(row, 'sku', errors, 64, true);
    const warehouseCode = text(row, 'warehouse_code', errors, 64, true);
    const mode = (row.mode ?? '').trim().toLowerCase() || 'set';
    if (mode !== 'set' && mode !== 'adjust') errors.push({ field: 'mode', message: 'mode must be set or adjust' });
    // An export's on_hand column is read as the quantity to set, so a stock export re-imports as it is.
    const quantityColumn = (row.quantity ?? '').trim() !== '' || !('on_hand' in row) ? 'quantity' : 'on_hand';
    const quantity = int(
      row,
      quantityColumn,
      errors,
      mode === 'set' ? { min: 0, max: 100_000_000 } : { min: -100_000_000, max: 100_000_000 },
    );
    if (mode === 'adjust' && quantity === 0 && !errors.length)
      errors.push({ field: 'quantity', message: 'quantity of an adjust row must not be 0' });
    const reason = text(row, 'reason', errors, 1000, mode === 'adjust');
    if (errors.length) return { errors };
    return this.inRowTransaction(ctx, dryRun, async (c) => {
      const [level] = await run<{ id: string; on_hand: number }>(c.em, stockLevelForUpdate(sku!, warehouseCode!));
      let delta = quantity;
      if (mode === 'set') {
        delta = quantity - (level?.on_hand ?? 0);
        if (delta === 0 && !level) {
          // Nothing to book, but an unknown SKU or warehouse is still a mistake in the file.
          const [known] = await run<{ p: boolean; w: boolean }>(c.em, productAndWarehouseExist(sku!, warehouseCode!));
          if (!known.p) throw new RowInvalid([{ field: 'sku', message: `No product with SKU ${sku}` }]);
          if (!known.w)
            throw new RowInvalid([{ field: 'warehouse_code', message: `No warehouse with code ${warehouseCode}` }]);
        }
        if (delta === 0) return 'skipped';
      } else {
        // The reason names the adjustment: one already booked for this SKU and warehouse is not booked twice.
        const [done] = await run(c.em, adjustmentBooked(sku!, warehouseCode!, reason ?? null));
        if (done) return 'skipped';
      }
      const r = await this.inventory.adjust(
        c,
        Object.assign(new AdjustStockInput(), {
          sku,
          warehouseCode,
          delta,
          reason: reason ?? `import: set on hand to ${quantity}`,
        }),
      );
      if (r.userErrors.length) {
        throw new RowInvalid(
          r.userErrors.map((u) => ({
            field: columnOf(u.field, {
              sku: 'sku',
              warehouseCode: 'warehouse_code',
              delta: quantityColumn,
              reason: 'reason',
            }),
            message: u.message,
          })),
        );
      }
      return level ? 'updated' : 'created';
    });
  }

  /** One order from its rows (a row per line): parsed, then created by OrderImport.importOrder (order/order-import.ts). */
  private async applyOrder(
    ctx: RequestContext,
    rows: { line: number; row: Row }[],
    dryRun: boolean,
  ): Promise<{ outcome?: Outcome; errors: FieldError[] }> {
    const errors: FieldError[] = [];
    const first = rows[0].row;
    // Order columns come from the first row; later rows may repeat them or leave them empty.
    for (const { line, row } of rows.slice(1)) {
      for (const c of ORDER_LEVEL) {
        if (c in row && row[c].trim() !== '' && row[c].trim() !== (first[c] ?? '').trim()) {
          errors.push({ line, field: c, message: `${c} differs from the order's first row (line ${rows[0].line})` });
        }
      }
    }
    const at = (line: number) => (e: FieldError) => ({ ...e, line: e.line ?? line });
    const orderErrors: FieldError[] = [];
    const status = (first.status ?? '').trim().toUpperCase() as OrderStatus;
    if (!(Object.values(OrderStatus) as string[]).includes(status))
      orderErrors.push({ field: 'status', message: `status must be one of ${Object.values(OrderStatus).join(', ')}` });
    const before = (first.status_before_hold ?? '').trim().toUpperCase();
    if (before && !(HOLDABLE as string[]).includes(before))
      orderErrors.push({
        field: 'status_before_hold',
        message: `status_before_hold must be one of ${HOLDABLE.join(', ')}`,
      });
    const email = text(first, 'customer_email', orderErrors, 320, true)?.toLowerCase();
    if (email && !isEmail(email))
      orderErrors.push({ field: 'customer_email', message: 'customer_email must be a valid e-mail address' });
    const country = text(first, 'ship_country', orderErrors, 2, true)?.toUpperCase();
    if (country && !/^[A-Z]{2}$/.test(country))
      orderErrors.push({
        field: 'ship_country',
        message: 'ship_country must be an ISO 3166-1 alpha-2 code such as DE',
      });
    const payments = jsonArray(first, 'payments', orderErrors).map((element, i) => {
      const p = fields(element);
      if (
        !p ||
        !posInt(p.amount) ||
        typeof p.method !== 'string' ||
        !p.method ||
        p.method.length > 64 ||
        !optStr(p.reference, 200) ||
        !optStr(p.recordedBy, 200)
      ) {
        orderErrors.push({
          field: 'payments',
          message: `payments[${i}] needs amount (a positive whole number), method (text) and at; reference and recordedBy are optional`,
        });
      }
      // Wrong types were reported above (and the order is then not imported).
      return {
        amount: p?.amount as number,
        method: p?.method as string,
        reference: (p?.reference ?? undefined) as string | undefined,
        recordedBy: (p?.recordedBy ?? undefined) as string | undefined,
        at: date(p?.at, 'payments', orderErrors, `payments[${i}].at`),
      };
    });
    const refunds = jsonArray(first, 'refunds', orderErrors).map((element, i) => {
      const r = fields(element);
      if (!r || !posInt(r.amount) || !optStr(r.reason, 1000) || !optStr(r.recordedBy, 200)) {
        orderErrors.push({
          field: 'refunds',
          message: `refunds[${i}] needs amount (a positive whole number) and at; reason and recordedBy are optional`,
        });
      }
      return {
        amount: r?.amount as number,
        reason: (r?.reason ?? undefined) as string | undefined,
        recordedBy: (r?.recordedBy ?? undefined) as string | undefined,
        at: date(r?.at, 'refunds', orderErrors, `refunds[${i}].at`),
      };
    });
    const shipments = jsonArray(first, 'shipments', orderErrors).map((element, i) => {
      const s = fields(element);
      const st = s?.status ?? 'SHIPPED';
      if (
        !s ||
        typeof s.warehouse !== 'string' ||
        !['SHIPPED', 'DELIVERED'].includes(st as string) ||
        !optStr(s.carrier, 100) ||
        !optStr(s.trackingNumber, 200) ||
        !Array.isArray(s.lines) ||
        !s.lines.length ||
        !s.lines.every((l: unknown) => {
          const f = fields(l);
          return f && typeof f.sku === 'string' && posInt(f.quantity);
        })
      ) {
        orderErrors.push({
          field: 'shipments',
          message: `shipments[${i}] needs warehouse, shippedAt and lines [{ sku, quantity }]; status (SHIPPED or DELIVERED), carrier, trackingNumber and deliveredAt are optional`,
        });
      }
      return {
        warehouse: s?.warehouse as string,
        status: st as 'SHIPPED' | 'DELIVERED',
        carrier: (s?.carrier ?? undefined) as string | undefined,
        trackingNumber: (s?.trackingNumber ?? undefined) as string | undefined,
        shippedAt: date(s?.shippedAt, 'shipments', orderErrors, `shipments[${i}].shippedAt`),
        deliveredAt: s?.deliveredAt
          ? date(s.deliveredAt, 'shipments', orderErrors, `shipments[${i}].deliveredAt`)
          : undefined,
        lines: Array.isArray(s?.lines)
          ? s.lines.map((l: unknown) => ({ sku: fields(l)?.sku as string, quantity: fields(l)?.quantity as number }))
          : [],
      };
    });
    const input: ImportedOrder = {
      channelCode: text(first, 'channel', orderErrors, 64, true) ?? '',
      number: text(first, 'number', orderErrors, 32),
      externalId: text(first, 'external_id', orderErrors, 128),
      status,
      statusBeforeHold: (before || undefined) as OrderStatus | undefined,
      holdReason: text(first, 'hold_reason', orderErrors, 1000),
      cancelReason: text(first, 'cancel_reason', orderErrors, 1000),
      placedAt: date(first.placed_at, 'placed_at', orderErrors),
      currency: text(first, 'currency', orderErrors, 3)?.toUpperCase(),
      customer: { email: email ?? '', name: text(first, 'customer_name', orderErrors, 200) },
      shippingAddress: {
        name: text(first, 'ship_name', orderErrors, 200),
        line1: text(first, 'ship_line1', orderErrors, 300, true) ?? '',
        line2: text(first, 'ship_line2', orderErrors, 300),
        city: text(first, 'ship_city', orderErrors, 200, true) ?? '',
        postalCode: text(first, 'ship_postal_code', orderErrors, 32, true) ?? '',
        country: country ?? '',
      },
      shippingAmount: int(first, 'shipping_amount', orderErrors, { min: 0, max: 100_000_000, optional: true }),
      note: text(first, 'note', orderErrors, 2000),
      total: (first.total ?? '').trim() ? int(first, 'total', orderErrors, { min: 0 }) : undefined,
      taxTotal: (first.tax_total ?? '').trim() ? int(first, 'tax_total', orderErrors, { min: 0 }) : undefined,
      lines: [],
      payments,
      refunds,
      shipments,
    };
    if (!input.externalId && !input.number)
      orderErrors.push({
        field: 'external_id',
        message: 'external_id or number is required (the key that makes a re-run safe)',
      });
    errors.push(...orderErrors.map(at(rows[0].line)));
    for (const { line, row } of rows) {
      const le: FieldError[] = [];
      input.lines.push({
        sku: text(row, 'sku', le, 64, true) ?? '',
        name: text(row, 'name', le, 300),
        quantity: int(row, 'quantity', le, { min: 1, max: 1_000_000 }),
        unitPrice: int(row, 'unit_price', le, { min: 0, max: 1_000_000_000 }),
        // Optional: empty is no tax amount (then from tax_rate, else 0) and no rate.
        taxAmount: (row.tax_amount ?? '').trim() ? int(row, 'tax_amount', le, { min: 0, max: INT4_MAX }) : undefined,
        taxRate: (row.tax_rate ?? '').trim() ? int(row, 'tax_rate', le, { min: 0, max: 100_000 }) : undefined,
        quantityShipped: int(row, 'quantity_shipped', le, { min: 0, optional: true }),
        quantityReturned: int(row, 'quantity_returned', le, { min: 0, optional: true }),
      });
      errors.push(...le.map(at(line)));
    }
    if (errors.length) return { errors };

    return this.inRowTransaction(ctx, dryRun, async (c) => {
      const r = await this.orders.importOrder(c, input);
      if (r.userErrors.length) {
        throw new RowInvalid(
          r.userErrors.map((u) => {
            const f = u.field ?? [];
            if (f[0] === 'lines' && f.length >= 3)
              return { line: rows[Number(f[1])]?.line, field: f[2], message: u.message };
            return { line: rows[0].line, field: f[0] ?? null, message: u.message };
          }),
        );
      }
      return r.outcome === 'skipped' ? 'skipped' : 'created';
    });
  }
}

/** The key an order's rows share. */
function orderKey(row: Row, line: number): string {
  const channel = (row.channel ?? '').trim();
  const ext = (row.external_id ?? '').trim();
  const number = (row.number ?? '').trim();
  if (ext) return `${channel}\u0000x\u0000${ext}`;
  if (number) return `\u0000n\u0000${number}`;
  return `\u0000line\u0000${line}`;
}

/** A service's field path (["input", "price"]) as the import's column name. */
function columnOf(field: string[] | undefined, names: Record<string, string>): string | null {
  const last = field?.[field.length - 1];
  return last ? (names[last] ?? last) : null;
}
