/**
 * Run one real-software case under two runners (armvisor and a reference:
 * qemu-aarch64, or the host's busybox for scripts that exec other applets)
 * in the same freshly written work folder, and compare what each did: every
 * step's stdout, stderr and exit status, and the bytes of the files the case
 * names. Both runners see the same path, so outputs that print paths agree.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { constants, tmpdir } from 'node:os';
import { join } from 'node:path';
import { type TestContext } from 'node:test';
import { runArmvisor, runQemu, TEST_ENV, type RunOutcome } from '../helpers/run-both.js';
import { realSoftware, type RealSoftware } from './sysroot.js';

export interface Step {
  /** Arguments after the program (for busybox: the applet first). */
  args: string[];
  input?: string | Uint8Array;
}

export interface RealCase {
  name: string;
  /** One run, or several in order in the same folder (e.g. compress, then decompress). */
  steps: Step[];
  /** Files (relative to the work folder) whose bytes must be the same afterwards. */
  files?: string[];
  /** Compare stderr too (default true); false where it holds timings. */
  stderr?: boolean;
  /** Mark as expected to fail today, with the reason found. */
  todo?: string;
  timeoutMs?: number;
}

/** Run one step in `cwd`; returns what a shell would see. */
export type Runner = (step: Step, cwd: string, timeoutMs: number) => RunOutcome;

export interface Outcome {
  steps: RunOutcome[];
  files: Record<string, string>;
}

/** armvisor running `program` (options such as ['-L', sysroot] go before it). */
export function armvisor(program: string, options: string[] = []): Runner {
  return (s, cwd, timeoutMs) => runArmvisor(program, { args: s.args, input: s.input, cwd, options, timeoutMs });
}

/** qemu-aarch64 running `program`: the reference. */
export function qemu(program: string, options: string[] = []): Runner {
  return (s, cwd, timeoutMs) => runQemu(program, { args: s.args, input: s.input, cwd, options, timeoutMs });
}

/** A host program run directly (the host's busybox-static): the reference for scripts that exec. */
export function host(program: string): Runner {
  return (s, cwd, timeoutMs) => {
    const r = spawnSync(program, s.args, {
      input: s.input,
      cwd,
      env: TEST_ENV,
      timeout: timeoutMs,
      maxBuffer: 64 << 20,
    });
    if (r.error) throw r.error;
    const sig = r.signal ? (constants.signals as Record<string, number>)[r.signal] : undefined;
    return {
      stdout: r.stdout.toString(),
      stderr: r.stderr.toString(),
      status: sig !== undefined ? 128 + sig : (r.status ?? -1),
    };
  };
}

/** A file's bytes as something short to compare: size and sha256. */
function digest(path: string): string {
  if (!existsSync(path)) return 'missing';
  const b = readFileSync(path);
  return `${b.length} bytes sha256 ${createHash('sha256').update(b).digest('hex')}`;
}

/** The folder the cases of one test file work in (removed by `cleanup`). */
export function workBase(tag: string): string {
  return mkdtempSync(join(tmpdir(), `armvisor-real-${tag}-`));
}

export function cleanup(base: string): void {
  rmSync(base, { recursive: true, force: true });
}

export function runCase(c: RealCase, runner: Runner, base: string, fixture: (dir: string) => void): Outcome {
  const dir = join(base, 'work');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir);
  fixture(dir);
  const steps = c.steps.map((s) => runner(s, dir, c.timeoutMs ?? 60_000));
  const files: Record<string, string> = {};
  for (const f of c.files ?? []) files[f] = digest(join(dir, f));
  return { steps, files };
}

/** Show a command line the way a shell would take it. */
function shellWord(a: string): string {
  return /^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`;
}

/** Assert that armvisor did what the reference did, step by step. */
export function assertSame(c: RealCase, got: Outcome, want: Outcome): void {
  c.steps.forEach((s, i) => {
    const what = `step ${i + 1} (${s.args.map(shellWord).join(' ')})`;
    const g = got.steps[i];
    const w = want.steps[i];
    assert.equal(g.stdout, w.stdout, `${what}: stdout differs; armvisor stderr:\n${g.stderr}`);
    if (c.stderr !== false) assert.equal(g.stderr, w.stderr, `${what}: stderr differs`);
    assert.equal(g.status, w.status, `${what}: exit status differs; armvisor stderr:\n${g.stderr}`);
  });
  assert.deepEqual(got.files, want.files, 'files written differ');
}

/**
 * Declare one node:test test per case: armvisor against the reference on the
 * standard fixture. A case with `todo` runs and reports but does not fail
 * the suite. Without the fetched software, every test skips with the reason.
 */
export function defineCases(
  testFn: (name: string, opts: { todo?: string }, fn: (t: TestContext) => void) => unknown,
  cases: RealCase[],
  runners: (sw: RealSoftware) => { armvisor: Runner; reference: Runner },
  base: () => string,
  fixture: (dir: string) => void,
): void {
  const names = new Set<string>();
  for (const c of cases) {
    if (names.has(c.name)) throw new Error(`duplicate case name: ${c.name}`);
    names.add(c.name);
    testFn(c.name, c.todo ? { todo: c.todo } : {}, (t) => {
      const f = realSoftware();
      if (!f.ok) {
        t.skip(f.reason);
        return;
      }
      const r = runners(f.sw);
      const got = runCase(c, r.armvisor, base(), fixture);
      const want = runCase(c, r.reference, base(), fixture);
      assertSame(c, got, want);
    });
  }
}
