/** The catalog module's public surface: other modules import from here, never from its files (eslint: no-restricted-imports). */
export * from './product.entity';
export * from './product.inputs';
