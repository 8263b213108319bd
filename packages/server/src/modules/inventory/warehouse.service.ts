/** Warehouses. */
import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import { createRecord } from '../../common/catalog-write';
import { decodeCursor, LEGACY_LIST_CAP, pageSize, toConnection } from '../../common/pagination';
import type { RequestContext } from '../../common/context';
import { CreateWarehouseInput } from './inventory.inputs';
import { recordAudit } from '../auth';
import { Warehouse } from './warehouse.entity';

export class WarehouseService {
  /** Deprecated unpaged list: at most LEGACY_LIST_CAP warehouses. */
  list(em: EntityManager): Promise<Warehouse[]> {
    return em.find(Warehouse, {}, { orderBy: { priority: 'asc', code: 'asc' }, limit: LEGACY_LIST_CAP });
  }

  /** Warehouses in sourcing order, a page at a time. */
  async page(em: EntityManager, args: { first?: number | null; after?: string | null }) {
    const limit = pageSize(args.first);
    const cursor = decodeCursor(args.after, 2);
    const where: FilterQuery<Warehouse> = cursor
      ? {
          $or: [
            { priority: { $gt: Number(cursor[0]) } },
            { priority: Number(cursor[0]), code: { $gt: String(cursor[1]) } },
          ],
        }
      : {};
    const items = await em.find(Warehouse, where, { orderBy: { priority: 'asc', code: 'asc' }, limit: limit + 1 });
    return toConnection(
      items,
      limit,
      (w) => [w.priority, w.code],
      () => em.count(Warehouse, {}),
    );
  }

  async create(ctx: RequestContext, input: CreateWarehouseInput) {
    const r = await createRecord(
      ctx,
      input,
      'code',
      async (em) => {
        const w = new Warehouse(input.code, input.name, input.priority);
        em.persist(w);
        recordAudit(em, ctx, 'warehouse.create', 'warehouse', w.id, {
          code: w.code,
          name: w.name,
          priority: w.priority,
        });
        await em.flush();
        return w;
      },
      `A warehouse with code ${input?.code} already exists`,
    );
    return { warehouse: r.value, userErrors: r.userErrors };
  }
}
