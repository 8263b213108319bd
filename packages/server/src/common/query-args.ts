/**
 * Read queries take plain string arguments (SKU, order number, search). PostgreSQL text cannot
 * hold NUL characters, so such an argument is refused as the caller's mistake up front instead
 * of failing in the database. Mutations validate their inputs themselves and report userErrors.
 */
import { BadRequestError } from './errors';

function findNul(value: unknown, path: string): string | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? path : undefined;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const hit = findNul(value[i], `${path}.${i}`);
      if (hit) return hit;
    }
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const hit = findNul(v, `${path}.${k}`);
      if (hit) return hit;
    }
  }
  return undefined;
}

/** Throws BAD_USER_INPUT naming the argument if any string in `args` holds a NUL character. */
export function rejectNul(args: Record<string, unknown>): void {
  for (const [name, value] of Object.entries(args)) {
    const hit = findNul(value, name);
    if (hit) throw new BadRequestError(`${hit} must not contain NUL characters`);
  }
}
