/** The committed hooks (src/graphql/generated.ts) are what codegen makes from schema.graphql and the .graphql files. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { buildSchema, NoDeprecatedCustomRule, parse, validate } from 'graphql';

test('the generated GraphQL hooks are up to date (run `pnpm codegen` when this fails)', () => {
  const root = path.resolve(__dirname, '../../..');
  const bin = path.join(root, 'node_modules/.bin/graphql-codegen');
  const r = spawnSync(bin, ['--config', 'codegen.ts', '--check'], { cwd: root, encoding: 'utf8' });
  expect({ status: r.status, output: r.status === 0 ? '' : `${r.stdout}\n${r.stderr}` }).toEqual({
    status: 0,
    output: '',
  });
});

test("the admin's operations use no deprecated field or argument of schema.graphql", () => {
  const root = path.resolve(__dirname, '../../..');
  const schema = buildSchema(fs.readFileSync(path.join(root, 'schema.graphql'), 'utf8'));
  const files = fs
    .readdirSync(path.join(root, 'packages/admin/src'), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.graphql'));
  expect(files.length).toBeGreaterThan(5);
  const uses = files.flatMap((f) => {
    const doc = parse(fs.readFileSync(path.join(root, 'packages/admin/src', f), 'utf8'));
    return validate(schema, doc, [NoDeprecatedCustomRule]).map((e) => `${f}: ${e.message}`);
  });
  expect(uses).toEqual([]);
});
