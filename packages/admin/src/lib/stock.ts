/** When stock counts as low: one threshold for the stock page and the dashboard, which must agree. */
export const LOW_STOCK_THRESHOLD = 5;

export function isLowStock(level: { available: number }): boolean {
  return level.available <= LOW_STOCK_THRESHOLD;
}
