/** The inventory module's public surface: other modules import from here, never from its files (eslint: no-restricted-imports). */
export * from './inventory.inputs';
export * from './inventory.service';
export * from './stock-allocation.entity';
export * from './stock-level.entity';
export * from './warehouse.entity';
