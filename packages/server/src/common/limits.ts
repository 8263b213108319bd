/** Named constants used across modules (the database's limits and identifier shapes). */

/** The largest PostgreSQL `int4` (quantities, money in minor units, counts). */
export const INT4_MAX = 2_147_483_647;

/** A UUID in its canonical text form (any version); ids that fail it are NOT_FOUND without a query. */
export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID_PATTERN.test(value);
}
