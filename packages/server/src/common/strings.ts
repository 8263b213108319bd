/** Checks for plain string arguments that are not wrapped in an input object. */
import { ErrorCode, UserError } from './errors';

export function checkLength(
  value: string | undefined | null,
  field: string[],
  min: number,
  max: number,
): UserError | undefined {
  const len = value?.trim().length ?? 0;
  if (len < min) return new UserError(ErrorCode.INVALID_INPUT, `${field.join('.')} is required`, field);
  if ((value?.length ?? 0) > max)
    return new UserError(ErrorCode.INVALID_INPUT, `${field.join('.')} must be at most ${max} characters`, field);
  if (value?.includes('\u0000'))
    return new UserError(ErrorCode.INVALID_INPUT, `${field.join('.')} must not contain NUL characters`, field);
  return undefined;
}
