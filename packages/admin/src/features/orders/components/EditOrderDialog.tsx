/**
 * Editing an order before anything has shipped (editOrder): the lines as a whole new set (change
 * a quantity, remove a line, add a SKU, change a line's tax rate), the shipping charge and the
 * shipping address, with a reason. Only what changed is sent: a line whose rate staff did not
 * change goes without one, so the server keeps its tax, recomputes it from the line's own rate or
 * scales it (the preview follows the same rule). The server re-reserves the stock and refuses the
 * whole edit if it cannot (the error shows at the line's quantity).
 */
import { ActionIcon, Button, Group, Modal, NumberInput, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { EditOrderInput, useEditOrderMutation } from '../../../graphql/generated';
import { useFormMutation } from '../../../hooks/useFormMutation';
import { formatMoney, minorUnitFactor, parseMoneyInput } from '../../../lib/format';
import { editedLineTax, parseTaxRatePercent, taxRatePercentText } from '../../../lib/tax';
import type { UserErrorLike } from '../../../lib/user-errors';
import { DialogProps, GeneralErrors } from './ActionDialogs';

interface LineRow {
  sku: string;
  quantity: number | string;
  /** The tax rate in percent as typed; empty: no tax (a new line) or as it is (a line without a rate). */
  taxRate: number | string;
  /** A line the order already has (its SKU cannot be retyped, only removed). */
  existing: boolean;
}

const RATE_ERROR = 'Enter a rate from 0 to 1000 %, at most two decimals';
/** editOrder cannot take a line's rate away (left out, the line keeps it): 0 % is no tax. */
const RATE_KEPT = 'The line has a rate: enter 0 for no tax';

const ADDRESS_FIELDS = [
  ['name', 'Name'],
  ['line1', 'Address line 1'],
  ['line2', 'Address line 2'],
  ['postalCode', 'Postal code'],
  ['city', 'City'],
  ['country', 'Country (ISO code)'],
] as const;
type AddressKey = (typeof ADDRESS_FIELDS)[number][0];

export function EditOrderDialog({ order, opened, onClose, onDone }: DialogProps) {
  const initialLines: LineRow[] = order.lines.map((l) => ({
    sku: l.sku,
    quantity: l.quantity,
    taxRate: taxRatePercentText(l.taxRate),
    existing: true,
  }));
  const initialAddress = Object.fromEntries(
    ADDRESS_FIELDS.map(([k]) => [k, (order.shippingAddress?.[k] as string | null | undefined) ?? '']),
  ) as Record<AddressKey, string>;
  const factor = minorUnitFactor(order.currency);
  const [lines, setLines] = useState<LineRow[]>(initialLines);
  const [address, setAddress] = useState(initialAddress);
  const [shipping, setShipping] = useState<number | string>(order.shipping.amount / factor);
  const [reason, setReason] = useState('');
  const form = useFormMutation();
  const [edit, { loading }] = useEditOrderMutation();

  const setLine = (i: number, change: Partial<LineRow>) => {
    form.setErrors([]);
    setLines((ls) => ls.map((l, j) => (j === i ? { ...l, ...change } : l)));
  };

  /**
   * Per row: the rate to send (undefined: none, the server keeps its rule), a local error, and for
   * a kept line its new net and tax (a new line's unit price is the product's, known once saved).
   */
  const rows = lines.map((l) => {
    const before = l.existing ? order.lines.find((o) => o.sku === l.sku) : undefined;
    const rate = parseTaxRatePercent(l.taxRate);
    const quantity = Number(l.quantity) || 0;
    if (rate === undefined) return { error: RATE_ERROR };
    if (!before) return { send: rate ?? undefined };
    if (rate == null && before.taxRate != null) return { error: RATE_KEPT };
    const send = rate != null && rate !== before.taxRate ? rate : undefined;
    const net = before.unitPrice.amount * quantity;
    const tax = editedLineTax(
      {
        tax: before.tax.amount,
        taxRate: before.taxRate ?? null,
        quantity: before.quantity,
        net: before.lineTotal.amount,
      },
      { quantity, net, taxRate: send ?? null },
    );
    return { send, net, tax, before };
  });
  /** The new totals when every line's price is known (no line added). */
  const preview = rows.every((r) => r.tax !== undefined)
    ? {
        subtotal: rows.reduce((n, r) => n + (r.net ?? 0), 0),
        tax: rows.reduce((n, r) => n + (r.tax ?? 0), 0),
      }
    : undefined;
  const money = (amount: number) => formatMoney({ amount, currency: order.currency });
  const totalsText = () => {
    const now = `Tax ${formatMoney(order.taxTotal)}, total ${formatMoney(order.total)}`;
    const shippingAmount = parseMoneyInput(shipping, order.currency);
    if (lines.some((l) => !l.existing)) return `${now}; with a line added, the new totals show once saved.`;
    if (!preview || shippingAmount === undefined) return now;
    const total = preview.subtotal + shippingAmount + preview.tax;
    return `Tax ${formatMoney(order.taxTotal)} → ${money(preview.tax)}, total ${formatMoney(order.total)} → ${money(total)}`;
  };

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const input: EditOrderInput = { orderId: order.id, reason };
    const rateErrors = rows.flatMap((r, i) =>
      r.error ? [{ field: ['input', 'lines', String(i), 'taxRate'], code: 'BAD_INPUT', message: r.error }] : [],
    );
    if (rateErrors.length) return form.setErrors(rateErrors);
    const wanted = lines.map((l, i) => ({ ...l, send: rows[i].send, row: i })).filter((l) => l.sku.trim() !== '');
    const linesChanged =
      wanted.length !== initialLines.length ||
      wanted.some(
        (l, i) =>
          l.sku !== initialLines[i]?.sku || Number(l.quantity) !== initialLines[i]?.quantity || l.send !== undefined,
      );
    if (linesChanged)
      input.lines = wanted.map((l) => ({
        sku: l.sku.trim(),
        quantity: Number(l.quantity),
        ...(l.send !== undefined && { taxRate: l.send }),
      }));
    const shippingAmount = parseMoneyInput(shipping, order.currency);
    if (shippingAmount === undefined)
      return form.setErrors([{ field: ['input', 'shippingAmount'], code: 'BAD_INPUT', message: 'Enter an amount' }]);
    if (shippingAmount !== order.shipping.amount) input.shippingAmount = shippingAmount;
    if (ADDRESS_FIELDS.some(([k]) => address[k] !== initialAddress[k]))
      input.shippingAddress = {
        name: address.name || null,
        line1: address.line1,
        line2: address.line2 || null,
        city: address.city,
        postalCode: address.postalCode,
        country: address.country,
      };
    // The server names a line by its place among the lines sent; blank rows were left out, so an
    // error is shown at the row it names.
    const atRow = (err: UserErrorLike): UserErrorLike => {
      const [arg, list, index, ...rest] = err.field ?? [];
      const sent = list === 'lines' && arg === 'input' && index !== undefined ? wanted[Number(index)] : undefined;
      return sent ? { ...err, field: ['input', 'lines', String(sent.row), ...rest] } : err;
    };
    const changed = await form.run(async () => {
      const payload = (await edit({ variables: { input } })).data?.editOrder;
      return payload && { ...payload, userErrors: payload.userErrors.map(atRow) };
    });
    if (changed) onDone('Order changed');
  };

  return (
    <Modal opened={opened} onClose={onClose} title={`Edit ${order.number}`} size="lg">
      <form onSubmit={submit} data-testid="edit-order-form">
        <Stack>
          <Text size="sm" c="dimmed">
            The stock is reserved again for the new lines, and the totals follow. A kept SKU keeps its price; a new one
            takes the product price. A line's tax follows its rate; a line without one keeps its tax, scaled with the
            quantity.
          </Text>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>SKU</Table.Th>
                <Table.Th w={110}>Quantity</Table.Th>
                <Table.Th w={120}>Tax rate</Table.Th>
                <Table.Th ta="right">Tax</Table.Th>
                <Table.Th w={40} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {lines.map((l, i) => (
                <Table.Tr key={i}>
                  <Table.Td>
                    {l.existing ? (
                      <Text size="sm">{l.sku}</Text>
                    ) : (
                      <TextInput
                        aria-label={`SKU of new line ${i + 1}`}
                        value={l.sku}
                        onChange={(e) => setLine(i, { sku: e.currentTarget.value })}
                        error={form.fieldError(`lines.${i}.sku`)}
                      />
                    )}
                  </Table.Td>
                  <Table.Td>
                    <NumberInput
                      aria-label={`Quantity of ${l.sku || `line ${i + 1}`}`}
                      min={1}
                      allowDecimal={false}
                      value={l.quantity}
                      onChange={(v) => setLine(i, { quantity: v })}
                      error={form.fieldError(`lines.${i}.quantity`)}
                    />
                  </Table.Td>
                  <Table.Td>
                    <NumberInput
                      aria-label={`Tax rate of ${l.sku || `line ${i + 1}`} (%)`}
                      placeholder="none"
                      min={0}
                      allowNegative={false}
                      decimalScale={2}
                      clampBehavior="none"
                      rightSection="%"
                      value={l.taxRate}
                      onChange={(v) => setLine(i, { taxRate: v })}
                      error={form.fieldError(`lines.${i}.taxRate`, `lines.${i}.taxAmount`) ?? rows[i].error}
                    />
                  </Table.Td>
                  <Table.Td ta="right" data-testid={`edit-tax-${l.sku || `line-${i + 1}`}`}>
                    {rows[i].before ? (
                      <Text size="sm">
                        {formatMoney(rows[i].before.tax)}
                        {rows[i].tax !== rows[i].before.tax.amount && ` → ${money(rows[i].tax!)}`}
                      </Text>
                    ) : (
                      <Text size="xs" c="dimmed">
                        {l.existing ? '—' : 'at the product price'}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={`Remove ${l.sku || `line ${i + 1}`}`}
                      onClick={() => setLines((ls) => ls.filter((_, j) => j !== i))}
                    >
                      <IconTrash size={16} />
                    </ActionIcon>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Group>
            <Button
              variant="light"
              size="xs"
              onClick={() => setLines((ls) => [...ls, { sku: '', quantity: 1, taxRate: '', existing: false }])}
            >
              Add line
            </Button>
            <Text size="xs" c="red">
              {form.fieldError('lines')}
            </Text>
          </Group>
          <NumberInput
            label={`Shipping (${order.currency})`}
            min={0}
            decimalScale={Math.log10(factor)}
            value={shipping}
            onChange={setShipping}
            error={form.fieldError('shippingAmount')}
            description={`Now ${formatMoney(order.shipping)}`}
          />
          <Text size="sm" data-testid="edit-order-total">
            {totalsText()}
          </Text>
          <Text fw={500} size="sm">
            Ship to
          </Text>
          <Group grow align="start">
            {ADDRESS_FIELDS.slice(0, 3).map(([k, label]) => (
              <TextInput
                key={k}
                label={label}
                value={address[k]}
                onChange={(e) => {
                  const value = e.currentTarget.value;
                  setAddress((a) => ({ ...a, [k]: value }));
                }}
                error={form.fieldError(`shippingAddress.${k}`)}
              />
            ))}
          </Group>
          <Group grow align="start">
            {ADDRESS_FIELDS.slice(3).map(([k, label]) => (
              <TextInput
                key={k}
                label={label}
                value={address[k]}
                onChange={(e) => {
                  const value = e.currentTarget.value;
                  setAddress((a) => ({ ...a, [k]: value }));
                }}
                error={form.fieldError(`shippingAddress.${k}`)}
              />
            ))}
          </Group>
          <TextInput
            label="Reason"
            required
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={form.fieldError('reason')}
            description="Recorded in the order's history with every change."
          />
          <GeneralErrors
            errors={form.errors}
            claimed={[
              'lines',
              'lines.*.sku',
              'lines.*.quantity',
              'lines.*.taxRate',
              'lines.*.taxAmount',
              'shippingAmount',
              'shippingAddress.*',
              'reason',
            ]}
          />
          <Group justify="end">
            <Button variant="default" onClick={onClose}>
              Back
            </Button>
            <Button type="submit" loading={loading}>
              Save changes
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
