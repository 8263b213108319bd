/**
 * Automation rules: the rules in run order with their switch, a settings form for each built-in
 * rule, custom rules (conditions and actions as form rows), a dry run against an order, and the
 * execution log.
 */
import {
  ActionIcon,
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Code,
  Group,
  Modal,
  NumberInput,
  Select,
  Stack,
  Switch,
  Table,
  TagsInput,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { QueryState } from '../../components/QueryState';
import { Empty, ErrorNotice } from '../../components/states';
import {
  AutomationRuleFieldsFragment,
  AutomationRulesDocument,
  RuleExecutionOutcome,
  useAutomationRulesQuery,
  useCreateAutomationRuleMutation,
  useDeleteAutomationRuleMutation,
  useDryRunAutomationLazyQuery,
  useRuleExecutionsQuery,
  useUpdateAutomationRuleMutation,
} from '../../graphql/generated';
import { useFormMutation } from '../../hooks/useFormMutation';
import { formatDateTime } from '../../lib/format';
import { generalErrors } from '../../lib/user-errors';
import {
  ACTIONS,
  ActionRow,
  CONDITION_FIELDS,
  ConditionRow,
  fromActionRows,
  kindOf,
  OPS,
  summarise,
  toActionRows,
  toConditionRows,
  TRIGGERS,
} from './rule-forms';

type Rule = AutomationRuleFieldsFragment;
/** The settings of the built-in rules, each using some of them (see docs/automation.md). */
interface BuiltInSettings {
  threshold?: number;
  allowedCountries?: string[];
  afterHours?: number;
  slaHours?: number;
  perSku?: Record<string, number>;
}
type Editing = { kind: 'settings'; rule: Rule } | { kind: 'custom'; rule: Rule | null } | null;

const OUTCOME_COLOR: Record<RuleExecutionOutcome, string> = {
  [RuleExecutionOutcome.Applied]: 'green',
  [RuleExecutionOutcome.Skipped]: 'gray',
  [RuleExecutionOutcome.Failed]: 'red',
};

export function AutomationPage() {
  const { data, loading, error } = useAutomationRulesQuery();
  const [editing, setEditing] = useState<Editing>(null);
  const rules = data?.automationRules ?? [];
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>Automation rules</Title>
        <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing({ kind: 'custom', rule: null })}>
          New custom rule
        </Button>
      </Group>
      <Text c="dimmed">
        Rules run in this order when their trigger fires (an event, or the schedule) and their conditions hold for the
        order. Each action goes through the normal order checks and is recorded on the order&apos;s history as{' '}
        <Code>rule:&lt;key&gt;</Code>.
      </Text>
      <Card withBorder>
        <QueryState
          data={data}
          loading={loading}
          error={error}
          isEmpty={() => rules.length === 0}
          empty={{ title: 'No rules' }}
        >
          {() => (
            <Table.ScrollContainer minWidth={900}>
              <Table verticalSpacing="xs" aria-label="Automation rules">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>#</Table.Th>
                    <Table.Th>Rule</Table.Th>
                    <Table.Th>Trigger</Table.Th>
                    <Table.Th>Does</Table.Th>
                    <Table.Th>On</Table.Th>
                    <Table.Th />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rules.map((r) => (
                    <RuleRow
                      key={r.id}
                      rule={r}
                      onEdit={() => setEditing(r.builtIn ? { kind: 'settings', rule: r } : { kind: 'custom', rule: r })}
                    />
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </QueryState>
      </Card>
      <DryRun />
      <ExecutionLog rules={rules} />
      <Modal
        opened={editing?.kind === 'settings'}
        onClose={() => setEditing(null)}
        title={editing?.rule ? `Settings of ${editing.rule.name}` : ''}
        size="lg"
      >
        {editing?.kind === 'settings' && <SettingsForm rule={editing.rule} onDone={() => setEditing(null)} />}
      </Modal>
      <Modal
        opened={editing?.kind === 'custom'}
        onClose={() => setEditing(null)}
        title={editing?.kind === 'custom' && editing.rule ? `Edit ${editing.rule.name}` : 'New custom rule'}
        size="xl"
      >
        {editing?.kind === 'custom' && <CustomRuleForm rule={editing.rule} onDone={() => setEditing(null)} />}
      </Modal>
    </Stack>
  );
}

function settingsSummary(rule: Rule): string {
  const s = (rule.settings ?? {}) as BuiltInSettings;
  switch (rule.key) {
    case 'hold-high-value':
      return `hold at or above ${s.threshold} (minor units)${s.allowedCountries?.length ? ` or outside ${s.allowedCountries.join(', ')}` : ''}`;
    case 'cancel-unpaid':
      return `cancel PENDING unpaid orders after ${s.afterHours} h`;
    case 'low-stock':
      return `stock.low below ${s.threshold}${Object.keys(s.perSku ?? {}).length ? ` (${Object.keys(s.perSku ?? {}).length} SKU overrides)` : ''}`;
    case 'flag-late':
      return `late ${s.slaHours} h after confirmation`;
    case 'auto-confirm-paid':
      return 'confirm when fully paid';
    case 'allocate-backorders':
      return 'allocate arriving stock, oldest order first';
    default:
      return rule.description;
  }
}

function RuleRow({ rule, onEdit }: { rule: Rule; onEdit: () => void }) {
  const [update, { loading }] = useUpdateAutomationRuleMutation();
  const action = useFormMutation();
  const error = action.generalErrors().join('; ');
  const toggle = async (enabled: boolean) => {
    action.setErrors([]);
    await action.run(
      async () => (await update({ variables: { input: { key: rule.key, enabled } } })).data?.updateAutomationRule,
    );
  };
  return (
    <Table.Tr data-testid={`rule-row-${rule.key}`}>
      <Table.Td>{rule.position}</Table.Td>
      <Table.Td maw={360}>
        <Group gap={6}>
          <Text fw={500}>{rule.name}</Text>
          {rule.builtIn && (
            <Badge size="xs" variant="light">
              built-in
            </Badge>
          )}
        </Group>
        <Code>{rule.key}</Code>
        {rule.description && (
          <Text size="xs" c="dimmed">
            {rule.description}
          </Text>
        )}
        {error && (
          <Text c="red" size="sm" role="alert">
            {error}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Code c={rule.trigger === 'schedule' ? 'violet' : 'blue'} style={{ whiteSpace: 'nowrap' }}>
          {rule.trigger}
        </Code>
      </Table.Td>
      <Table.Td maw={320}>
        <Text size="sm">{rule.builtIn ? settingsSummary(rule) : summarise(rule.conditions, rule.actions)}</Text>
      </Table.Td>
      <Table.Td>
        <Switch
          checked={rule.enabled}
          disabled={loading}
          onChange={(e) => toggle(e.currentTarget.checked)}
          aria-label={`Enable ${rule.key}`}
        />
      </Table.Td>
      <Table.Td>
        <Button size="xs" variant="default" onClick={onEdit}>
          {rule.builtIn ? 'Settings' : 'Edit'}
        </Button>
      </Table.Td>
    </Table.Tr>
  );
}

/** The settings of a built-in rule, one form per rule. */
function SettingsForm({ rule, onDone }: { rule: Rule; onDone: () => void }) {
  const [update, { loading }] = useUpdateAutomationRuleMutation();
  const initial = (rule.settings ?? {}) as BuiltInSettings;
  const [threshold, setThreshold] = useState<number | string>(initial.threshold ?? '');
  const [countries, setCountries] = useState<string[]>(initial.allowedCountries ?? []);
  const [afterHours, setAfterHours] = useState<number | string>(initial.afterHours ?? '');
  const [slaHours, setSlaHours] = useState<number | string>(initial.slaHours ?? '');
  const [perSku, setPerSku] = useState<{ sku: string; n: number | string }[]>(
    Object.entries(initial.perSku ?? {}).map(([sku, n]) => ({ sku, n: n as number })),
  );
  const form = useFormMutation();
  const errors = form.errors;
  const settings = (): Record<string, unknown> => {
    switch (rule.key) {
      case 'hold-high-value':
        return { threshold, allowedCountries: countries.map((c) => c.trim().toUpperCase()) };
      case 'cancel-unpaid':
        return { afterHours };
      case 'flag-late':
        return { slaHours };
      case 'low-stock':
        return {
          threshold,
          perSku: Object.fromEntries(perSku.filter((r) => r.sku.trim()).map((r) => [r.sku.trim(), r.n])),
        };
      default:
        return {};
    }
  };
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (
      await form.run(
        async () =>
          (await update({ variables: { input: { key: rule.key, settings: settings() } } })).data?.updateAutomationRule,
      )
    ) {
      notifications.show({ color: 'green', message: `Settings of ${rule.name} saved` });
      onDone();
    }
  };
  const claimed = ['threshold', 'allowedCountries', 'afterHours', 'slaHours', 'perSku'];
  return (
    <form onSubmit={submit} aria-label={`Settings of ${rule.key}`}>
      <Stack>
        <Text size="sm" c="dimmed">
          {rule.description}
        </Text>
        {rule.key === 'hold-high-value' && (
          <>
            <NumberInput
              label="Threshold"
              description="order total in minor units (10000 = 100.00)"
              value={threshold}
              onChange={setThreshold}
              allowDecimal={false}
              error={form.fieldError('threshold')}
            />
            <TagsInput
              label="Allowed countries"
              description="ISO codes; empty: any country"
              value={countries}
              onChange={setCountries}
              error={form.fieldError('allowedCountries')}
            />
          </>
        )}
        {rule.key === 'cancel-unpaid' && (
          <NumberInput
            label="After hours"
            value={afterHours}
            onChange={setAfterHours}
            error={form.fieldError('afterHours')}
          />
        )}
        {rule.key === 'flag-late' && (
          <NumberInput
            label="SLA hours"
            description="from confirmation to shipment"
            value={slaHours}
            onChange={setSlaHours}
            error={form.fieldError('slaHours')}
          />
        )}
        {rule.key === 'low-stock' && (
          <>
            <NumberInput
              label="Threshold"
              description="units available per SKU and warehouse"
              value={threshold}
              onChange={setThreshold}
              allowDecimal={false}
              error={form.fieldError('threshold')}
            />
            <Text size="sm" fw={500}>
              Per-SKU thresholds
            </Text>
            {perSku.map((row, i) => (
              <Group key={i} align="start">
                <TextInput
                  aria-label={`SKU ${i + 1}`}
                  placeholder="SKU"
                  value={row.sku}
                  onChange={(e) => {
                    const v = e.currentTarget.value;
                    setPerSku((p) => p.map((r, j) => (j === i ? { ...r, sku: v } : r)));
                  }}
                />
                <NumberInput
                  aria-label={`Threshold of SKU ${i + 1}`}
                  value={row.n}
                  onChange={(n) => setPerSku((p) => p.map((r, j) => (j === i ? { ...r, n } : r)))}
                  error={row.sku ? form.fieldError(`perSku.${row.sku.trim()}`) : undefined}
                />
                <ActionIcon
                  variant="subtle"
                  color="red"
                  aria-label={`Remove SKU ${i + 1}`}
                  onClick={() => setPerSku((p) => p.filter((_, j) => j !== i))}
                >
                  <IconTrash size={16} />
                </ActionIcon>
              </Group>
            ))}
            <Button
              variant="light"
              size="xs"
              w="fit-content"
              onClick={() => setPerSku((p) => [...p, { sku: '', n: 0 }])}
            >
              Add a SKU
            </Button>
            {form.fieldError('perSku') && (
              <Text c="red" size="sm">
                {form.fieldError('perSku')}
              </Text>
            )}
          </>
        )}
        {['auto-confirm-paid', 'allocate-backorders'].includes(rule.key) && (
          <Text size="sm">This rule has no settings: switch it on or off in the list.</Text>
        )}
        {generalErrors(
          errors.filter((e) => !(e.field ?? []).includes('perSku')),
          claimed,
        ).map((m) => (
          <Alert key={m} color="red" role="alert">
            {m}
          </Alert>
        ))}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={loading}>
            Save settings
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function ConditionValue({
  row,
  onChange,
  error,
  index,
}: {
  row: ConditionRow;
  onChange: (v: ConditionRow['value']) => void;
  error?: string;
  index: number;
}) {
  const kind = kindOf(row.field);
  const label = `Value of condition ${index + 1}`;
  if (kind === 'number')
    return (
      <NumberInput
        aria-label={label}
        value={typeof row.value === 'number' ? row.value : ''}
        onChange={(n) => onChange(typeof n === 'number' ? n : 0)}
        allowDecimal={false}
        error={error}
      />
    );
  if (kind === 'list')
    return (
      <TagsInput
        aria-label={label}
        placeholder={CONDITION_FIELDS.find((f) => f.value === row.field)?.hint}
        value={Array.isArray(row.value) ? row.value : []}
        onChange={onChange}
        error={error}
      />
    );
  return (
    <TextInput
      aria-label={label}
      value={typeof row.value === 'string' ? row.value : ''}
      onChange={(e) => onChange(e.currentTarget.value)}
      error={error}
    />
  );
}

/** Create or edit a custom rule: trigger, conditions (all must hold) and actions (in order) as rows. */
function CustomRuleForm({ rule, onDone }: { rule: Rule | null; onDone: () => void }) {
  const [create, { loading: creating }] = useCreateAutomationRuleMutation({
    refetchQueries: [AutomationRulesDocument],
  });
  const [update, { loading: updating }] = useUpdateAutomationRuleMutation();
  const [remove, { loading: deleting }] = useDeleteAutomationRuleMutation({
    refetchQueries: [AutomationRulesDocument],
  });
  const [key, setKey] = useState(rule?.key ?? '');
  const [name, setName] = useState(rule?.name ?? '');
  const [description, setDescription] = useState(rule?.description ?? '');
  const [trigger, setTrigger] = useState<string | null>(rule?.trigger ?? 'order.placed');
  const [position, setPosition] = useState<number | string>(rule?.position ?? '');
  const [conditions, setConditions] = useState<ConditionRow[]>(toConditionRows(rule?.conditions));
  const [actions, setActions] = useState<ActionRow[]>(
    rule ? toActionRows(rule.actions) : [{ type: 'addTag', param: '' }],
  );
  const form = useFormMutation();
  const errors = form.errors;
  const setCondition = (i: number, patch: Partial<ConditionRow>) =>
    setConditions((rows) => rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const setAction = (i: number, patch: Partial<ActionRow>) =>
    setActions((rows) => rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const body = {
      name,
      description,
      trigger: trigger ?? '',
      conditions: conditions.map((c) => ({ field: c.field, op: c.op, value: c.value })),
      actions: fromActionRows(actions),
      ...(position === '' ? {} : { position: Number(position) }),
    };
    const saved = await form.run(async () =>
      rule
        ? (await update({ variables: { input: { key: rule.key, ...body } } })).data?.updateAutomationRule
        : (await create({ variables: { input: { key, ...body } } })).data?.createAutomationRule,
    );
    if (saved) {
      notifications.show({
        color: 'green',
        message: `Rule ${rule?.key ?? key} saved${rule ? '' : ' (switched off: switch it on in the list)'}`,
      });
      onDone();
    }
  };
  const doDelete = async () => {
    if (!rule) return;
    const r = await form.run(async () => (await remove({ variables: { key: rule.key } })).data?.deleteAutomationRule);
    if (r?.deletedKey) onDone();
  };
  const claimed = ['key', 'name', 'description', 'trigger', 'position'];
  const rowErrors = errors.filter((e) => !(e.field ?? []).some((f) => f === 'conditions' || f === 'actions'));
  return (
    <form onSubmit={submit} aria-label="Custom rule">
      <Stack>
        <Group grow align="start">
          <TextInput
            label="Key"
            description="stable: lower-case letters, digits and -"
            required
            disabled={!!rule}
            value={key}
            onChange={(e) => setKey(e.currentTarget.value)}
            error={form.fieldError('key')}
          />
          <TextInput
            label="Name"
            required
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={form.fieldError('name')}
          />
        </Group>
        <Textarea
          label="Description"
          autosize
          minRows={1}
          value={description}
          onChange={(e) => setDescription(e.currentTarget.value)}
          error={form.fieldError('description')}
        />
        <Group grow align="start">
          <Select
            label="Trigger"
            data={TRIGGERS}
            value={trigger}
            onChange={setTrigger}
            error={form.fieldError('trigger')}
            searchable
            allowDeselect={false}
          />
          <NumberInput
            label="Position"
            description="rules run in ascending position; empty: last"
            value={position}
            onChange={setPosition}
            error={form.fieldError('position')}
          />
        </Group>
        <Text fw={500}>When all of these hold</Text>
        {conditions.length === 0 && (
          <Text size="sm" c="dimmed">
            No conditions: every order the trigger fires for.
          </Text>
        )}
        {conditions.map((c, i) => (
          <Group key={i} align="start" wrap="nowrap" data-testid={`condition-${i}`}>
            <Select
              aria-label={`Field of condition ${i + 1}`}
              data={CONDITION_FIELDS.map((f) => ({ value: f.value, label: f.label }))}
              value={c.field}
              allowDeselect={false}
              onChange={(field) => {
                const kind = kindOf(field ?? '');
                setCondition(i, {
                  field: field ?? '',
                  op: OPS[kind][0].value,
                  value: kind === 'list' ? [] : kind === 'number' ? 0 : '',
                });
              }}
              error={form.fieldError(`conditions.${i}.field`)}
            />
            <Select
              aria-label={`Operator of condition ${i + 1}`}
              w={170}
              data={OPS[kindOf(c.field)]}
              value={c.op}
              allowDeselect={false}
              onChange={(op) => setCondition(i, { op: op ?? '' })}
              error={form.fieldError(`conditions.${i}.op`)}
            />
            <ConditionValue
              row={c}
              index={i}
              onChange={(value) => setCondition(i, { value })}
              error={form.fieldError(`conditions.${i}.value`) ?? form.fieldError(`conditions.${i}`)}
            />
            <ActionIcon
              variant="subtle"
              color="red"
              mt={6}
              aria-label={`Remove condition ${i + 1}`}
              onClick={() => setConditions((rows) => rows.filter((_, j) => j !== i))}
            >
              <IconTrash size={16} />
            </ActionIcon>
          </Group>
        ))}
        {form.fieldError('conditions') && (
          <Text c="red" size="sm">
            {form.fieldError('conditions')}
          </Text>
        )}
        <Button
          variant="light"
          size="xs"
          w="fit-content"
          onClick={() => setConditions((rows) => [...rows, { field: 'total', op: 'gte', value: 0 }])}
        >
          Add a condition
        </Button>
        <Text fw={500}>Then, in order</Text>
        {actions.map((a, i) => {
          const param = ACTIONS.find((x) => x.value === a.type)?.param;
          return (
            <Group key={i} align="start" wrap="nowrap" data-testid={`action-${i}`}>
              <Select
                aria-label={`Action ${i + 1}`}
                data={ACTIONS.map((x) => ({ value: x.value, label: x.label }))}
                value={a.type}
                allowDeselect={false}
                onChange={(type) => setAction(i, { type: type ?? '', param: '' })}
                error={form.fieldError(`actions.${i}.type`)}
              />
              {param && (
                <TextInput
                  aria-label={`${param.label} of action ${i + 1}`}
                  placeholder={param.label}
                  value={a.param}
                  onChange={(e) => setAction(i, { param: e.currentTarget.value })}
                  error={form.fieldError(`actions.${i}.${param.name}`) ?? form.fieldError(`actions.${i}`)}
                  style={{ flex: 1 }}
                />
              )}
              <ActionIcon
                variant="subtle"
                color="red"
                mt={6}
                aria-label={`Remove action ${i + 1}`}
                onClick={() => setActions((rows) => rows.filter((_, j) => j !== i))}
              >
                <IconTrash size={16} />
              </ActionIcon>
            </Group>
          );
        })}
        {form.fieldError('actions') && (
          <Text c="red" size="sm">
            {form.fieldError('actions')}
          </Text>
        )}
        <Button
          variant="light"
          size="xs"
          w="fit-content"
          onClick={() => setActions((rows) => [...rows, { type: 'notify', param: '' }])}
        >
          Add an action
        </Button>
        {generalErrors(rowErrors, claimed).map((m) => (
          <Alert key={m} color="red" role="alert">
            {m}
          </Alert>
        ))}
        <Group justify="space-between">
          {rule ? (
            <Button color="red" variant="light" loading={deleting} onClick={doDelete}>
              Delete rule
            </Button>
          ) : (
            <span />
          )}
          <Group>
            <Button variant="default" onClick={onDone}>
              Cancel
            </Button>
            <Button type="submit" loading={creating || updating}>
              {rule ? 'Save rule' : 'Create rule'}
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}

/** What every rule would do to an order now; changes nothing. */
function DryRun() {
  const [order, setOrder] = useState('');
  const [run, { data, loading, error, called }] = useDryRunAutomationLazyQuery({ fetchPolicy: 'network-only' });
  const outcomes = data?.dryRunAutomation ?? [];
  return (
    <Card withBorder>
      <Title order={4} mb="xs">
        Dry run
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        See what every rule (on or off) would do to an order now. Nothing is changed.
      </Text>
      <form
        aria-label="Dry run"
        onSubmit={(e) => {
          e.preventDefault();
          if (order.trim()) run({ variables: { orderId: order.trim() } });
        }}
      >
        <Group align="end">
          <TextInput
            label="Order number or id"
            value={order}
            onChange={(e) => setOrder(e.currentTarget.value)}
            w={320}
          />
          <Button type="submit" loading={loading}>
            Dry run
          </Button>
        </Group>
      </form>
      {error && <ErrorNotice error={error} title="Dry run failed" />}
      {called && !loading && data && outcomes.length === 0 && (
        <Text mt="sm" c="dimmed" role="status">
          No such order.
        </Text>
      )}
      {outcomes.length > 0 && (
        <Table mt="sm" verticalSpacing={4} aria-label="Dry run outcomes">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Rule</Table.Th>
              <Table.Th>On</Table.Th>
              <Table.Th>Would match</Table.Th>
              <Table.Th>Actions</Table.Th>
              <Table.Th>Why</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {outcomes.map((o) => (
              <Table.Tr key={o.ruleKey} data-testid={`dry-run-${o.ruleKey}`}>
                <Table.Td>
                  <Code>{o.ruleKey}</Code>
                </Table.Td>
                <Table.Td>{o.enabled ? 'on' : 'off'}</Table.Td>
                <Table.Td>
                  <Badge color={o.matches ? 'green' : 'gray'} variant="light">
                    {o.matches ? 'yes' : 'no'}
                  </Badge>
                </Table.Td>
                <Table.Td>{o.actions.join(', ') || '—'}</Table.Td>
                <Table.Td>
                  <Text size="sm">{o.reason}</Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  );
}

/** The execution log, newest first, optionally of one rule. */
function ExecutionLog({ rules }: { rules: Rule[] }) {
  const [ruleKey, setRuleKey] = useState<string | null>(null);
  const { data, loading, error, refetch, fetchMore } = useRuleExecutionsQuery({
    variables: { ruleKey, first: 50 },
    fetchPolicy: 'cache-and-network',
    notifyOnNetworkStatusChange: true,
  });
  const page = data?.ruleExecutions;
  return (
    <Card withBorder>
      <Group justify="space-between" mb="sm">
        <Title order={4}>Execution log</Title>
        <Group>
          <Select
            aria-label="Rule"
            placeholder="All rules"
            clearable
            data={rules.map((r) => r.key)}
            value={ruleKey}
            onChange={setRuleKey}
            w={220}
          />
          <Button variant="default" onClick={() => refetch()} loading={loading}>
            Refresh
          </Button>
        </Group>
      </Group>
      {error && !data && <ErrorNotice error={error} />}
      {page && page.nodes.length === 0 && (
        <Empty title="No executions yet" hint="Switch a rule on: its runs appear here." />
      )}
      {page && page.nodes.length > 0 && (
        <Table.ScrollContainer minWidth={800}>
          <Table verticalSpacing={4} aria-label="Execution log">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>When</Table.Th>
                <Table.Th>Rule</Table.Th>
                <Table.Th>Order</Table.Th>
                <Table.Th>Outcome</Table.Th>
                <Table.Th>Actions</Table.Th>
                <Table.Th>Why</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {page.nodes.map((x) => (
                <Table.Tr key={x.id} data-testid="rule-execution">
                  <Table.Td>{formatDateTime(x.at)}</Table.Td>
                  <Table.Td>
                    <Code>{x.ruleKey}</Code>
                  </Table.Td>
                  <Table.Td>
                    {x.orderId ? (
                      <Anchor component={Link} to={`/orders/${x.orderId}`}>
                        {x.orderNumber ?? x.orderId.slice(0, 8)}
                      </Anchor>
                    ) : (
                      <Text size="sm" c="dimmed">
                        stock
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Badge color={OUTCOME_COLOR[x.outcome]} variant="light">
                      {x.outcome}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{x.actions.join(', ') || '—'}</Table.Td>
                  <Table.Td>
                    <Text size="sm">{x.reason}</Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {page?.pageInfo.hasNextPage && (
        <Button
          mt="sm"
          variant="light"
          onClick={() =>
            fetchMore({
              variables: { after: page.pageInfo.endCursor },
              updateQuery: (prev, { fetchMoreResult }) => ({
                ruleExecutions: {
                  ...fetchMoreResult.ruleExecutions,
                  nodes: [...prev.ruleExecutions.nodes, ...fetchMoreResult.ruleExecutions.nodes],
                },
              }),
            })
          }
        >
          Load more
        </Button>
      )}
      <Text size="xs" c="dimmed" mt="xs">
        {page ? `${page.totalCount} execution${page.totalCount === 1 ? '' : 's'}` : ''}
      </Text>
    </Card>
  );
}
