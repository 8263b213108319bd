/**
 * The one place environment variables are read. Everything else receives a Config.
 */
import { isTimeZone } from '../common/time-zone';
import os from 'node:os';
import path from 'node:path';

export type SeedMode = 'demo' | 'none';

export interface Config {
  port: number;
  /** Unset means: the launcher starts an embedded PostgreSQL and fills this in. */
  databaseUrl?: string;
  /**
   * Read replicas (DATABASE_READ_URL, comma-separated): reports, exports and list queries read
   * there (common/read-replica.ts); everything else stays on the primary. Empty: no replica.
   */
  databaseReadUrls: string[];
  dataDir: string;
  /** Port for the embedded PostgreSQL; 0 picks a free one. */
  embeddedPgPort: number;
  adminEmail?: string;
  adminPassword?: string;
  /** Undefined: demo data on the first embedded start, nothing otherwise. */
  seed?: SeedMode;
  logLevel: string;
  /** OMS_TIME_ZONE: the store's IANA time zone (report days, the dashboard's today, document dates). */
  timeZone: string;
  /** Lifetime of a sign-in token, in seconds. */
  sessionTtlSeconds: number;
  /** Maximum size of an HTTP request body. */
  bodyLimit: string;
  /** Origins allowed to call the API from a browser; empty: same origin only. */
  corsOrigins: string[];
  /** Built admin app (index.html and assets) served at `/`; nothing is served when it has no index.html. */
  adminDir?: string;
  /** How long the secret replaced by rotateApiKey keeps working. */
  apiKeyRotationGraceSeconds: number;
  /** Requests per user, API key or anonymous address per window; 0: no limit. */
  rateLimitRequests: number;
  rateLimitWindowSeconds: number;
  /** Failed sign-ins per account per 15 minutes, and per address per hour; 0: no limit. */
  loginMaxFailuresPerAccount: number;
  loginMaxFailuresPerAddress: number;
  /** Order-tracking lookups that match nothing, per address per hour; 0: no limit. */
  trackingMaxFailuresPerAddress: number;
  maxQueryDepth: number;
  maxQueryCost: number;
  maxSubscriptionsPerConnection: number;
  /** Aliased fields one GraphQL operation may hold (HTTP and WebSocket); 0: no limit. */
  maxAliases: number;
  /** Open WebSocket connections per user, API key or anonymous address, per server process; 0: no limit. */
  maxConnectionsPerActor: number;
  /** Largest WebSocket message accepted, in bytes. */
  maxWsMessageBytes: number;
  introspection: boolean;
  landingPage: boolean;
  /** Counters of the rate limits in Redis instead of PostgreSQL. */
  redisUrl?: string;
  /** Express "trust proxy": how client addresses are read behind a load balancer. */
  trustProxy: string | false;
  /** How often an idle job worker looks for new jobs (jobs sent by this process wake it at once). */
  jobPollSeconds: number;
  /** How often every process sweeps the event stream for events not yet dispatched (after a crash, a lost notification). */
  eventDispatchPollSeconds: number;
  /** A webhook request taking longer than this fails (and is retried). */
  webhookTimeoutMs: number;
  /** First retry delay of a failed webhook delivery; each further retry waits about twice as long. */
  webhookRetryDelaySeconds: number;
  /** How long a failing delivery keeps being retried before it is given up (and dead-lettered). */
  webhookRetryWindowSeconds: number;
  /** Deliveries given up in a row after which an endpoint is disabled; 0: never. */
  webhookDisableAfterFailures: number;
  /** Development only: staff users' webhook endpoints may point at loopback, private or link-local addresses (never partner keys' endpoints). */
  webhookAllowPrivateAddresses: boolean;
  /** Webhook endpoints one partner key may register; 0: no limit. */
  webhookMaxEndpointsPerKey: number;
  /** Events one partner key (or one staff endpoint) may have replayed per hour; 0: no limit. */
  webhookReplayMaxPerHour: number;
  /** How long a webhook endpoint's previous secret keeps signing deliveries (next to the new one) after rotateWebhookSecret; 0: it stops at once. */
  webhookSecretGraceSeconds: number;
  /** SMTP server for customer e-mails, e.g. smtp://user:pass@host:587; unset: e-mails are off. */
  smtpUrl?: string;
  /** The From address of customer e-mails. */
  mailFrom?: string;
  /** The server's public address (links in e-mails, e.g. the tracking page); default http://localhost:PORT. */
  publicUrl: string;
  /** Retries of a failed e-mail send after the first attempt. */
  emailRetryLimit: number;
  /** Seconds before the first retry of a failed e-mail; each further one waits about twice as long. */
  emailRetryDelaySeconds: number;
  /** Cron expression of the scheduled automation rules (cancel-unpaid, flag-late, custom schedules); "off": never. */
  automationSchedule: string;
  /** Where background exports write their files (a shared volume when several processes run). */
  exportDir: string;
  /** How long a finished export's file is kept for download. */
  exportTtlSeconds: number;
  /** How long an export waits for one of the export pool's connections before it is refused (503, busy). */
  exportAcquireTimeoutMs: number;
  /** Exports one caller may stream at once over HTTP, and have queued or running in the background; 0: no limit. */
  maxExportsPerActor: number;
  /** Largest CSV body accepted by POST /import, in bytes. */
  importMaxBytes: number;
  /** Hours from placing to complete shipment that count as on time in the fulfilment report (its default SLA). */
  fulfilmentSlaHours: number;
  /** Connections per process: the MikroORM pool, pg-boss's pool, the export pool (see docs/operations.md, "Database connections"). */
  dbPoolMax: number;
  jobsPoolMax: number;
  exportPoolMax: number;
  /** Bearer token that opens GET /metrics on the main port; unset: /metrics is not served there. */
  metricsToken?: string;
  /** A separate port serving only GET /metrics (no token), on metricsHost; unset: none. */
  metricsPort?: number;
  metricsHost: string;
  /** OTLP/HTTP collector base URL; set: traces are exported (src/tracing.ts); unset: tracing is off. */
  otlpEndpoint?: string;
  /** service.name of the exported traces. */
  otelServiceName: string;
  /** Up to this many matching orders, a list's totalCount is exact; above it, PostgreSQL's estimate (totalCountIsEstimate); 0: always exact. */
  exactCountLimit: number;
  /** On SIGTERM/SIGINT: the longest the server drains (requests, WebSockets, jobs) before it closes everything anyway and exits. */
  shutdownTimeoutSeconds: number;
  /** Server processes sharing the port (node:cluster); 1: a single process, as without the setting (docs/workers.md). */
  workers: number;
  /** ANALYZE and VACUUM of the tables autovacuum does not look after (common/table-maintenance.ts): "auto" or "off". */
  tableMaintenance: 'auto' | 'off';
}

/** Every variable the server reads; the docker-compose test checks against this list. */
export const ENV_VARS = [
  'PORT',
  'DATABASE_URL',
  'DATABASE_READ_URL',
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
  'OMS_API_KEY_ROTATION_GRACE_SECONDS',
  'OMS_RATE_LIMIT_REQUESTS',
  'OMS_RATE_LIMIT_WINDOW_SECONDS',
  'OMS_LOGIN_MAX_FAILURES_PER_ACCOUNT',
  'OMS_LOGIN_MAX_FAILURES_PER_ADDRESS',
  'OMS_TRACKING_MAX_FAILURES_PER_ADDRESS',
  'OMS_MAX_QUERY_DEPTH',
  'OMS_MAX_QUERY_COST',
  'OMS_MAX_SUBSCRIPTIONS_PER_CONNECTION',
  'OMS_MAX_ALIASES',
  'OMS_MAX_CONNECTIONS_PER_ACTOR',
  'OMS_WS_MAX_MESSAGE_BYTES',
  'OMS_INTROSPECTION',
  'OMS_LANDING_PAGE',
  'REDIS_URL',
  'OMS_TRUST_PROXY',
  'OMS_JOB_POLL_SECONDS',
  'OMS_EVENT_DISPATCH_POLL_SECONDS',
  'OMS_WEBHOOK_TIMEOUT_MS',
  'OMS_WEBHOOK_RETRY_DELAY_SECONDS',
  'OMS_WEBHOOK_RETRY_WINDOW_SECONDS',
  'OMS_WEBHOOK_DISABLE_AFTER_FAILURES',
  'OMS_WEBHOOK_ALLOW_PRIVATE_ADDRESSES',
  'OMS_WEBHOOK_MAX_ENDPOINTS_PER_KEY',
  'OMS_WEBHOOK_REPLAY_MAX_PER_HOUR',
  'OMS_WEBHOOK_SECRET_GRACE_SECONDS',
  'OMS_AUTOMATION_SCHEDULE',
  'OMS_EXPORT_DIR',
  'OMS_EXPORT_TTL_SECONDS',
  'OMS_EXPORT_ACQUIRE_TIMEOUT_MS',
  'OMS_MAX_EXPORTS_PER_ACTOR',
  'OMS_IMPORT_MAX_MB',
  'OMS_FULFILMENT_SLA_HOURS',
  'OMS_DB_POOL_MAX',
  'OMS_JOBS_POOL_MAX',
  'OMS_EXPORT_POOL_MAX',
  'OMS_METRICS_TOKEN',
  'OMS_METRICS_PORT',
  'OMS_METRICS_HOST',
  'OTEL_EXPORTER_OTLP_ENDPOINT',
  'OTEL_SERVICE_NAME',
  'OMS_SHUTDOWN_TIMEOUT_SECONDS',
  'OMS_WORKERS',
  'OMS_EXACT_COUNT_LIMIT',
  'NODE_ENV',
] as const;

function bool(name: string, value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value === '') return fallback;
  if (/^(1|true|yes|on)$/i.test(value)) return true;
  if (/^(0|false|no|off)$/i.test(value)) return false;
  throw new Error(`${name} must be true or false, got "${value}"`);
}

function int(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a non-negative integer, got "${value}"`);
  return n;
}

/** OMS_TIME_ZONE: an IANA name such as Europe/Berlin; unset or empty is UTC. */
function timeZone(value: string | undefined): string {
  const v = value?.trim();
  if (!v) return 'UTC';
  if (!isTimeZone(v)) throw new Error(`OMS_TIME_ZONE must be an IANA time zone such as Europe/Berlin, got "${value}"`);
  return v;
}

/** OMS_WORKERS: unset or empty is 1, `auto` one per core, else a whole number from 1. */
export function parseWorkers(value: string | undefined, cores: () => number = () => os.availableParallelism()): number {
  if (value === undefined || value.trim() === '') return 1;
  const v = value.trim();
  if (/^auto$/i.test(v)) return Math.max(1, cores());
  const n = Number(v);
  if (!/^\d+$/.test(v) || !Number.isSafeInteger(n) || n < 1) {
    throw new Error(`OMS_WORKERS must be "auto" or a whole number of processes from 1 up, got "${value}"`);
  }
  return n;
}

/** OMS_TABLE_MAINTENANCE: "auto" (the default: the tables whose autovacuum is off) or "off". */
export function parseTableMaintenance(value: string | undefined): 'auto' | 'off' {
  const v = (value ?? '').trim().toLowerCase();
  if (v === '' || v === 'auto') return 'auto';
  if (v === 'off') return 'off';
  throw new Error(`OMS_TABLE_MAINTENANCE must be "auto" or "off", got "${value}"`);
}

/** DATABASE_READ_URL: one or more PostgreSQL URLs separated by commas. */
function readUrls(value: string | undefined): string[] {
  const urls = (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const [i, url] of urls.entries()) {
    let protocol: string;
    try {
      protocol = new URL(url).protocol;
    } catch {
      throw new Error(
        `DATABASE_READ_URL: entry ${i + 1} is not a URL (expected postgres://user:password@host:port/database)`,
      );
    }
    if (protocol !== 'postgres:' && protocol !== 'postgresql:') {
      throw new Error(
        `DATABASE_READ_URL: entry ${i + 1} must start with postgres:// or postgresql://, got "${protocol}//"`,
      );
    }
  }
  return urls;
}

function smtpUrl(value: string | undefined): string | undefined {
  if (!value) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error('OMS_SMTP_URL must be a URL such as smtp://user:pass@host:587');
  }
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:')
    throw new Error('OMS_SMTP_URL must start with smtp:// or smtps://');
  return value;
}

function publicUrl(value: string | undefined, port: number): string {
  if (!value) return `http://localhost:${port}`;
  try {
    const url = new URL(value);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error();
  } catch {
    throw new Error('OMS_PUBLIC_URL must be an http(s) URL such as https://shop.example.com');
  }
  return value.replace(/\/+$/, '');
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const seed = env.OMS_SEED;
  if (seed !== undefined && seed !== '' && seed !== 'demo' && seed !== 'none') {
    throw new Error(`OMS_SEED must be "demo" or "none", got "${seed}"`);
  }
  const development = env.NODE_ENV !== 'production';
  return {
    port: int('PORT', env.PORT, 4000),
    databaseUrl: env.DATABASE_URL || undefined,
    databaseReadUrls: readUrls(env.DATABASE_READ_URL),
    dataDir: path.resolve(env.OMS_DATA_DIR || '.data'),
    embeddedPgPort: int('OMS_EMBEDDED_PG_PORT', env.OMS_EMBEDDED_PG_PORT, 0),
    adminEmail: env.OMS_ADMIN_EMAIL || undefined,
    adminPassword: env.OMS_ADMIN_PASSWORD || undefined,
    seed: (seed || undefined) as SeedMode | undefined,
    logLevel: env.LOG_LEVEL || 'info',
    timeZone: timeZone(env.OMS_TIME_ZONE),
    sessionTtlSeconds: int('OMS_SESSION_TTL_SECONDS', env.OMS_SESSION_TTL_SECONDS, 12 * 3600),
    bodyLimit: env.OMS_BODY_LIMIT || '1mb',
    corsOrigins: (env.OMS_CORS_ORIGINS || '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    // src/config and dist/config are both three levels below packages/: default to packages/admin/dist.
    adminDir: path.resolve(env.OMS_ADMIN_DIR || path.join(__dirname, '../../../admin/dist')),
    apiKeyRotationGraceSeconds: int(
      'OMS_API_KEY_ROTATION_GRACE_SECONDS',
      env.OMS_API_KEY_ROTATION_GRACE_SECONDS,
      24 * 3600,
    ),
    rateLimitRequests: int('OMS_RATE_LIMIT_REQUESTS', env.OMS_RATE_LIMIT_REQUESTS, 1200),
    rateLimitWindowSeconds: Math.max(1, int('OMS_RATE_LIMIT_WINDOW_SECONDS', env.OMS_RATE_LIMIT_WINDOW_SECONDS, 60)),
    loginMaxFailuresPerAccount: int('OMS_LOGIN_MAX_FAILURES_PER_ACCOUNT', env.OMS_LOGIN_MAX_FAILURES_PER_ACCOUNT, 5),
    loginMaxFailuresPerAddress: int('OMS_LOGIN_MAX_FAILURES_PER_ADDRESS', env.OMS_LOGIN_MAX_FAILURES_PER_ADDRESS, 50),
    trackingMaxFailuresPerAddress: int(
      'OMS_TRACKING_MAX_FAILURES_PER_ADDRESS',
      env.OMS_TRACKING_MAX_FAILURES_PER_ADDRESS,
      20,
    ),
    maxQueryDepth: int('OMS_MAX_QUERY_DEPTH', env.OMS_MAX_QUERY_DEPTH, 10),
    maxQueryCost: int('OMS_MAX_QUERY_COST', env.OMS_MAX_QUERY_COST, 50000),
    maxSubscriptionsPerConnection: int(
      'OMS_MAX_SUBSCRIPTIONS_PER_CONNECTION',
      env.OMS_MAX_SUBSCRIPTIONS_PER_CONNECTION,
      20,
    ),
    maxAliases: int('OMS_MAX_ALIASES', env.OMS_MAX_ALIASES, 30),
    maxConnectionsPerActor: int('OMS_MAX_CONNECTIONS_PER_ACTOR', env.OMS_MAX_CONNECTIONS_PER_ACTOR, 50),
    maxWsMessageBytes: int('OMS_WS_MAX_MESSAGE_BYTES', env.OMS_WS_MAX_MESSAGE_BYTES, 64 * 1024),
    introspection: bool('OMS_INTROSPECTION', env.OMS_INTROSPECTION, development),
    landingPage: bool('OMS_LANDING_PAGE', env.OMS_LANDING_PAGE, development),
    redisUrl: env.REDIS_URL || undefined,
    trustProxy: env.OMS_TRUST_PROXY || false,
    jobPollSeconds: Math.max(1, int('OMS_JOB_POLL_SECONDS', env.OMS_JOB_POLL_SECONDS, 2)),
    eventDispatchPollSeconds: Math.max(
      1,
      int('OMS_EVENT_DISPATCH_POLL_SECONDS', env.OMS_EVENT_DISPATCH_POLL_SECONDS, 10),
    ),
    webhookTimeoutMs: Math.max(100, int('OMS_WEBHOOK_TIMEOUT_MS', env.OMS_WEBHOOK_TIMEOUT_MS, 10_000)),
    webhookRetryDelaySeconds: Math.max(
      1,
      int('OMS_WEBHOOK_RETRY_DELAY_SECONDS', env.OMS_WEBHOOK_RETRY_DELAY_SECONDS, 30),
    ),
    webhookRetryWindowSeconds: int('OMS_WEBHOOK_RETRY_WINDOW_SECONDS', env.OMS_WEBHOOK_RETRY_WINDOW_SECONDS, 24 * 3600),
    webhookDisableAfterFailures: int('OMS_WEBHOOK_DISABLE_AFTER_FAILURES', env.OMS_WEBHOOK_DISABLE_AFTER_FAILURES, 20),
    webhookAllowPrivateAddresses: bool(
      'OMS_WEBHOOK_ALLOW_PRIVATE_ADDRESSES',
      env.OMS_WEBHOOK_ALLOW_PRIVATE_ADDRESSES,
      false,
    ),
    webhookMaxEndpointsPerKey: int('OMS_WEBHOOK_MAX_ENDPOINTS_PER_KEY', env.OMS_WEBHOOK_MAX_ENDPOINTS_PER_KEY, 10),
    webhookReplayMaxPerHour: int('OMS_WEBHOOK_REPLAY_MAX_PER_HOUR', env.OMS_WEBHOOK_REPLAY_MAX_PER_HOUR, 10_000),
    webhookSecretGraceSeconds: int('OMS_WEBHOOK_SECRET_GRACE_SECONDS', env.OMS_WEBHOOK_SECRET_GRACE_SECONDS, 24 * 3600),
    smtpUrl: smtpUrl(env.OMS_SMTP_URL),
    mailFrom: env.OMS_MAIL_FROM || undefined,
    publicUrl: publicUrl(env.OMS_PUBLIC_URL, int('PORT', env.PORT, 4000)),
    emailRetryLimit: int('OMS_EMAIL_RETRY_LIMIT', env.OMS_EMAIL_RETRY_LIMIT, 8),
    emailRetryDelaySeconds: Math.max(1, int('OMS_EMAIL_RETRY_DELAY_SECONDS', env.OMS_EMAIL_RETRY_DELAY_SECONDS, 30)),
    automationSchedule: env.OMS_AUTOMATION_SCHEDULE?.trim() || '* * * * *',
    exportDir: path.resolve(env.OMS_EXPORT_DIR || path.join(os.tmpdir(), 'oms-exports')),
    exportTtlSeconds: Math.max(60, int('OMS_EXPORT_TTL_SECONDS', env.OMS_EXPORT_TTL_SECONDS, 3600)),
    exportAcquireTimeoutMs: Math.max(
      1,
      int('OMS_EXPORT_ACQUIRE_TIMEOUT_MS', env.OMS_EXPORT_ACQUIRE_TIMEOUT_MS, 10_000),
    ),
    maxExportsPerActor: int('OMS_MAX_EXPORTS_PER_ACTOR', env.OMS_MAX_EXPORTS_PER_ACTOR, 2),
    importMaxBytes: Math.max(1, int('OMS_IMPORT_MAX_MB', env.OMS_IMPORT_MAX_MB, 50)) * 1024 * 1024,
    fulfilmentSlaHours: Math.max(1, int('OMS_FULFILMENT_SLA_HOURS', env.OMS_FULFILMENT_SLA_HOURS, 48)),
    dbPoolMax: Math.max(1, int('OMS_DB_POOL_MAX', env.OMS_DB_POOL_MAX, 20)),
    jobsPoolMax: Math.max(1, int('OMS_JOBS_POOL_MAX', env.OMS_JOBS_POOL_MAX, 5)),
    exportPoolMax: Math.max(1, int('OMS_EXPORT_POOL_MAX', env.OMS_EXPORT_POOL_MAX, 4)),
    metricsToken: env.OMS_METRICS_TOKEN || undefined,
    metricsPort: env.OMS_METRICS_PORT ? int('OMS_METRICS_PORT', env.OMS_METRICS_PORT, 0) : undefined,
    metricsHost: env.OMS_METRICS_HOST || '127.0.0.1',
    otlpEndpoint: env.OTEL_EXPORTER_OTLP_ENDPOINT || undefined,
    otelServiceName: env.OTEL_SERVICE_NAME || 'oms',
    shutdownTimeoutSeconds: Math.max(1, int('OMS_SHUTDOWN_TIMEOUT_SECONDS', env.OMS_SHUTDOWN_TIMEOUT_SECONDS, 10)),
    workers: parseWorkers(env.OMS_WORKERS),
    tableMaintenance: parseTableMaintenance(env.OMS_TABLE_MAINTENANCE),
    exactCountLimit: int('OMS_EXACT_COUNT_LIMIT', env.OMS_EXACT_COUNT_LIMIT, 10_000),
  };
}
