/**
 * Input validation with class-validator. Failures become INVALID_INPUT userErrors that
 * name the field (as a path from the argument), so nothing is written for bad input.
 */
import { validate, ValidationError } from 'class-validator';
import { ErrorCode, UserError } from './errors';

function flatten(errors: ValidationError[], path: string[]): UserError[] {
  const out: UserError[] = [];
  for (const e of errors) {
    const here = [...path, e.property];
    for (const message of Object.values(e.constraints ?? {})) {
      out.push(new UserError(ErrorCode.INVALID_INPUT, `${here.slice(1).join('.') || here[0]}: ${message}`, here));
    }
    if (e.children?.length) out.push(...flatten(e.children, here));
  }
  return out;
}

/** PostgreSQL text cannot hold NUL characters: refuse them as bad input instead of failing on write. */
function nulCharacters(value: unknown, path: string[], out: UserError[]): void {
  if (typeof value === 'string') {
    if (value.includes('\u0000'))
      out.push(
        new UserError(
          ErrorCode.INVALID_INPUT,
          `${path.slice(1).join('.') || path[0]}: must not contain NUL characters`,
          path,
        ),
      );
  } else if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) nulCharactersAt(value[i], path, String(i), out);
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) nulCharactersAt(v, path, k, out);
  }
}

/** nulCharacters of a member: the member's path is built only for an object to walk or a string to report. */
function nulCharactersAt(value: unknown, parent: string[], key: string, out: UserError[]): void {
  if (typeof value === 'string' ? value.includes('\u0000') : value !== null && typeof value === 'object')
    nulCharacters(value, [...parent, key], out);
}

/**
 * The NUL-character check of validateInput alone, for an input already known to pass its
 * class-validator rules (a hot path that checks those rules itself, e.g. placeOrder).
 */
export function nulCharacterErrors(input: object, argName = 'input'): UserError[] {
  const out: UserError[] = [];
  nulCharacters(input, [argName], out);
  return out;
}

/** Validates a decorated input object; returns userErrors with field paths starting at argName. */
export async function validateInput(input: object | undefined | null, argName = 'input'): Promise<UserError[]> {
  if (!input) return [new UserError(ErrorCode.INVALID_INPUT, `${argName} is required`, [argName])];
  const errors = await validate(input, {
    forbidUnknownValues: false,
    validationError: { target: false, value: false },
  });
  const out = flatten(errors, [argName]);
  nulCharacters(input, [argName], out);
  return out;
}
