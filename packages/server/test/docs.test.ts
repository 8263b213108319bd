/** The README documents what exists: its state table is the code's transition table. */
import fs from 'node:fs';
import path from 'node:path';
import { ORDER_TRANSITIONS, OrderStatus } from '../src/modules/order/order-state';

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
