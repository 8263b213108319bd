/** The committed hooks (src/graphql/generated.ts) are what codegen makes from schema.graphql and the .graphql files. */
import { spawnSync } from 'node:child_process';
import path from 'node:path';

test('the generated GraphQL hooks are up to date (run `pnpm codegen` when this fails)', () => {
  const root = path.resolve(__dirname, '../../..');
  const bin = path.join(root, 'node_modules/.bin/graphql-codegen');
  const r = spawnSync(bin, ['--config', 'codegen.ts', '--check'], { cwd: root, encoding: 'utf8' });
  expect({ status: r.status, output: r.status === 0 ? '' : `${r.stdout}\n${r.stderr}` }).toEqual({
    status: 0,
    output: '',
  });
});
