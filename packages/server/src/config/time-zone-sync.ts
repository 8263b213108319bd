/**
 * Start-up step: the database learns the store time zone (OMS_TIME_ZONE). When it differs from
 * the one stored, in one transaction the setting changes and the dashboard's sales per day are
 * computed again from the orders; every analytics day is marked for the refresh job, which
 * recomputes the report rollups by the new days within a minute or two. Until then reports may
 * show the old days' figures.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from '../common/logger';
import { sql } from '../common/sql';
import { markAllAnalyticsDays } from '../modules/analytics/rollups';
import {
  checkTimeZone,
  clearOrderSalesDaily,
  refillOrderSalesDaily,
  saveTimeZone,
  storedTimeZone,
} from './time-zone.sql';

export async function syncTimeZone(em: EntityManager, timeZone: string, log: Logger): Promise<boolean> {
  const [row] = await sql<{ value: string }>(em, storedTimeZone().text);
  if (row?.value === timeZone) return false;
  try {
    const q = checkTimeZone(timeZone);
    await sql(em, q.text, q.values);
  } catch {
    throw new Error(`OMS_TIME_ZONE: PostgreSQL does not know the time zone "${timeZone}"`);
  }
  const started = Date.now();
  await em.transactional(async (tx) => {
    const save = saveTimeZone(timeZone);
    await sql(tx, save.text, save.values);
    await sql(tx, clearOrderSalesDaily().text);
    await sql(tx, refillOrderSalesDaily().text);
    await markAllAnalyticsDays(tx);
  });
  log.info(
    { from: row?.value ?? 'UTC', to: timeZone, ms: Date.now() - started },
    'store time zone changed: sales per day recomputed, report days marked for the analytics refresh',
  );
  return true;
}
