import { MockedResponse } from '@apollo/client/testing';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { orderDetail } from '../../../../test/fixtures';
import { renderApp } from '../../../../test/render';
import { ConfirmOrderDocument, OrderAction, OrderStatus, RecordPaymentDocument } from '../../../graphql/generated';
import { availableActions, OrderActions } from './OrderActions';

const WAREHOUSES = [{ code: 'BER', name: 'Berlin' }];
const buttons = () =>
  within(screen.getByTestId('order-actions'))
    .queryAllByRole('button')
    .map((b) => b.textContent);

test('a pending, unpaid order offers confirm, payment, hold and cancel, and nothing that needs shipped units', () => {
  renderApp(<OrderActions order={orderDetail()} warehouses={WAREHOUSES} />);
  expect(buttons()).toEqual(['Confirm', 'Record payment', 'Hold', 'Cancel order']);
});

test('each status offers only its valid actions', () => {
  const confirmed = orderDetail({
    status: OrderStatus.Confirmed,
    nextStatuses: [OrderStatus.OnHold, OrderStatus.PartiallyShipped, OrderStatus.Shipped, OrderStatus.Cancelled],
    availableActions: [OrderAction.Hold, OrderAction.Cancel, OrderAction.RecordPayment, OrderAction.CreateShipment],
  });
  expect(availableActions(confirmed)).toMatchObject({
    confirm: false,
    ship: true,
    hold: true,
    cancel: true,
    release: false,
    return: false,
  });
  const held = orderDetail({
    status: OrderStatus.OnHold,
    nextStatuses: [OrderStatus.Pending, OrderStatus.Cancelled],
    availableActions: [OrderAction.ReleaseHold, OrderAction.Cancel, OrderAction.RecordPayment],
  });
  expect(availableActions(held)).toMatchObject({ confirm: false, release: true, ship: false });
  const cancelled = orderDetail({ status: OrderStatus.Cancelled, nextStatuses: [], availableActions: [] });
  expect(Object.values(availableActions(cancelled)).some(Boolean)).toBe(false);
});

test('a cancelled order says there is nothing to do', () => {
  renderApp(
    <OrderActions
      order={orderDetail({ status: OrderStatus.Cancelled, nextStatuses: [], availableActions: [] })}
      warehouses={WAREHOUSES}
    />,
  );
  expect(screen.getByText(/No actions: this order is cancelled/)).toBeInTheDocument();
});

test("a refused confirm shows the server's message at the action", async () => {
  const mocks: MockedResponse[] = [
    {
      request: { query: ConfirmOrderDocument, variables: { id: 'o1' } },
      result: {
        data: {
          confirmOrder: {
            __typename: 'OrderPayload',
            order: null,
            userErrors: [
              {
                __typename: 'UserError',
                field: null,
                code: 'INVALID_TRANSITION',
                message: 'Order 100042 is CANCELLED and cannot be confirmed',
              },
            ],
          },
        },
      },
    },
  ];
  renderApp(<OrderActions order={orderDetail()} warehouses={WAREHOUSES} />, { mocks });
  await userEvent.click(screen.getByRole('button', { name: 'Confirm' }));
  expect(await screen.findByTestId('action-error')).toHaveTextContent(
    'Order 100042 is CANCELLED and cannot be confirmed',
  );
});

test('a refused payment keeps the dialog open and shows the error at the amount field', async () => {
  const mocks: MockedResponse[] = [
    {
      request: {
        query: RecordPaymentDocument,
        variables: { input: { orderId: 'o1', amount: 5000, currency: 'EUR', method: 'card', reference: null } },
      },
      result: {
        data: {
          recordPayment: {
            __typename: 'OrderPayload',
            order: null,
            userErrors: [
              {
                __typename: 'UserError',
                field: ['input', 'amount'],
                code: 'INVALID_INPUT',
                message: 'At most 29.95 EUR is due',
              },
            ],
          },
        },
      },
    },
  ];
  renderApp(<OrderActions order={orderDetail()} warehouses={WAREHOUSES} />, { mocks });
  await userEvent.click(screen.getByRole('button', { name: 'Record payment' }));
  const dialog = await screen.findByRole('dialog');
  const amount = within(dialog).getByLabelText('Amount (EUR)');
  expect(amount).toHaveValue('29.95'); // prefilled with the amount due, in major units
  await userEvent.clear(amount);
  await userEvent.type(amount, '50');
  await userEvent.click(within(dialog).getByRole('button', { name: 'Record payment' }));
  await waitFor(() => expect(amount).toHaveAttribute('aria-invalid', 'true'));
  expect(within(dialog).getByText('At most 29.95 EUR is due')).toBeInTheDocument();
  expect(screen.getByRole('dialog')).toBeInTheDocument();
});

test("the buttons are the server's availableActions: an order held after a partial shipment offers release, not cancel", () => {
  const heldAfterShipment = orderDetail({
    status: OrderStatus.OnHold,
    nextStatuses: [OrderStatus.PartiallyShipped],
    availableActions: [OrderAction.ReleaseHold, OrderAction.RecordPayment, OrderAction.MarkDelivered],
  });
  renderApp(<OrderActions order={heldAfterShipment} warehouses={WAREHOUSES} />);
  expect(buttons()).toEqual(['Release hold', 'Record payment']);
});
