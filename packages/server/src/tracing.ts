/**
 * OpenTelemetry tracing, off unless OTEL_EXPORTER_OTLP_ENDPOINT is set: then spans of incoming
 * HTTP requests, Express, GraphQL (parse, validate, execute, resolvers) and PostgreSQL queries
 * are exported over OTLP/HTTP to `<endpoint>/v1/traces`.
 *
 * Instrumentation works by patching modules as they are loaded, so it must start before `http`,
 * `express`, `graphql` or `pg` is required: main.ts imports this file first, and importing it
 * starts tracing when it is configured. Tests call startTracing with an in-memory exporter, in a
 * process of their own, before they load the server.
 *
 * What is recorded: no query values (GraphQL literals and variables are left out, PostgreSQL
 * spans carry the statement text with placeholders but not its parameters), and PostgreSQL
 * statements only inside a traced request (the job queue's polling would otherwise fill the
 * trace store). Health checks and /metrics scrapes are not traced.
 */
import { diag, DiagConsoleLogger, DiagLogLevel } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { ExpressInstrumentation } from '@opentelemetry/instrumentation-express';
import { GraphQLInstrumentation } from '@opentelemetry/instrumentation-graphql';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, SimpleSpanProcessor, SpanExporter } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { loadConfig } from './config/config';

const UNTRACED_PATHS = new Set(['/healthz', '/readyz', '/metrics']);

export interface Tracing {
  /** Exports what is still buffered. */
  flush(): Promise<void>;
  /** Flushes, then stops exporting and unpatches the instrumented modules. */
  shutdown(): Promise<void>;
}

export function startTracing(options: { serviceName: string; exporter: SpanExporter; batch?: boolean }): Tracing {
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ 'service.name': options.serviceName }),
    spanProcessors: [
      options.batch === false ? new SimpleSpanProcessor(options.exporter) : new BatchSpanProcessor(options.exporter),
    ],
  });
  // Sets the global tracer provider, the AsyncLocalStorage context manager and W3C propagation.
  provider.register();
  const unregister = registerInstrumentations({
    tracerProvider: provider,
    instrumentations: [
      new HttpInstrumentation({
        ignoreIncomingRequestHook: (req) => UNTRACED_PATHS.has((req.url ?? '').split('?')[0]),
      }),
      new ExpressInstrumentation(),
      new GraphQLInstrumentation({ allowValues: false, mergeItems: true, ignoreTrivialResolveSpans: true }),
      new PgInstrumentation({ requireParentSpan: true, enhancedDatabaseReporting: false }),
    ],
  });
  return {
    flush: () => provider.forceFlush(),
    async shutdown() {
      await provider.shutdown();
      unregister();
    },
  };
}

/** Tracing as configured by the environment, started when this module loads (main.ts loads it first). */
function startConfiguredTracing(): Tracing | undefined {
  let config;
  try {
    config = loadConfig();
  } catch {
    return undefined; // main.ts reports the configuration error
  }
  if (!config.otlpEndpoint) return undefined;
  diag.setLogger(new DiagConsoleLogger(), DiagLogLevel.WARN);
  const exporter = new OTLPTraceExporter({ url: `${config.otlpEndpoint.replace(/\/+$/, '')}/v1/traces` });
  return startTracing({ serviceName: config.otelServiceName, exporter });
}

export const configuredTracing = startConfiguredTracing();
