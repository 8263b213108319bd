/** The email module's public surface: other modules import from here, never from its files (eslint: no-restricted-imports). */
export * from './email.entity';
