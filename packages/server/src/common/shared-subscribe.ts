/**
 * Subscription execution shared between subscribers (graphql-ws `subscribe`). graphql-js runs a
 * subscription's selection once per event per subscriber; with 1,000 screens on one channel that
 * is 1,000 executions of the same selection over the same update. Here the result of one event is
 * computed once per *view*: the same operation text, variables and access (actor kind,
 * permissions, channel scope, must-change-password), and handed to every subscriber with that
 * view. What a subscriber may see is part of the view, so redaction stays per subscriber: a
 * subscriber without CUSTOMER_READ never gets the result computed for one with it.
 *
 * Only for root fields whose result depends on nothing else of the subscriber (SHARED_FIELDS);
 * every other subscription runs as graphql-js runs it. Results are kept per event object (the
 * stream publishes one object per update to every subscriber of the process), in a WeakMap, so
 * they go with the event.
 */
import {
  createSourceEventStream,
  DocumentNode,
  execute,
  ExecutionArgs,
  ExecutionResult,
  FieldNode,
  getOperationAST,
  GraphQLError,
  GraphQLSchema,
  Kind,
  OperationDefinitionNode,
  parse,
  Source,
  subscribe,
  visit,
} from 'graphql';
import type { RequestContext } from './context';

/** Parsed documents kept, by their text (least recently used dropped first). */
const MAX_DOCUMENTS = 500;
const documents = new Map<string, DocumentNode>();
const documentIds = new WeakMap<DocumentNode, number>();
let nextDocumentId = 0;
const validated = new WeakMap<GraphQLSchema, WeakMap<DocumentNode, readonly GraphQLError[]>>();

/**
 * The parsed document of an operation's text, one object for every subscriber that sends the same
 * text: a document (its tokens and locations) is about 15 KB, which 1,000 wall screens would
 * otherwise each hold for as long as they stay connected. Documents are never changed after
 * parsing (graphql-js treats them as immutable). A syntax error throws, as `parse` does.
 */
export function parseShared(source: string | Source): DocumentNode {
  if (typeof source !== 'string') return parse(source);
  let doc = documents.get(source);
  if (doc) {
    documents.delete(source); // most recently used last
  } else {
    doc = parse(source);
    documentIds.set(doc, nextDocumentId++);
    if (documents.size >= MAX_DOCUMENTS) documents.delete(documents.keys().next().value!);
  }
  documents.set(source, doc);
  return doc;
}

/** Validates a document against a schema once (the rules are fixed per server): the same errors for the same document. */
export function validateOnce(
  schema: GraphQLSchema,
  document: DocumentNode,
  run: () => readonly GraphQLError[],
): readonly GraphQLError[] {
  let bySchema = validated.get(schema);
  if (!bySchema) validated.set(schema, (bySchema = new WeakMap()));
  let errors = bySchema.get(document);
  if (!errors) bySchema.set(document, (errors = run()));
  return errors;
}

/** Results shared by subscribers: their JSON once serialised (null until then). */
const serialised = new WeakMap<object, string | null>();

/**
 * The JSON of a shared result, serialised once for all the subscribers that get it (the WebSocket
 * transport, ws-transport.ts, wraps it in each subscriber's message); undefined for anything else.
 */
export function sharedJson(value: object): string | undefined {
  const json = serialised.get(value);
  if (json === undefined) return undefined;
  if (json !== null) return json;
  const text = JSON.stringify(value);
  serialised.set(value, text);
  return text;
}

/**
 * Root subscription fields whose result is a function of (event, operation, variables, access),
 * and whose own arguments only choose which events a subscriber gets (which order or channel,
 * where to resume), never what an event's result is: variables used only in those arguments are
 * not part of the view, so wall screens that resume from different events share one execution.
 */
const SHARED_FIELDS = new Set(['orderUpdated']);

let executions = 0;
/** Executions of shared subscriptions so far in this process: one per update and view (tests count them). */
export const sharedExecutions = () => executions;

/** The variables the result can depend on: those used anywhere but in the root field's own arguments. */
function resultVariables(args: ExecutionArgs, op: OperationDefinitionNode, root: FieldNode): Set<string> {
  const names = new Set<string>();
  const collect = (node: Parameters<typeof visit>[0]) =>
    visit(node, {
      Variable(v) {
        names.add(v.name.value);
      },
    });
  if (root.selectionSet) collect(root.selectionSet);
  for (const d of [...(root.directives ?? []), ...(op.directives ?? [])]) collect(d);
  for (const def of args.document.definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) collect(def);
  return names;
}

const results = new WeakMap<object, Map<string, Promise<ExecutionResult>>>();

/** Who the subscriber is, as far as what it may see goes. */
function accessKey(ctx: Partial<RequestContext> | undefined): string {
  const a = ctx?.actor;
  if (!a) return 'anonymous';
  return JSON.stringify([
    a.kind,
    !!a.mustChangePassword,
    [...a.permissions].sort(),
    a.channelIds ? [...a.channelIds].sort() : null,
  ]);
}

/** Keys sorted, so that equal variables give equal text. */
function stable(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stable).join(',')}]`;
  if (value && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stable((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(value) ?? 'null';
}

/** The operation and its one root field, when that field's results can be shared. */
function sharedField(args: ExecutionArgs): { op: OperationDefinitionNode; root: FieldNode } | undefined {
  const op = getOperationAST(args.document, args.operationName);
  if (!op || op.operation !== 'subscription') return undefined;
  const [only, ...more] = op.selectionSet.selections;
  return !more.length && only?.kind === Kind.FIELD && SHARED_FIELDS.has(only.name.value)
    ? { op, root: only }
    : undefined;
}

export async function subscribeShared(args: ExecutionArgs) {
  const shared = sharedField(args);
  if (!shared) return subscribe(args);
  const source = await createSourceEventStream(args);
  if (!(Symbol.asyncIterator in source)) return source as ExecutionResult; // refused when it started
  let docId = documentIds.get(args.document);
  if (docId === undefined) documentIds.set(args.document, (docId = nextDocumentId++));
  const names = resultVariables(args, shared.op, shared.root);
  const variables = Object.fromEntries(Object.entries(args.variableValues ?? {}).filter(([name]) => names.has(name)));
  const view = `${docId}\n${args.operationName ?? ''}\n${stable(variables)}\n${accessKey(args.contextValue as RequestContext)}`;
  const run = (payload: unknown): Promise<ExecutionResult> => {
    if (!payload || typeof payload !== 'object') return Promise.resolve(execute({ ...args, rootValue: payload }));
    let byView = results.get(payload);
    if (!byView) results.set(payload, (byView = new Map()));
    let result = byView.get(view);
    if (!result) {
      executions++;
      result = Promise.resolve(execute({ ...args, rootValue: payload })).then((r) => {
        serialised.set(r, null);
        return r;
      });
      byView.set(view, result);
    }
    return result;
  };
  const it = (source as AsyncIterable<unknown>)[Symbol.asyncIterator]();
  const mapped: AsyncIterableIterator<ExecutionResult> = {
    async next() {
      const r = await it.next();
      return r.done ? { value: undefined, done: true } : { value: await run(r.value), done: false };
    },
    async return() {
      await it.return?.();
      return { value: undefined, done: true };
    },
    async throw(err: unknown) {
      await it.return?.();
      throw err;
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
  return mapped;
}
