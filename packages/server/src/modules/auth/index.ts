/** The auth module's public surface: other modules import from here, never from its files (eslint: no-restricted-imports). */
export * from './api-key.entity';
export * from './audit';
export * from './permissions';
