/**
 * The one place environment variables are read. Everything else receives a Config.
 */
import path from 'node:path';

export type SeedMode = 'demo' | 'none';

export interface Config {
  port: number;
  /** Unset means: the launcher starts an embedded PostgreSQL and fills this in. */
  databaseUrl?: string;
  dataDir: string;
  /** Port for the embedded PostgreSQL; 0 picks a free one. */
  embeddedPgPort: number;
  adminEmail?: string;
  adminPassword?: string;
  /** Undefined: demo data on the first embedded start, nothing otherwise. */
  seed?: SeedMode;
  logLevel: string;
  /** Lifetime of a sign-in token, in seconds. */
  sessionTtlSeconds: number;
  /** Maximum size of an HTTP request body. */
  bodyLimit: string;
  corsOrigins: string[];
  /** Built admin app (index.html and assets) served at `/`; nothing is served when it has no index.html. */
  adminDir?: string;
}

/** Every variable the server reads; the docker-compose test checks against this list. */
export const ENV_VARS = [
  'PORT',
  'DATABASE_URL',
  'OMS_DATA_DIR',
  'OMS_EMBEDDED_PG_PORT',
  'OMS_ADMIN_EMAIL',
  'OMS_ADMIN_PASSWORD',
  'OMS_SEED',
  'LOG_LEVEL',
  'OMS_SESSION_TTL_SECONDS',
  'OMS_BODY_LIMIT',
  'OMS_CORS_ORIGINS',
  'OMS_ADMIN_DIR',
] as const;

function int(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a non-negative integer, got "${value}"`);
  return n;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const seed = env.OMS_SEED;
  if (seed !== undefined && seed !== '' && seed !== 'demo' && seed !== 'none') {
    throw new Error(`OMS_SEED must be "demo" or "none", got "${seed}"`);
  }
  return {
    port: int('PORT', env.PORT, 4000),
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: path.resolve(env.OMS_DATA_DIR || '.data'),
    embeddedPgPort: int('OMS_EMBEDDED_PG_PORT', env.OMS_EMBEDDED_PG_PORT, 0),
    adminEmail: env.OMS_ADMIN_EMAIL || undefined,
    adminPassword: env.OMS_ADMIN_PASSWORD || undefined,
    seed: (seed || undefined) as SeedMode | undefined,
    logLevel: env.LOG_LEVEL || 'info',
    sessionTtlSeconds: int('OMS_SESSION_TTL_SECONDS', env.OMS_SESSION_TTL_SECONDS, 12 * 3600),
    bodyLimit: env.OMS_BODY_LIMIT || '1mb',
    corsOrigins: (env.OMS_CORS_ORIGINS || '').split(',').map((s) => s.trim()).filter(Boolean),
    // src/config and dist/config are both three levels below packages/: default to packages/admin/dist.
    adminDir: path.resolve(env.OMS_ADMIN_DIR || path.join(__dirname, '../../../admin/dist')),
  };
}
