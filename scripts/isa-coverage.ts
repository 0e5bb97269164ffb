/**
 * `npm run coverage:isa`: every A64 encoding class with how many of its
 * table entries have semantics. Exits non-zero if a required class is not
 * fully implemented or a table entry names a class not in the list, so CI
 * can hold the line once the issue is done (pass --report-only to just print).
 */
import { A64_CLASSES } from '../src/arch/a64/classes.js';
import { a64Encodings, a64Decoder } from '../src/arch/a64/table.js';
import { semanticsFor } from '../src/cpu/a64/semantics/index.js';

export interface ClassCoverage {
  name: string;
  group: string;
  scope: string;
  entries: number;
  implemented: number;
  missing: string[];
}

export function isaCoverage(): { classes: ClassCoverage[]; unknown: string[] } {
  a64Decoder(); // builds and checks the table (throws on overlaps)
  // Class names match loosely (case, punctuation, "the"), as the ARM ARM itself varies.
  const norm = (s: string): string => s.toLowerCase().replace(/[^a-z0-9]+/g, '');
  const byClass = new Map<string, ClassCoverage>();
  for (const c of A64_CLASSES) byClass.set(norm(c.name), { ...c, entries: 0, implemented: 0, missing: [] });
  const unknown: string[] = [];
  for (const e of a64Encodings) {
    const c = byClass.get(norm(e.cls));
    if (!c) {
      unknown.push(`${e.name}: class "${e.cls}"`);
      continue;
    }
    c.entries++;
    if (semanticsFor(e.name)) c.implemented++;
    else c.missing.push(e.name);
  }
  return { classes: [...byClass.values()], unknown };
}

function main(): void {
  const reportOnly = process.argv.includes('--report-only');
  const { classes, unknown } = isaCoverage();
  let group = '';
  let bad = 0;
  const lines: string[] = [];
  for (const c of classes) {
    if (c.group !== group) {
      group = c.group;
      lines.push('', `## ${group}`);
    }
    let status: string;
    if (c.scope !== 'required') status = `out of scope: ${c.scope}`;
    else if (c.entries === 0) {
      status = 'NOT IMPLEMENTED (no table entries)';
      bad++;
    } else if (c.implemented < c.entries) {
      status = `PARTIAL ${c.implemented}/${c.entries} entries; missing: ${c.missing.join(', ')}`;
      bad++;
    } else status = `implemented (${c.entries} entries)`;
    lines.push(`- ${c.name}: ${status}`);
  }
  if (unknown.length) {
    lines.push('', '## Entries naming an unknown class', ...unknown.map((u) => `- ${u}`));
    bad += unknown.length;
  }
  const req = classes.filter((c) => c.scope === 'required');
  const done = req.filter((c) => c.entries > 0 && c.implemented === c.entries).length;
  console.log(
    `# A64 encoding coverage: ${done}/${req.length} required classes implemented, ${a64Encodings.length} table entries`,
  );
  console.log(lines.join('\n'));
  if (bad && !reportOnly) process.exitCode = 1;
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/.*\/dist\//, 'dist/'))) main();
