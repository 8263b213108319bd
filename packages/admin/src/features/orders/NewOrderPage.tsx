/**
 * Orders entered by staff (a phone order, a replacement): choose the channel, the customer and
 * the lines, with each SKU's available stock shown as you pick it, and place the order through
 * placeOrder like any sales channel. Each line may carry a tax rate in percent (sent as taxRate in
 * basis points; a default rate is copied to lines added after it), and its tax is previewed as the
 * server will compute it. The server's refusals show at their fields (a line's quantity when stock
 * runs out meanwhile); the new order opens on success.
 */
import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Card,
  Group,
  NumberInput,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconArrowLeft, IconTrash } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import {
  NewOrderProductsQuery,
  PlaceOrderInput,
  useNewOrderChannelsQuery,
  useNewOrderProductsQuery,
  usePlaceStaffOrderMutation,
} from '../../graphql/generated';
import { useFormMutation } from '../../hooks/useFormMutation';
import { formatMoney, minorUnitFactor, parseMoneyInput } from '../../lib/format';
import { parseTaxRatePercent, taxFromRate } from '../../lib/tax';
import { orderUrl } from './urls';

type Product = NewOrderProductsQuery['products']['nodes'][number];

interface Line {
  product: Product;
  quantity: number | string;
  /** The tax rate in percent as typed; empty: no tax. */
  taxRate: number | string;
}

const RATE_ERROR = 'Enter a rate from 0 to 1000 %, at most two decimals';

/** The line's net and, when its rate is valid, its tax as placeOrder will compute it. */
function lineAmounts(l: Line) {
  const net = l.product.price.amount * (Number(l.quantity) || 0);
  const rate = parseTaxRatePercent(l.taxRate);
  return { net, rate, tax: rate == null ? 0 : taxFromRate(net, rate) };
}

const available = (p: Product) => p.stockLevels.reduce((n, s) => n + Math.max(0, s.available), 0);

export function NewOrderPage() {
  const navigate = useNavigate();
  const channels = useNewOrderChannelsQuery();
  const [channelCode, setChannelCode] = useState<string | null>(null);
  const channel = channels.data?.channels.find((c) => c.code === channelCode) ?? null;
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [address, setAddress] = useState({ line1: '', line2: '', postalCode: '', city: '', country: '' });
  const [lines, setLines] = useState<Line[]>([]);
  const [shipping, setShipping] = useState<number | string>(0);
  const [defaultRate, setDefaultRate] = useState<number | string>('');
  const [note, setNote] = useState('');
  const [search, setSearch] = useState('');
  const [term] = useDebouncedValue(search.trim(), 250);
  const products = useNewOrderProductsQuery({ variables: { search: term || null } });
  const form = useFormMutation();
  const [place, { loading }] = usePlaceStaffOrderMutation();

  const currency = channel?.currency ?? 'EUR';
  const options = useMemo(
    () =>
      (products.data?.products.nodes ?? [])
        .filter((p) => !lines.some((l) => l.product.sku === p.sku))
        .map((p) => ({ value: p.sku, label: `${p.sku} · ${p.name} · ${available(p)} available` })),
    [products.data, lines],
  );
  const amounts = lines.map(lineAmounts);
  const subtotal = amounts.reduce((n, a) => n + a.net, 0);
  const taxTotal = amounts.reduce((n, a) => n + a.tax, 0);
  const shippingAmount = parseMoneyInput(shipping, currency);
  const setLine = (i: number, change: Partial<Line>) => {
    form.setErrors([]);
    setLines((ls) => ls.map((x, j) => (j === i ? { ...x, ...change } : x)));
  };

  const addProduct = (sku: string | null) => {
    const p = products.data?.products.nodes.find((n) => n.sku === sku);
    if (p) setLines((ls) => [...ls, { product: p, quantity: 1, taxRate: defaultRate }]);
    setSearch('');
  };

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const local = [];
    if (!channel) local.push({ field: ['input', 'channelCode'], code: 'BAD_INPUT', message: 'Choose a channel' });
    if (!lines.length) local.push({ field: ['input', 'lines'], code: 'BAD_INPUT', message: 'Add at least one line' });
    if (shippingAmount === undefined)
      local.push({ field: ['input', 'shippingAmount'], code: 'BAD_INPUT', message: 'Enter an amount' });
    amounts.forEach((a, i) => {
      if (a.rate === undefined)
        local.push({ field: ['input', 'lines', String(i), 'taxRate'], code: 'BAD_INPUT', message: RATE_ERROR });
    });
    if (local.length) return form.setErrors(local);
    const input: PlaceOrderInput = {
      channelCode: channel!.code,
      customer: { email: email.trim(), name: name.trim() || null },
      shippingAddress: {
        name: name.trim() || null,
        line1: address.line1,
        line2: address.line2 || null,
        postalCode: address.postalCode,
        city: address.city,
        country: address.country.trim(),
      },
      lines: lines.map((l, i) => ({
        sku: l.product.sku,
        quantity: Number(l.quantity),
        ...(amounts[i].rate != null && { taxRate: amounts[i].rate }),
      })),
      shippingAmount,
      note: note.trim() || null,
    };
    const placed = await form.run(async () => (await place({ variables: { input } })).data?.placeOrder);
    if (placed?.order) navigate(orderUrl(placed.order.id));
  };

  const general = form.generalErrors([
    'channelCode',
    'customer.*',
    'shippingAddress.*',
    'lines',
    'lines.*.sku',
    'lines.*.quantity',
    'lines.*.taxRate',
    'lines.*.taxAmount',
    'shippingAmount',
    'note',
  ]);
  const addressInput = (key: keyof typeof address, label: string, required = true) => (
    <TextInput
      label={label}
      required={required}
      value={address[key]}
      onChange={(e) => {
        const value = e.currentTarget.value;
        setAddress((a) => ({ ...a, [key]: value }));
      }}
      error={form.fieldError(`shippingAddress.${key}`)}
    />
  );

  return (
    <Stack component="form" onSubmit={submit} data-testid="new-order-form">
      <div>
        <Button
          component={Link}
          to="/orders"
          variant="subtle"
          size="compact-sm"
          leftSection={<IconArrowLeft size={14} />}
        >
          Orders
        </Button>
        <Title order={2}>New order</Title>
      </div>
      <Card withBorder>
        <Stack>
          <Select
            label="Channel"
            required
            placeholder="Sold through"
            data={(channels.data?.channels ?? []).map((c) => ({ value: c.code, label: `${c.name} (${c.code})` }))}
            value={channelCode}
            onChange={setChannelCode}
            error={form.fieldError('channelCode')}
            w={320}
          />
          <Group grow align="start">
            <TextInput
              label="Customer e-mail"
              required
              type="email"
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
              error={form.fieldError('customer.email')}
            />
            <TextInput
              label="Customer name"
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              error={form.fieldError('customer.name')}
            />
          </Group>
          <Group grow align="start">
            {addressInput('line1', 'Address line 1')}
            {addressInput('line2', 'Address line 2', false)}
          </Group>
          <Group grow align="start">
            {addressInput('postalCode', 'Postal code')}
            {addressInput('city', 'City')}
            {addressInput('country', 'Country (ISO code, e.g. DE)')}
          </Group>
        </Stack>
      </Card>
      <Card withBorder>
        <Title order={4} mb="sm">
          Lines
        </Title>
        <Group align="start">
          <Select
            label="Add a product"
            placeholder="Search by SKU or name"
            searchable
            searchValue={search}
            onSearchChange={setSearch}
            data={options}
            value={null}
            onChange={addProduct}
            nothingFoundMessage={products.loading ? 'Searching…' : 'No product found'}
            filter={({ options: o }) => o}
            error={form.fieldError('lines')}
            w={480}
          />
          <NumberInput
            label="Tax rate for new lines (%)"
            description="Lines added after this take it; empty: no tax"
            placeholder="none"
            min={0}
            allowNegative={false}
            decimalScale={2}
            clampBehavior="none"
            value={defaultRate}
            onChange={setDefaultRate}
            error={parseTaxRatePercent(defaultRate) === undefined ? RATE_ERROR : undefined}
            w={220}
          />
        </Group>
        {lines.length > 0 && (
          <Table mt="md" data-testid="new-order-lines">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Item</Table.Th>
                <Table.Th>Available</Table.Th>
                <Table.Th w={140}>Quantity</Table.Th>
                <Table.Th ta="right">Unit</Table.Th>
                <Table.Th ta="right">Net</Table.Th>
                <Table.Th w={130}>Tax rate</Table.Th>
                <Table.Th ta="right">Tax</Table.Th>
                <Table.Th w={40} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {lines.map((l, i) => {
                const free = available(l.product);
                const short = Number(l.quantity) > free && !l.product.allowBackorder;
                return (
                  <Table.Tr key={l.product.sku} data-testid={`new-line-${l.product.sku}`}>
                    <Table.Td>
                      <Text size="sm" fw={500}>
                        {l.product.name}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {l.product.sku}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Badge color={free <= 0 ? 'red' : short ? 'orange' : 'green'} variant="light">
                        {free} available
                      </Badge>
                      {l.product.allowBackorder && (
                        <Text size="xs" c="dimmed">
                          backorders allowed
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <NumberInput
                        aria-label={`Quantity of ${l.product.sku}`}
                        min={1}
                        allowDecimal={false}
                        value={l.quantity}
                        onChange={(v) => setLine(i, { quantity: v })}
                        error={
                          form.fieldError(`lines.${i}.quantity`, `lines.${i}.sku`) ??
                          (short ? `Only ${free} available` : undefined)
                        }
                      />
                    </Table.Td>
                    <Table.Td ta="right">{formatMoney(l.product.price)}</Table.Td>
                    <Table.Td ta="right">
                      {formatMoney({ amount: amounts[i].net, currency: l.product.price.currency })}
                    </Table.Td>
                    <Table.Td>
                      <NumberInput
                        aria-label={`Tax rate of ${l.product.sku} (%)`}
                        placeholder="none"
                        min={0}
                        allowNegative={false}
                        decimalScale={2}
                        clampBehavior="none"
                        rightSection="%"
                        value={l.taxRate}
                        onChange={(v) => setLine(i, { taxRate: v })}
                        error={
                          form.fieldError(`lines.${i}.taxRate`, `lines.${i}.taxAmount`) ??
                          (amounts[i].rate === undefined ? RATE_ERROR : undefined)
                        }
                      />
                    </Table.Td>
                    <Table.Td ta="right" data-testid={`new-line-tax-${l.product.sku}`}>
                      {amounts[i].rate == null
                        ? '—'
                        : formatMoney({ amount: amounts[i].tax, currency: l.product.price.currency })}
                    </Table.Td>
                    <Table.Td>
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        aria-label={`Remove ${l.product.sku}`}
                        onClick={() => setLines((ls) => ls.filter((_, j) => j !== i))}
                      >
                        <IconTrash size={16} />
                      </ActionIcon>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        )}
        <Group mt="md" align="end" justify="space-between">
          <NumberInput
            label={`Shipping (${currency})`}
            min={0}
            decimalScale={Math.log10(minorUnitFactor(currency))}
            value={shipping}
            onChange={setShipping}
            error={form.fieldError('shippingAmount')}
            w={200}
          />
          <Stack gap={2} align="end" data-testid="new-order-summary">
            <Text size="sm">Subtotal {formatMoney({ amount: subtotal, currency })}</Text>
            <Text size="sm">Shipping {formatMoney({ amount: shippingAmount ?? 0, currency })}</Text>
            <Text size="sm" data-testid="new-order-tax">
              Tax {formatMoney({ amount: taxTotal, currency })}
            </Text>
            <Text fw={700} data-testid="new-order-total">
              Total {formatMoney({ amount: subtotal + (shippingAmount ?? 0) + taxTotal, currency })}
            </Text>
          </Stack>
        </Group>
        <Textarea
          mt="md"
          label="Note"
          autosize
          minRows={2}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          error={form.fieldError('note')}
        />
      </Card>
      {general.length > 0 && (
        <Alert color="red" role="alert">
          {general.map((m) => (
            <div key={m}>{m}</div>
          ))}
        </Alert>
      )}
      <Group justify="end">
        <Button type="submit" loading={loading}>
          Place order
        </Button>
      </Group>
    </Stack>
  );
}
