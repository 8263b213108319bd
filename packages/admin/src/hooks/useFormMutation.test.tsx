import { ApolloError } from '@apollo/client';
import { Alert, Button, TextInput } from '@mantine/core';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderApp } from '../../test/render';
import { UserErrorLike } from '../lib/user-errors';
import { MutationPayload, useFormMutation } from './useFormMutation';

/** A two-field form whose "mutation" answers with what the test hands it. */
function PriceForm({
  answer,
  onSaved,
}: {
  answer: () => Promise<MutationPayload | null | undefined>;
  onSaved: () => void;
}) {
  const form = useFormMutation();
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (await form.run(answer)) onSaved();
  };
  return (
    <form onSubmit={submit}>
      <TextInput label="Price" error={form.fieldError('price')} />
      <TextInput label="Currency" error={form.fieldError('currency')} />
      {form.generalErrors(['price', 'currency']).map((m) => (
        <Alert key={m} color="red" role="alert">
          {m}
        </Alert>
      ))}
      <Button type="submit">Save</Button>
    </form>
  );
}

const payload =
  (...userErrors: UserErrorLike[]) =>
  async () => ({ userErrors });

test('a userError is shown at the input its field path names, and the form does not count as saved', async () => {
  const saved = jest.fn();
  renderApp(
    <PriceForm
      answer={payload({ field: ['input', 'price'], code: 'INVALID_INPUT', message: 'price: must be 0 or more' })}
      onSaved={saved}
    />,
  );
  await userEvent.click(screen.getByRole('button', { name: 'Save' }));
  const price = screen.getByLabelText('Price');
  await waitFor(() => expect(price).toHaveAttribute('aria-invalid', 'true'));
  expect(price).toHaveAccessibleDescription('price: must be 0 or more');
  expect(screen.getByLabelText('Currency')).not.toHaveAttribute('aria-invalid', 'true');
  expect(screen.queryByRole('alert')).toBeNull();
  expect(saved).not.toHaveBeenCalled();
});

test('a userError no field claims is shown as a general error', async () => {
  renderApp(
    <PriceForm answer={payload({ field: null, code: 'CONFLICT', message: 'Changed meanwhile' })} onSaved={jest.fn()} />,
  );
  await userEvent.click(screen.getByRole('button', { name: 'Save' }));
  expect(await screen.findByRole('alert')).toHaveTextContent('Changed meanwhile');
});

test('a network failure becomes one readable general error, never a stack trace', async () => {
  const down = async () => {
    throw new ApolloError({
      networkError: Object.assign(new TypeError('Failed to fetch'), {
        stack: 'TypeError: Failed to fetch\n    at http.ts:12',
      }),
    });
  };
  renderApp(<PriceForm answer={down} onSaved={jest.fn()} />);
  await userEvent.click(screen.getByRole('button', { name: 'Save' }));
  const alert = await screen.findByRole('alert');
  expect(alert).toHaveTextContent('The server cannot be reached');
  expect(alert.textContent).not.toMatch(/ at |\.ts:/);
});

test('a payload without userErrors counts as saved and clears the errors shown before', async () => {
  const saved = jest.fn();
  const answers = [
    payload({ field: ['input', 'currency'], code: 'INVALID_INPUT', message: 'Unknown currency' }),
    payload(),
  ];
  renderApp(<PriceForm answer={() => answers.shift()!()} onSaved={saved} />);
  await userEvent.click(screen.getByRole('button', { name: 'Save' }));
  await waitFor(() => expect(screen.getByLabelText('Currency')).toHaveAttribute('aria-invalid', 'true'));
  await userEvent.click(screen.getByRole('button', { name: 'Save' }));
  await waitFor(() => expect(saved).toHaveBeenCalledTimes(1));
  expect(screen.getByLabelText('Currency')).not.toHaveAttribute('aria-invalid', 'true');
});
