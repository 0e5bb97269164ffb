/**
 * Time, identity, limits, randomness and signal-state syscalls called
 * directly. Expected values are Linux's (man 2 clock_gettime, uname,
 * prlimit, getrandom, rt_sigaction, rt_sigprocmask, sigaltstack, kill).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeProcess, sys, sysAsync, type Fixture } from './fixture.js';
import { deliverSignals } from '../../src/linux-user/delivery.js';
import { EFAULT, EINVAL, ENOMEM, ENOSYS } from '../../src/linux-user/errno.js';

const BUF = 0x10000000;

function withBuffer(): Fixture {
  const f = makeProcess();
  f.map.mapAnonymous(BUF, 0x10000, 3);
  return f;
}
const u64 = (f: Fixture, addr: number) => Number(new DataView(f.mem.readBytes(addr, 8).buffer).getBigUint64(0, true));
const str = (f: Fixture, addr: number) => new TextDecoder().decode(f.mem.readCString(addr)!);

test('clock_gettime(CLOCK_REALTIME) is the current time; an unknown clock is EINVAL', () => {
  const f = withBuffer();
  assert.equal(sys(f.task, 'clock_gettime', 0, BUF), 0);
  assert.ok(Math.abs(u64(f, BUF) - Date.now() / 1000) < 5);
  assert.ok(u64(f, BUF + 8) < 1e9);
  assert.equal(sys(f.task, 'clock_gettime', 99, BUF), -EINVAL);
});

test('CLOCK_MONOTONIC never goes back and the coarse clocks are supported', () => {
  const f = withBuffer();
  sys(f.task, 'clock_gettime', 1, BUF);
  const a = u64(f, BUF) * 1e9 + u64(f, BUF + 8);
  sys(f.task, 'clock_gettime', 1, BUF);
  const b = u64(f, BUF) * 1e9 + u64(f, BUF + 8);
  assert.ok(b >= a);
  for (const clk of [2, 3, 4, 5, 6, 7]) assert.equal(sys(f.task, 'clock_gettime', clk, BUF), 0, `clock ${clk}`);
});

test('CLOCK_REALTIME_COARSE truncates one reading of the clock to its 4 ms tick (a clock moving between readings cannot pull it below)', () => {
  const f = withBuffer();
  // A clock 1 us before a whole second that advances 3 us at every reading.
  let now = 1_700_000_000_999_999_000n;
  const clock = f.proc.host.clock;
  (f.proc as { host: typeof f.proc.host }).host = {
    ...f.proc.host,
    clock: { ...clock, realtimeNs: () => (now += 3_000n) },
  };
  assert.equal(sys(f.task, 'clock_gettime', 5, BUF), 0);
  assert.equal(u64(f, BUF), 1_700_000_001);
  assert.equal(u64(f, BUF + 8), 0);
});

test('nanosleep waits and rejects nanoseconds out of range', async () => {
  const f = withBuffer();
  const ts = new DataView(new ArrayBuffer(16));
  ts.setUint32(8, 20_000_000, true); // 20 ms
  f.mem.writeBytes(BUF, new Uint8Array(ts.buffer));
  const t0 = Date.now();
  assert.equal(await sysAsync(f.task, 'nanosleep', BUF, 0), 0);
  assert.ok(Date.now() - t0 >= 15);
  ts.setUint32(8, 1_000_000_000, true);
  f.mem.writeBytes(BUF, new Uint8Array(ts.buffer));
  assert.equal(await sysAsync(f.task, 'nanosleep', BUF, 0), -EINVAL);
});

test('uname says Linux on aarch64', () => {
  const f = withBuffer();
  assert.equal(sys(f.task, 'uname', BUF), 0);
  assert.equal(str(f, BUF), 'Linux');
  assert.equal(str(f, BUF + 4 * 65), 'aarch64');
});

test('getpid, gettid and set_tid_address agree on the one thread', () => {
  const f = withBuffer();
  const pid = sys(f.task, 'getpid');
  assert.equal(sys(f.task, 'gettid'), pid);
  assert.equal(sys(f.task, 'set_tid_address', BUF), pid);
});

test('set_robust_list accepts only the 24-byte head of arm64; rseq is ENOSYS without a diagnostic', () => {
  const f = withBuffer();
  assert.equal(sys(f.task, 'set_robust_list', BUF, 24), 0);
  assert.equal(sys(f.task, 'set_robust_list', BUF, 16), -EINVAL);
  assert.equal(sys(f.task, 'rseq', BUF, 32, 0, 0), -ENOSYS);
  assert.deepEqual(f.diagnostics, []);
});

test('prlimit64 reports RLIMIT_STACK as 8 MiB soft, unlimited hard, and keeps a lowered value', () => {
  const f = withBuffer();
  assert.equal(sys(f.task, 'prlimit64', 0, 3, 0, BUF), 0);
  assert.equal(u64(f, BUF), 8 << 20);
  assert.equal(u64(f, BUF + 8), 2 ** 64 - 1);
  const nl = new DataView(new ArrayBuffer(16));
  nl.setUint32(0, 1 << 20, true);
  nl.setUint32(8, 2 << 20, true);
  f.mem.writeBytes(BUF + 64, new Uint8Array(nl.buffer));
  assert.equal(sys(f.task, 'prlimit64', 0, 3, BUF + 64, 0), 0);
  assert.equal(sys(f.task, 'getrlimit', 3, BUF), 0);
  assert.equal(u64(f, BUF), 1 << 20);
  assert.equal(sys(f.task, 'prlimit64', 0, 99, 0, BUF), -EINVAL);
});

test('getrandom fills the buffer and returns its length', () => {
  const f = withBuffer();
  assert.equal(sys(f.task, 'getrandom', BUF, 64, 0), 64);
  assert.ok(f.mem.readBytes(BUF, 64).some((b) => b !== 0));
  assert.equal(sys(f.task, 'getrandom', BUF, 8, 0x100), -EINVAL);
  assert.equal(sys(f.task, 'getrandom', 0x1000, 8, 0), -EFAULT);
});

test('rt_sigaction records an action and returns the old one; SIGKILL cannot be caught', () => {
  const f = withBuffer();
  const act = new DataView(new ArrayBuffer(32));
  act.setUint32(0, 0x400123, true);
  act.setUint32(8, 0x04000000, true); // SA_RESTORER
  f.mem.writeBytes(BUF, new Uint8Array(act.buffer));
  assert.equal(sys(f.task, 'rt_sigaction', 10, BUF, 0, 8), 0);
  assert.equal(sys(f.task, 'rt_sigaction', 10, 0, BUF + 64, 8), 0);
  assert.deepEqual(f.mem.readBytes(BUF + 64, 32), f.mem.readBytes(BUF, 32));
  assert.equal(sys(f.task, 'rt_sigaction', 9, BUF, 0, 8), -EINVAL);
  assert.equal(sys(f.task, 'rt_sigaction', 10, BUF, 0, 16), -EINVAL);
});

test('rt_sigprocmask blocks, unblocks and sets the mask, never SIGKILL/SIGSTOP', () => {
  const f = withBuffer();
  const set = new DataView(new ArrayBuffer(8));
  set.setUint32(0, 0xffffffff, true);
  f.mem.writeBytes(BUF, new Uint8Array(set.buffer));
  assert.equal(sys(f.task, 'rt_sigprocmask', 0, BUF, BUF + 8, 8), 0);
  assert.equal(u64(f, BUF + 8), 0);
  assert.equal(sys(f.task, 'rt_sigprocmask', 2, 0, BUF + 8, 8), 0);
  assert.equal(u64(f, BUF + 8), (0xffffffff & ~((1 << 8) | (1 << 18))) >>> 0);
  assert.equal(sys(f.task, 'rt_sigprocmask', 7, BUF, 0, 8), -EINVAL);
});

test('sigaltstack reports a disabled stack first and rejects one below MINSIGSTKSZ', () => {
  const f = withBuffer();
  assert.equal(sys(f.task, 'sigaltstack', 0, BUF), 0);
  assert.equal(new DataView(f.mem.readBytes(BUF + 8, 4).buffer).getInt32(0, true), 2); // SS_DISABLE
  const ss = new DataView(new ArrayBuffer(24));
  ss.setUint32(0, BUF + 0x1000, true);
  ss.setUint32(16, 1024, true);
  f.mem.writeBytes(BUF + 64, new Uint8Array(ss.buffer));
  assert.equal(sys(f.task, 'sigaltstack', BUF + 64, 0), -ENOMEM);
});

test('kill of oneself with a default-fatal signal ends the process with that signal', () => {
  const f = withBuffer();
  assert.equal(sys(f.task, 'kill', f.proc.pid, 0), 0);
  assert.equal(f.proc.exitStatus, null);
  assert.equal(sys(f.task, 'tgkill', f.proc.pid, f.task.tid, 6), 0);
  // Pending until the return to user mode, where the run loop delivers it.
  assert.equal(f.proc.exitStatus, null);
  deliverSignals(f.task);
  assert.deepEqual(f.proc.exitStatus, { signal: 6, coreDump: true });
});

test('a blocked or ignored signal sent to oneself does not end the process', () => {
  const f = withBuffer();
  f.task.sigmaskLo = 1 << (15 - 1);
  sys(f.task, 'kill', f.proc.pid, 15);
  sys(f.task, 'kill', f.proc.pid, 17); // SIGCHLD: ignored by default
  assert.equal(f.proc.exitStatus, null);
});

test('an unknown syscall is ENOSYS with one diagnostic per number', () => {
  const f = withBuffer();
  f.task.cpu.x[16] = 500;
  for (let i = 0; i < 3; i++) assert.equal(sys(f.task, 'io_setup', 0, 0), -ENOSYS);
  assert.deepEqual(f.diagnostics, ['armvisor: unsupported syscall 0 (io_setup): returning -ENOSYS']);
});
