/** The customer module's public surface: other modules import from here, never from its files (eslint: no-restricted-imports). */
export * from './customer.entity';
export * from './customer.sql';
