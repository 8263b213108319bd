/**
 * placeOrder recognises valid input without class-validator (isValidPlaceOrderInput, the hot
 * path) and leaves everything else to class-validator, which words the userErrors. No server, no
 * database: for many inputs near every rule's edges, the direct check must never accept what
 * class-validator refuses, and must accept what it accepts (else valid orders pay for both).
 */
import 'reflect-metadata';
import { validate } from 'class-validator';
import { AddressInput, CustomerInput, OrderLineInput, PlaceOrderInput } from '../src/modules/order/order.inputs';
import { isValidPlaceOrderInput } from '../src/modules/order/order.service';

function build(o: Record<string, unknown>): PlaceOrderInput {
  const input = Object.assign(new PlaceOrderInput(), o);
  input.customer = Object.assign(new CustomerInput(), o.customer);
  input.shippingAddress = Object.assign(new AddressInput(), o.shippingAddress);
  input.lines = (o.lines as unknown[]).map((l) => Object.assign(new OrderLineInput(), l));
  return input;
}

const valid = () => ({
  channelCode: 'WEB',
  externalId: 'ext-1',
  note: 'leave at the door',
  shippingAmount: 495,
  customer: { email: 'ada@example.com', name: 'Ada' },
  shippingAddress: {
    name: 'Ada',
    line1: '1 Main St',
    line2: 'Flat 2',
    city: 'Berlin',
    postalCode: '10115',
    country: 'DE',
  },
  lines: [
    { sku: 'SKU-1', quantity: 2, unitPrice: 1000, taxAmount: 380, taxRate: 1900 },
    { sku: 'SKU-2', quantity: 1, taxRate: 700 },
  ],
});

const s = (n: number) => 'x'.repeat(n);
// [path, values] to try, one at a time, in an otherwise valid input.
const edits: [string[], unknown[]][] = [
  [['channelCode'], ['', 'W', s(64), s(65), '😀'.repeat(64), '😀'.repeat(65)]],
  [['externalId'], [undefined, null, '', s(128), s(129)]],
  [['note'], [undefined, null, '', s(2000), s(2001)]],
  [['shippingAmount'], [undefined, null, -1, 0, 100_000_000, 100_000_001]],
  [
    ['customer', 'email'],
    [
      'ada@example.com',
      'not-an-email',
      '',
      'a@b',
      'ADA@EXAMPLE.COM',
      `${s(64)}@example.com`,
      `${s(65)}@example.com`,
      `${s(60)}@${s(250)}.com`,
      'a b@example.com',
    ],
  ],
  [
    ['customer', 'name'],
    [undefined, null, '', s(200), s(201)],
  ],
  [
    ['shippingAddress', 'name'],
    [undefined, null, s(200), s(201)],
  ],
  [
    ['shippingAddress', 'line1'],
    ['', 'x', s(300), s(301), undefined],
  ],
  [
    ['shippingAddress', 'line2'],
    [undefined, null, '', s(300), s(301)],
  ],
  [
    ['shippingAddress', 'city'],
    ['', s(200), s(201)],
  ],
  [
    ['shippingAddress', 'postalCode'],
    ['', s(32), s(33)],
  ],
  [
    ['shippingAddress', 'country'],
    ['DE', 'de', 'XX', 'DEU', '', 'GB', 'UK'],
  ],
  [
    ['lines'],
    [
      [],
      Array.from({ length: 500 }, (_, i) => ({ sku: `S${i}`, quantity: 1 })),
      Array.from({ length: 501 }, (_, i) => ({ sku: `S${i}`, quantity: 1 })),
    ],
  ],
  [
    ['lines', '0', 'sku'],
    ['', s(64), s(65)],
  ],
  [
    ['lines', '0', 'quantity'],
    [0, 1, 1_000_000, 1_000_001, -5],
  ],
  [
    ['lines', '0', 'unitPrice'],
    [undefined, null, -1, 0, 1_000_000_000, 1_000_000_001],
  ],
  [
    ['lines', '0', 'taxAmount'],
    [undefined, null, -1, 0, 2_147_483_647, 2_147_483_648],
  ],
  [
    ['lines', '0', 'taxRate'],
    [undefined, null, -1, 0, 1900, 100_000, 100_001],
  ],
];

function edited(path: string[], value: unknown) {
  const o: Record<string, unknown> = valid();
  let at = o;
  for (const k of path.slice(0, -1)) at = at[k] as Record<string, unknown>;
  at[path[path.length - 1]] = value;
  return build(o);
}

describe('placeOrder input: the direct check agrees with class-validator', () => {
  it('accepts the valid input', async () => {
    const input = build(valid());
    expect(await validate(input, { forbidUnknownValues: false })).toEqual([]);
    expect(isValidPlaceOrderInput(input)).toBe(true);
  });

  for (const [path, values] of edits) {
    it(`${path.join('.')}: accepts exactly what class-validator accepts`, async () => {
      for (const value of values) {
        const input = edited(path, value);
        const passes = (await validate(input, { forbidUnknownValues: false })).length === 0;
        expect({ value, direct: isValidPlaceOrderInput(input) }).toEqual({ value, direct: passes });
      }
    });
  }

  it('leaves objects that are not the input classes to class-validator', () => {
    expect(isValidPlaceOrderInput(valid() as PlaceOrderInput)).toBe(false);
    expect(isValidPlaceOrderInput(null)).toBe(false);
    const input = build(valid());
    input.lines = [{ sku: 'SKU-1', quantity: 1 } as OrderLineInput];
    expect(isValidPlaceOrderInput(input)).toBe(false);
  });
});
