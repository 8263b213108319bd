/**
 * createServer(options) -> a running OMS: Express 5 with Apollo Server over HTTP and graphql-ws
 * over WebSocket at /graphql, health endpoints, migrations applied, first admin and seed data.
 */
import { setStoreTimeZone } from './common/time-zone';
import { syncTimeZone } from './config/time-zone-sync';
import 'reflect-metadata';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { MikroORM } from '@mikro-orm/postgresql';
import cors from 'cors';
import express, { ErrorRequestHandler, RequestHandler } from 'express';
import { GraphQLError, GraphQLSchema, specifiedRules, validate } from 'graphql';
import helmet from 'helmet';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { AddressInfo } from 'node:net';
import { WebSocket, WebSocketServer } from 'ws';
import { Config, loadConfig } from './config/config';
import { ormOptions } from './config/mikro-orm.config';
import type { Actor, RequestContext } from './common/context';
import { aliasRule, checkCost, depthRule, QueryLimits } from './common/query-limits';
import { addressKey, RateLimits } from './common/rate-limits';
import { WsSessions } from './common/ws-sessions';
import { EventDispatcher } from './modules/events/event-dispatcher';
import { dataRange, rebuildIfEmpty, rebuildRange } from './modules/analytics/rollups';
import { EventStream } from './modules/events/event-stream';
import { parseShared, subscribeShared, validateOnce } from './common/shared-subscribe';
import { serveGraphqlWs } from './common/ws-transport';
import { JobQueue } from './common/jobs';
import { isUnexpected, maskError, tagRequestId } from './common/error-masking';
import { createLogger, Logger } from './common/logger';
import { staticHeaders, corsOnlyWithOrigin } from './common/http-headers';
import { fastLane, graphqlHandler } from './common/graphql-http';
import { Lifecycle } from './common/lifecycle';
import { asUnavailable, unavailableStatusPlugin } from './common/unavailable';
import { createSchema } from './schema';
import { createServices, Services } from './services';
import { DemoSeedOptions, seedDemoData } from './seed/demo-seed';
import { dataRouter } from './modules/data/data.http';
import { documentsRouter } from './modules/documents/documents.http';
import { withStartupLock } from './config/migrate';
import { Metrics, metricsRoute, startMetricsServer, tarnPoolStats } from './common/metrics';
import { AccessLog } from './common/access-log';
import { hasReplicas, replicaPools, replicaStatus } from './common/read-replica';
import { TABLE_MAINTENANCE_SECONDS, TableMaintenance } from './common/table-maintenance';

export interface ServerOptions {
  config: Pick<Config, 'port' | 'logLevel' | 'sessionTtlSeconds' | 'bodyLimit' | 'corsOrigins'> & Partial<Config>;
  databaseUrl: string;
  /** Host to listen on; default all interfaces. */
  host?: string;
  /** First admin, created when the database has no users; mustChangePassword for a well-known password (config/first-admin.ts). */
  admin?: { email: string; password: string; mustChangePassword?: boolean };
  seed?: 'demo' | 'none';
  /** Tests: a smaller demo seed. */
  seedOptions?: DemoSeedOptions;
  /** Receives every SQL statement (tests and benchmarks count them). */
  onQuery?: (sql: string) => void;
  poolSize?: number;
  logger?: Logger;
}

export interface RunningServer {
  url: string;
  wsUrl: string;
  port: number;
  orm: MikroORM;
  services: Services;
  /** The job queue of this process (pg-boss). */
  jobs: JobQueue;
  dispatcher: EventDispatcher;
  /** The event stream of this process: `connected` (its listening connection) and `stats()`. */
  eventStream: EventStream;
  /** ANALYZE and VACUUM of the tables autovacuum does not look after (tests run a turn with runOnce). */
  maintenance: TableMaintenance;
  schema: GraphQLSchema;
  log: Logger;
  /** Set when the first admin was created by this start. */
  createdAdmin?: string;
  metrics: Metrics;
  /** The port of the separate metrics listener (OMS_METRICS_PORT), when there is one. */
  metricsPort?: number;
  /**
   * Graceful shutdown (see common/lifecycle.ts): readiness 503, new requests refused, requests in
   * flight finished, WebSockets closed with 1012, job workers stopped, pools closed; steps still
   * waiting at `timeoutMs` (default OMS_SHUTDOWN_TIMEOUT_SECONDS) are forced.
   */
  stop(options?: { timeoutMs?: number }): Promise<void>;
}

function bearer(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const m = /^Bearer\s+(\S+)$/i.exec(value.trim());
  return m?.[1];
}

/** The key a caller's requests are counted under. */
const rateKey = (actor: Actor | undefined, ip: string | undefined) =>
  actor?.id ? `${actor.kind}:${actor.id}` : `ip:${addressKey(ip)}`;

export async function createServer(options: ServerOptions): Promise<RunningServer> {
  // Settings not given fall back to the documented defaults.
  const config: Config = { ...loadConfig({}), ...options.config };
  const log = options.logger ?? createLogger(config.logLevel);
  const orm = await MikroORM.init(
    ormOptions(options.databaseUrl, {
      onQuery: options.onQuery,
      poolSize: options.poolSize ?? config.dbPoolMax,
      log,
      readUrls: config.databaseReadUrls,
    }),
  );
  // Processes starting together apply the migrations once (the others wait, then find nothing to do).
  await withStartupLock(options.databaseUrl, 'migrations', log, () => orm.migrator.up());
  // The store time zone: this process's report days, and the database's (triggers, analytics SQL).
  setStoreTimeZone(config.timeZone);
  await withStartupLock(options.databaseUrl, 'time-zone', log, () => syncTimeZone(orm.em.fork(), config.timeZone, log));

  const rateLimits = new RateLimits(
    {
      requests: config.rateLimitRequests,
      windowSeconds: config.rateLimitWindowSeconds,
      loginFailuresPerAccount: config.loginMaxFailuresPerAccount,
      loginFailuresPerAddress: config.loginMaxFailuresPerAddress,
      trackingFailuresPerAddress: config.trackingMaxFailuresPerAddress,
    },
    { databaseUrl: options.databaseUrl, redisUrl: config.redisUrl },
    log,
  );
  const limits: QueryLimits = {
    maxDepth: config.maxQueryDepth,
    maxCost: config.maxQueryCost,
    maxAliases: config.maxAliases,
  };
  const jobs = new JobQueue(options.databaseUrl, log, {
    pollSeconds: config.jobPollSeconds,
    poolMax: config.jobsPoolMax,
  });
  await jobs.start();
  const services = createServices(config, jobs, log, rateLimits, options.databaseUrl);
  await services.webhooks.start(orm);
  await services.automation.start(orm);
  await services.exports.start();
  await services.analyticsRefresh.start(orm);
  await services.bulk.start(orm);
  await services.emails.sender.start(orm);
  // Statistics and dead rows of the tables autovacuum does not look after (none while it is on).
  const maintenance = new TableMaintenance(orm, options.databaseUrl, log, {
    mode: config.tableMaintenance,
    intervalSeconds: TABLE_MAINTENANCE_SECONDS,
  });
  await maintenance.start();
  const eventStream = new EventStream(orm, options.databaseUrl, services.pubsub, log);
  await eventStream.start();
  // Every committed event goes to the webhooks and the automation rules once, whichever process dispatches it.
  const dispatcher = new EventDispatcher(orm, log, config.eventDispatchPollSeconds);
  dispatcher.register(services.webhooks.react);
  dispatcher.register(services.automation.react);
  // ... and to the analytics rollups, which mark the days the events touched for a debounced refresh job.
  dispatcher.register(services.analyticsRefresh.react);
  // ... and to customer e-mails (a message and its job per event a customer is told about; off without OMS_SMTP_URL).
  dispatcher.register(services.emails.sender.react);
  dispatcher.start(eventStream);
  let createdAdmin: string | undefined;
  if (options.admin) {
    const user = await withStartupLock(options.databaseUrl, 'first-admin', log, () =>
      services.auth.ensureFirstAdmin(
        orm.em.fork(),
        options.admin!.email,
        options.admin!.password,
        options.admin!.mustChangePassword,
      ),
    );
    createdAdmin = user?.email;
  }
  if (options.seed === 'demo') {
    await withStartupLock(options.databaseUrl, 'demo-seed', log, async () => {
      await seedDemoData(orm.em.fork(), services, log, options.seedOptions);
      // The seed moves its orders back in time with SQL after their events: recompute those days.
      const range = await dataRange(orm.em.fork());
      if (range) await rebuildRange(orm.em.fork(), range.from, range.to);
    });
  }
  let initialRollups: Promise<unknown> = Promise.resolve();
  if (options.seed !== 'demo') {
    // Rollups empty but orders present (a database from before the rollups, a restore): build them in the background.
    initialRollups = rebuildIfEmpty(orm.em.fork())
      .then((days) => days && log.info({ days }, 'analytics rollups built'))
      .catch((err) => log.error({ err }, 'building the analytics rollups failed'));
  }

  const schema = await createSchema(services);
  const app = express();
  app.disable('x-powered-by');
  // No ETag on API responses: every GraphQL response is no-store (static files keep theirs).
  app.set('etag', false);
  // Readiness and shutdown: counts requests in flight and refuses new ones once stopping.
  const lifecycle = new Lifecycle(log);
  app.use(lifecycle.gate);
  if (config.trustProxy)
    app.set('trust proxy', /^\d+$/.test(config.trustProxy) ? Number(config.trustProxy) : config.trustProxy);

  // ---- observability: access log, metrics (src/common/access-log.ts, src/common/metrics.ts) ----
  // First on every request: the access log settles the request id; /metrics precedes the admin app.
  const metrics = new Metrics();
  const accessLog = new AccessLog(log);
  const accessLogged = accessLog.middleware();
  const measured = metrics.httpMiddleware();
  app.use(accessLogged, measured);
  app.get('/metrics', metricsRoute(metrics, config.metricsToken));
  // Read at scrape time (by then the WebSocket server below exists).
  metrics.observe({
    pools: () => ({
      orm: tarnPoolStats(orm.em.getConnection().getKnex().client?.pool),
      jobs: jobs.poolStats(),
      export: services.exports.poolStats(),
      ...replicaPools(orm.em),
    }),
    queues: () => jobs.counts(),
    eventStream: () => eventStream.stats(),
    webSockets: () => ({ connections: wsServer.clients.size, subscriptions: wsSessions.subscriptionCount() }),
    ...(hasReplicas(orm.em) ? { replicas: () => replicaStatus(orm.em) } : {}),
  });
  services.webhooks.onAttempt = (outcome, latencyMs) => metrics.webhookAttempt(outcome, latencyMs);
  const observabilityPlugins = [metrics.apolloPlugin(), accessLog.apolloPlugin()];
  const metricsServer =
    config.metricsPort === undefined
      ? undefined
      : await startMetricsServer(metrics, config.metricsPort, config.metricsHost);
  // ---- end observability ----

  // Security headers on everything; the GraphQL landing page (development only) loads its UI
  // from Apollo's CDN, so it is exempt from the content security policy.
  // Helmet's headers do not depend on the request: taken from it once, set on each response.
  const secure = staticHeaders(helmet());
  const secureLanding = staticHeaders(helmet({ contentSecurityPolicy: false, crossOriginEmbedderPolicy: false }));
  const securityHeaders: RequestHandler = (req, res, next) =>
    (req.path === '/graphql' && req.method === 'GET' ? secureLanding : secure)(req, res, next);
  app.use(securityHeaders);
  // Plain JSON POSTs to /graphql take the short way (common/graphql-http.ts), set once Apollo has started.
  const graphqlLane: { take?: (req: http.IncomingMessage, res: http.ServerResponse) => boolean } = {};
  const httpServer = http.createServer((req, res) => {
    if (!graphqlLane.take?.(req, res)) void app(req, res);
  });

  const lazyRequestLog = {
    get log(): Logger {
      const self = this as unknown as { requestId: string; requestLog?: Logger };
      return (self.requestLog ??= log.child({ requestId: self.requestId }));
    },
  };
  const contextFor = async (requestId: string, token: string | undefined, ip: string | undefined) => {
    const em = orm.em.fork();
    // Database away (restart, failover): 503 SERVICE_UNAVAILABLE, not a 500.
    const actor = token
      ? await services.auth.authenticate(em, token).catch((e) => Promise.reject(asUnavailable(e)))
      : undefined;
    // What subscriptions need to start (their resolvers are given the context, not the services).
    // The request's child logger is made when something logs (most requests never do): a getter
    // on the prototype, as Apollo copies the context's own properties for each operation.
    return Object.assign(Object.create(lazyRequestLog) as { readonly log: Logger }, {
      requestId,
      em,
      actor,
      token,
      ip,
      orderFeed: services.orderFeed,
      tracking: services.tracking,
      pubsub: services.pubsub,
      bulk: services.bulk,
    });
  };

  // WebSocket connections live as long as the credentials they were opened with (ws-sessions.ts).
  const wsSessions = new WsSessions(
    orm,
    (token) => services.auth.authenticate(orm.em.fork(), token),
    services.accessEvents,
    {
      maxConnectionsPerActor: config.maxConnectionsPerActor,
      maxSubscriptionsPerConnection: config.maxSubscriptionsPerConnection,
      trustProxy: config.trustProxy,
    },
    log,
  );
  const wsBearer = (params: unknown) => {
    const p = params as { authorization?: unknown; Authorization?: unknown } | null | undefined;
    return bearer(p?.authorization ?? p?.Authorization);
  };
  const socketOf = (ctx: { extra: unknown }) => (ctx.extra as { socket: WebSocket }).socket;

  const wsServer = new WebSocketServer({ server: httpServer, path: '/graphql', maxPayload: config.maxWsMessageBytes });
  // Shutting down: a WebSocket that connects now is told to go elsewhere at once.
  wsServer.on('connection', (socket) => {
    if (lifecycle.isStopping) socket.close(1012, 'Service Restart');
  });
  const wsCleanup = serveGraphqlWs(
    {
      schema,
      // Documents parsed and validated once per text, shared by every subscriber that sends it.
      parse: parseShared,
      validate: (s, document) =>
        validateOnce(s!, document!, () =>
          validate(s!, document!, [...specifiedRules, depthRule(limits), aliasRule(limits)]),
        ) as GraphQLError[],
      // One execution per update and per view (operation, variables, access), not per subscriber.
      subscribe: subscribeShared,
      onConnect: (ctx) =>
        wsSessions.connect(
          socketOf(ctx),
          (ctx.extra as { request?: http.IncomingMessage }).request,
          wsBearer(ctx.connectionParams),
        ),
      context: async (ctx) => {
        const conn = wsSessions.get(socketOf(ctx));
        return contextFor(randomUUID(), conn?.token, conn?.ip);
      },
      onSubscribe: async (ctx, id, payload) => {
        const refused = wsSessions.admit(socketOf(ctx), id);
        if (refused) return [new GraphQLError(refused.message, { extensions: { code: refused.code } })];
        try {
          // The same budget as the actor's HTTP requests.
          await rateLimits.consumeRequest(wsSessions.get(socketOf(ctx))!.actorKey);
          checkCost(schema, limits, parseShared(payload.query), payload.variables ?? undefined, payload.operationName);
        } catch (e) {
          wsSessions.finished(socketOf(ctx), id);
          if (e instanceof GraphQLError) return [e];
          return [new GraphQLError('Invalid request', { extensions: { code: 'BAD_REQUEST' } })];
        }
        return undefined;
      },
      onComplete: (ctx, id) => {
        wsSessions.finished(socketOf(ctx), id);
      },
      onNext: (_ctx, _id, _payload, _args, result) => {
        // The result itself: a result shared by subscribers is then serialised once (common/ws-transport.ts).
        if (!result.errors?.length) return result;
        return { ...result, errors: result.errors.map((e) => maskError(e.toJSON(), e)) };
      },
      onError: (ctx, id, _payload, errors) => {
        wsSessions.finished(socketOf(ctx), id);
        for (const e of errors) if (isUnexpected(e)) log.error({ err: e.originalError ?? e }, 'subscription failed');
        return errors.map(
          (e) =>
            new GraphQLError(maskError(e.toJSON(), e).message, { extensions: maskError(e.toJSON(), e).extensions }),
        );
      },
      log,
    },
    wsServer,
  );

  const apollo = new ApolloServer<RequestContext>({
    schema,
    includeStacktraceInErrorResponses: false,
    // Apollo would stop itself on SIGTERM/SIGINT (outside tests), closing WebSockets with 1001
    // before the shutdown below has drained anything: main.ts owns the signals.
    stopOnTerminationSignals: false,
    introspection: config.introspection,
    validationRules: [depthRule(limits), aliasRule(limits)],
    formatError: maskError,
    plugins: [
      ...observabilityPlugins,
      ...(config.landingPage ? [] : [ApolloServerPluginLandingPageDisabled()]),
      // Apollo's cache-control plugin hooks every field of every response to add up cache hints;
      // the schema gives none, so every response was `cache-control: no-store`. Said directly.
      ApolloServerPluginCacheControlDisabled(),
      {
        async requestDidStart() {
          return {
            async willSendResponse({ response }) {
              response.http.headers.set('cache-control', 'no-store');
            },
          };
        },
      },
      unavailableStatusPlugin(),
      {
        // After validation: charge the caller's rate limit, then price the operation.
        async requestDidStart() {
          let cost: number | undefined;
          return {
            async didResolveOperation({ contextValue, document, request, operationName }) {
              await rateLimits.consumeRequest(rateKey(contextValue.actor, contextValue.ip));
              cost = checkCost(schema, limits, document, request.variables, operationName);
            },
            async willSendResponse({ response }) {
              if (cost !== undefined && response.body.kind === 'single') {
                response.body.singleResult.extensions = {
                  ...response.body.singleResult.extensions,
                  cost: { requested: cost, maximum: limits.maxCost },
                };
              }
            },
          };
        },
      },
      ApolloServerPluginDrainHttpServer({ httpServer }),
      {
        async serverWillStart() {
          return {
            async drainServer() {
              await wsCleanup.dispose();
            },
          };
        },
      },
      {
        async requestDidStart() {
          return {
            async didEncounterErrors({ contextValue, errors }) {
              for (const e of errors) {
                if (isUnexpected(e)) {
                  tagRequestId(e, contextValue.requestId);
                  contextValue.log?.error({ err: e.originalError ?? e, path: e.path }, 'unexpected error');
                }
              }
            },
          };
        },
      },
    ],
  });
  await apollo.start();

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get(
    '/readyz',
    lifecycle.readiness({
      database: () => orm.em.getConnection().execute('select 1'),
      jobs: () => jobs.reachable(),
      eventStream: () => eventStream.connected,
    }),
  );

  const graphqlRequestId: RequestHandler = (req, res, next) => {
    const given = req.header('x-request-id');
    const requestId = given && /^[\w.-]{1,100}$/.test(given) ? given : randomUUID();
    res.locals.requestId = requestId;
    res.setHeader('x-request-id', requestId);
    next();
  };
  // Browsers may call from the configured origins only; without any, from the same origin only.
  // A request without an Origin header (a partner's server, a script) is no CORS request.
  const graphqlCors = corsOnlyWithOrigin(
    cors({ origin: config.corsOrigins.length ? config.corsOrigins : false }),
    config.corsOrigins.length > 0,
  );
  const answerGraphql = graphqlHandler(apollo, (req, res) =>
    contextFor(res.locals.requestId as string, bearer(req.headers.authorization), req.ip),
  );
  app.use('/graphql', graphqlRequestId, graphqlCors, express.json({ limit: config.bodyLimit }), answerGraphql);
  // Open data for scripts: streamed exports and CSV imports, with the GraphQL bearer token and rate limit.
  app.use(
    dataRouter({
      exports: services.exports,
      imports: services.imports,
      context: (req, res) => contextFor(res.locals.requestId, bearer(req.headers.authorization), req.ip),
      charge: (ctx) => rateLimits.consumeRequest(rateKey(ctx.actor, ctx.ip)),
      importMaxBytes: config.importMaxBytes,
      log,
    }),
  );
  // An order's packing slip and invoice as PDF, with the same bearer token and rate limit.
  app.use(
    documentsRouter({
      documents: services.documents,
      context: (req, res) => contextFor(res.locals.requestId, bearer(req.headers.authorization), req.ip),
      charge: (ctx) => rateLimits.consumeRequest(rateKey(ctx.actor, ctx.ip)),
      log,
    }),
  );
  if (config.adminDir) serveAdminApp(app, config.adminDir, log);
  // Body-parser and other HTTP-level failures: a JSON error with a 4xx status, never a stack trace.
  const httpErrors: ErrorRequestHandler = (thrown: unknown, req, res, _next) => {
    // What body-parser and http-errors put on their errors; anything else thrown counts as a 500.
    const err = thrown as { status?: unknown; type?: unknown; message?: unknown } | null | undefined;
    const status =
      typeof err?.status === 'number' && Number.isInteger(err.status) && err.status >= 400 && err.status < 600
        ? err.status
        : 500;
    if (status >= 500) log.error({ err, requestId: res.locals.requestId }, 'request failed');
    const message =
      status === 413
        ? `Request body too large (limit ${config.bodyLimit})`
        : err?.type === 'entity.parse.failed'
          ? 'Malformed JSON in request body'
          : status < 500
            ? String(err?.message ?? 'Bad request').slice(0, 200)
            : 'Internal server error';
    res.status(status).json({
      errors: [
        {
          message,
          extensions: {
            code: status < 500 ? 'BAD_REQUEST' : 'INTERNAL_SERVER_ERROR',
            requestId: res.locals.requestId,
          },
        },
      ],
    });
  };
  app.use(httpErrors);
  // The same stack for POST /graphql with a plain JSON body, without Express's router and body-parser.
  graphqlLane.take = fastLane({
    app,
    middleware: [lifecycle.gate, accessLogged, measured, securityHeaders, graphqlRequestId, graphqlCors],
    bodyLimit: config.bodyLimit,
    handler: answerGraphql,
    onError: httpErrors,
  });

  // A port in use (or refused) fails the start instead of leaving it waiting forever.
  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(config.port, options.host ?? '0.0.0.0', () => {
      httpServer.off('error', reject);
      resolve();
    });
  });
  const port = (httpServer.address() as AddressInfo).port;
  const host = '127.0.0.1';

  // Graceful shutdown, in this order (common/lifecycle.ts does the HTTP and WebSocket part first).
  const shutdownSteps: [string, (left: () => number) => Promise<unknown>][] = [
    [
      'http',
      async () => {
        wsSessions.stop();
        await apollo.stop();
      },
    ],
    [
      'metrics',
      async () => {
        await metricsServer?.close();
      },
    ],
    ['event dispatch', () => dispatcher.stop()],
    ['analytics rollups', () => initialRollups],
    ['event stream', () => eventStream.stop()],
    // Bulk order jobs stop after the order at hand (and are retried: they resume where they stopped).
    ['bulk jobs', async () => services.bulk.stop()],
    // Workers stop taking jobs; jobs running get what is left of the deadline, then are failed for a retry.
    ['jobs', (left) => jobs.stop(Math.max(1000, left() - 1000))],
    ['e-mail transport', async () => services.emails.sender.stop()],
    ['exports', () => services.exports.stop()],
    ['rate limits', () => rateLimits.close()],
    ['table maintenance', () => maintenance.stop()],
    ['database pool', () => orm.close(true)],
  ];
  let stopping: Promise<void> | undefined;
  return {
    url: `http://${host}:${port}/graphql`,
    wsUrl: `ws://${host}:${port}/graphql`,
    port,
    orm,
    services,
    jobs,
    dispatcher,
    eventStream,
    maintenance,
    schema,
    log,
    createdAdmin,
    metrics,
    metricsPort: metricsServer?.port,
    stop(stopOptions = {}) {
      stopping ??= lifecycle.shutdown({
        httpServer,
        wsServer,
        timeoutMs: stopOptions.timeoutMs ?? config.shutdownTimeoutSeconds * 1000,
        steps: shutdownSteps,
      });
      return stopping;
    },
  };
}

/**
 * The back-office app (packages/admin, built): static files at `/`, and index.html for any other
 * GET that accepts HTML so client-side routes survive a reload. /graphql and the health endpoints
 * are registered before this and are never shadowed.
 */
function serveAdminApp(app: express.Express, dir: string, log: Logger) {
  const index = path.join(dir, 'index.html');
  if (!fs.existsSync(index)) {
    log.debug({ dir }, 'no built admin app: not serving it');
    return;
  }
  app.use(
    express.static(dir, {
      index: false,
      maxAge: '1h',
      setHeaders: (res, file) => {
        if (file.includes(`${path.sep}assets${path.sep}`))
          res.setHeader('cache-control', 'public, max-age=31536000, immutable');
      },
    }),
  );
  app.get(/^\/(?!graphql|healthz|readyz|export\/|import\/|documents\/|assets\/).*/, (req, res, next) => {
    if (!req.accepts('html')) return next();
    res.setHeader('cache-control', 'no-cache');
    res.sendFile(index);
  });
}
