/** Warehouses. */
import type { EntityManager } from '@mikro-orm/postgresql';
import { createRecord } from '../../common/catalog-write';
import type { RequestContext } from '../../common/context';
import { CreateWarehouseInput } from './inventory.inputs';
import { recordAudit } from '../auth/audit';
import { Warehouse } from './warehouse.entity';

export class WarehouseService {
  list(em: EntityManager): Promise<Warehouse[]> {
    return em.find(Warehouse, {}, { orderBy: { priority: 'asc', code: 'asc' } });
  }

  async create(ctx: RequestContext, input: CreateWarehouseInput) {
    const r = await createRecord(ctx, input, 'code', async (em) => {
      const w = new Warehouse(input.code, input.name, input.priority);
      em.persist(w);
      recordAudit(em, ctx, 'warehouse.create', 'warehouse', w.id, { code: w.code, name: w.name, priority: w.priority });
      await em.flush();
      return w;
    }, `A warehouse with code ${input?.code} already exists`);
    return { warehouse: r.value, userErrors: r.userErrors };
  }
}
