import { ApolloError } from '@apollo/client';
import { act, screen } from '@testing-library/react';
import { renderApp } from '../../test/render';
import { setConnectionState } from '../lib/connection';
import { describeError, errorFor, generalErrors } from '../lib/user-errors';
import { ConnectionBanner } from './ConnectionBanner';
import { ErrorNotice } from './states';

test('a clear banner shows while the server cannot be reached, and goes when it is back', () => {
  renderApp(<ConnectionBanner />);
  expect(screen.queryByTestId('offline-banner')).not.toBeInTheDocument();
  act(() => setConnectionState('offline'));
  expect(screen.getByTestId('offline-banner')).toHaveTextContent('The server cannot be reached');
  act(() => setConnectionState('online'));
  expect(screen.queryByTestId('offline-banner')).not.toBeInTheDocument();
});

test('a network failure reads as a sentence, never as a stack trace', () => {
  const err = new ApolloError({
    networkError: Object.assign(new TypeError('Failed to fetch'), {
      stack: 'TypeError: Failed to fetch\n    at http.ts:12',
    }),
  });
  renderApp(<ErrorNotice error={err} />);
  const alert = screen.getByRole('alert');
  expect(alert).toHaveTextContent('The server cannot be reached');
  expect(alert.textContent).not.toMatch(/ at |\.ts:/);
});

test('GraphQL errors show their messages', () => {
  const err = new ApolloError({
    graphQLErrors: [{ message: 'Order not found', extensions: { code: 'NOT_FOUND' } } as never],
  });
  expect(describeError(err)).toBe('Order not found');
});

test('userErrors are matched to their field; the rest go to the action', () => {
  const errors = [
    { field: ['input', 'lines', '0', 'quantity'], code: 'INSUFFICIENT_STOCK', message: 'Only 1 reserved in BER' },
    { field: ['input', 'amount'], code: 'INVALID_INPUT', message: 'Too much' },
    { field: null, code: 'CONFLICT', message: 'Changed meanwhile' },
  ];
  expect(errorFor(errors, 'input.lines.0.quantity')).toBe('Only 1 reserved in BER');
  expect(errorFor(errors, 'amount')).toBe('Too much');
  expect(errorFor(errors, 'reason')).toBeUndefined();
  expect(generalErrors(errors, ['amount', 'input.lines.0.quantity'])).toEqual(['Changed meanwhile']);
});

test('one matcher for every form: dotted suffixes, and * for the items of a list', () => {
  const errors = [
    { field: ['input', 'conditions', '0', 'value'], code: 'INVALID_INPUT', message: 'value: a number' },
    { field: ['input', 'types', '1'], code: 'INVALID_INPUT', message: 'The endpoint does not subscribe to stock.low' },
    { field: ['input', 'settings', 'perSku', 'MUG.1'], code: 'INVALID_INPUT', message: 'perSku.MUG.1: a whole number' },
  ];
  expect(errorFor(errors, 'conditions.0.value')).toBe('value: a number');
  expect(errorFor(errors, 'value')).toBe('value: a number');
  expect(errorFor(errors, 'conditions')).toBeUndefined(); // a row's error is not the list's
  expect(errorFor(errors, 'onditions.0.value')).toBeUndefined(); // whole segments only
  expect(errorFor(errors, 'types')).toBeUndefined();
  expect(errorFor(errors, 'types', 'types.*')).toBe('The endpoint does not subscribe to stock.low');
  expect(errorFor(errors, 'perSku.MUG.1')).toBe('perSku.MUG.1: a whole number');
  expect(generalErrors(errors, ['conditions.*.value', 'types.*'])).toEqual(['perSku.MUG.1: a whole number']);
});
