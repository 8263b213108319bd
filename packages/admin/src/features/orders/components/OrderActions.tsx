/**
 * The buttons of the actions the server lists for this order and this user (Order.availableActions:
 * the order rules and the user's permissions, in one place on the server); each refusal is shown
 * where it happened.
 */
import { Alert, Button, Group } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import {
  OrderAction,
  OrderDetailFragment,
  useConfirmOrderMutation,
  useReleaseOrderHoldMutation,
} from '../../../graphql/generated';
import { MutationPayload, useFormMutation } from '../../../hooks/useFormMutation';
import { EditOrderDialog } from './EditOrderDialog';
import { CancelDialog, HoldDialog, PaymentDialog, RefundDialog, ReturnDialog, ShipmentDialog } from './ActionDialogs';

type Dialog = 'hold' | 'cancel' | 'payment' | 'refund' | 'ship' | 'return' | 'edit' | null;

export function availableActions(order: Pick<OrderDetailFragment, 'availableActions'>) {
  const can = new Set(order.availableActions);
  return {
    confirm: can.has(OrderAction.Confirm),
    hold: can.has(OrderAction.Hold),
    release: can.has(OrderAction.ReleaseHold),
    cancel: can.has(OrderAction.Cancel),
    payment: can.has(OrderAction.RecordPayment),
    refund: can.has(OrderAction.Refund),
    ship: can.has(OrderAction.CreateShipment),
    return: can.has(OrderAction.CreateReturn),
    edit: can.has(OrderAction.Edit),
  };
}

export function OrderActions({
  order,
  warehouses,
}: {
  order: OrderDetailFragment;
  warehouses: { code: string; name: string }[];
}) {
  const [dialog, setDialog] = useState<Dialog>(null);
  const action = useFormMutation();
  const error = action.generalErrors().join(' ');
  const [confirm, confirming] = useConfirmOrderMutation();
  const [release, releasing] = useReleaseOrderHoldMutation();
  const can = availableActions(order);

  const done = (message: string) => {
    setDialog(null);
    action.setErrors([]);
    notifications.show({ color: 'green', message });
  };
  const direct = async (run: () => Promise<MutationPayload | null | undefined>, message: string) => {
    action.setErrors([]);
    if (await action.run(run)) done(message);
  };

  const any = Object.values(can).some(Boolean);
  return (
    <>
      <Group gap="xs" data-testid="order-actions">
        {can.confirm && (
          <Button
            loading={confirming.loading}
            onClick={() =>
              direct(async () => (await confirm({ variables: { id: order.id } })).data?.confirmOrder, 'Order confirmed')
            }
          >
            Confirm
          </Button>
        )}
        {can.release && (
          <Button
            loading={releasing.loading}
            onClick={() =>
              direct(
                async () => (await release({ variables: { id: order.id } })).data?.releaseOrderHold,
                'Hold released',
              )
            }
          >
            Release hold
          </Button>
        )}
        {can.ship && (
          <Button variant="light" onClick={() => setDialog('ship')}>
            Create shipment
          </Button>
        )}
        {can.payment && (
          <Button variant="light" onClick={() => setDialog('payment')}>
            Record payment
          </Button>
        )}
        {can.refund && (
          <Button variant="light" color="red" onClick={() => setDialog('refund')}>
            Refund
          </Button>
        )}
        {can.return && (
          <Button variant="light" onClick={() => setDialog('return')}>
            Create return
          </Button>
        )}
        {can.edit && (
          <Button variant="default" onClick={() => setDialog('edit')}>
            Edit
          </Button>
        )}
        {can.hold && (
          <Button variant="default" onClick={() => setDialog('hold')}>
            Hold
          </Button>
        )}
        {can.cancel && (
          <Button variant="default" color="red" onClick={() => setDialog('cancel')}>
            Cancel order
          </Button>
        )}
        {!any && (
          <Alert variant="light" color="gray" py={4}>
            No actions: this order is {order.status.toLowerCase().replace('_', ' ')}.
          </Alert>
        )}
      </Group>
      {error && (
        <Alert
          color="red"
          mt="xs"
          role="alert"
          withCloseButton
          onClose={() => action.setErrors([])}
          data-testid="action-error"
        >
          {error}
        </Alert>
      )}
      {dialog === 'hold' && <HoldDialog order={order} opened onClose={() => setDialog(null)} onDone={done} />}
      {dialog === 'cancel' && <CancelDialog order={order} opened onClose={() => setDialog(null)} onDone={done} />}
      {dialog === 'payment' && <PaymentDialog order={order} opened onClose={() => setDialog(null)} onDone={done} />}
      {dialog === 'refund' && <RefundDialog order={order} opened onClose={() => setDialog(null)} onDone={done} />}
      {dialog === 'ship' && (
        <ShipmentDialog order={order} warehouses={warehouses} opened onClose={() => setDialog(null)} onDone={done} />
      )}
      {dialog === 'return' && <ReturnDialog order={order} opened onClose={() => setDialog(null)} onDone={done} />}
      {dialog === 'edit' && <EditOrderDialog order={order} opened onClose={() => setDialog(null)} onDone={done} />}
    </>
  );
}
