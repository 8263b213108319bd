/**
 * The tax a sales channel charged on an order line (issue 15, "Taxes the channel charged").
 * Prices are net; a line carries the tax on the whole line in minor units and, when the channel
 * sent one, its rate in basis points (1900 = 19 %). The order's tax total is the sum of its lines'.
 */

/**
 * round(net × rate / 10000), half away from zero, computed exactly (integers, no floating point):
 * the tax of one line when the channel sent only a rate. Rounded per line, then summed.
 */
export function taxFromRate(net: number, rateBasisPoints: number): number {
  const product = BigInt(net) * BigInt(rateBasisPoints);
  const sign = product < 0n ? -1n : 1n;
  const abs = product * sign;
  return Number(((abs * 2n + 10_000n) / 20_000n) * sign);
}

/**
 * The tax of a new line from its input: taxAmount when given (the channel's figure wins, even
 * when it does not match taxRate × net), else from taxRate, else 0.
 */
export function lineTaxFromInput(net: number, l: { taxAmount?: number | null; taxRate?: number | null }) {
  const taxRate = l.taxRate ?? undefined;
  if (l.taxAmount != null) return { taxAmount: l.taxAmount, taxRate };
  if (taxRate != null) return { taxAmount: taxFromRate(net, taxRate), taxRate };
  return { taxAmount: 0, taxRate: undefined };
}

/**
 * The tax of a kept line after an edit: taxAmount when given. Else, a line whose quantity and unit
 * price stay keeps its tax (a channel's figure is not second-guessed) unless a new taxRate is
 * given. Else it is recomputed from the new net with the rate (given, or the one the line has);
 * else the old tax is scaled by the quantity ratio (by the net ratio when the unit price changed
 * too, which is the same when it did not), rounded half away from zero.
 */
export function editedLineTax(
  before: { taxAmount: number; taxRate?: number | null; quantity: number; net: number },
  after: { net: number; quantity: number },
  l: { taxAmount?: number | null; taxRate?: number | null },
): { taxAmount: number; taxRate?: number } {
  const taxRate = l.taxRate ?? before.taxRate ?? undefined;
  if (l.taxAmount != null) return { taxAmount: l.taxAmount, taxRate };
  const unchanged = after.quantity === before.quantity && after.net === before.net;
  if (unchanged && (l.taxRate == null || l.taxRate === before.taxRate))
    return { taxAmount: before.taxAmount, taxRate: before.taxRate ?? undefined };
  if (taxRate != null) return { taxAmount: taxFromRate(after.net, taxRate), taxRate };
  const [num, den] = before.net > 0 ? [after.net, before.net] : [after.quantity, before.quantity];
  return { taxAmount: roundedRatio(before.taxAmount, num, den), taxRate: undefined };
}

/** round(value × num / den) half away from zero, for non-negative integers, den > 0. */
function roundedRatio(value: number, num: number, den: number): number {
  const d = BigInt(den);
  return Number((BigInt(value) * BigInt(num) * 2n + d) / (2n * d));
}
