/**
 * The one way a form runs a mutation: the payload's userErrors become the form's errors (each shown
 * at the field its path names, the rest at the action), and a failed request (network down, a
 * GraphQL error) becomes one general error with a readable message, never a stack trace.
 */
import { useCallback, useState } from 'react';
import { describeError, errorFor, generalErrors, UserErrorLike } from '../lib/user-errors';

/** What every mutation payload of the schema carries. */
export interface MutationPayload {
  userErrors: readonly UserErrorLike[];
}

export interface FormMutation {
  /** The errors now shown: the server's userErrors, a request failure, or ones the form set itself. */
  errors: UserErrorLike[];
  /** For checks the form makes before asking the server ("Enter an amount"), and to clear. */
  setErrors: (errors: UserErrorLike[]) => void;
  /**
   * Runs `mutate` (which returns the mutation's payload) and shows its errors. Resolves to the
   * payload when it came back without userErrors, else to undefined (the errors are then shown).
   */
  run: <P extends MutationPayload>(mutate: () => Promise<P | null | undefined>) => Promise<P | undefined>;
  /** The message for a field (dotted names, see errorFor), for an input's `error`. */
  fieldError: (...names: string[]) => string | undefined;
  /** The messages no field in `claimed` shows: for an alert at the action. */
  generalErrors: (claimed?: string[]) => string[];
}

export function useFormMutation(): FormMutation {
  const [errors, setErrors] = useState<UserErrorLike[]>([]);
  const run = useCallback(
    async <P extends MutationPayload>(mutate: () => Promise<P | null | undefined>): Promise<P | undefined> => {
      try {
        const payload = await mutate();
        const userErrors = payload?.userErrors ?? [];
        setErrors([...userErrors]);
        return payload && userErrors.length === 0 ? payload : undefined;
      } catch (err) {
        setErrors([{ code: 'ERROR', message: describeError(err) }]);
        return undefined;
      }
    },
    [],
  );
  return {
    errors,
    setErrors,
    run,
    fieldError: (...names) => errorFor(errors, ...names),
    generalErrors: (claimed = []) => generalErrors(errors, claimed),
  };
}
