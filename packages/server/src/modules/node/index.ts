/** The node module's public surface: other modules import from here, never from its files (eslint: no-restricted-imports). */
export * from './node.resolver';
export * from './node.service';
