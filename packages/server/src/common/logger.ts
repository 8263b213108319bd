/** Structured JSON logging (pino): one logger per server, children carry the request id. */
import pino from 'pino';

export type Logger = pino.Logger;

export function createLogger(level: string): Logger {
  return pino({ level, base: { service: 'oms' } });
}
