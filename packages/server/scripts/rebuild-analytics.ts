/**
 * Recomputes the analytics rollups from the orders and stock movements, day by day (one
 * transaction per day, idempotent; safe while the server runs). For after a bulk import, a
 * restore or a repair with SQL.
 * Usage: DATABASE_URL=postgres://... pnpm --filter @oms/server analytics:rebuild [from-day [to-day]]
 *   days are yyyy-mm-dd (UTC), `to` exclusive; default: every day with data, up to today.
 */
import 'reflect-metadata';
import { MikroORM } from '@mikro-orm/postgresql';
import { ormOptions } from '../src/config/mikro-orm.config';
import { addDays, dataRange, dayOf, rebuildRange } from '../src/modules/analytics/rollups';

async function run() {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is required');
  const [fromArg, toArg] = process.argv.slice(2);
  const day = /^\d{4}-\d{2}-\d{2}$/;
  for (const a of [fromArg, toArg]) if (a && !day.test(a)) throw new Error(`"${a}" is not a yyyy-mm-dd day`);
  const orm = await MikroORM.init(ormOptions(url));
  try {
    const range = await dataRange(orm.em.fork());
    const from = fromArg ?? range?.from;
    const to = toArg ?? addDays(dayOf(new Date()), 1);
    if (!from) {
      console.log('no orders or stock movements: nothing to rebuild');
      return;
    }
    const started = Date.now();
    const days = await rebuildRange(orm.em, from, to, (d) => {
      if (d.endsWith('-01')) console.log(`rebuilt up to ${d}`);
    });
    console.log(
      `rebuilt ${days} days (${from} to ${to}, exclusive) in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
  } finally {
    await orm.close(true);
  }
}

run().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
