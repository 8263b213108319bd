/**
 * createServer(options) -> a running OMS: Express 5 with Apollo Server over HTTP and graphql-ws
 * over WebSocket at /graphql, health endpoints, migrations applied, first admin and seed data.
 */
import 'reflect-metadata';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import { MikroORM } from '@mikro-orm/postgresql';
import cors from 'cors';
import express, { NextFunction, Request, Response } from 'express';
import { GraphQLError, GraphQLSchema } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import type { Config } from './config/config';
import { ormOptions } from './config/mikro-orm.config';
import type { RequestContext } from './common/context';
import { isUnexpected, maskError, tagRequestId } from './common/error-masking';
import { createLogger, Logger } from './common/logger';
import { createSchema } from './schema';
import { createServices, Services } from './services';
import { seedDemoData } from './seed/demo-seed';

export interface ServerOptions {
  config: Pick<Config, 'port' | 'logLevel' | 'sessionTtlSeconds' | 'bodyLimit' | 'corsOrigins'> & Partial<Config>;
  databaseUrl: string;
  /** Host to listen on; default all interfaces. */
  host?: string;
  /** First admin, created when the database has no users. */
  admin?: { email: string; password: string };
  seed?: 'demo' | 'none';
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
  schema: GraphQLSchema;
  log: Logger;
  /** Set when the first admin was created by this start. */
  createdAdmin?: string;
  stop(): Promise<void>;
}

function bearer(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const m = /^Bearer\s+(\S+)$/i.exec(value.trim());
  return m?.[1];
}

export async function createServer(options: ServerOptions): Promise<RunningServer> {
  const { config } = options;
  const log = options.logger ?? createLogger(config.logLevel);
  const orm = await MikroORM.init(ormOptions(options.databaseUrl, { onQuery: options.onQuery, poolSize: options.poolSize }));
  await orm.migrator.up();

  const services = createServices(config);
  let createdAdmin: string | undefined;
  if (options.admin) {
    const user = await services.auth.ensureFirstAdmin(orm.em.fork(), options.admin.email, options.admin.password);
    createdAdmin = user?.email;
  }
  if (options.seed === 'demo') {
    await seedDemoData(orm.em.fork(), services, log);
  }

  const schema = await createSchema(services);
  const app = express();
  app.disable('x-powered-by');
  const httpServer = http.createServer(app);

  const contextFor = async (requestId: string, token: string | undefined): Promise<RequestContext & { orderFeed: Services['orderFeed'] }> => {
    const em = orm.em.fork();
    const actor = token ? await services.auth.authenticate(em, token) : undefined;
    return { requestId, em, actor, token, log: log.child({ requestId }), orderFeed: services.orderFeed };
  };

  const wsServer = new WebSocketServer({ server: httpServer, path: '/graphql', maxPayload: 1024 * 1024 });
  const wsCleanup = useServer(
    {
      schema,
      context: async (ctx) => contextFor(randomUUID(), bearer((ctx.connectionParams as any)?.authorization ?? (ctx.connectionParams as any)?.Authorization)),
      onNext: (_ctx, _id, _payload, _args, result) => {
        if (!result.errors?.length) return result;
        return { ...result, errors: result.errors.map((e) => maskError(e.toJSON(), e) as any) };
      },
      onError: (_ctx, _id, _payload, errors) => {
        for (const e of errors) if (isUnexpected(e)) log.error({ err: e.originalError ?? e }, 'subscription failed');
        return errors.map((e) => new GraphQLError(maskError(e.toJSON(), e).message, { extensions: maskError(e.toJSON(), e).extensions }));
      },
    },
    wsServer,
  );

  const apollo = new ApolloServer<RequestContext>({
    schema,
    includeStacktraceInErrorResponses: false,
    formatError: maskError,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      { async serverWillStart() { return { async drainServer() { await wsCleanup.dispose(); } }; } },
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
  app.get('/readyz', async (_req, res) => {
    try {
      await orm.em.getConnection().execute('select 1');
      res.json({ status: 'ok', database: 'up' });
    } catch {
      res.status(503).json({ status: 'unavailable', database: 'down' });
    }
  });

  app.use('/graphql', (req, res, next) => {
    const given = req.header('x-request-id');
    const requestId = given && /^[\w.-]{1,100}$/.test(given) ? given : randomUUID();
    res.locals.requestId = requestId;
    res.setHeader('x-request-id', requestId);
    next();
  });
  app.use(
    '/graphql',
    cors(config.corsOrigins.length ? { origin: config.corsOrigins } : undefined),
    express.json({ limit: config.bodyLimit }),
    expressMiddleware(apollo, {
      context: async ({ req, res }) => contextFor(res.locals.requestId, bearer(req.headers.authorization)),
    }),
  );
  if (config.adminDir) serveAdminApp(app, config.adminDir, log);
  // Body-parser and other HTTP-level failures: a JSON error with a 4xx status, never a stack trace.
  app.use((err: any, req: Request, res: Response, _next: NextFunction) => {
    const status = Number.isInteger(err?.status) && err.status >= 400 && err.status < 600 ? err.status : 500;
    if (status >= 500) log.error({ err, requestId: res.locals.requestId }, 'request failed');
    const message = status === 413 ? `Request body too large (limit ${config.bodyLimit})`
      : err?.type === 'entity.parse.failed' ? 'Malformed JSON in request body'
      : status < 500 ? String(err?.message ?? 'Bad request').slice(0, 200) : 'Internal server error';
    res.status(status).json({ errors: [{ message, extensions: { code: status < 500 ? 'BAD_REQUEST' : 'INTERNAL_SERVER_ERROR', requestId: res.locals.requestId } }] });
  });

  await new Promise<void>((resolve) => httpServer.listen(config.port, options.host ?? '0.0.0.0', resolve));
  const port = (httpServer.address() as AddressInfo).port;
  const host = '127.0.0.1';

  let stopped = false;
  return {
    url: `http://${host}:${port}/graphql`,
    wsUrl: `ws://${host}:${port}/graphql`,
    port,
    orm,
    services,
    schema,
    log,
    createdAdmin,
    async stop() {
      if (stopped) return;
      stopped = true;
      await apollo.stop();
      await orm.close(true);
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
  app.use(express.static(dir, { index: false, maxAge: '1h', setHeaders: (res, file) => {
    if (file.includes(`${path.sep}assets${path.sep}`)) res.setHeader('cache-control', 'public, max-age=31536000, immutable');
  } }));
  app.get(/^\/(?!graphql|healthz|readyz|assets\/).*/, (req, res, next) => {
    if (!req.accepts('html')) return next();
    res.setHeader('cache-control', 'no-cache');
    res.sendFile(index);
  });
}
