/** The payment module's public surface: other modules import from here, never from its files (eslint: no-restricted-imports). */
export * from './payment.entity';
