import { MockedResponse } from '@apollo/client/testing';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderApp } from '../../../test/render';
import { AutomationRulesDocument, CreateAutomationRuleDocument, RuleExecutionsDocument } from '../../graphql/generated';
import { AutomationPage } from './AutomationPage';
import { summarise } from './rule-forms';

const RULE = {
  __typename: 'AutomationRule',
  id: 'r1',
  key: 'hold-high-value',
  name: 'Hold high-value or foreign orders',
  description: 'Holds big orders.',
  builtIn: true,
  trigger: 'order.placed',
  enabled: false,
  position: 20,
  settings: { threshold: 100000, allowedCountries: [] },
  conditions: [],
  actions: [],
  updatedAt: '2026-11-27T10:00:00Z',
};
const base: MockedResponse[] = [
  { request: { query: AutomationRulesDocument }, result: { data: { automationRules: [RULE] } } },
  {
    request: { query: RuleExecutionsDocument, variables: { ruleKey: null, first: 50 } },
    result: {
      data: {
        ruleExecutions: {
          __typename: 'RuleExecutionConnection',
          totalCount: 0,
          pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
          nodes: [],
        },
      },
    },
  },
];

test('the rules are listed with their switch and what they do', async () => {
  renderApp(<AutomationPage />, { mocks: base });
  const row = await screen.findByTestId('rule-row-hold-high-value');
  expect(within(row).getByText('hold at or above 100000 (minor units)')).toBeInTheDocument();
  expect(within(row).getByRole('switch', { name: 'Enable hold-high-value' })).not.toBeChecked();
});

test('a custom rule the server refuses shows the error at the condition row it concerns', async () => {
  // The rules are fetched again after the mutation.
  const mocks: MockedResponse[] = [
    ...base,
    base[0],
    {
      request: {
        query: CreateAutomationRuleDocument,
        variables: {
          input: {
            key: 'big',
            name: 'Big',
            description: '',
            trigger: 'order.placed',
            conditions: [{ field: 'total', op: 'gte', value: 0 }],
            actions: [{ type: 'addTag', tag: 'big' }],
          },
        },
      },
      result: {
        data: {
          createAutomationRule: {
            __typename: 'AutomationRulePayload',
            rule: null,
            userErrors: [
              {
                __typename: 'UserError',
                field: ['input', 'conditions', '0', 'value'],
                code: 'INVALID_INPUT',
                message: 'value: must be above 0 for this test',
              },
            ],
          },
        },
      },
    },
  ];
  renderApp(<AutomationPage />, { mocks });
  await screen.findByTestId('rule-row-hold-high-value');
  await userEvent.click(screen.getByRole('button', { name: 'New custom rule' }));
  const form = await screen.findByRole('form', { name: 'Custom rule' });
  await userEvent.type(within(form).getByLabelText(/^Key/), 'big');
  await userEvent.type(within(form).getByLabelText(/^Name/), 'Big');
  await userEvent.click(within(form).getByRole('button', { name: 'Add a condition' }));
  await userEvent.type(within(form).getByLabelText('Tag of action 1'), 'big');
  await userEvent.click(within(form).getByRole('button', { name: 'Create rule' }));
  const value = within(form).getByLabelText('Value of condition 1');
  await waitFor(() => expect(value).toHaveAttribute('aria-invalid', 'true'));
  expect(within(form).getByText('value: must be above 0 for this test')).toBeInTheDocument();
});

test('a custom rule is summarised in one line', () => {
  expect(
    summarise(
      [{ field: 'country', op: 'notIn', value: ['DE', 'AT'] }],
      [
        { type: 'hold', reason: 'Export' },
        { type: 'addTag', tag: 'export' },
      ],
    ),
  ).toBe('if country notIn DE, AT: hold (Export), then addTag (export)');
});
