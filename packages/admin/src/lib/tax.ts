/**
 * Line tax as staff enter it (a rate in percent) and as the server computes it (basis points, the
 * tax rounded per line), so a form's preview is the figure the order will store. The rules mirror
 * packages/server/src/modules/order/order-tax.ts (taxFromRate, editedLineTax); the server stays
 * the one that decides, and refuses a rate out of range at the line's taxRate field.
 */

/** The highest rate placeOrder and editOrder take: 100000 basis points, 1000 %. */
export const MAX_TAX_RATE_BASIS_POINTS = 100_000;

/**
 * "19", "7.5", "7,25" (percent) -> 1900, 750, 725 basis points, exactly (no floating point); null
 * when empty (no tax); undefined when not a rate from 0 to 1000 % with at most two decimals.
 */
export function parseTaxRatePercent(text: string | number | null | undefined): number | null | undefined {
  const s = String(text ?? '')
    .trim()
    .replace(',', '.');
  if (s === '') return null;
  const m = /^(\d+)(?:\.(\d{0,2}))?$/.exec(s);
  if (!m) return undefined;
  const basisPoints = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  return basisPoints <= MAX_TAX_RATE_BASIS_POINTS ? basisPoints : undefined;
}

/** 1900 -> "19", 750 -> "7.5", 725 -> "7.25": a rate in basis points as staff type it. */
export function taxRatePercentText(basisPoints: number | null | undefined): string {
  return basisPoints == null ? '' : String(basisPoints / 100);
}

/** round(net × rate / 10000), half away from zero, in integers: the tax of a line given only a rate. */
export function taxFromRate(net: number, rateBasisPoints: number): number {
  const product = BigInt(net) * BigInt(rateBasisPoints);
  const sign = product < 0n ? -1n : 1n;
  return Number(((product * sign * 2n + 10_000n) / 20_000n) * sign);
}

/**
 * The tax a kept line will have after editOrder, as the server decides it: a line whose quantity
 * and net stay keeps its tax unless a different rate is given; else the tax is recomputed from
 * the new net with the rate (given, or the line's own); else the old tax is scaled by the net ratio
 * (the quantity ratio when the net was 0), rounded half away from zero.
 */
export function editedLineTax(
  before: { tax: number; taxRate: number | null; quantity: number; net: number },
  after: { quantity: number; net: number; taxRate: number | null },
): number {
  const unchanged = after.quantity === before.quantity && after.net === before.net;
  if (unchanged && (after.taxRate == null || after.taxRate === before.taxRate)) return before.tax;
  const rate = after.taxRate ?? before.taxRate;
  if (rate != null) return taxFromRate(after.net, rate);
  const [num, den] = before.net > 0 ? [after.net, before.net] : [after.quantity, before.quantity];
  if (den <= 0) return before.tax;
  const d = BigInt(den);
  return Number((BigInt(before.tax) * BigInt(num) * 2n + d) / (2n * d));
}
