/** Check groups of the fault run: each passes or fails as a whole, with the details of what failed. */

export interface CheckResult {
  name: string;
  ok: boolean;
  details: string[];
}

export class Checks {
  readonly results: CheckResult[] = [];

  /** One assertion group: `problems` empty means it passed. */
  group(name: string, problems: (string | false | undefined | null)[]) {
    const details = problems.filter((p): p is string => typeof p === 'string' && p !== '');
    this.results.push({ name, ok: details.length === 0, details });
  }

  skip(name: string, reason: string) {
    // A skipped group is printed but neither passes nor fails.
    console.log(`SKIP ${name}: ${reason}`);
  }

  get passed() {
    return this.results.filter((r) => r.ok).length;
  }

  get failed() {
    return this.results.filter((r) => !r.ok).length;
  }

  print() {
    for (const r of this.results) {
      console.log(`${r.ok ? 'PASS' : 'FAIL'} ${r.name}`);
      for (const d of r.details.slice(0, 10)) console.log(`     - ${d}`);
      if (r.details.length > 10) console.log(`     - ... and ${r.details.length - 10} more`);
    }
  }
}

/** At most `n` items of a list, for messages. */
export const some = (items: string[], n = 5) =>
  items.length > n ? `${items.slice(0, n).join(', ')} ... (${items.length})` : items.join(', ');
