/**
 * The docs document what exists: their state and role tables are the code's, the README stays short, and every
 * relative link in README.md and docs/*.md leads to a file that exists and, with an anchor, to a heading in it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { buildSchema, getVariableValues, Kind, NoDeprecatedCustomRule, parse, specifiedRules, validate } from 'graphql';
import { ORDER_TRANSITIONS, OrderStatus } from '../src/modules/order/order-state';
import { Permission, ROLE_PERMISSIONS } from '../src/modules/auth/permissions';

const root = path.resolve(__dirname, '../../..');
const read = (file: string) => fs.readFileSync(path.join(root, file), 'utf8');
const readme = read('README.md');
const docFiles = [
  'README.md',
  ...fs
    .readdirSync(path.join(root, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`),
];

/** Files other branches of issue 14 add; a link to one of them is only listed while it does not exist yet. */

/** The rows of the Markdown table whose header line is `header`. */
function tableRows(text: string, header: string): string[][] {
  const at = text.indexOf(header);
  expect({ header, found: at >= 0 }).toEqual({ header, found: true });
  const lines = text.slice(at).split('\n').slice(2);
  return lines
    .slice(
      0,
      lines.findIndex((l) => !l.startsWith('|')),
    )
    .map((r) => r.split('|').map((c) => c.trim()));
}

/** Markdown outside fenced code blocks. */
function outsideFences(text: string): string {
  return text
    .split(/^ *```.*$/m)
    .filter((_, i) => i % 2 === 0)
    .join('\n');
}

/** Markdown outside code, fenced or inline (a `[x](y)` in code is not a link). */
function prose(text: string): string {
  return outsideFences(text).replace(/`[^`\n]*`/g, '');
}

/** GitHub's anchors of a Markdown file: each heading lower-cased, punctuation dropped, spaces to dashes, repeats numbered. */
function anchors(text: string): Set<string> {
  const seen = new Map<string, number>();
  const out = new Set<string>();
  for (const [, heading] of outsideFences(text)
    .replace(/`([^`\n]*)`/g, '$1')
    .matchAll(/^#{1,6} (.+)$/gm)) {
    const base = heading
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      .trim()
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, '')
      .replace(/\s/g, '-');
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    out.add(n === 0 ? base : `${base}-${n}`);
  }
  return out;
}

test("docs/domain.md's order state table is the state machine's transition table", () => {
  const rows = tableRows(read('docs/domain.md'), '| from | may go to |');
  const documented = Object.fromEntries(rows.map(([, from, to]) => [from, to === '(final)' ? [] : to.split(', ')]));
  expect(documented).toEqual(Object.fromEntries(Object.values(OrderStatus).map((s) => [s, [...ORDER_TRANSITIONS[s]]])));
});

test("docs/api.md's role table is the code's role table, and every permission is explained", () => {
  const api = read('docs/api.md');
  const rows = tableRows(api, '| role | permissions |');
  const documented = Object.fromEntries(
    rows.map(([, role, list]) => [role, list === 'all' ? [...Object.values(Permission)] : list.split(', ')]),
  );
  expect(documented).toEqual(
    Object.fromEntries(Object.entries(ROLE_PERMISSIONS).map(([role, list]) => [role, [...list]])),
  );

  const explained = api.slice(api.indexOf('| permission | allows |'));
  const table = explained.slice(0, explained.indexOf('\n\n'));
  for (const p of Object.values(Permission))
    expect({ p, explained: table.includes(`\`${p}\``) }).toEqual({ p, explained: true });
});

test('the README is at most 200 lines and keeps the quick start, the URLs, the test commands and the way to the fault figures', () => {
  expect(readme.trimEnd().split('\n').length).toBeLessThanOrEqual(200);
  for (const s of [
    'npm install -g pnpm@12.4.2',
    'pnpm install',
    'pnpm start',
    'DATABASE_URL',
    '`admin@example.com` / `admin1234`',
    'first sign-in',
    '| `POST /graphql` |',
    '| `GET /readyz` |',
    'pnpm test ',
    'pnpm test:faults',
    'docs/operations.md#faults',
  ]) {
    expect({ s, inReadme: readme.includes(s) }).toEqual({ s, inReadme: true });
  }
  expect(readme).toMatch(/^## Operations$/m);
  expect(read('docs/operations.md')).toMatch(
    /^## Faults\n[\s\S]*\| orders attempted \/ acknowledged \/ refused for stock \|/m,
  );
});

test('the LICENSE is the MIT licence package.json names', () => {
  expect(JSON.parse(read('package.json')).license).toBe('MIT');
  const license = read('LICENSE');
  expect(license).toMatch(/^MIT License\n\nCopyright \(c\) 2026 The OMS contributors\n/);
  expect(license).toContain('THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND');
});

test('every relative link in README.md and docs/*.md points to an existing file, and every anchor to a heading of it', () => {
  const broken: string[] = [];
  let checked = 0;
  for (const file of docFiles) {
    for (const [, target] of prose(read(file)).matchAll(/\]\(<?([^)\s>]+)>?(?:\s+"[^"]*")?\)/g)) {
      if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue; // http:, https:, mailto:, ws:
      const [pathPart, anchor] = target.split('#');
      const resolved = pathPart
        ? path.posix.normalize(path.posix.join(path.posix.dirname(file), decodeURI(pathPart)))
        : file;
      checked++;
      if (!fs.existsSync(path.join(root, resolved))) {
        broken.push(`${file}: ${target} (no ${resolved})`);
        continue;
      }
      if (anchor !== undefined && !(resolved.endsWith('.md') && anchors(read(resolved)).has(anchor)))
        broken.push(`${file}: ${target} (no heading #${anchor} in ${resolved})`);
    }
  }
  expect(checked).toBeGreaterThan(50);
  expect(broken).toEqual([]);
});

test("docs/partners.md's GraphQL is valid for schema.graphql (variables included), and its TypeScript excerpts are the example's code", () => {
  const guide = read('docs/partners.md');
  const schema = buildSchema(read('schema.graphql'));
  const blocks = [...guide.matchAll(/^```(\w*)\n([\s\S]*?)^```\n(\s*)/gm)].map((m) => ({
    lang: m[1],
    code: m[2],
    end: m.index! + m[0].length,
    start: m.index!,
  }));
  const problems: string[] = [];
  let operations = 0;
  let excerpts = 0;
  let variableSets = 0;
  blocks.forEach((b, i) => {
    if (b.lang === 'graphql') {
      const doc = parse(b.code);
      operations += doc.definitions.length;
      for (const e of validate(schema, doc, [...specifiedRules, NoDeprecatedCustomRule]))
        problems.push(`${b.code.split('\n')[0]}: ${e.message}`);
      // A JSON block right after it holds the variables of its last operation.
      const next = blocks[i + 1];
      const last = doc.definitions.at(-1);
      if (next?.lang === 'json' && next.start === b.end && last?.kind === Kind.OPERATION_DEFINITION) {
        variableSets++;
        const { errors } = getVariableValues(schema, last.variableDefinitions ?? [], JSON.parse(next.code));
        for (const e of errors ?? []) problems.push(`${last.name?.value} variables: ${e.message}`);
      }
    }
    const from = /^\/\/ From (examples\/partner-client\/src\/\S+)\n/.exec(b.code);
    if (b.lang === 'ts' && from) {
      excerpts++;
      const trimmed = (text: string) => text.split('\n').map((l) => l.trim());
      const file = trimmed(read(from[1])).join('\n');
      const excerpt = trimmed(b.code.slice(from[0].length).trimEnd()).join('\n');
      if (!file.includes(excerpt)) problems.push(`the excerpt of ${from[1]} is not in it:\n${excerpt}`);
    }
  });
  expect(operations).toBeGreaterThanOrEqual(9);
  expect(variableSets).toBeGreaterThanOrEqual(5);
  expect(excerpts).toBeGreaterThanOrEqual(4);
  expect(problems).toEqual([]);
});
