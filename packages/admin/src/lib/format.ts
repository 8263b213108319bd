/** Money and dates for people: Intl in the viewer's locale, money in the amount's own currency. */

export interface MoneyLike {
  amount: number;
  currency: string;
}

const moneyFormats = new Map<string, Intl.NumberFormat>();

/** Formats integer minor units (e.g. 1999 EUR cents) as money in that currency. */
export function formatMoney(money: MoneyLike | null | undefined, locale?: string): string {
  if (!money) return '—';
  const key = `${locale ?? ''}|${money.currency}`;
  let fmt = moneyFormats.get(key);
  if (!fmt) {
    fmt = new Intl.NumberFormat(locale, { style: 'currency', currency: money.currency });
    moneyFormats.set(key, fmt);
  }
  const digits = fmt.resolvedOptions().maximumFractionDigits ?? 2;
  return fmt.format(money.amount / 10 ** digits);
}

/** Minor units per major unit for a currency (100 for EUR, 1 for JPY). */
export function minorUnitFactor(currency: string): number {
  const digits =
    new Intl.NumberFormat(undefined, { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  return 10 ** digits;
}

/** "12.50" in the order's currency -> 1250 minor units; undefined when not a valid amount. */
export function parseMoneyInput(text: string | number, currency: string): number | undefined {
  const n = typeof text === 'number' ? text : Number(String(text).replace(',', '.'));
  if (!Number.isFinite(n)) return undefined;
  return Math.round(n * minorUnitFactor(currency));
}

export function formatDateTime(iso: string | null | undefined, locale?: string): string {
  if (!iso) return '—';
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

export function formatDate(iso: string | null | undefined, locale?: string): string {
  if (!iso) return '—';
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(new Date(iso));
}

export function formatTime(iso: string, locale?: string): string {
  return new Intl.DateTimeFormat(locale, { timeStyle: 'medium' }).format(new Date(iso));
}

/** "PARTIALLY_SHIPPED" -> "Partially shipped". */
export function humanize(code: string): string {
  const s = code.toLowerCase().replace(/_/g, ' ');
  return s.charAt(0).toUpperCase() + s.slice(1);
}
