/**
 * The order's actions, each with its own small form. A refused mutation keeps its dialog open and
 * shows each userError at the field it names, the rest at the action itself.
 */
import {
  Alert,
  Button,
  Checkbox,
  Group,
  Modal,
  NumberInput,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useState } from 'react';
import {
  OrderDetailFragment,
  useCancelOrderMutation,
  useCreateReturnMutation,
  useCreateShipmentMutation,
  useHoldOrderMutation,
  useRecordPaymentMutation,
  useRefundPaymentMutation,
} from '../../../graphql/generated';
import { useFormMutation } from '../../../hooks/useFormMutation';
import { formatMoney, minorUnitFactor, parseMoneyInput } from '../../../lib/format';
import { generalErrors, UserErrorLike } from '../../../lib/user-errors';

export interface DialogProps {
  order: OrderDetailFragment;
  opened: boolean;
  onClose: () => void;
  onDone: (message: string) => void;
}

export function GeneralErrors({ errors, claimed }: { errors: UserErrorLike[]; claimed: string[] }) {
  const msgs = generalErrors(errors, claimed);
  if (!msgs.length) return null;
  return (
    <Alert color="red" role="alert">
      {msgs.map((m) => (
        <div key={m}>{m}</div>
      ))}
    </Alert>
  );
}

export function HoldDialog({ order, opened, onClose, onDone }: DialogProps) {
  const [reason, setReason] = useState('');
  const form = useFormMutation();
  const [hold, { loading }] = useHoldOrderMutation();
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (await form.run(async () => (await hold({ variables: { id: order.id, reason } })).data?.holdOrder))
      onDone('Order put on hold');
  };
  return (
    <Modal opened={opened} onClose={onClose} title={`Hold ${order.number}`}>
      <form onSubmit={submit}>
        <Stack>
          <TextInput
            label="Reason"
            required
            data-autofocus
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={form.fieldError('reason')}
          />
          <GeneralErrors errors={form.errors} claimed={['reason']} />
          <Group justify="end">
            <Button variant="default" onClick={onClose}>
              Back
            </Button>
            <Button type="submit" color="orange" loading={loading}>
              Put on hold
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

export function CancelDialog({ order, opened, onClose, onDone }: DialogProps) {
  const [reason, setReason] = useState('');
  const form = useFormMutation();
  const [cancel, { loading }] = useCancelOrderMutation();
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (
      await form.run(
        async () => (await cancel({ variables: { id: order.id, reason: reason || null } })).data?.cancelOrder,
      )
    )
      onDone('Order cancelled');
  };
  return (
    <Modal opened={opened} onClose={onClose} title={`Cancel ${order.number}`}>
      <form onSubmit={submit}>
        <Stack>
          <Text size="sm">Reserved stock is released. This cannot be undone.</Text>
          <TextInput
            label="Reason"
            data-autofocus
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={form.fieldError('reason')}
          />
          <GeneralErrors errors={form.errors} claimed={['reason']} />
          <Group justify="end">
            <Button variant="default" onClick={onClose}>
              Back
            </Button>
            <Button type="submit" color="red" loading={loading}>
              Cancel order
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

export function PaymentDialog({ order, opened, onClose, onDone }: DialogProps) {
  const factor = minorUnitFactor(order.currency);
  const [amount, setAmount] = useState<string | number>(order.amountDue.amount / factor);
  const [method, setMethod] = useState<string | null>('card');
  const [reference, setReference] = useState('');
  const form = useFormMutation();
  const [record, { loading }] = useRecordPaymentMutation();
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const minor = parseMoneyInput(amount, order.currency);
    if (minor === undefined)
      return form.setErrors([{ field: ['input', 'amount'], code: 'INVALID_INPUT', message: 'Enter an amount' }]);
    const ok = await form.run(
      async () =>
        (
          await record({
            variables: {
              input: {
                orderId: order.id,
                amount: minor,
                currency: order.currency,
                method: method ?? 'card',
                reference: reference || null,
              },
            },
          })
        ).data?.recordPayment,
    );
    if (ok) onDone(`Payment of ${formatMoney({ amount: minor, currency: order.currency })} recorded`);
  };
  return (
    <Modal opened={opened} onClose={onClose} title={`Record a payment for ${order.number}`}>
      <form onSubmit={submit}>
        <Stack>
          <Text size="sm">Amount due: {formatMoney(order.amountDue)}</Text>
          <NumberInput
            label={`Amount (${order.currency})`}
            decimalScale={Math.log10(factor)}
            fixedDecimalScale
            min={0}
            value={amount}
            onChange={setAmount}
            error={form.fieldError('amount', 'currency')}
            data-autofocus
          />
          <Select
            label="Method"
            data={['card', 'paypal', 'bank_transfer', 'invoice', 'cash']}
            value={method}
            onChange={setMethod}
            error={form.fieldError('method')}
          />
          <TextInput
            label="Provider reference"
            value={reference}
            onChange={(e) => setReference(e.currentTarget.value)}
            error={form.fieldError('reference')}
          />
          <GeneralErrors errors={form.errors} claimed={['amount', 'currency', 'method', 'reference']} />
          <Group justify="end">
            <Button variant="default" onClick={onClose}>
              Back
            </Button>
            <Button type="submit" loading={loading}>
              Record payment
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

export function RefundDialog({ order, opened, onClose, onDone }: DialogProps) {
  const factor = minorUnitFactor(order.currency);
  const refundable = order.totalPaid.amount - order.totalRefunded.amount;
  const [amount, setAmount] = useState<string | number>(refundable / factor);
  const [reason, setReason] = useState('');
  const form = useFormMutation();
  const [refund, { loading }] = useRefundPaymentMutation();
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const minor = parseMoneyInput(amount, order.currency);
    if (minor === undefined)
      return form.setErrors([{ field: ['input', 'amount'], code: 'INVALID_INPUT', message: 'Enter an amount' }]);
    const ok = await form.run(
      async () =>
        (await refund({ variables: { input: { orderId: order.id, amount: minor, reason: reason || null } } })).data
          ?.refundPayment,
    );
    if (ok) onDone(`Refund of ${formatMoney({ amount: minor, currency: order.currency })} recorded`);
  };
  return (
    <Modal opened={opened} onClose={onClose} title={`Refund ${order.number}`}>
      <form onSubmit={submit}>
        <Stack>
          <Text size="sm">
            Paid and not yet refunded: {formatMoney({ amount: refundable, currency: order.currency })}
          </Text>
          <NumberInput
            label={`Amount (${order.currency})`}
            decimalScale={Math.log10(factor)}
            fixedDecimalScale
            min={0}
            value={amount}
            onChange={setAmount}
            error={form.fieldError('amount')}
            data-autofocus
          />
          <TextInput
            label="Reason"
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={form.fieldError('reason')}
          />
          <GeneralErrors errors={form.errors} claimed={['amount', 'reason']} />
          <Group justify="end">
            <Button variant="default" onClick={onClose}>
              Back
            </Button>
            <Button type="submit" color="red" loading={loading}>
              Refund
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** Units still reserved for each line in each warehouse: what a shipment from there may take. */
function reservedIn(order: OrderDetailFragment, warehouseCode: string | null) {
  return order.lines.map((l) => ({
    line: l,
    reserved: l.allocations
      .filter((a) => a.warehouse.code === warehouseCode)
      .reduce((n, a) => n + a.quantityReserved, 0),
  }));
}

export function ShipmentDialog({
  order,
  opened,
  onClose,
  onDone,
  warehouses,
}: DialogProps & { warehouses: { code: string; name: string }[] }) {
  const candidates = warehouses.filter((w) =>
    order.lines.some((l) => l.allocations.some((a) => a.warehouse.code === w.code && a.quantityReserved > 0)),
  );
  const [warehouse, setWarehouse] = useState<string | null>(candidates[0]?.code ?? warehouses[0]?.code ?? null);
  const rows = reservedIn(order, warehouse);
  const [qty, setQty] = useState<Record<string, number>>({});
  const [carrier, setCarrier] = useState('');
  const [tracking, setTracking] = useState('');
  const form = useFormMutation();
  const [ship, { loading }] = useCreateShipmentMutation();
  const quantityOf = (sku: string, reserved: number) => qty[`${warehouse}|${sku}`] ?? reserved;
  const lines = rows
    .map((r) => ({ sku: r.line.sku, quantity: quantityOf(r.line.sku, r.reserved) }))
    .filter((l) => l.quantity > 0);
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (!warehouse) return;
    if (!lines.length)
      return form.setErrors([
        { field: ['input', 'lines'], code: 'INVALID_INPUT', message: 'Choose at least one unit to ship' },
      ]);
    const ok = await form.run(
      async () =>
        (
          await ship({
            variables: {
              input: {
                orderId: order.id,
                warehouseCode: warehouse,
                lines,
                carrier: carrier || null,
                trackingNumber: tracking || null,
              },
            },
          })
        ).data?.createShipment,
    );
    if (ok) onDone(`Shipment from ${warehouse} created`);
  };
  return (
    <Modal opened={opened} onClose={onClose} title={`Ship ${order.number}`} size="lg">
      <form onSubmit={submit}>
        <Stack>
          <Select
            label="From warehouse"
            data={warehouses.map((w) => ({ value: w.code, label: `${w.name} (${w.code})` }))}
            value={warehouse}
            onChange={setWarehouse}
            error={form.fieldError('warehouseCode')}
            allowDeselect={false}
          />
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>SKU</Table.Th>
                <Table.Th>Reserved here</Table.Th>
                <Table.Th>Ship</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r, i) => (
                <Table.Tr key={r.line.id}>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {r.line.sku}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {r.line.name}
                    </Text>
                  </Table.Td>
                  <Table.Td>{r.reserved}</Table.Td>
                  <Table.Td>
                    <NumberInput
                      aria-label={`Units of ${r.line.sku} to ship`}
                      min={0}
                      max={r.line.quantity - r.line.quantityShipped}
                      w={100}
                      value={quantityOf(r.line.sku, r.reserved)}
                      onChange={(v) => setQty((q) => ({ ...q, [`${warehouse}|${r.line.sku}`]: Number(v) || 0 }))}
                      error={form.fieldError(`input.lines.${i}.quantity`, `input.lines.${i}.sku`)}
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Group grow>
            <TextInput
              label="Carrier"
              value={carrier}
              onChange={(e) => setCarrier(e.currentTarget.value)}
              error={form.fieldError('carrier')}
            />
            <TextInput
              label="Tracking number"
              value={tracking}
              onChange={(e) => setTracking(e.currentTarget.value)}
              error={form.fieldError('trackingNumber')}
            />
          </Group>
          <GeneralErrors
            errors={form.errors}
            claimed={[
              'warehouseCode',
              'carrier',
              'trackingNumber',
              ...rows.flatMap((_, i) => [`input.lines.${i}.quantity`, `input.lines.${i}.sku`]),
            ]}
          />
          <Group justify="end">
            <Button variant="default" onClick={onClose}>
              Back
            </Button>
            <Button type="submit" loading={loading}>
              Create shipment
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

export function ReturnDialog({ order, opened, onClose, onDone }: DialogProps) {
  const returnable = order.lines
    .map((l) => ({ line: l, max: l.quantityShipped - l.quantityReturned }))
    .filter((r) => r.max > 0);
  const [qty, setQty] = useState<Record<string, number>>({});
  const [reason, setReason] = useState('');
  const [restock, setRestock] = useState(true);
  const form = useFormMutation();
  const [createReturn, { loading }] = useCreateReturnMutation();
  const lines = returnable
    .map((r) => ({ sku: r.line.sku, quantity: qty[r.line.sku] ?? 0 }))
    .filter((l) => l.quantity > 0);
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (!lines.length)
      return form.setErrors([
        { field: ['input', 'lines'], code: 'INVALID_INPUT', message: 'Choose at least one returned unit' },
      ]);
    const ok = await form.run(
      async () =>
        (await createReturn({ variables: { input: { orderId: order.id, lines, reason: reason || null, restock } } }))
          .data?.createReturn,
    );
    if (ok) onDone('Return recorded');
  };
  return (
    <Modal opened={opened} onClose={onClose} title={`Return for ${order.number}`} size="lg">
      <form onSubmit={submit}>
        <Stack>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>SKU</Table.Th>
                <Table.Th>Shipped, not returned</Table.Th>
                <Table.Th>Returned now</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {returnable.map((r, i) => (
                <Table.Tr key={r.line.id}>
                  <Table.Td>{r.line.sku}</Table.Td>
                  <Table.Td>{r.max}</Table.Td>
                  <Table.Td>
                    <NumberInput
                      aria-label={`Units of ${r.line.sku} returned`}
                      min={0}
                      max={r.max}
                      w={100}
                      value={qty[r.line.sku] ?? 0}
                      onChange={(v) => setQty((q) => ({ ...q, [r.line.sku]: Number(v) || 0 }))}
                      error={form.fieldError(`input.lines.${i}.quantity`)}
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <TextInput
            label="Reason"
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={form.fieldError('reason')}
          />
          <Checkbox
            label="Restock: put the units back on hand where they shipped from"
            checked={restock}
            onChange={(e) => setRestock(e.currentTarget.checked)}
          />
          <GeneralErrors
            errors={form.errors}
            claimed={['reason', ...returnable.map((_, i) => `input.lines.${i}.quantity`)]}
          />
          <Group justify="end">
            <Button variant="default" onClick={onClose}>
              Back
            </Button>
            <Button type="submit" loading={loading}>
              Record return
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
