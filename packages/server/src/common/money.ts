/** Money is integer minor units plus an ISO 4217 currency code. Never a float. */
import { GraphQLSafeInt } from 'graphql-scalars';
import { Field, ObjectType } from 'type-graphql';

@ObjectType({ description: 'An amount in integer minor units (cents) of an ISO 4217 currency.' })
export class Money {
  // SafeInt (53 bits), not Int (32): sums over many orders (analytics) pass 2^31 minor units.
  @Field(() => GraphQLSafeInt, {
    description: 'Integer minor units, e.g. 1999 for 19.99 EUR (a safe integer: sums in reports can exceed 32 bits).',
  })
  amount: number;

  @Field(() => String, { description: 'ISO 4217 code, e.g. EUR.' })
  currency: string;

  constructor(amount: number, currency: string) {
    if (!Number.isSafeInteger(amount)) throw new Error(`Money amount must be an integer, got ${amount}`);
    this.amount = amount;
    this.currency = currency;
  }
}

/** ISO 4217 codes this server accepts (all active codes known to the runtime's Intl). */
const KNOWN_CURRENCIES: Set<string> = new Set(
  typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('currency') : [],
);

export function isCurrencyCode(code: string): boolean {
  return /^[A-Z]{3}$/.test(code) && (KNOWN_CURRENCIES.size === 0 || KNOWN_CURRENCIES.has(code));
}

/** Human-readable amount for history messages, honouring the currency's minor digits (JPY has none). */
export function formatMoney(amount: number, currency: string): string {
  let digits = 2;
  try {
    digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    /* unknown code: assume 2 */
  }
  const sign = amount < 0 ? '-' : '';
  const abs = Math.abs(amount);
  const major = digits
    ? `${Math.floor(abs / 10 ** digits)}.${String(abs % 10 ** digits).padStart(digits, '0')}`
    : String(abs);
  return `${sign}${major} ${currency}`;
}
