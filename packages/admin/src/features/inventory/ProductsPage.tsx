import {
  Alert,
  Button,
  Checkbox,
  Group,
  Modal,
  NumberInput,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { QueryState } from '../../components/QueryState';
import {
  ProductRowFragment,
  ProductsDocument,
  useProductsQuery,
  useUpsertProductMutation,
} from '../../graphql/generated';
import { useFormMutation } from '../../hooks/useFormMutation';
import { formatMoney, minorUnitFactor, parseMoneyInput } from '../../lib/format';

export function ProductsPage() {
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const { data, loading, error, fetchMore } = useProductsQuery({ variables: { search: debounced || null, first: 50 } });
  const [editing, setEditing] = useState<ProductRowFragment | 'new' | null>(null);
  const products = data?.products.nodes ?? [];
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>Products</Title>
        <Button onClick={() => setEditing('new')}>New product</Button>
      </Group>
      <TextInput
        label="Search"
        placeholder="SKU or name"
        value={search}
        onChange={(e) => setSearch(e.currentTarget.value)}
        w={260}
      />
      <QueryState
        data={data}
        loading={loading}
        error={error}
        loadingLabel="Loading products…"
        isEmpty={() => products.length === 0}
        empty={{ title: 'No products', hint: 'Create one with “New product”.' }}
      >
        {() => (
          <Table highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>SKU</Table.Th>
                <Table.Th>Name</Table.Th>
                <Table.Th ta="right">Price</Table.Th>
                <Table.Th>Backorder</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {products.map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Td fw={500}>{p.sku}</Table.Td>
                  <Table.Td>{p.name}</Table.Td>
                  <Table.Td ta="right">{formatMoney(p.price)}</Table.Td>
                  <Table.Td>{p.allowBackorder ? 'Allowed' : 'No'}</Table.Td>
                  <Table.Td>
                    <Button size="compact-xs" variant="light" onClick={() => setEditing(p)}>
                      Edit
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </QueryState>
      {data?.products.pageInfo.hasNextPage && (
        <Group justify="center">
          <Button
            variant="default"
            onClick={() =>
              fetchMore({
                variables: { after: data.products.pageInfo.endCursor },
                updateQuery: (prev, { fetchMoreResult }) => ({
                  products: {
                    ...fetchMoreResult.products,
                    nodes: [...prev.products.nodes, ...fetchMoreResult.products.nodes],
                  },
                }),
              })
            }
          >
            Load more ({products.length} of {data.products.totalCount})
          </Button>
        </Group>
      )}
      {editing && <ProductDialog product={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </Stack>
  );
}

function ProductDialog({ product, onClose }: { product: ProductRowFragment | null; onClose: () => void }) {
  const currency0 = product?.price.currency ?? 'EUR';
  const [sku, setSku] = useState(product?.sku ?? '');
  const [name, setName] = useState(product?.name ?? '');
  const [currency, setCurrency] = useState(currency0);
  const [price, setPrice] = useState<number | string>(product ? product.price.amount / minorUnitFactor(currency0) : '');
  const [backorder, setBackorder] = useState(product?.allowBackorder ?? false);
  const form = useFormMutation();
  const [upsert, { loading }] = useUpsertProductMutation({ refetchQueries: product ? [] : [ProductsDocument] });
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    let minor: number | undefined;
    try {
      minor = parseMoneyInput(price, currency);
    } catch {
      minor = undefined;
    }
    if (minor === undefined)
      return form.setErrors([{ field: ['input', 'price'], code: 'INVALID_INPUT', message: 'Enter a price' }]);
    if (
      await form.run(
        async () =>
          (await upsert({ variables: { input: { sku, name, price: minor, currency, allowBackorder: backorder } } }))
            .data?.upsertProduct,
      )
    ) {
      notifications.show({ color: 'green', message: `${sku} saved` });
      onClose();
    }
  };
  return (
    <Modal opened onClose={onClose} title={product ? `Edit ${product.sku}` : 'New product'}>
      <form onSubmit={submit}>
        <Stack>
          <TextInput
            label="SKU"
            required
            disabled={!!product}
            value={sku}
            onChange={(e) => setSku(e.currentTarget.value)}
            error={form.fieldError('sku')}
          />
          <TextInput
            label="Name"
            required
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={form.fieldError('name')}
            data-autofocus
          />
          <Group grow>
            <NumberInput
              label="Price"
              required
              min={0}
              decimalScale={2}
              value={price}
              onChange={setPrice}
              error={form.fieldError('price')}
            />
            <TextInput
              label="Currency"
              required
              maxLength={3}
              value={currency}
              onChange={(e) => setCurrency(e.currentTarget.value.toUpperCase())}
              error={form.fieldError('currency')}
            />
          </Group>
          <Checkbox
            label="Allow backorders (orders beyond available stock wait unallocated)"
            checked={backorder}
            onChange={(e) => setBackorder(e.currentTarget.checked)}
          />
          {form.generalErrors(['sku', 'name', 'price', 'currency']).map((m) => (
            <Alert key={m} color="red" role="alert">
              {m}
            </Alert>
          ))}
          <Text size="xs" c="dimmed">
            Prices are stored in minor units of the currency.
          </Text>
          <Group justify="end">
            <Button variant="default" onClick={onClose}>
              Back
            </Button>
            <Button type="submit" loading={loading}>
              Save
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
