import { Button, Group, Kbd, MultiSelect, Select, TextInput } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { useDebouncedCallback, useHotkeys } from '@mantine/hooks';
import { IconSearch, IconX } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { OrderSort, OrderStatus } from '../../../graphql/generated';
import { humanize } from '../../../lib/format';
import { OrderListParams } from '../urls';

const SORT_OPTIONS = [
  { value: OrderSort.PlacedAtDesc, label: 'Newest first' },
  { value: OrderSort.PlacedAtAsc, label: 'Oldest first' },
  { value: OrderSort.UpdatedAtDesc, label: 'Recently changed' },
  { value: OrderSort.TotalDesc, label: 'Highest total' },
  { value: OrderSort.TotalAsc, label: 'Lowest total' },
];

export interface OrderFiltersProps {
  value: OrderListParams;
  channels: { code: string; name: string }[];
  /** Tags in use, most used first. */
  tags?: { tag: string; orders: number }[];
  onChange: (next: OrderListParams) => void;
}

/** Status, channel, placed-date range and free text; every change goes to the URL. */
export function OrderFilters({ value, channels, tags = [], onChange }: OrderFiltersProps) {
  const [q, setQ] = useState(value.q ?? '');
  // Follow the URL (back button, cleared filters) but never overwrite what is being typed.
  const pushed = useRef(value.q);
  useEffect(() => {
    if (value.q !== pushed.current) setQ(value.q ?? '');
    pushed.current = value.q;
  }, [value.q]);
  const pushQ = (text: string) => {
    pushed.current = text.trim() || undefined;
    onChange({ ...value, q: pushed.current });
  };
  const pushSearch = useDebouncedCallback(pushQ, 300);
  const searchRef = useRef<HTMLInputElement>(null);
  useHotkeys([['/', () => searchRef.current?.focus()]]);
  const active = value.status.length > 0 || !!value.channel || !!value.from || !!value.to || !!value.q || !!value.tag;
  return (
    <Group align="end" gap="sm" wrap="wrap">
      <TextInput
        ref={searchRef}
        label="Search"
        rightSection={
          <Kbd size="xs" title="Press / to search">
            /
          </Kbd>
        }
        placeholder="Number, external id, customer"
        leftSection={<IconSearch size={16} />}
        value={q}
        onChange={(e) => {
          setQ(e.currentTarget.value);
          pushSearch(e.currentTarget.value);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') pushQ(q);
        }}
        w={240}
      />
      <MultiSelect
        label="Status"
        placeholder={value.status.length ? undefined : 'Any status'}
        data={Object.values(OrderStatus).map((s) => ({ value: s, label: humanize(s) }))}
        value={value.status}
        onChange={(v) => onChange({ ...value, status: v as OrderStatus[] })}
        clearable
        w={260}
      />
      <Select
        label="Channel"
        placeholder="Any channel"
        data={channels.map((c) => ({ value: c.code, label: `${c.name} (${c.code})` }))}
        value={value.channel ?? null}
        onChange={(v) => onChange({ ...value, channel: v ?? undefined })}
        clearable
        w={200}
      />
      <Select
        label="Tag"
        placeholder="Any tag"
        data={[
          ...tags.map((t) => ({ value: t.tag, label: `${t.tag} (${t.orders})` })),
          // A tag from the URL that no order carries now still shows as chosen.
          ...(value.tag && !tags.some((t) => t.tag === value.tag) ? [{ value: value.tag, label: value.tag }] : []),
        ]}
        value={value.tag ?? null}
        onChange={(v) => onChange({ ...value, tag: v ?? undefined })}
        searchable
        clearable
        nothingFoundMessage="No order has that tag"
        w={180}
        data-testid="tag-filter"
      />
      <DatePickerInput
        type="range"
        label="Placed"
        placeholder="Any date"
        value={[value.from ?? null, value.to ?? null]}
        onChange={([from, to]) => {
          if (from && !to) return; // wait for the end of the range
          onChange({ ...value, from: from ?? undefined, to: to ?? undefined });
        }}
        clearable
        w={240}
      />
      <Select
        label="Sort"
        data={SORT_OPTIONS}
        value={value.sort ?? OrderSort.PlacedAtDesc}
        onChange={(v) =>
          onChange({ ...value, sort: !v || v === OrderSort.PlacedAtDesc ? undefined : (v as OrderSort) })
        }
        allowDeselect={false}
        w={190}
      />
      {active && (
        <Button
          variant="subtle"
          leftSection={<IconX size={16} />}
          onClick={() => onChange({ status: [], sort: value.sort })}
        >
          Clear filters
        </Button>
      )}
    </Group>
  );
}
