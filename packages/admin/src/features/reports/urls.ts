/**
 * The reports' filters as URL state, so a view can be bookmarked and shared:
 * /reports?tab=fulfilment&from=2026-03-01&to=2026-03-31&bucket=WEEK&channel=WEB&warehouse=BER
 * Days are UTC days (the server's rollups are per UTC day); `to` is included whole.
 */
import { ReportBucket, ReportFilter } from '../../graphql/generated';

export const TABS = ['sales', 'fulfilment', 'exceptions', 'inventory', 'top'] as const;
export type ReportTab = (typeof TABS)[number];

export interface ReportParams {
  tab: ReportTab;
  /** yyyy-mm-dd, UTC, inclusive */
  from: string;
  to: string;
  bucket: ReportBucket;
  channel?: string;
  warehouse?: string;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const BUCKETS = new Set<string>(Object.values(ReportBucket));
const utcDay = (d: Date) => d.toISOString().slice(0, 10);
export const addDays = (day: string, n: number) => utcDay(new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000));

/** Default: the last 30 days, today included. */
export function parseReportParams(search: URLSearchParams, now = new Date()): ReportParams {
  const today = utcDay(now);
  const from = search.get('from') ?? '';
  const to = search.get('to') ?? '';
  const tab = search.get('tab') ?? '';
  const bucket = search.get('bucket') ?? '';
  return {
    tab: (TABS as readonly string[]).includes(tab) ? (tab as ReportTab) : 'sales',
    from: DAY.test(from) ? from : addDays(today, -29),
    to: DAY.test(to) ? to : today,
    bucket: BUCKETS.has(bucket) ? (bucket as ReportBucket) : ReportBucket.Day,
    channel: search.get('channel') || undefined,
    warehouse: search.get('warehouse') || undefined,
  };
}

export function reportSearch(p: ReportParams): URLSearchParams {
  const s = new URLSearchParams();
  s.set('tab', p.tab);
  s.set('from', p.from);
  s.set('to', p.to);
  s.set('bucket', p.bucket);
  if (p.channel) s.set('channel', p.channel);
  if (p.warehouse) s.set('warehouse', p.warehouse);
  return s;
}

/** The server filter: [from 00:00 UTC, the day after `to` 00:00 UTC). */
export function toReportFilter(p: ReportParams): ReportFilter {
  return {
    from: `${p.from}T00:00:00.000Z`,
    to: `${addDays(p.to, 1)}T00:00:00.000Z`,
    bucket: p.bucket,
    channelCode: p.channel ?? null,
    warehouseCode: p.warehouse ?? null,
  };
}
