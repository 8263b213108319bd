/**
 * The shared shape of bulk mutations (upsertProducts, setStockLevels): at most MAX_BULK_ITEMS items
 * per call, each validated on its own with its errors under `input[i]` (field path
 * ["input", "3", "onHand"]), and an item whose key an earlier item of the same call already had is
 * refused. Each item is applied independently: the valid ones are written, the refused ones change
 * nothing (docs/api.md, "Bulk sync").
 */
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ErrorCode, UserError } from './errors';
import { validateInput } from './validation';

/** Items one bulk call may hold: a 500-item call is a handful of statements, and its body stays well under 1 MB. */
export const MAX_BULK_ITEMS = 500;

export enum BulkItemOutcome {
  CREATED = 'CREATED',
  UPDATED = 'UPDATED',
  UNCHANGED = 'UNCHANGED',
  REFUSED = 'REFUSED',
}
registerEnumType(BulkItemOutcome, {
  name: 'BulkItemOutcome',
  description:
    'What a bulk mutation did with one item: created its record, changed it, found it already as given, or refused the item (see its userErrors; nothing of it was changed).',
});

/** The part every bulk item result has: where it was in the input, what happened, and why it was refused. */
@ObjectType('BulkItemResultBase')
export abstract class BulkItemResult {
  @Field(() => Int, { description: 'Position of the item in the input (0-based); results come in input order.' })
  index: number;

  @Field(() => BulkItemOutcome)
  outcome: BulkItemOutcome;

  @Field(() => [UserError], {
    description:
      'Empty unless the item was refused; fields are paths from the argument, e.g. ["input", "3", "onHand"].',
  })
  userErrors: UserError[];
}

/** Whole-call refusal: more items than MAX_BULK_ITEMS. */
export function tooManyItems(count: number, argName = 'input'): UserError | undefined {
  if (count <= MAX_BULK_ITEMS) return undefined;
  return new UserError(
    ErrorCode.INVALID_INPUT,
    `${argName} may hold at most ${MAX_BULK_ITEMS} items, got ${count}; send them in several calls`,
    [argName],
  );
}

/**
 * Validates every item (class-validator rules of its input type, NUL characters) and refuses
 * repeats of a key within the call. Returns the errors of each item, by index.
 */
export async function validateItems<T extends object>(
  items: T[],
  key: (item: T) => string,
  keyField: string,
  describe: (item: T) => string,
  argName = 'input',
): Promise<UserError[][]> {
  // Repeats first, in input order: the later item is the one refused.
  const seen = new Map<string, number>();
  const repeats = items.map((item, i) => {
    const k = key(item);
    const first = seen.get(k);
    if (first === undefined) {
      seen.set(k, i);
      return undefined;
    }
    return new UserError(
      ErrorCode.INVALID_INPUT,
      `${argName}[${i}]: ${describe(item)} is already ${argName}[${first}]; each may appear once per call`,
      [argName, String(i), keyField],
    );
  });
  return Promise.all(
    items.map(async (item, i) => {
      const errors = (await validateInput(item, argName)).map(
        (e) =>
          new UserError(e.code, `${argName}[${i}].${e.message}`, [argName, String(i), ...(e.field ?? []).slice(1)]),
      );
      if (repeats[i]) errors.push(repeats[i]!);
      return errors;
    }),
  );
}

/** The error of item i at one of its fields. */
export function itemError(code: ErrorCode, i: number, field: string, message: string, argName = 'input'): UserError {
  return new UserError(code, `${argName}[${i}].${field}: ${message}`, [argName, String(i), field]);
}
