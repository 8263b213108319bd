import { Arg, Authorized, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../common/context';
import { Node } from '../../common/node';
import { MAX_NODE_IDS } from '../../common/pagination';
import { NodeService } from './node.service';

@Resolver()
export class NodeResolver {
  constructor(private readonly service: NodeService) {}

  @Authorized()
  @Query(() => Node, {
    nullable: true,
    description:
      'Any Order, Product, Customer, Warehouse or Channel by its id, under the rules of its own query: null when it does not exist, is not visible to the caller, or the id is not a UUID.',
  })
  node(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    return this.service.node(ctx, id);
  }

  @Authorized()
  @Query(() => [Node], {
    nullable: 'items',
    description: `Several objects by id (at most ${MAX_NODE_IDS}), in the order asked; null for each one node(id) would answer null for.`,
  })
  nodes(@Ctx() ctx: RequestContext, @Arg('ids', () => [ID]) ids: string[]) {
    return this.service.nodes(ctx, ids);
  }
}
