/** The events module's public surface: other modules import from here, never from its files (eslint: no-restricted-imports). */
export * from './domain-event.entity';
export * from './event-redaction';
export * from './event-sequencer';
export * from './event-stream.sql';
