/**
 * The store's time zone (Query.storeTimeZone, OMS_TIME_ZONE on the server): the dashboard's
 * "today" and "this week" and the reports' days are the store's days, whatever the browser's zone.
 */
import { useStoreTimeZoneQuery } from '../graphql/generated';

/** The store's zone once known (UTC until the server has answered or if it cannot be asked). */
export function useStoreTimeZone(): { timeZone: string; loading: boolean } {
  const { data, loading } = useStoreTimeZoneQuery({ fetchPolicy: 'cache-first' });
  return { timeZone: data?.storeTimeZone ?? 'UTC', loading: loading && !data };
}

/** 'YYYY-MM-DD' of an instant in the zone. */
export function dayInZone(date: Date, timeZone: string): string {
  // en-CA writes dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(date);
}

/** The instant a day ('YYYY-MM-DD') begins in the zone. */
export function midnightInZone(day: string, timeZone: string): Date {
  const wall = Date.parse(`${day}T00:00:00Z`);
  // The zone's wall clock at a given instant, read as if it were UTC, minus the instant: the offset.
  const offset = (at: number) => {
    const p = Object.fromEntries(
      new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      })
        .formatToParts(new Date(at))
        .filter((x) => x.type !== 'literal')
        .map((x) => [x.type, Number(x.value)]),
    );
    return Date.UTC(p.year, p.month - 1, p.day, p.hour % 24, p.minute, p.second) - Math.floor(at / 1000) * 1000;
  };
  const first = wall - offset(wall);
  return new Date(wall - offset(first));
}

export const addDaysTo = (day: string, n: number): string =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** Midnight today, and Monday's midnight this week, in the zone. */
export function todayAndWeekStart(timeZone: string, now = new Date()): { today: Date; week: Date } {
  const day = dayInZone(now, timeZone);
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay(); // 0 = Sunday
  return {
    today: midnightInZone(day, timeZone),
    week: midnightInZone(addDaysTo(day, -((weekday + 6) % 7)), timeZone),
  };
}
