/** Warehouses. */
import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import { createRecord } from '../../common/catalog-write';
import { fetchOrder, keysetWhere, LEGACY_LIST_CAP, PageArgs, pageOf, toConnection } from '../../common/pagination';
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
  async page(em: EntityManager, args: PageArgs) {
    const page = pageOf(args, 2);
    const where: FilterQuery<Warehouse> = keysetWhere({}, ['priority', 'code'], 'asc', page, (p) => {
      if (!Number.isInteger(p[0])) throw new Error('not a priority');
      return [p[0], String(p[1])];
    });
    const items = await em.find(Warehouse, where, {
      orderBy: fetchOrder(['priority', 'code'], 'asc', page),
      limit: page.limit + 1,
    });
    return toConnection(
      items,
      page,
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
