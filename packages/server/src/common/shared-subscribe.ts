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
  getOperationAST,
  GraphQLError,
  GraphQLSchema,
  Kind,
  parse,
  Source,
  subscribe,
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

/** Root subscription fields whose result is a function of (event, operation, variables, access). */
const SHARED_FIELDS = new Set(['orderUpdated']);

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

function sharedField(args: ExecutionArgs): boolean {
  const op = getOperationAST(args.document, args.operationName);
  if (!op || op.operation !== 'subscription') return false;
  const [only, ...more] = op.selectionSet.selections;
  return !more.length && only?.kind === Kind.FIELD && SHARED_FIELDS.has(only.name.value);
}

export async function subscribeShared(args: ExecutionArgs) {
  if (!sharedField(args)) return subscribe(args);
  const source = await createSourceEventStream(args);
  if (!(Symbol.asyncIterator in source)) return source as ExecutionResult; // refused when it started
  let docId = documentIds.get(args.document);
  if (docId === undefined) documentIds.set(args.document, (docId = nextDocumentId++));
  const view = `${docId}\n${args.operationName ?? ''}\n${stable(args.variableValues ?? {})}\n${accessKey(args.contextValue as RequestContext)}`;
  const run = (payload: unknown): Promise<ExecutionResult> => {
    if (!payload || typeof payload !== 'object') return Promise.resolve(execute({ ...args, rootValue: payload }));
    let byView = results.get(payload);
    if (!byView) results.set(payload, (byView = new Map()));
    let result = byView.get(view);
    if (!result) {
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
