/** The order module's public surface: other modules import from here, never from its files (eslint: no-restricted-imports). */
export * from './order-history.entity';
export * from './order-line.entity';
export * from './order-state';
export * from './order-state-machine';
export * from './order-transaction';
export * from './order.entity';
export * from './order.types';
export { OrderFilter } from './order.inputs';
