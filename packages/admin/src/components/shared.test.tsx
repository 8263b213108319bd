import { cleanup, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ApolloError } from '@apollo/client';
import { renderApp } from '../../test/render';
import { ConfirmDialog } from './ConfirmDialog';
import { QueryState } from './QueryState';

type Rows = { rows: string[] };
const rows = (data: Rows) => (
  <ul>
    {data.rows.map((r) => (
      <li key={r}>{r}</li>
    ))}
  </ul>
);
const empty = { title: 'Nothing yet', hint: 'Add one below.' };

const isEmpty = (d: Rows) => d.rows.length === 0;
/** Renders a QueryState on its own, as a page would. */
const show = (props: { data?: Rows; loading?: boolean; error?: unknown; errorOverData?: boolean }) =>
  renderApp(
    <QueryState
      data={props.data}
      loading={props.loading ?? false}
      error={props.error}
      errorOverData={props.errorOverData}
      isEmpty={isEmpty}
      empty={empty}
      loadingLabel="Loading rows…"
    >
      {rows}
    </QueryState>,
  );
const error = new ApolloError({ graphQLErrors: [{ message: 'Not allowed' } as never] });

test('QueryState: a spinner while nothing has arrived, then the rows', () => {
  show({ loading: true });
  expect(screen.getByText('Loading rows…')).toBeInTheDocument();
  expect(screen.queryByRole('listitem')).toBeNull();
  cleanup();
  show({ data: { rows: ['a', 'b'] }, loading: true }); // a background refetch keeps the rows on screen
  expect(screen.queryByText('Loading rows…')).toBeNull();
  expect(screen.getAllByRole('listitem')).toHaveLength(2);
});

test('QueryState: the empty notice when the data has no rows; the error only while there is no data, unless asked', () => {
  show({ data: { rows: [] }, error });
  expect(screen.getByText('Nothing yet')).toBeInTheDocument();
  expect(screen.getByText('Add one below.')).toBeInTheDocument();
  expect(screen.queryByRole('alert')).toBeNull();
  cleanup();
  show({ error });
  expect(screen.getByRole('alert')).toHaveTextContent('Not allowed');
  cleanup();
  show({ data: { rows: ['a'] }, error, errorOverData: true });
  expect(screen.getByRole('alert')).toHaveTextContent('Not allowed');
  expect(screen.getAllByRole('listitem')).toHaveLength(1);
});

test('ConfirmDialog: confirming runs the action, keeping it only closes', async () => {
  const confirm = jest.fn();
  const close = jest.fn();
  renderApp(
    <ConfirmDialog opened title="Revoke Shop?" confirmLabel="Revoke key" onConfirm={confirm} onClose={close}>
      It stops working at once.
    </ConfirmDialog>,
  );
  expect(await screen.findByText('It stops working at once.')).toBeInTheDocument();
  await userEvent.click(screen.getByRole('button', { name: 'Keep it' }));
  expect(close).toHaveBeenCalled();
  expect(confirm).not.toHaveBeenCalled();
  await userEvent.click(screen.getByRole('button', { name: 'Revoke key' }));
  expect(confirm).toHaveBeenCalledTimes(1);
});
