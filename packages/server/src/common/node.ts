/**
 * The Relay Node interface: an object that can be fetched again by its id alone (Query.node,
 * Query.nodes). The ids are the objects' own UUIDs, unchanged (docs/api.md, "Fetching any object
 * by id"): a UUID is unique across the tables of every Node type.
 */
import { Field, ID, InterfaceType } from 'type-graphql';

@InterfaceType({ description: 'An object that can be fetched again by its id alone (node, nodes).' })
export abstract class Node {
  @Field(() => ID, { description: 'A UUID, unique across every Node type.' })
  id: string;
}
