/**
 * Gives every committed event its stream position, after its transaction committed.
 *
 * Why this holds by construction: a run takes one advisory lock (held until it commits), so runs
 * are serialized across every server process; it numbers only the events its snapshot sees as
 * committed, from a sequence that never hands out a smaller number later (CACHE 1). A reader whose
 * snapshot sees positions up to P saw them because the runs that assigned them had committed. A
 * position that becomes visible later was assigned by a run that had not committed then; that run
 * cannot have taken the lock before any of the earlier, committed runs (it would have committed
 * before they got the lock), so it took it after they committed, and its nextval calls came after
 * theirs: its positions are all larger than P. So a reader paging `position > cursor` never misses
 * one, however long any transaction runs: an event of a long transaction simply gets its position
 * when that transaction has committed, after everything numbered before.
 *
 * Any process may run it, as often as it likes: a run that finds nothing to number changes nothing.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { run } from '../../common/sql';
import { assignPositions, SEQUENCE_BATCH, takeSequencerLock, unpositionedExist } from './event-stream.sql';

/**
 * Numbers every event committed before the call (and any committed meanwhile). Returns how many
 * it numbered. Outside a transaction: its own runs commit, and a caller's own uncommitted events
 * would be invisible to it anyway.
 */
export async function assignStreamPositions(em: EntityManager): Promise<number> {
  const [{ pending }] = await run<{ pending: boolean }>(em, unpositionedExist());
  if (!pending) return 0;
  let total = 0;
  for (;;) {
    const loggerContext = em.getLoggerContext();
    const n = await em.fork({ loggerContext }).transactional(async (tx) => {
      for (const s of takeSequencerLock()) await run(tx, s);
      // The snapshot of this statement is taken after the lock: it sees what earlier runs numbered.
      const [{ n: numbered }] = await run<{ n: number }>(tx, assignPositions());
      return numbered;
    }, { loggerContext });
    total += n;
    if (n < SEQUENCE_BATCH) return total;
  }
}
