import { editedLineTax, parseTaxRatePercent, taxFromRate, taxRatePercentText } from './tax';

test('a rate in percent becomes basis points exactly, with at most two decimals', () => {
  expect(parseTaxRatePercent('19')).toBe(1900);
  expect(parseTaxRatePercent(7.5)).toBe(750);
  expect(parseTaxRatePercent('7,25')).toBe(725);
  expect(parseTaxRatePercent('7.15')).toBe(715); // 7.15 × 100 is 714.999… in floating point
  expect(parseTaxRatePercent(' 0 ')).toBe(0);
  expect(parseTaxRatePercent('1000')).toBe(100_000);
  expect(parseTaxRatePercent('12.')).toBe(1200); // typed so far
});

test('empty is no tax; anything else that is not a rate from 0 to 1000 % is refused', () => {
  expect(parseTaxRatePercent('')).toBeNull();
  expect(parseTaxRatePercent(null)).toBeNull();
  for (const bad of ['1000.01', '1500', '-1', '7.125', 'abc', '1e3', '.5'])
    expect(parseTaxRatePercent(bad)).toBeUndefined();
});

test('basis points are shown as staff type them', () => {
  expect([1900, 750, 725, 0, null].map(taxRatePercentText)).toEqual(['19', '7.5', '7.25', '0', '']);
});

test('line tax is round(net × rate / 10000), half a minor unit rounded away from zero', () => {
  expect(taxFromRate(2780, 1900)).toBe(528); // 528.2
  expect(taxFromRate(50, 1000)).toBe(5);
  expect(taxFromRate(5, 1000)).toBe(1); // 0.5 -> 1
  expect(taxFromRate(15, 1000)).toBe(2); // 1.5 -> 2
  expect(taxFromRate(25, 1000)).toBe(3); // 2.5 -> 3, not to even
  expect(taxFromRate(4, 1000)).toBe(0); // 0.4 -> 0
  expect(taxFromRate(-5, 1000)).toBe(-1); // -0.5 -> -1
  expect(taxFromRate(1999, 750)).toBe(150); // 149.925
  expect(taxFromRate(1_000_000_000 * 1_000_000, 100_000)).toBe(10 ** 16); // beyond 2^53 in the product
});

test("an edited line's tax follows the server's rule", () => {
  const before = { tax: 528, taxRate: 1900, quantity: 2, net: 2780 };
  // Nothing changed: the stored tax stays, even if it is not rate × net.
  expect(editedLineTax({ ...before, tax: 500 }, { quantity: 2, net: 2780, taxRate: null })).toBe(500);
  expect(editedLineTax({ ...before, tax: 500 }, { quantity: 2, net: 2780, taxRate: 1900 })).toBe(500);
  // A new rate, or a new quantity with the line's own rate: recomputed.
  expect(editedLineTax(before, { quantity: 2, net: 2780, taxRate: 700 })).toBe(195); // 194.6
  expect(editedLineTax(before, { quantity: 3, net: 4170, taxRate: null })).toBe(792); // 792.3
  // No rate at all: the tax is scaled by the quantity, half away from zero.
  expect(
    editedLineTax({ tax: 5, taxRate: null, quantity: 2, net: 100 }, { quantity: 3, net: 150, taxRate: null }),
  ).toBe(8); // 7.5
});
