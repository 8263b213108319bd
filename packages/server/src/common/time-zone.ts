/**
 * The store's time zone (OMS_TIME_ZONE, an IANA name, default UTC): the calendar days of reports
 * and the dashboard, and the dates printed on documents. The database knows it too, as
 * oms_time_zone() (table oms_setting), which the server sets at start-up (config/time-zone-sync.ts)
 * so that SQL and triggers bucket by the same days as this code.
 */
const formats = new Map<string, Intl.DateTimeFormat>();
let zone = 'UTC';

/** Whether the runtime knows the IANA time zone name. */
export function isTimeZone(name: string): boolean {
  if (!name || name.length > 64) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

export function setStoreTimeZone(name: string): void {
  if (!isTimeZone(name)) throw new Error(`Unknown time zone ${name}`);
  zone = name;
}

export function storeTimeZone(): string {
  return zone;
}

function partsFormat(tz: string): Intl.DateTimeFormat {
  let f = formats.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formats.set(tz, f);
  }
  return f;
}

function wallClock(instant: number, tz: string): { y: number; m: number; d: number; h: number; mi: number; s: number } {
  const p: Record<string, number> = {};
  for (const part of partsFormat(tz).formatToParts(new Date(instant)))
    if (part.type !== 'literal') p[part.type] = Number(part.value);
  return { y: p.year, m: p.month, d: p.day, h: p.hour % 24, mi: p.minute, s: p.second };
}

/** The calendar day ('YYYY-MM-DD') of an instant in the zone. */
export function dayIn(date: Date, tz: string = zone): string {
  const w = wallClock(date.getTime(), tz);
  return `${String(w.y).padStart(4, '0')}-${String(w.m).padStart(2, '0')}-${String(w.d).padStart(2, '0')}`;
}

/** The zone's offset from UTC at an instant, in milliseconds (e.g. +3,600,000 for Berlin in winter). */
function offsetAt(instant: number, tz: string): number {
  const w = wallClock(instant, tz);
  return Date.UTC(w.y, w.m - 1, w.d, w.h, w.mi, w.s) - (instant - (((instant % 1000) + 1000) % 1000));
}

/** The instant the day ('YYYY-MM-DD') starts in the zone (midnight local time). */
export function zonedMidnight(day: string, tz: string = zone): Date {
  const wall = Date.parse(`${day}T00:00:00Z`);
  let t = wall - offsetAt(wall, tz);
  t = wall - offsetAt(t, tz);
  return new Date(t);
}

/** A date (no time) as the store writes it on documents: '7 Dec 2026'. */
export function formatStoreDate(date: Date, tz: string = zone): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone: tz, day: 'numeric', month: 'short', year: 'numeric' }).format(
    date,
  );
}
