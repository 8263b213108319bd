/** The committed schema.graphql is what partner developers read: it must match the code. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createSchema } from '../src/schema';

test('the committed schema.graphql is up to date (regenerate with `pnpm schema`)', async () => {
  const tmp = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'oms-schema-')), 'schema.graphql');
  await createSchema(undefined, tmp);
  const committed = fs.readFileSync(path.resolve(__dirname, '../../../schema.graphql'), 'utf8');
  expect(fs.readFileSync(tmp, 'utf8')).toBe(committed);
});
