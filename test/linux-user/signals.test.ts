/**
 * Signal delivery: guest programs (test/guest/signals/*.c) run under armvisor
 * and under qemu-aarch64 with the same stdout and exit status, plus the frame
 * layout and the places where Linux and qemu-aarch64 7.2 differ, pinned to
 * Linux's behaviour.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { guest, runArmvisor, runBoth, runQemu, type RunSpec } from '../helpers/run-both.js';
import { makeProcess, sys } from './fixture.js';
import { deliverSignals, hasDeliverable } from '../../src/linux-user/delivery.js';

function same(name: string, spec: RunSpec = {}) {
  const r = runBoth(guest('signals', name), spec);
  assert.equal(r.armvisor.stdout, r.qemu.stdout, `stdout differs; armvisor stderr:\n${r.armvisor.stderr}`);
  assert.equal(r.armvisor.status, r.qemu.status, `status differs; armvisor stderr:\n${r.armvisor.stderr}`);
  return r;
}

test('SA_SIGINFO handlers see si_code/si_pid/si_value; masks, nesting, pending, queued RT signals, sigtimedwait (handlers.c)', () => {
  const r = same('handlers');
  assert.match(r.armvisor.stdout, /nested: 10 12 110\n/);
  assert.match(r.armvisor.stdout, /queued \(1000 = SIGRTMIN\): 1001 1001 1001 1000 1000 1000 10\n/);
});

test('SIGSEGV/SIGILL/SIGTRAP with si_code and si_addr, siglongjmp recovery, a handler that moves the saved pc (faults.c)', () => {
  const r = same('faults');
  assert.match(r.armvisor.stdout, /unmapped write: sig 11 code 1 addr 0x10 fault_address ok 1\n/);
  assert.match(r.armvisor.stdout, /read-only write: sig 11 code 2 addr ok 1\n/);
  assert.match(r.armvisor.stdout, /brk: sig 5 code 1 addr-label 0\n/);
  assert.match(r.armvisor.stdout, /misaligned ldaxr: sig 7 code 1 offset 3\n/);
  assert.match(r.armvisor.stdout, /skipped: sig 11 code 1 x19 777 pc-label 0 x20 4242\n/);
});

test('sigaltstack and SA_ONSTACK: the handler runs on the alternate stack, a stack overflow is caught there (altstack.c)', () => {
  const r = same('altstack');
  assert.match(r.armvisor.stdout, /SA_ONSTACK: on alt stack 1, ss_flags inside 1, EPERM changing it 1/);
  assert.match(r.armvisor.stdout, /overflow caught: sig 11 on alt stack 1/);
});

test('SS_AUTODISARM disarms the stack inside the handler and uc_stack brings it back (autodisarm.c, Linux values)', () => {
  // qemu-aarch64 7.2 rejects SS_AUTODISARM; these are Linux's answers.
  const r = runArmvisor(guest('signals', 'autodisarm'));
  assert.equal(
    r.stdout,
    'on alt stack 1, ss_flags inside 2, uc_stack.ss_flags 0x80000000\nafter: flags 0x80000000 size 65536\n',
  );
});

test('V registers, FPCR, FPSR and NZCV survive a handler that clobbers them; edits to the FPSIMD record take effect (fpsimd.c)', () => {
  // qemu's default CPU has SVE and then restores from the SVE record; without SVE it is the Linux frame armvisor builds.
  const prog = guest('signals', 'fpsimd');
  const a = runArmvisor(prog);
  const q = runQemu(prog, { options: ['-cpu', 'max,sve=off'] });
  assert.equal(a.stdout, q.stdout, a.stderr);
  assert.equal(a.status, q.status);
  assert.equal(
    a.stdout,
    'record: magic and terminator 1, size 1\nV registers preserved: 1\nfpcr 0xc00000 fpsr 0x10 nzcv 0x90000000\n' +
      'edited: v7 byte 0x5a, others preserved 1, fpsr 0x11 nzcv 0x20000000\n',
  );
});

test('alarm, setitimer, pause, sigsuspend, nanosleep interrupted with the time left, sigtimedwait of SIGALRM (timers.c)', () => {
  const r = same('timers');
  assert.match(r.armvisor.stdout, /nanosleep: -1 errno 4 ticks 2 rem plausible 1\n/);
});

test('a handler without SA_RESTORER returns through the sigreturn trampoline (norestorer.c)', () => {
  const r = same('norestorer');
  assert.match(r.armvisor.stdout, /hits 30, returned through a trampoline outside the program 1\n/);
});

for (const how of [
  'abort',
  'abort-handled',
  'term',
  'usr1',
  'kill',
  'quit',
  'segv-blocked',
  'segv-ignored',
  'segv-handler-returns-twice',
  'pending-at-unblock',
  'exit-in-handler',
  'stop-ignored',
  'trap',
]) {
  test(`default action and exit status: ${how} (deaths.c)`, () => {
    same('deaths', { args: [how] });
  });
}

test('abort() is 134 and kill(getpid(), SIGTERM) is 143', () => {
  assert.equal(runArmvisor(guest('signals', 'deaths'), { args: ['abort'] }).status, 134);
  assert.equal(runArmvisor(guest('signals', 'deaths'), { args: ['term'] }).status, 143);
});

test('a real-time signal with the default action ends the process with 128+n (SIGRTMIN+2 = 36: 164)', () => {
  // qemu-aarch64 maps guest real-time signals to other host numbers (it reports 166); Linux reports 164.
  assert.equal(runArmvisor(guest('signals', 'deaths'), { args: ['rt'] }).status, 164);
});

// ---- the frame itself, built in an empty process

const STACK = 0x20000000;

function frameFixture() {
  const f = makeProcess();
  f.map.mapAnonymous(STACK - 0x10000, 0x10000, 3);
  const cpu = f.task.cpu;
  for (let r = 0; r < 31; r++) cpu.setX(r, BigInt(r * 0x101));
  cpu.setX(31, BigInt(STACK - 8)); // deliberately not 16-aligned
  cpu.pc = 0x400100n;
  cpu.nzcv = 0x60000000;
  cpu.fpsr = 0x8000010;
  cpu.fpcr = 0x400000;
  for (let i = 0; i < 512; i++) cpu.v8[i] = i & 0xff;
  // rt_sigaction(SIGUSR1, {handler 0x400800, SA_SIGINFO|SA_RESTORER, restorer 0x400900, mask {SIGHUP}})
  const act = new DataView(new ArrayBuffer(32));
  act.setUint32(0, 0x400800, true);
  act.setUint32(8, 0x04000004, true);
  act.setUint32(16, 0x400900, true);
  act.setUint32(24, 1, true);
  f.mem.writeBytes(STACK - 0x1000, new Uint8Array(act.buffer));
  const saved = cpu.x.slice();
  assert.equal(sys(f.task, 'rt_sigaction', 10, STACK - 0x1000, 0, 8), 0);
  cpu.x.set(saved);
  return f;
}

test('the rt_sigframe: 16-byte aligned below the frame record, x0/x1/x2/x29/x30/pc set, mask extended', () => {
  const f = frameFixture();
  const cpu = f.task.cpu;
  const saved = cpu.x.slice();
  assert.equal(sys(f.task, 'tgkill', f.proc.pid, f.task.tid, 10), 0);
  cpu.x.set(saved);
  assert.ok(hasDeliverable(f.task));
  deliverSignals(f.task);
  const record = STACK - 32; // (sp - 16) rounded down to 16
  const frame = record - 4688;
  assert.equal(cpu.getX(31), BigInt(frame));
  assert.equal(cpu.getX(0), 10n);
  assert.equal(cpu.getX(1), BigInt(frame));
  assert.equal(cpu.getX(2), BigInt(frame + 128));
  assert.equal(cpu.getX(29), BigInt(record));
  assert.equal(cpu.getX(30), 0x400900n);
  assert.equal(cpu.pc, 0x400800n);
  assert.equal(f.task.sigmaskLo, (1 << 9) | 1); // SIGUSR1 and SIGHUP
  const dv = new DataView(f.mem.readBytes(frame, 4688 + 16).buffer);
  assert.equal(dv.getInt32(0, true), 10); // si_signo
  assert.equal(dv.getInt32(8, true), -6); // SI_TKILL
  assert.equal(dv.getBigUint64(304 + 8 + 8 * 7, true), 7n * 0x101n); // regs[7]
  assert.equal(dv.getBigUint64(304 + 256, true), BigInt(STACK - 8)); // sp
  assert.equal(dv.getBigUint64(304 + 264, true), 0x400100n); // pc
  assert.equal(dv.getBigUint64(304 + 272, true), 0x60000000n); // pstate
  assert.equal(dv.getUint32(592, true), 0x46508001);
  assert.equal(dv.getUint32(596, true), 528);
  assert.equal(dv.getUint32(600, true), 0x8000010);
  assert.equal(dv.getUint32(604, true), 0x400000);
  assert.equal(dv.getUint8(608 + 16 * 3 + 5), 53);
  assert.equal(dv.getBigUint64(1120, true), 0n); // terminator
  assert.equal(dv.getBigUint64(4688, true), 29n * 0x101n); // frame record: x29, x30
  assert.equal(dv.getBigUint64(4696, true), 30n * 0x101n);
});

test('rt_sigreturn restores registers, flags, FP state and the mask from the frame', () => {
  const f = frameFixture();
  const cpu = f.task.cpu;
  const saved = cpu.x.slice();
  sys(f.task, 'tgkill', f.proc.pid, f.task.tid, 10);
  cpu.x.set(saved);
  deliverSignals(f.task);
  // The handler clobbers state, then returns through rt_sigreturn.
  cpu.nzcv = 0;
  cpu.fpsr = 0;
  cpu.v8.fill(0xee);
  for (let r = 0; r < 31; r++) cpu.setX(r, 0n);
  cpu.exclValid = 1;
  assert.equal(sys(f.task, 'rt_sigreturn'), 0);
  assert.equal(cpu.getX(7), 7n * 0x101n);
  assert.equal(cpu.getX(0), 0n);
  assert.equal(cpu.getX(31), BigInt(STACK - 8));
  assert.equal(cpu.pc, 0x400100n);
  assert.equal(cpu.nzcv, 0x60000000);
  assert.equal(cpu.fpsr, 0x8000010);
  assert.equal(cpu.v8[100], 100);
  assert.equal(f.task.sigmaskLo, 0);
  assert.equal(cpu.exclValid, 0);
});

test('rt_sigreturn with a corrupt frame is a SIGSEGV', () => {
  const f = frameFixture();
  f.task.cpu.setX(31, BigInt(STACK - 0x2000));
  sys(f.task, 'rt_sigreturn');
  assert.ok(hasDeliverable(f.task));
  deliverSignals(f.task);
  assert.deepEqual(f.proc.exitStatus, { signal: 11, coreDump: true });
});

test('a syscall that returned -ERESTARTSYS restarts under SA_RESTART and is EINTR without it', () => {
  for (const [flags, expectRestart] of [
    [0x14000004, true],
    [0x04000004, false],
  ] as const) {
    const f = frameFixture();
    const cpu = f.task.cpu;
    const act = new DataView(f.proc.sigactions[10].buffer);
    act.setUint32(8, flags, true);
    f.task.pendingLo = 1 << 9;
    f.task.pendingInfo[10].push(new Uint8Array(128));
    f.task.origX0Lo = 3;
    f.task.origX0Hi = 0;
    cpu.setX(0, -512n);
    f.task.syscallReturn = true;
    deliverSignals(f.task);
    // The frame holds the result the handler returns to.
    const frame = Number(cpu.getX(31));
    const dv = new DataView(f.mem.readBytes(frame + 304, 288).buffer);
    assert.equal(dv.getBigInt64(8, true), expectRestart ? 3n : -4n, 'saved x0');
    assert.equal(dv.getBigUint64(264, true), expectRestart ? 0x4000fcn : 0x400100n, 'saved pc');
  }
});

test('without a handler to run, -ERESTARTNOHAND restarts the call', () => {
  const f = frameFixture();
  const cpu = f.task.cpu;
  f.task.origX0Lo = 5;
  cpu.setX(0, -514n);
  f.task.syscallReturn = true;
  deliverSignals(f.task);
  assert.equal(cpu.getX(0), 5n);
  assert.equal(cpu.pc, 0x4000fcn);
});
