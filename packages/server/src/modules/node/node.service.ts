/**
 * Query.node / Query.nodes: any Node by its id, under the same rules as the type's own query
 * (order(id), product(sku), the channels and warehouses lists, Order.customer): a type the caller
 * may not read, an object outside its channels, an unknown id and a malformed one all answer null,
 * alike, so a refusal tells nothing about what exists.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { can, channelScope } from '../../common/access';
import type { RequestContext } from '../../common/context';
import { BadRequestError } from '../../common/errors';
import { isUuid } from '../../common/limits';
import { MAX_NODE_IDS } from '../../common/pagination';
import { sql } from '../../common/sql';
import { Permission } from '../auth';
import { Product } from '../catalog';
import { Channel } from '../channel';
import { Customer } from '../customer';
import { Warehouse } from '../inventory';
import { Order } from '../order';
import { NodeScope, NodeType, visibleNodes } from './node.sql';

/** The permissions that let a caller read a type: those of its own query. */
const READ: Record<NodeType, Permission[]> = {
  Order: [Permission.ORDER_READ],
  Product: [Permission.PRODUCT_READ],
  // A customer is reached through an order (Order.customer): both are needed.
  Customer: [Permission.ORDER_READ, Permission.CUSTOMER_READ],
  Warehouse: [Permission.WAREHOUSE_READ],
  Channel: [Permission.CHANNEL_READ],
};

const ENTITIES = { Order, Product, Customer, Warehouse, Channel } as const;

type AnyNode = Order | Product | Customer | Warehouse | Channel;

export class NodeService {
  node(ctx: RequestContext, id: string): Promise<AnyNode | null> {
    return this.nodes(ctx, [id]).then((n) => n[0]);
  }

  /** The objects of `ids`, in their order (null where not visible); at most MAX_NODE_IDS ids. */
  async nodes(ctx: RequestContext, ids: string[]): Promise<(AnyNode | null)[]> {
    if (ids.length > MAX_NODE_IDS)
      throw new BadRequestError(`ids must hold at most ${MAX_NODE_IDS} ids (got ${ids.length})`);
    const wanted = [...new Set(ids.filter(isUuid).map((id) => id.toLowerCase()))];
    const found = wanted.length ? await this.load(ctx.em, wanted, this.scope(ctx)) : new Map<string, AnyNode>();
    return ids.map((id) => (isUuid(id) ? (found.get(id.toLowerCase()) ?? null) : null));
  }

  private scope(ctx: RequestContext): NodeScope {
    const types = new Set((Object.keys(READ) as NodeType[]).filter((t) => READ[t].every((p) => can(ctx, p))));
    const channels = channelScope(ctx);
    return { types, channelIds: channels ? [...channels] : undefined };
  }

  private async load(em: EntityManager, ids: string[], scope: NodeScope): Promise<Map<string, AnyNode>> {
    const statement = visibleNodes(ids, scope);
    if (!statement) return new Map();
    const rows = await sql<{ type: NodeType; id: string }>(em, statement.text, statement.values);
    const byType = new Map<NodeType, string[]>();
    for (const r of rows) byType.set(r.type, [...(byType.get(r.type) ?? []), r.id]);
    const out = new Map<string, AnyNode>();
    for (const [type, typeIds] of byType) {
      const entity = ENTITIES[type] as new (...args: never[]) => AnyNode;
      const objects = (await em.find(entity, { id: { $in: typeIds } } as never)) as AnyNode[];
      for (const o of objects) if (!out.has(o.id)) out.set(o.id, o);
    }
    return out;
  }
}
