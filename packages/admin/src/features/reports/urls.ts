/**
 * The reports' filters as URL state, so a view can be bookmarked and shared:
 * /reports?tab=fulfilment&from=2026-03-01&to=2026-03-31&bucket=WEEK&channel=WEB&warehouse=BER
 * Days are the store's days (OMS_TIME_ZONE: the server's rollups are per store day); `to` is included whole.
 */
import { ReportBucket, ReportFilter } from '../../graphql/generated';
import { addDaysTo, dayInZone, midnightInZone } from '../../lib/time-zone';

export const TABS = ['sales', 'fulfilment', 'exceptions', 'inventory', 'top'] as const;
export type ReportTab = (typeof TABS)[number];

export interface ReportParams {
  tab: ReportTab;
  /** yyyy-mm-dd, in the store's time zone, inclusive */
  from: string;
  to: string;
  bucket: ReportBucket;
  channel?: string;
  warehouse?: string;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const BUCKETS = new Set<string>(Object.values(ReportBucket));
export const addDays = addDaysTo;

/** Default: the last 30 days of the store's calendar, today included. */
export function parseReportParams(search: URLSearchParams, now = new Date(), timeZone = 'UTC'): ReportParams {
  const today = dayInZone(now, timeZone);
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

/** The server filter: [from's midnight, the midnight after `to`), in the store's time zone. */
export function toReportFilter(p: ReportParams, timeZone = 'UTC'): ReportFilter {
  return {
    from: midnightInZone(p.from, timeZone).toISOString(),
    to: midnightInZone(addDays(p.to, 1), timeZone).toISOString(),
    bucket: p.bucket,
    channelCode: p.channel ?? null,
    warehouseCode: p.warehouse ?? null,
  };
}
