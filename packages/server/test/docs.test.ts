/** The README documents what exists: its state and role tables are the code's. */
import fs from 'node:fs';
import path from 'node:path';
import { ORDER_TRANSITIONS, OrderStatus } from '../src/modules/order/order-state';
import { Permission, ROLE_PERMISSIONS } from '../src/modules/auth/permissions';

const readme = fs.readFileSync(path.resolve(__dirname, '../../../README.md'), 'utf8');

test("the README's order state table is the state machine's transition table", () => {
  const section = readme.slice(readme.indexOf('| from | may go to |'));
  const lines = section.split('\n').slice(2);
  const rows = lines.slice(0, lines.findIndex((l) => !l.startsWith('|')));
  const documented = Object.fromEntries(
    rows.map((r) => r.split('|').map((c) => c.trim())).map(([, from, to]) => [from, to === '(final)' ? [] : to.split(', ')]),
  );
  expect(documented).toEqual(Object.fromEntries(Object.values(OrderStatus).map((s) => [s, [...ORDER_TRANSITIONS[s]]])));
});

test("the README's role table is the code's role table, and every permission is explained", () => {
  const section = readme.slice(readme.indexOf('| role | permissions |'));
  const lines = section.split('\n').slice(2);
  const rows = lines.slice(0, lines.findIndex((l) => !l.startsWith('|')));
  const documented = Object.fromEntries(rows.map((r) => r.split('|').map((c) => c.trim())).map(([, role, list]) => [role, list === 'all' ? [...Object.values(Permission)] : list.split(', ')]));
  expect(documented).toEqual(Object.fromEntries(Object.entries(ROLE_PERMISSIONS).map(([role, list]) => [role, [...list]])));

  const explained = readme.slice(readme.indexOf('| permission | allows |'));
  const table = explained.slice(0, explained.indexOf('\n\n'));
  for (const p of Object.values(Permission)) expect({ p, explained: table.includes(`\`${p}\``) }).toEqual({ p, explained: true });
});
