/**
 * Reads that a read replica may answer (DATABASE_READ_URL): reports, exports and list queries.
 * A replica lags the primary by up to its replay delay, so only reads whose caller can live with
 * a slightly old answer are routed here; writes, the reads of a mutation and its payload, sign-in
 * checks, subscriptions, the event stream and jobs use the primary. MikroORM's own default
 * (every read outside a transaction to a replica) is off: see config/mikro-orm.config.ts.
 * Without a replica the helpers do what the code did before them (same em, same transaction), so nothing changes.
 * Behaviour under lag and monitoring: docs/replicas.md.
 */
import type {
  AnyEntity,
  ConnectionType,
  CountOptions,
  EntityData,
  EntityName,
  FilterQuery,
  FindOneOptions,
  FindOptions,
  Loaded,
  LoggingOptions,
  NoInfer,
  PopulatePath,
  Transaction,
} from '@mikro-orm/core';
import { EntityManager, type Knex, type QueryBuilder, type QueryResult } from '@mikro-orm/postgresql';
import { PoolStats, tarnPoolStats } from './metrics';
import { replicaLag } from './read-replica.sql';

/** Whether DATABASE_READ_URL configured any replica for this ORM. */
export function hasReplicas(em: EntityManager): boolean {
  return (em.config.get('replicas') ?? []).length > 0;
}

/**
 * An entity manager whose reads go to a replica: finds, counts, query builders, relations loaded
 * later through the entities it returned (GraphQL field resolvers), raw SQL through common/sql.ts,
 * and transactions it starts. A flush outside a transaction still writes to the primary
 * (MikroORM always flushes on the write connection); inside a replica transaction it fails, as a
 * hot standby refuses writes. Every fork of it reads from the replica too.
 */
class ReplicaEntityManager extends EntityManager {
  /** Inside a transaction the statement runs in that transaction, wherever it was begun. */
  private readType(type?: ConnectionType): ConnectionType | undefined {
    return type ?? (this.getTransactionContext() ? undefined : 'read');
  }

  private readOptions<O extends { connectionType?: ConnectionType }>(options: O = {} as O): O {
    const connectionType = this.readType(options.connectionType);
    return connectionType ? { ...options, connectionType } : options;
  }

  override find<
    Entity extends object,
    Hint extends string = never,
    Fields extends string = PopulatePath.ALL,
    Excludes extends string = never,
  >(
    entityName: EntityName<Entity>,
    where: FilterQuery<NoInfer<Entity>>,
    options?: FindOptions<Entity, Hint, Fields, Excludes>,
  ): Promise<Loaded<Entity, Hint, Fields, Excludes>[]> {
    return super.find(entityName, where, this.readOptions(options));
  }

  override findOne<
    Entity extends object,
    Hint extends string = never,
    Fields extends string = '*',
    Excludes extends string = never,
  >(
    entityName: EntityName<Entity>,
    where: FilterQuery<NoInfer<Entity>>,
    options?: FindOneOptions<Entity, Hint, Fields, Excludes>,
  ): Promise<Loaded<Entity, Hint, Fields, Excludes> | null> {
    return super.findOne(entityName, where, this.readOptions(options));
  }

  override count<Entity extends object, Hint extends string = never>(
    entityName: EntityName<Entity>,
    where?: FilterQuery<NoInfer<Entity>>,
    options?: CountOptions<Entity, Hint>,
  ): Promise<number> {
    return super.count(entityName, where, this.readOptions(options));
  }

  override createQueryBuilder<Entity extends object, RootAlias extends string = never>(
    entityName: EntityName<Entity> | QueryBuilder<Entity>,
    alias?: RootAlias,
    type?: ConnectionType,
    loggerContext?: LoggingOptions,
  ): QueryBuilder<Entity, RootAlias> {
    return super.createQueryBuilder(entityName, alias, this.readType(type), loggerContext);
  }

  override getConnection(type: ConnectionType = 'read'): ReturnType<EntityManager['getConnection']> {
    return super.getConnection(type);
  }

  override getKnex(type: ConnectionType = 'read'): ReturnType<EntityManager['getKnex']> {
    return super.getKnex(type);
  }

  override execute<T extends QueryResult | EntityData<AnyEntity> | EntityData<AnyEntity>[] = EntityData<AnyEntity>[]>(
    queryOrKnex: string | Knex.QueryBuilder | Knex.Raw,
    params: unknown[] = [],
    method: 'all' | 'get' | 'run' = 'all',
    loggerContext?: LoggingOptions,
  ): Promise<T> {
    return this.getConnection('read').execute<T>(
      queryOrKnex,
      params,
      method,
      this.getTransactionContext(),
      loggerContext,
    );
  }
}

/**
 * A fresh entity manager reading from a replica (one picked at random per statement when there
 * are several), or `em` itself when there is none. Its identity map is its own: entities read
 * through it are not those of `em`.
 */
export function replicaEm(em: EntityManager): EntityManager {
  if (!hasReplicas(em)) return em;
  const replica = new ReplicaEntityManager(em.config, em.getDriver(), em.getMetadata(), false, em.getEventManager());
  replica.setLoggerContext(em.getLoggerContext());
  return replica;
}

/**
 * Runs `fn` in one read-only transaction on a replica (one snapshot for all its statements), or
 * in a transaction on the primary when there is no replica, as `em.fork().transactional(fn)`.
 */
export async function onReplica<T>(em: EntityManager, fn: (em: EntityManager) => Promise<T>): Promise<T> {
  if (!hasReplicas(em)) return em.fork().transactional(fn);
  const replica = replicaEm(em);
  return replica.getConnection('read').transactional(
    async (trx: unknown) => {
      replica.setTransactionContext(trx as Transaction);
      try {
        return await fn(replica);
      } finally {
        replica.resetTransactionContext();
      }
    },
    { readOnly: true, loggerContext: replica.getLoggerContext() },
  );
}

/** What /metrics reports of one replica. */
export interface ReplicaStatus {
  /** read-1, read-2, ... in DATABASE_READ_URL order. */
  name: string;
  up: boolean;
  /** Seconds since the last transaction the replica replayed, 0 when it has replayed all it received. */
  lagSeconds?: number;
}

/** The driver's connections to the replicas (a protected field of MikroORM's driver), seen as `C`. */
function replicaConnections<C>(em: EntityManager): C[] {
  return (em.getDriver() as unknown as { replicas?: C[] }).replicas ?? [];
}

/** The ORM's pool of each replica, by name (read-1, ...), for oms_db_pool_* in /metrics. */
export function replicaPools(em: EntityManager): Record<string, PoolStats | undefined> {
  const replicas = replicaConnections<{ options?: { name?: string }; getKnex(): Knex | undefined }>(em);
  return Object.fromEntries(
    replicas.map((c, i) => [c.options?.name ?? `read-${i + 1}`, tarnPoolStats(c.getKnex()?.client?.pool)]),
  );
}

/** Asks every replica for its lag; one that does not answer within `timeoutMs` is down. */
export async function replicaStatus(em: EntityManager, timeoutMs = 2000): Promise<ReplicaStatus[]> {
  const replicas = replicaConnections<{
    options?: { name?: string };
    execute(sql: string, params: unknown[]): Promise<Array<{ lag: number }>>;
  }>(em);
  const lag = replicaLag();
  return Promise.all(
    replicas.map(async (connection, i) => {
      const name = connection.options?.name ?? `read-${i + 1}`;
      let timer: NodeJS.Timeout | undefined;
      try {
        const timeout = new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error('timeout')), timeoutMs);
        });
        const [row] = await Promise.race([connection.execute(lag.text, lag.values), timeout]);
        return { name, up: true, lagSeconds: Number(row.lag) };
      } catch {
        return { name, up: false };
      } finally {
        clearTimeout(timer);
      }
    }),
  );
}
