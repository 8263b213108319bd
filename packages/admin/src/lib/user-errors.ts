/** Server userErrors ({ field, code, message }) matched to the form field or action they concern. */

export interface UserErrorLike {
  field?: readonly string[] | null;
  code: string;
  message: string;
}

/** The message for a field path such as ['input', 'amount'] (matches by the last segment too). */
export function errorFor(errors: readonly UserErrorLike[] | undefined, ...names: string[]): string | undefined {
  const hit = errors?.find((e) => e.field && names.some((n) => e.field!.join('.') === n || e.field![e.field!.length - 1] === n));
  return hit?.message;
}

/** Messages that no named field claims: shown at the action itself. */
export function generalErrors(errors: readonly UserErrorLike[] | undefined, claimed: string[] = []): string[] {
  return (errors ?? []).filter((e) => !e.field || !claimed.some((n) => e.field!.join('.') === n || e.field![e.field!.length - 1] === n)).map((e) => e.message);
}

/** A readable message for a failed request: never a stack trace. */
export function describeError(error: unknown): string {
  const e = error as { graphQLErrors?: { message: string }[]; networkError?: unknown; message?: string } | undefined;
  if (e?.graphQLErrors?.length) return e.graphQLErrors.map((g) => g.message).join('; ');
  if (e?.networkError) return 'The server cannot be reached. Check your connection; the page retries on its own.';
  return e?.message ? String(e.message).split('\n')[0] : 'Something went wrong.';
}
