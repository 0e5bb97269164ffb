/**
 * The Debian arm64 software the real-software tests run, fetched on first use
 * by scripts/fetch-debian-arm64.sh (idempotent, locked against parallel test
 * files). When the fetch is impossible here (not root, not Debian, offline),
 * every test that needs it skips with the script's message: never a silent pass.
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { REPO } from '../helpers/run-both.js';

export interface RealSoftware {
  /** The sysroot given to both emulators with -L. */
  sysroot: string;
  /** Debian's busybox-static for arm64 (unmodified). */
  busybox: string;
  /** The same busybox-static version built for the host: the reference for scripts that exec applets. */
  hostBusybox: string;
}

export type Fetched = { ok: true; sw: RealSoftware } | { ok: false; reason: string };

let cached: Fetched | undefined;

/** Fetch once per process; later calls return the first answer. */
export function realSoftware(): Fetched {
  if (cached) return cached;
  const r = spawnSync('bash', [resolve(REPO, 'scripts/fetch-debian-arm64.sh')], {
    cwd: REPO,
    encoding: 'utf8',
    timeout: 15 * 60_000,
  });
  if (r.error || r.status !== 0) {
    const msg = (r.stderr ?? '').trim().split('\n').slice(-4).join(' | ');
    cached = {
      ok: false,
      reason: `Debian arm64 software not available (scripts/fetch-debian-arm64.sh: ${r.error?.message ?? msg})`,
    };
  } else {
    const sysroot = resolve(REPO, 'build/sysroot-arm64');
    cached = {
      ok: true,
      sw: {
        sysroot,
        busybox: resolve(sysroot, 'bin/busybox'),
        hostBusybox: resolve(REPO, 'build/host-amd64/bin/busybox'),
      },
    };
  }
  return cached;
}
