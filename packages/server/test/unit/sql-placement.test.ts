/**
 * SQL lives in per-module `*.sql.ts` files (named functions returning `{ text, values }`), so a
 * reader finds all of a module's statements in one place (docs/architecture.md, "SQL"). This test
 * reads the server's source (no server, no database) and fails when a string literal in a `src`
 * .ts file outside `*.sql.ts` holds a statement: select, with ... select, insert into,
 * update ... set, delete from. A bare `select 1` (a connection check) is allowed anywhere.
 */
import fs from 'node:fs';
import path from 'node:path';

const SRC = path.join(__dirname, '..', '..', 'src');

/**
 * Files and folders (relative to src/, '/' at the end for a folder) still allowed to hold SQL.
 * Module entries are being converted on other branches and leave this list when they are; the
 * others hold SQL by nature (migrations, benchmarks, seed data, database set-up).
 */
const ALLOWED: Record<string, string> = {
  'bench/': 'benchmarks: SQL floors and data generation',
  'migrations/': 'schema migrations',
  'seed/': 'demo data',
  'config/embedded-postgres.ts': 'database set-up of the embedded PostgreSQL',
  'config/migrate.ts': 'migration runner: startup lock and schema checks',
};

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(full);
    return e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') ? [full] : [];
  });
}

const rel = (file: string) => path.relative(SRC, file).split(path.sep).join('/');
const allowed = (file: string) =>
  Object.keys(ALLOWED).some((a) => (a.endsWith('/') ? rel(file).startsWith(a) : rel(file) === a));

interface Literal {
  text: string;
  line: number;
}

/**
 * The string literals of a TypeScript source: '…', "…" and `…` (a template's ${…} parts read as
 * a space, literals inside them found too). Comments and regular expressions are skipped.
 */
export function stringLiterals(src: string): Literal[] {
  const out: Literal[] = [];
  let i = 0;
  const lineAt = (pos: number) => src.slice(0, pos).split('\n').length;
  // The last significant character before `/`, to tell a regular expression from a division.
  let last = '';
  const quoted = (q: string): string => {
    let text = '';
    i++;
    while (i < src.length && src[i] !== q) {
      if (src[i] === '\\') {
        text += src[i + 1] ?? '';
        i += 2;
        continue;
      }
      if (src[i] === '\n') break; // unterminated: not a string after all
      text += src[i++];
    }
    i++;
    return text;
  };
  const template = (): string => {
    let text = '';
    i++;
    while (i < src.length && src[i] !== '`') {
      if (src[i] === '\\') {
        text += src[i + 1] ?? '';
        i += 2;
        continue;
      }
      if (src[i] === '$' && src[i + 1] === '{') {
        i += 2;
        code(true);
        i++;
        text += ' ';
        continue;
      }
      text += src[i++];
    }
    i++;
    return text;
  };
  // Scans code up to the `}` that closes an interpolation (inner) or to the end.
  const code = (inner: boolean) => {
    let depth = 0;
    while (i < src.length) {
      const c = src[i];
      if (c === '/' && src[i + 1] === '/') {
        while (i < src.length && src[i] !== '\n') i++;
        continue;
      }
      if (c === '/' && src[i + 1] === '*') {
        const end = src.indexOf('*/', i + 2);
        i = end < 0 ? src.length : end + 2;
        continue;
      }
      if (
        c === '/' &&
        (last === '' ||
          '(,=:[!&|?{};+-*%<>~^'.includes(last) ||
          /\breturn$/.test(src.slice(Math.max(0, i - 8), i).trimEnd()))
      ) {
        // A regular expression literal (with its character classes).
        i++;
        let cls = false;
        while (i < src.length && src[i] !== '\n' && (cls || src[i] !== '/')) {
          if (src[i] === '\\') i++;
          else if (src[i] === '[') cls = true;
          else if (src[i] === ']') cls = false;
          i++;
        }
        i++;
        while (/[a-z]/i.test(src[i] ?? '')) i++;
        last = 'r';
        continue;
      }
      if (c === '"' || c === "'") {
        const at = i;
        out.push({ text: quoted(c), line: lineAt(at) });
        last = 's';
        continue;
      }
      if (c === '`') {
        const at = i;
        out.push({ text: template(), line: lineAt(at) });
        last = 's';
        continue;
      }
      if (c === '{') depth++;
      if (c === '}') {
        if (inner && depth === 0) return;
        depth--;
      }
      if (!/\s/.test(c)) last = c;
      i++;
    }
  };
  code(false);
  return out;
}

const STATEMENT = [
  /^\s*(explain\s+(\(.*?\)\s*)?)?select\s/,
  /^\s*with\s+(recursive\s+)?"?\w+"?(\s*\([^)]*\))?\s+as\s+(not\s+)?(materialized\s+)?\(/,
  /\bselect\s[\s\S]*?\sfrom\s/,
  /\binsert\s+into\s/,
  /\bupdate\s+[\w".]+(\s+\w+)?\s+set\s/,
  /\bdelete\s+from\s/,
];

/** SQL keywords in capitals read as lower case; prose's capitalised words ("Select a warehouse") do not. */
const KEYWORDS = /\b(SELECT|WITH|RECURSIVE|AS|NOT|MATERIALIZED|EXPLAIN|FROM|INSERT|INTO|UPDATE|SET|DELETE)\b/g;

export function isStatement(literal: string): boolean {
  const text = literal.replace(KEYWORDS, (k) => k.toLowerCase());
  if (/^\s*select 1\s*$/.test(text)) return false;
  return STATEMENT.some((re) => re.test(text));
}

describe('where SQL lives', () => {
  it('the scanner finds statements in string literals, not in comments, prose or regular expressions', () => {
    const src = [
      '// select id from x',
      '/* update x set y = 1 */',
      "const re = /'[\"]/g; const a = 'select id from product where sku = ?';",
      'const b = `insert into "${table}" (${cols}) values ${values}`;',
      'const c = "Select a warehouse"; const d = \'select 1\'; const e = x / 2 / y;',
      "const f = `update export_job set state = 'DONE' where id = ${`$`}1`;",
      "const g = 'SELECT id FROM product'; const h = 'Update the order, then set it aside';",
    ].join('\n');
    const found = stringLiterals(src)
      .filter((l) => isStatement(l.text))
      .map((l) => l.line);
    expect(found).toEqual([3, 4, 6, 7]);
  });

  it('no src .ts file outside *.sql.ts holds an SQL statement (except the allow-list)', () => {
    const offenders: string[] = [];
    for (const file of sourceFiles(SRC)) {
      if (file.endsWith('.sql.ts') || allowed(file)) continue;
      for (const l of stringLiterals(fs.readFileSync(file, 'utf8'))) {
        if (isStatement(l.text))
          offenders.push(`src/${rel(file)}:${l.line}: ${l.text.replace(/\s+/g, ' ').trim().slice(0, 80)}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('every allow-list entry exists and still holds SQL (else take it off the list)', () => {
    const files = sourceFiles(SRC);
    const stale = Object.keys(ALLOWED).filter(
      (a) =>
        !files.some(
          (f) =>
            (a.endsWith('/') ? rel(f).startsWith(a) : rel(f) === a) &&
            !f.endsWith('.sql.ts') &&
            stringLiterals(fs.readFileSync(f, 'utf8')).some((l) => isStatement(l.text)),
        ),
    );
    expect(stale).toEqual([]);
  });
});
