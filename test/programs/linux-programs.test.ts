/**
 * Our own C programs for issue 3 (test/guest/linux: threads, signals with
 * threads and processes, memory shared across fork, fork/exec/wait, pipes,
 * poll/epoll/eventfd, sockets over loopback), one case per test, run under
 * armvisor and under a reference: stdout and exit status must be identical,
 * and armvisor must print no diagnostics.
 *
 * The reference is qemu-aarch64, except for the programs that exec another
 * arm64 program (exec.c): qemu-aarch64 without binfmt_misc cannot do that
 * (its execve fails with ENOEXEC), so their reference is the same source
 * built for this host with gcc and run natively, with the host build of the
 * program it execs. Every case's output was checked to be identical under
 * qemu-aarch64 and natively where both can run it.
 *
 * Cases that fail today (a missing feature or a bug) are `todo` with the reason
 * (node:test runs and reports them without failing the suite); remove the
 * todo when one starts passing.
 */
import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { constants, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { REPO, TEST_ENV, guest, runArmvisor, runQemu, type RunOutcome } from '../helpers/run-both.js';
import { realSoftware } from '../real/sysroot.js';

interface Case {
  /** Program in test/guest/linux (without .c). */
  prog: string;
  /** The case name, argv[1]. */
  name: string;
  /** More arguments: `{show}` is the show program's path, `{dir}` a fresh empty folder. */
  args?: string[];
  /** 'native' for programs that exec arm64 programs (see above). */
  reference?: 'qemu' | 'native';
  /**
   * Run armvisor with -L and the Debian arm64 sysroot of the real-software
   * tests (for /bin/sh: its dash; the native reference uses the host's dash).
   */
  sysroot?: boolean;
  todo?: string;
  /** armvisor must finish within this time (wall clock). */
  withinMs?: number;
  /**
   * Diagnostics armvisor may print in this case: lines about requests it
   * answers as Linux does (e.g. ENOPROTOOPT for an option Linux lacks too).
   */
  diagnostics?: RegExp;
}

// Reasons, as found by running each case under armvisor (-strace) today.

const CASES: Case[] = [
  // threads.c
  { prog: 'threads', name: 'mutex' },
  { prog: 'threads', name: 'atomics' },
  { prog: 'threads', name: 'condvar' },
  { prog: 'threads', name: 'tls' },
  { prog: 'threads', name: 'once' },
  { prog: 'threads', name: 'barrier' },
  { prog: 'threads', name: 'detached' },
  { prog: 'threads', name: 'cancel' },
  { prog: 'threads', name: 'ids' },
  // thread-exit.c
  { prog: 'thread-exit', name: 'exit' },
  { prog: 'thread-exit', name: '_exit' },
  { prog: 'thread-exit', name: 'return' },
  { prog: 'thread-exit', name: 'pthread_exit' },
  // sigs.c
  { prog: 'sigs', name: 'pthread-kill' },
  { prog: 'sigs', name: 'sigwait' },
  { prog: 'sigs', name: 'sigtimedwait' },
  { prog: 'sigs', name: 'nested' },
  { prog: 'sigs', name: 'segv-loop' },
  { prog: 'sigs', name: 'sigchld' },
  // mem.c
  { prog: 'mem', name: 'mprotect-retry' },
  { prog: 'mem', name: 'shared-fork' },
  { prog: 'mem', name: 'fork-cow' },
  { prog: 'mem', name: 'shared-mutex' },
  // procs.c
  { prog: 'procs', name: 'exit-codes' },
  { prog: 'procs', name: 'killed' },
  { prog: 'procs', name: 'echild' },
  { prog: 'procs', name: 'waitid' },
  { prog: 'procs', name: 'pipe-both' },
  { prog: 'procs', name: 'dup2' },
  { prog: 'procs', name: 'many', withinMs: 20_000 },
  { prog: 'procs', name: 'pgroup' },
  // exec.c (reference: native)
  { prog: 'exec', name: 'execve-other', args: ['{show}'], reference: 'native' },
  { prog: 'exec', name: 'self-exe', reference: 'native' },
  { prog: 'exec', name: 'fork-exec', args: ['{show}'], reference: 'native' },
  { prog: 'exec', name: 'cloexec', args: ['{show}'], reference: 'native' },
  { prog: 'exec', name: 'script', args: ['{show}', '{dir}'], reference: 'native' },
  { prog: 'exec', name: 'posix-spawn', args: ['{show}'], reference: 'native' },
  { prog: 'exec', name: 'exec-thread', args: ['{show}'], reference: 'native' },
  { prog: 'exec', name: 'system', reference: 'native', sysroot: true },
  // pipes.c
  { prog: 'pipes', name: 'flags' },
  { prog: 'pipes', name: 'eof' },
  { prog: 'pipes', name: 'sigpipe' },
  { prog: 'pipes', name: 'big' },
  { prog: 'pipes', name: 'poll' },
  { prog: 'pipes', name: 'epoll' },
  { prog: 'pipes', name: 'eventfd' },
  // sockets.c
  { prog: 'sockets', name: 'tcp' },
  { prog: 'sockets', name: 'udp' },
  { prog: 'sockets', name: 'unix-stream', args: ['{dir}'] },
  { prog: 'sockets', name: 'socketpair' },
  {
    prog: 'sockets',
    name: 'options',
    // An option number and a protocol Linux rejects too.
    diagnostics:
      /^armvisor: (setsockopt: SOL_SOCKET option 12345|socket: protocol 17 for SOCK_STREAM) is not supported: returning -E[A-Z]+$/,
  },
  { prog: 'sockets', name: 'nonblock-connect' },
  { prog: 'sockets', name: 'ipv6' },
  { prog: 'sockets', name: 'scm-rights' },
];

const TIMEOUT_MS = 30_000;
const SRC = resolve(REPO, 'test/guest/linux');
const NATIVE = resolve(REPO, 'build/guest-native/linux');

/**
 * The host build of one program (gcc, same source), rebuilt when a source is
 * newer; undefined with the reason when there is no host compiler.
 */
function nativeBuild(prog: string): { path?: string; reason?: string } {
  const out = join(NATIVE, prog);
  const src = join(SRC, `${prog}.c`);
  const newest = Math.max(statSync(src).mtimeMs, statSync(join(SRC, 'common.h')).mtimeMs);
  if (existsSync(out) && statSync(out).mtimeMs >= newest) return { path: out };
  mkdirSync(NATIVE, { recursive: true });
  const r = spawnSync('gcc', ['-O2', '-pthread', '-Wall', '-o', out, src], { encoding: 'utf8' });
  if (r.error) return { reason: `no host compiler for the native reference (gcc: ${r.error.message})` };
  if (r.status !== 0) throw new Error(`gcc ${prog}.c failed:\n${r.stderr}`);
  return { path: out };
}

function runNative(program: string, args: string[]): RunOutcome {
  const r = spawnSync(program, args, { env: TEST_ENV, timeout: TIMEOUT_MS, maxBuffer: 64 << 20 });
  if (r.error) throw r.error;
  const sig = r.signal ? (constants.signals as Record<string, number>)[r.signal] : undefined;
  return {
    stdout: r.stdout.toString(),
    stderr: r.stderr.toString(),
    status: sig !== undefined ? 128 + sig : (r.status ?? -1),
  };
}

/** `{show}` and `{dir}` in a case's arguments, for one run. */
function expand(args: string[], show: string, dir: string): string[] {
  return args.map((a) => a.replace('{show}', show).replace('{dir}', dir));
}

/**
 * armvisor's stderr without the one-line reports of fatal signals (children
 * killed on purpose print them) and the lines the case allows.
 */
function diagnostics(stderr: string, allowed?: RegExp): string {
  return stderr
    .split('\n')
    .filter((l) => l !== '' && !/^armvisor: uncaught target signal /.test(l) && !allowed?.test(l))
    .join('\n');
}

function runCase(c: Case, t: TestContext): void {
  const dir = mkdtempSync(join(tmpdir(), `armvisor-linux-${c.prog}-`));
  try {
    let want: RunOutcome;
    const extra = c.args ?? [];
    const options: string[] = [];
    if (c.sysroot) {
      const f = realSoftware();
      if (!f.ok) {
        t.skip(f.reason);
        return;
      }
      options.push('-L', f.sw.sysroot);
    }
    if (c.reference === 'native') {
      const prog = nativeBuild(c.prog);
      const show = nativeBuild('show');
      if (!prog.path || !show.path) {
        t.skip(prog.reason ?? show.reason);
        return;
      }
      want = runNative(prog.path, [c.name, ...expand(extra, show.path, dir)]);
    } else {
      want = runQemu(guest('linux', c.prog), { args: [c.name, ...expand(extra, '', dir)], timeoutMs: TIMEOUT_MS });
    }
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir);
    const started = Date.now();
    const got = runArmvisor(guest('linux', c.prog), {
      args: [c.name, ...expand(extra, guest('linux', 'show'), dir)],
      options,
      timeoutMs: TIMEOUT_MS,
    });
    const took = Date.now() - started;
    assert.equal(got.stdout, want.stdout, `stdout differs; armvisor stderr:\n${got.stderr}`);
    assert.equal(got.status, want.status, `exit status differs; armvisor stderr:\n${got.stderr}`);
    assert.equal(diagnostics(got.stderr, c.diagnostics), '', 'armvisor printed diagnostics');
    if (c.withinMs !== undefined) assert.ok(took < c.withinMs, `armvisor took ${took} ms, more than ${c.withinMs} ms`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

for (const c of CASES) {
  const ref = c.reference === 'native' ? 'natively' : 'under qemu-aarch64';
  test(`${c.prog}.c ${c.name}: same output and status as ${ref}`, c.todo ? { todo: c.todo } : {}, (t) => runCase(c, t));
}
