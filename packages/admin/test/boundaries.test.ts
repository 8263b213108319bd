/**
 * The admin's import boundaries (bulletproof-react's rule): code flows one way, shared → features →
 * app. A feature never imports another feature; what two features need lives in the shared folders
 * (components/, hooks/, lib/, graphql/), and those never import a feature or the app.
 */
import fs from 'node:fs';
import path from 'node:path';

const SRC = path.resolve(__dirname, '../src');
const SHARED = ['components', 'hooks', 'lib', 'graphql'];

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    return d.isDirectory() ? sourceFiles(p) : /\.tsx?$/.test(d.name) ? [p] : [];
  });
}

/** Each relative import of a file, as the src-relative path it points at. */
function relativeImports(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  const specs = [...text.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)['"](\.{1,2}\/[^'"]+)['"]/g)].map((m) => m[1]);
  return specs.map((s) =>
    path
      .relative(SRC, path.resolve(path.dirname(file), s))
      .split(path.sep)
      .join('/'),
  );
}

const files = sourceFiles(SRC);
const where = (file: string) => path.relative(SRC, file).split(path.sep);

test('the import scan sees the features and their imports', () => {
  expect(files.filter((f) => where(f)[0] === 'features').length).toBeGreaterThan(20);
  expect(relativeImports(path.join(SRC, 'app/routes.tsx'))).toContain('features/orders/OrderListPage');
});

test('admin features never import each other', () => {
  const crossings = files.flatMap((f) => {
    const [top, feature] = where(f);
    if (top !== 'features') return [];
    return relativeImports(f)
      .filter((target) => target.startsWith('features/') && target.split('/')[1] !== feature)
      .map((target) => `${path.relative(SRC, f)} -> ${target}`);
  });
  expect(crossings).toEqual([]);
});

test('shared code never imports a feature or the app', () => {
  const upward = files.flatMap((f) => {
    if (!SHARED.includes(where(f)[0])) return [];
    return relativeImports(f)
      .filter((target) => target.startsWith('features/') || target.startsWith('app/'))
      .map((target) => `${path.relative(SRC, f)} -> ${target}`);
  });
  expect(upward).toEqual([]);
});
