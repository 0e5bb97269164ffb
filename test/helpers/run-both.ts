/**
 * Run a built guest program under armvisor and under qemu-aarch64 (the
 * reference) with the same arguments, input and environment, and report what
 * each did. Guest programs are built by scripts/build-guests.sh into
 * build/guest/<folder>/<name>.
 *
 *   const { armvisor, qemu } = runBoth(guest('user', 'hello-asm'));
 *   assert.equal(armvisor.stdout, qemu.stdout);
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { constants } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (this file runs from dist/test/helpers). */
export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
/** The compiled command (package.json's bin). */
export const CLI = resolve(REPO, 'dist/src/cli/main.js');

export interface RunOutcome {
  stdout: string;
  stderr: string;
  /** Exit status as a shell sees it: the code, or 128 + signal number. */
  status: number;
}

export interface RunSpec {
  args?: string[];
  input?: string | Uint8Array;
  /** The whole environment of the run (default: a small fixed one, the same for both). */
  env?: NodeJS.ProcessEnv;
  /** Emulator options placed before the program (e.g. ['-E', 'X=1']); given to both. */
  options?: string[];
  cwd?: string;
  timeoutMs?: number;
}

/** Path of a built guest program; throws with the fix when it was not built. */
export function guest(folder: string, name: string): string {
  const p = resolve(REPO, 'build/guest', folder, name);
  if (!existsSync(p)) throw new Error(`${p} is missing: run scripts/build-guests.sh`);
  return p;
}

/** A fixed environment, so both runs see the same one. */
export const TEST_ENV: NodeJS.ProcessEnv = { PATH: '/usr/bin:/bin', LANG: 'C', HOME: '/root', TERM: 'dumb' };

function outcome(r: ReturnType<typeof spawnSync>): RunOutcome {
  if (r.error) throw r.error;
  const sig = r.signal ? (constants.signals as Record<string, number>)[r.signal] : undefined;
  return {
    stdout: r.stdout.toString(),
    stderr: r.stderr.toString(),
    status: sig !== undefined ? 128 + sig : (r.status ?? -1),
  };
}

export function runArmvisor(program: string, spec: RunSpec = {}): RunOutcome {
  return outcome(
    spawnSync(process.execPath, [CLI, 'run', ...(spec.options ?? []), program, ...(spec.args ?? [])], {
      input: spec.input,
      env: spec.env ?? TEST_ENV,
      cwd: spec.cwd,
      timeout: spec.timeoutMs ?? 120_000,
      maxBuffer: 64 << 20,
    }),
  );
}

export function runQemu(program: string, spec: RunSpec = {}): RunOutcome {
  return outcome(
    spawnSync('qemu-aarch64', [...(spec.options ?? []), program, ...(spec.args ?? [])], {
      input: spec.input,
      env: spec.env ?? TEST_ENV,
      cwd: spec.cwd,
      timeout: spec.timeoutMs ?? 120_000,
      maxBuffer: 64 << 20,
    }),
  );
}

export function runBoth(program: string, spec: RunSpec = {}): { armvisor: RunOutcome; qemu: RunOutcome } {
  return { armvisor: runArmvisor(program, spec), qemu: runQemu(program, spec) };
}
