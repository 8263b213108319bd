/**
 * Gives every committed event its stream position, after its transaction committed.
 *
 * Why this holds by construction: a run takes one advisory lock (held until it commits), so runs
 * are serialized across every server process; it numbers only the events its snapshot sees as
 * committed, from a sequence that never hands out a smaller number later (CACHE 1). A reader whose
 * snapshot sees positions up to P saw them because the runs that assigned them had committed. A
 * position that becomes visible later was assigned by a run that had not committed then; that run
 * cannot have taken the lock before any of the earlier, committed runs (it would have committed
 * before they got the lock: PostgreSQL releases a transaction's locks only after its commit is
 * visible), so it took it after they committed, and its nextval calls came after theirs: its
 * positions are all larger than P. (Without the lock, two concurrent runs could commit in the
 * opposite order of their nextval calls, and a reader could see the larger numbers first.) So a reader paging `position > cursor` never misses
 * one, however long any transaction runs: an event of a long transaction simply gets its position
 * when that transaction has committed, after everything numbered before.
 *
 * Any process may run it, as often as it likes: a run that finds nothing to number changes nothing.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { run } from '../../common/sql';
import { assignPositions, SEQUENCE_BATCH } from './event-stream.sql';

/**
 * Numbers every event committed before the call (and any committed meanwhile). Returns how many
 * it numbered. Each run is one statement, its own transaction (the database function checks first,
 * without the lock, whether anything waits). Call it outside a transaction: inside one, its
 * positions would become visible (and the lock free) only when that transaction ends.
 */
export async function assignStreamPositions(em: EntityManager): Promise<number> {
  let total = 0;
  for (;;) {
    const [{ n }] = await run<{ n: number }>(em, assignPositions());
    total += n;
    if (n < SEQUENCE_BATCH) return total;
  }
}
