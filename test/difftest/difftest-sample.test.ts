/**
 * A budgeted differential-test sample over every encoding class: a fixed
 * seed, SAMPLE_PER_CLASS sequences per class, compared against qemu-aarch64
 * (see docs/DIFFTEST.md). Fails on any mismatch that known-failures.ts does
 * not list, and prints each with a reproducer command. A second, smaller
 * sample runs the sequences as compiled blocks (--blocks: code templates,
 * registers in cpu.x and in locals).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { runDifftest } from './difftest.js';
import { classes } from './generator.js';

const SAMPLE_PER_CLASS = Number(process.env.ARMVISOR_DIFFTEST_PER_CLASS ?? 300);
const SEED = 20261128;
const haveQemu = spawnSync('qemu-aarch64', ['--version']).status === 0;

test(
  `armvisor matches qemu-aarch64 on ${SAMPLE_PER_CLASS} random sequences per A64 encoding class`,
  { skip: haveQemu ? false : 'qemu-aarch64 is not installed (scripts/ensure-tools.sh)', timeout: 15 * 60_000 },
  async (t) => {
    const n = classes().length;
    const s = await runDifftest({ count: SAMPLE_PER_CLASS * n, seed: SEED, len: 4 });
    const unknown = s.mismatches.filter((m) => !m.known);
    const known = s.mismatches.length - unknown.length;
    t.diagnostic(`${s.passed} passed, ${s.failed} failed (${known} known), ${s.skipped} skipped over ${n} classes`);
    if (s.brkFallbacks)
      t.diagnostic(`armvisor has no BRK yet: end trap recognised by its word in ${s.brkFallbacks} cases`);
    // Keep the report readable: the first few per class.
    const shown = new Map<string, number>();
    const report: string[] = [];
    for (const m of unknown) {
      const k = shown.get(m.testCase.cls) ?? 0;
      shown.set(m.testCase.cls, k + 1);
      if (k < 2) report.push(m.text);
    }
    const perClass = [...s.perClass]
      .filter(([, st]) => st.failed > 0)
      .map(([cls, st]) => `  ${cls}: ${st.failed} failed`);
    assert.equal(
      unknown.length,
      0,
      `${unknown.length} unexpected mismatches\n${perClass.join('\n')}\n\n${report.join('\n\n')}`,
    );
  },
);

const BLOCKS_PER_CLASS = Number(process.env.ARMVISOR_DIFFTEST_BLOCKS_PER_CLASS ?? 40);

test(
  `compiled blocks (code templates) match qemu-aarch64 on ${BLOCKS_PER_CLASS} random sequences per A64 encoding class`,
  { skip: haveQemu ? false : 'qemu-aarch64 is not installed (scripts/ensure-tools.sh)', timeout: 15 * 60_000 },
  async (t) => {
    const n = classes().length;
    const s = await runDifftest({ count: BLOCKS_PER_CLASS * n, seed: SEED + 1, len: 8, blocks: true });
    const unknown = s.mismatches.filter((m) => !m.known);
    t.diagnostic(`${s.passed} passed, ${s.failed} failed, ${s.skipped} skipped over ${n} classes (--blocks)`);
    assert.equal(
      unknown.length,
      0,
      `${unknown.length} unexpected mismatches\n\n${unknown
        .slice(0, 6)
        .map((m) => m.text)
        .join('\n\n')}`,
    );
  },
);
