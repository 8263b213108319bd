/**
 * A query's loading, error and empty states in front of its content, the same on every page: the
 * error and the spinner only while there is nothing to show yet (a background refetch keeps the
 * data on screen), the empty notice when the data has no rows, else the content.
 */
import type { ReactNode } from 'react';
import { Empty, ErrorNotice, Loading } from './states';

export interface QueryStateProps<T> {
  /** The query's data (or the part of it the content shows); absent until the first answer. */
  data: T | null | undefined;
  loading: boolean;
  error?: unknown;
  /** Whether the data has nothing to show. */
  isEmpty: (data: T) => boolean;
  empty: { title: string; hint?: ReactNode };
  loadingLabel?: string;
  /** Also show an error over data already shown (a list whose filter the server refused). */
  errorOverData?: boolean;
  /** The content, rendered only when there is data with rows. */
  children: (data: T) => ReactNode;
}

export function QueryState<T>({
  data,
  loading,
  error,
  isEmpty,
  empty,
  loadingLabel,
  errorOverData = false,
  children,
}: QueryStateProps<T>) {
  const has = data != null;
  return (
    <>
      {!!error && (errorOverData || !has) && <ErrorNotice error={error} />}
      {loading && !has && <Loading label={loadingLabel} />}
      {has && (isEmpty(data) ? <Empty title={empty.title} hint={empty.hint} /> : children(data))}
    </>
  );
}
