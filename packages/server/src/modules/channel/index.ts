/** The channel module's public surface: other modules import from here, never from its files (eslint: no-restricted-imports). */
export * from './channel.entity';
export * from './channel.sql';
