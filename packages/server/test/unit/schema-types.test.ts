/**
 * The schema's TypeScript types that the tests type their GraphQL responses with
 * (test/support/schema-types.ts) are what codegen makes from the committed schema.graphql.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';

test('test/support/schema-types.ts is up to date with schema.graphql (run `pnpm codegen` when this fails)', () => {
  const root = path.resolve(__dirname, '../../../..');
  const bin = path.join(root, 'node_modules/.bin/graphql-codegen');
  const r = spawnSync(bin, ['--config', 'codegen.ts', '--check'], { cwd: root, encoding: 'utf8' });
  expect({ status: r.status, output: r.status === 0 ? '' : `${r.stdout}\n${r.stderr}` }).toEqual({
    status: 0,
    output: '',
  });
});
