/** Server userErrors ({ field, code, message }) matched to the form field or action they concern. */

export interface UserErrorLike {
  field?: readonly string[] | null;
  code: string;
  message: string;
}

/**
 * Whether an error's field path is the one a form names. A name is a dotted path matched against the
 * end of the error's path: 'amount' matches ['input', 'amount'], 'conditions.0.value' matches
 * ['input', 'conditions', '0', 'value']. A `*` segment matches any one segment: 'types.*' claims the
 * errors on the items of a list (['input', 'types', '1']). The one matcher every form uses.
 */
export function fieldMatches(field: readonly string[] | null | undefined, name: string): boolean {
  if (!field?.length) return false;
  return namePattern(name).test(field.join('.'));
}

function namePattern(name: string): RegExp {
  const body = name
    .split('.')
    .map((seg) => (seg === '*' ? '[^.]+' : seg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('\\.');
  return new RegExp(`(?:^|\\.)${body}$`);
}

/** The message for the first of `names` that an error's field matches (see fieldMatches). */
export function errorFor(errors: readonly UserErrorLike[] | undefined, ...names: string[]): string | undefined {
  return errors?.find((e) => names.some((n) => fieldMatches(e.field, n)))?.message;
}

/** Messages that no named field claims: shown at the action itself. */
export function generalErrors(errors: readonly UserErrorLike[] | undefined, claimed: string[] = []): string[] {
  return (errors ?? []).filter((e) => !claimed.some((n) => fieldMatches(e.field, n))).map((e) => e.message);
}

/** A readable message for a failed request: never a stack trace. */
export function describeError(error: unknown): string {
  const e = error as { graphQLErrors?: { message: string }[]; networkError?: unknown; message?: string } | undefined;
  if (e?.graphQLErrors?.length) return e.graphQLErrors.map((g) => g.message).join('; ');
  if (e?.networkError) return 'The server cannot be reached. Check your connection; the page retries on its own.';
  return e?.message ? String(e.message).split('\n')[0] : 'Something went wrong.';
}
