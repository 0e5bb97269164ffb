/**
 * Static glibc programs (test/guest/user/*.c), one per syscall area, run
 * under armvisor and under qemu-aarch64: stdout and exit status must be the
 * same. Each program prints only what holds on any machine (booleans rather
 * than times or addresses).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { coreHwcaps } from '../../src/linux-user/hwcaps.js';
import { execFileSync } from 'node:child_process';
import { CLI, REPO, TEST_ENV, guest, runBoth, type RunSpec } from '../helpers/run-both.js';

function same(name: string, spec: RunSpec = {}) {
  const r = runBoth(guest('user', name), spec);
  assert.equal(r.armvisor.stdout, r.qemu.stdout, `stdout differs; armvisor stderr:\n${r.armvisor.stderr}`);
  assert.equal(r.armvisor.status, r.qemu.status, `status differs; armvisor stderr:\n${r.armvisor.stderr}`);
  return r;
}

test('argv, environment (-E/-U) and the auxiliary vector (args.c)', () => {
  const { hwcap, hwcap2 } = coreHwcaps();
  same('args', {
    args: [hwcap.toString(16), hwcap2.toString(16), 'two words', ''],
    options: ['-E', 'ARMVISOR_A=1,ARMVISOR_B=x=y', '-U', 'ARMVISOR_GONE'],
    env: { HOME: '/home/guest', ARMVISOR_GONE: 'yes' },
  });
});

test('the HWCAP bits armvisor claims are claimed by qemu -cpu max too (args.c)', () => {
  const { hwcap, hwcap2 } = coreHwcaps();
  const r = same('args', { args: [hwcap.toString(16), hwcap2.toString(16)] });
  const line = r.qemu.stdout.split('\n').find((l) => l.startsWith('AT_HWCAP & mask'))!;
  assert.equal(Number(line.split(' ').pop()), hwcap);
});

test('-0 sets argv[0] (args.c)', () => {
  const r = same('args', { options: ['-0', 'renamed'] });
  assert.match(r.armvisor.stdout, /argv\[0\] = "renamed"/);
});

test('files: open, read, write, lseek, fstat, dup, fcntl, stdio, directories, stdin (files.c)', () => {
  const input = 'first line\nsecond line\n';
  const a = mkdtempSync(join(tmpdir(), 'armvisor-files-'));
  const q = mkdtempSync(join(tmpdir(), 'armvisor-files-'));
  const av = runBoth(guest('user', 'files'), { args: [a], input }).armvisor;
  const qe = runBoth(guest('user', 'files'), { args: [q], input }).qemu;
  assert.equal(av.stdout, qe.stdout, av.stderr);
  assert.equal(av.status, qe.status);
  assert.match(av.stdout, /stdin: second line/);
});

test('memory: mmap, munmap, mprotect, madvise, mremap, brk (mm.c)', () => {
  same('mm');
});

test('clocks and sleeps (time.c)', () => {
  same('time');
});

test('identity, limits, getrandom, uname, signal state (proc.c)', () => {
  const r = same('proc');
  assert.equal(r.armvisor.status, 3);
});

for (const how of ['exit', 'return', 'abort', 'segv', 'ro', 'trap', 'kill', 'assert']) {
  test(`exit status when the program dies by ${how} (fatal.c)`, () => {
    same('fatal', { args: [how] });
  });
}

test('a fatal signal is reported in one line naming the signal, pc and address', () => {
  const r = same('fatal', { args: ['segv'] });
  assert.match(
    r.armvisor.stderr,
    /^armvisor: uncaught target signal 11 \(Segmentation fault\) at pc 0x[0-9a-f]+: write at 0x10 \(unmapped\)\n$/,
  );
});

test('writing to a pipe whose reader has gone ends the program with SIGPIPE (yes.c | head -1)', () => {
  const prog = guest('user', 'yes');
  const run = (cmd: string) =>
    execFileSync('bash', ['-c', `${cmd} ${prog} | head -1; echo "status \${PIPESTATUS[0]}"`], {
      env: TEST_ENV,
    }).toString();
  const qemu = run('qemu-aarch64');
  assert.equal(qemu, 'y\nstatus 141\n');
  assert.equal(run(`'${process.execPath}' '${CLI}' run`), qemu);
});

test('/proc/self/cmdline, maps and auxv describe the guest, not the emulator (procself.c)', () => {
  const r = same('procself', { args: ['one', 'two'] });
  assert.match(r.armvisor.stdout, /cmdline:.*procself one two \n/);
  assert.match(r.armvisor.stdout, /\[stack\]: 1, an r-xp line for the program: 1/);
});

test('a dynamically linked program runs with -L SYSROOT like under qemu -L (mm.c, dynamic)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'armvisor-dyn-'));
  const prog = join(dir, 'mm-dynamic');
  execFileSync('aarch64-linux-gnu-gcc', ['-O2', '-o', prog, join(REPO, 'test/guest/user/mm.c')]);
  const r = runBoth(prog, { options: ['-L', '/usr/aarch64-linux-gnu'] });
  assert.equal(r.armvisor.stdout, r.qemu.stdout, r.armvisor.stderr);
  assert.equal(r.armvisor.status, r.qemu.status);
  assert.match(r.armvisor.stdout, /brk below start returns current: 1/);
});

test('poll and select report stdin with input and stdout as ready (poll.c)', () => {
  const r = same('poll', { input: 'waiting\n' });
  assert.match(r.armvisor.stdout, /poll 3: stdin 0x1 stdout 0x4 negative 0 invalid 0x20/);
});
