/** Inventory URL state and thresholds. */
export const LOW_STOCK_THRESHOLD = 5;

export function isLowStock(level: { available: number }): boolean {
  return level.available <= LOW_STOCK_THRESHOLD;
}
