import { dayInZone, midnightInZone, todayAndWeekStart } from './time-zone';

test("a day's midnight in the store's zone, across summer time", () => {
  expect(midnightInZone('2026-12-07', 'Europe/Berlin').toISOString()).toBe('2026-12-06T23:00:00.000Z');
  expect(midnightInZone('2026-07-01', 'Europe/Berlin').toISOString()).toBe('2026-06-30T22:00:00.000Z');
  expect(midnightInZone('2026-12-07', 'America/New_York').toISOString()).toBe('2026-12-07T05:00:00.000Z');
  expect(midnightInZone('2026-12-07', 'UTC').toISOString()).toBe('2026-12-07T00:00:00.000Z');
});

test("today and this week are the store's, not the browser's", () => {
  // Sunday 6 December, 12:00 UTC, is already Monday 7 December in Auckland (UTC+13).
  const now = new Date('2026-12-06T12:00:00Z');
  expect(dayInZone(now, 'Pacific/Auckland')).toBe('2026-12-07');
  expect(todayAndWeekStart('Pacific/Auckland', now)).toEqual({
    today: new Date('2026-12-06T11:00:00Z'),
    week: new Date('2026-12-06T11:00:00Z'),
  });
  // In UTC it is still Sunday: the week began on Monday 30 November.
  expect(todayAndWeekStart('UTC', now)).toEqual({
    today: new Date('2026-12-06T00:00:00Z'),
    week: new Date('2026-11-30T00:00:00Z'),
  });
});
