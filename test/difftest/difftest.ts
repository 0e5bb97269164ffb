/**
 * The differential test run: generate cases per class, run them under qemu
 * (the reference) and in armvisor, compare. Used by the CLI (./cli.ts) and
 * the npm-test sample (./difftest-sample.test.ts).
 *
 * Reproducibility: case i of a run gets its own PRNG seeded from (seed, i,
 * class name), and its class is classes[i mod k] of the selected classes, so
 * `--seed S --class "<cls>" --case I` regenerates case I of a one-class run.
 */
import type { CaseResult, TestCase } from './case-format.js';
import { ArmvisorRunner, type ArmvisorResult } from './armvisor-runner.js';
import { compareResults, formatMismatch, type Difference } from './compare.js';
import { classes, generateCase, type ClassInfo } from './generator.js';
import { knownFailureFor, type KnownFailure } from './known-failures.js';
import { Prng } from './prng.js';
import { runOnQemu } from './qemu-runner.js';

export interface DifftestOptions {
  count: number;
  seed: number;
  /** Class names to test (all classes of the table when empty). */
  classes?: string[];
  /** Only this entry (its class is selected). */
  entry?: string;
  /** Longest sequence (instructions per case). */
  len?: number;
  /** Only this case index (for reproducing one mismatch). */
  caseIndex?: number;
  jobs?: number;
  qemuCpu?: string;
  /** Sometimes use top-byte-tagged base addresses (default on; --no-tbi). */
  tbi?: boolean;
  /** Run the cases as compiled blocks (block.ts, code templates) instead of the interpreter (--blocks). */
  blocks?: boolean;
}

export interface Mismatch {
  index: number;
  testCase: TestCase;
  diffs: Difference[];
  notes: string[];
  text: string;
  /** The entry of known-failures.ts that covers it, if any. */
  known?: KnownFailure;
}

export interface ClassStats {
  passed: number;
  failed: number;
  skipped: number;
}

export interface DifftestSummary {
  passed: number;
  failed: number;
  skipped: number;
  mismatches: Mismatch[];
  perClass: Map<string, ClassStats>;
  /** Entries of the tested classes that have no semantics yet. */
  missing: string[];
  /** Classes for which no instruction word could be generated (all excluded). */
  ungeneratable: string[];
  /** Cases whose end trap (BRK) armvisor reported as UNDEFINED: BRK has no semantics yet. */
  brkFallbacks: number;
}

/** 32-bit mix of a seed, a case index and a class name (FNV-1a + finaliser). */
export function caseSeed(seed: number, index: number, cls: string): number {
  let h = 0x811c9dc5 ^ seed;
  const mixIn = (v: number): void => {
    h = Math.imul(h ^ v, 0x01000193);
  };
  for (let i = 0; i < 4; i++) mixIn((index >>> (8 * i)) & 0xff);
  for (let i = 0; i < cls.length; i++) mixIn(cls.charCodeAt(i));
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  return h >>> 0;
}

/** The classes a run covers, checked against the table. */
export function selectClasses(opts: Pick<DifftestOptions, 'classes' | 'entry'>): ClassInfo[] {
  const all = classes();
  if (opts.entry) {
    const c = all.find((k) => k.entries.some((e) => e.def.name === opts.entry) || k.missing.includes(opts.entry!));
    if (!c) throw new Error(`difftest: no entry named ${opts.entry} in the A64 table`);
    return [
      {
        ...c,
        entries: c.entries.filter((e) => e.def.name === opts.entry),
        missing: c.missing.filter((m) => m === opts.entry),
      },
    ];
  }
  if (!opts.classes || opts.classes.length === 0) return all;
  return opts.classes.map((name) => {
    const c = all.find((k) => k.cls === name);
    if (!c) throw new Error(`difftest: no class "${name}" in the A64 table (see --list-classes)`);
    return c;
  });
}

export function reproduceCommand(opts: DifftestOptions, c: TestCase, index: number): string {
  const sel = opts.entry ? `--entry ${opts.entry}` : `--class "${c.cls}"`;
  const idx = opts.entry || (opts.classes && opts.classes.length === 1) ? index : undefined;
  const len =
    (opts.len !== undefined ? ` --len ${opts.len}` : '') +
    (opts.tbi === false ? ' --no-tbi' : '') +
    (opts.blocks ? ' --blocks' : '');
  return idx === undefined
    ? `npm run difftest -- --isa a64 --seed ${opts.seed} --count ${opts.count}${len} ${opts.classes?.length ? opts.classes.map((k) => `--class "${k}"`).join(' ') : ''} --case ${index}`.replace(
        /  +/g,
        ' ',
      )
    : `npm run difftest -- --isa a64 --seed ${opts.seed} ${sel}${len} --case ${idx}`;
}

const yieldToEventLoop = (): Promise<void> => new Promise((r) => setImmediate(r));

export async function runDifftest(
  opts: DifftestOptions,
  log: (line: string) => void = () => {},
): Promise<DifftestSummary> {
  const sel = selectClasses(opts);
  const len = opts.len ?? 4;
  const perClass = new Map<string, ClassStats>();
  for (const c of sel) perClass.set(c.cls, { passed: 0, failed: 0, skipped: 0 });
  const cases: { index: number; c: TestCase }[] = [];
  const ungeneratable = new Set<string>();
  let skipped = 0;
  const first = opts.caseIndex ?? 0;
  const last = opts.caseIndex !== undefined ? opts.caseIndex + 1 : opts.count;
  for (let i = first; i < last; i++) {
    const info = sel[i % sel.length];
    const stats = perClass.get(info.cls)!;
    if (info.entries.length === 0) {
      stats.skipped++;
      skipped++;
      continue;
    }
    const tc = generateCase(new Prng(caseSeed(opts.seed, i, info.cls)), info, { maxLen: len, tbi: opts.tbi });
    if (!tc) {
      ungeneratable.add(info.cls);
      stats.skipped++;
      skipped++;
      continue;
    }
    cases.push({ index: i, c: tc });
  }

  const qemu = runOnQemu(
    cases.map((k) => k.c),
    { jobs: opts.jobs, cpu: opts.qemuCpu },
  );
  // Run armvisor meanwhile, yielding now and then so qemu's pipes keep flowing.
  const runner = new ArmvisorRunner(opts.blocks === true);
  const got: ArmvisorResult[] = [];
  for (let i = 0; i < cases.length; i++) {
    got.push(runner.run(cases[i].c));
    if ((i & 127) === 127) await yieldToEventLoop();
  }
  const expected: CaseResult[] = await qemu;

  const summary: DifftestSummary = {
    passed: 0,
    failed: 0,
    skipped,
    mismatches: [],
    perClass,
    missing: sel.flatMap((c) => c.missing),
    ungeneratable: [...ungeneratable],
    brkFallbacks: runner.brkFallbacks,
  };
  for (let i = 0; i < cases.length; i++) {
    const { index, c } = cases[i];
    const diffs = compareResults(expected[i], got[i], c);
    const stats = perClass.get(c.cls)!;
    if (diffs.length === 0) {
      summary.passed++;
      stats.passed++;
      continue;
    }
    summary.failed++;
    stats.failed++;
    const known = knownFailureFor({ entries: c.entries, insns: c.insns, features: c.features, diffs });
    const notes = known
      ? [...got[i].notes, `known failure (test/difftest/known-failures.ts): ${known.reason}`]
      : got[i].notes;
    const text = formatMismatch(
      c,
      diffs,
      { seed: opts.seed, index, reproduce: reproduceCommand(opts, c, index) },
      notes,
    );
    summary.mismatches.push({ index, testCase: c, diffs, notes, text, known });
    log(text);
  }
  return summary;
}
