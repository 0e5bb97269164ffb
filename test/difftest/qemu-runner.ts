/**
 * Runs cases under qemu-aarch64 in the harness (test/guest/difftest/harness.c):
 * thousands of cases per qemu process, several processes in parallel.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { decodeResults, encodeCase, type CaseResult, type TestCase } from './case-format.js';

/** The repository root (this file runs from dist/test/difftest/). */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const HARNESS_SRC = path.join(REPO_ROOT, 'test/guest/difftest/harness.c');
export const HARNESS_BIN = path.join(REPO_ROOT, 'build/guest/difftest/harness');
/** SVE/SME off: we must never generate them, and their signal records would change the frame. */
export const DEFAULT_QEMU_CPU = 'max,sve=off,sme=off,pauth=off';

/** Build the harness with scripts/build-guests.sh when it is missing or older than its source. */
export function ensureHarness(): string {
  const stale = !existsSync(HARNESS_BIN) || statSync(HARNESS_BIN).mtimeMs < statSync(HARNESS_SRC).mtimeMs;
  if (stale) {
    const r = spawnSync('bash', [path.join(REPO_ROOT, 'scripts/build-guests.sh')], {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    if (r.status !== 0 || !existsSync(HARNESS_BIN))
      throw new Error('difftest: building the harness failed (scripts/build-guests.sh)');
  }
  return HARNESS_BIN;
}

export interface QemuOptions {
  /** qemu -cpu value */
  cpu?: string;
  /** parallel qemu processes */
  jobs?: number;
  /** cases per qemu process at most */
  batch?: number;
  /** kill a qemu process that runs longer than this (ms) */
  timeoutMs?: number;
}

/** Run one batch in one qemu process. */
function runBatch(cases: TestCase[], cpu: string, timeoutMs: number): Promise<CaseResult[]> {
  return new Promise((resolve, reject) => {
    const child = spawn('qemu-aarch64', ['-cpu', cpu, HARNESS_BIN], { stdio: ['pipe', 'pipe', 'pipe'] });
    const chunks: Buffer[] = [];
    let stderr = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.stdout.on('data', (b: Buffer) => chunks.push(b));
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(new Error(`difftest: cannot run qemu-aarch64: ${e.message}`));
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const out = new Uint8Array(Buffer.concat(chunks));
      let results: CaseResult[];
      try {
        results = decodeResults(out).results;
      } catch (e) {
        reject(e);
        return;
      }
      if (results.length !== cases.length || code !== 0) {
        const at = results.length;
        const what =
          at < cases.length ? `case ${cases[at].insns.map((w) => w.toString(16).padStart(8, '0')).join(' ')}` : '';
        reject(
          new Error(
            `difftest: harness stopped after ${at} of ${cases.length} results (exit ${code ?? signal}) ${what}\n${stderr}`,
          ),
        );
        return;
      }
      resolve(results);
    });
    child.stdin.on('error', () => {
      /* reported by close */
    });
    // Encode lazily in slices so memory stays small and the pipe keeps flowing.
    let i = 0;
    const pump = (): void => {
      while (i < cases.length) {
        const ok = child.stdin.write(encodeCase(cases[i++]));
        if (!ok) {
          child.stdin.once('drain', pump);
          return;
        }
      }
      child.stdin.end();
    };
    pump();
  });
}

/** Run every case under qemu; results are in case order. */
export async function runOnQemu(cases: TestCase[], opts: QemuOptions = {}): Promise<CaseResult[]> {
  ensureHarness();
  const cpu = opts.cpu ?? DEFAULT_QEMU_CPU;
  const jobs = Math.max(1, opts.jobs ?? 2);
  const per = Math.max(1, Math.min(opts.batch ?? 5000, Math.ceil(cases.length / jobs)));
  const batches: TestCase[][] = [];
  for (let i = 0; i < cases.length; i += per) batches.push(cases.slice(i, i + per));
  const out: CaseResult[][] = new Array(batches.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < batches.length) {
      const k = next++;
      out[k] = await runBatch(batches[k], cpu, opts.timeoutMs ?? 600_000);
    }
  };
  await Promise.all(Array.from({ length: Math.min(jobs, batches.length) }, worker));
  return out.flat();
}
