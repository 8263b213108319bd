/**
 * Structured JSON logging (pino): one logger per server, children carry the request id.
 * Anything that could be a credential is redacted wherever it appears in a log record.
 * With tracing on (src/tracing.ts), every record written inside a span carries its trace id.
 */
import { trace } from '@opentelemetry/api';
import pino from 'pino';

export type Logger = pino.Logger;

export const REDACTED_PATHS = [
  'password',
  '*.password',
  'newPassword',
  '*.newPassword',
  'currentPassword',
  '*.currentPassword',
  'passwordHash',
  '*.passwordHash',
  'secret',
  '*.secret',
  'token',
  '*.token',
  'authorization',
  '*.authorization',
  '*.headers.authorization',
  '*.headers.cookie',
  'connectionParams',
  '*.connectionParams',
  'variables',
  '*.variables',
];

/**
 * Database errors carry the failed statement with its values inlined (MikroORM does that):
 * e-mails, password hashes. Logged errors keep the statement's shape but lose its values.
 */
const scrub = (text: unknown) => (typeof text === 'string' ? text.replace(/'(?:[^']|'')*'/g, "'?'") : text);

function errorSerializer(err: unknown) {
  const out = pino.stdSerializers.err(err as Error) as unknown as Record<string, unknown>;
  if (!out || typeof out !== 'object') return out;
  out.message = scrub(out.message);
  out.stack = scrub(out.stack);
  for (const key of ['detail', 'where', 'parameters', 'query', 'sql', 'params']) delete out[key];
  return out;
}

/** The trace and span of the active span, if any (none when tracing is off). */
function traceFields(): Record<string, string> {
  const span = trace.getActiveSpan();
  if (!span) return {};
  const { traceId, spanId } = span.spanContext();
  return { traceId, spanId };
}

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  const options = {
    level,
    base: { service: 'oms' },
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    serializers: { err: errorSerializer },
    mixin: traceFields,
  };
  return destination ? pino(options, destination) : pino(options);
}
