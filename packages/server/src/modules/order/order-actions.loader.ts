/**
 * Batches the fulfilment counts Order.availableActions needs: every order of a page that asks in
 * the same turn of the event loop is read by one statement (order-actions.sql.ts), instead of one
 * query per order or loading every shipment and line as entities.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { run } from '../../common/sql';
import { fulfilmentCounts, FulfilmentCountsRow } from './order-actions.sql';

export interface FulfilmentCounts {
  undeliveredShipments: number;
  returnableUnits: number;
}

interface Batch {
  ids: Set<string>;
  result: Promise<Map<string, FulfilmentCounts>>;
}

/** One open batch per request (its context object), collected until the event loop turns. */
const open = new WeakMap<object, Batch>();
/**
 * The counts of each order entity, once: a subscription update's order is one entity shared by
 * every subscriber (order-update.loader.ts), so its counts are read once, not once per screen.
 */
const known = new WeakMap<object, Promise<FulfilmentCounts>>();

export function loadFulfilmentCounts(
  request: object,
  em: EntityManager,
  order: { id: string },
): Promise<FulfilmentCounts> {
  const cached = known.get(order);
  if (cached) return cached;
  let batch = open.get(request);
  if (!batch) {
    const ids = new Set<string>();
    const result = new Promise<Map<string, FulfilmentCounts>>((resolve, reject) => {
      setImmediate(() => {
        open.delete(request);
        run<FulfilmentCountsRow>(em, fulfilmentCounts([...ids]))
          .then((rows) =>
            resolve(
              new Map(
                rows.map((r) => [
                  r.id,
                  { undeliveredShipments: r.undelivered_shipments, returnableUnits: r.returnable_units },
                ]),
              ),
            ),
          )
          .catch(reject);
      });
    });
    batch = { ids, result };
    open.set(request, batch);
  }
  batch.ids.add(order.id);
  const counts = batch.result.then((all) => all.get(order.id) ?? { undeliveredShipments: 0, returnableUnits: 0 });
  known.set(order, counts);
  return counts;
}
