/**
 * Tiny hand-written programs (test/guest/user/*.S, ADD/SUB immediate and SVC
 * only) run under armvisor and qemu-aarch64: same output, same exit status.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { guest, runBoth } from '../helpers/run-both.js';

test('exit_group status reaches the shell (exit42)', () => {
  const { armvisor, qemu } = runBoth(guest('user', 'exit42'));
  assert.equal(qemu.status, 42);
  assert.equal(armvisor.status, qemu.status);
});

test('a static PIE runs like qemu runs it (exit42-pie)', () => {
  const { armvisor, qemu } = runBoth(guest('user', 'exit42-pie'));
  assert.equal(armvisor.status, qemu.status);
});

test('write to stdout (hello-asm)', () => {
  const { armvisor, qemu } = runBoth(guest('user', 'hello-asm'));
  assert.equal(qemu.stdout, 'hello, arm64!\n');
  assert.equal(armvisor.stdout, qemu.stdout);
  assert.equal(armvisor.status, 0);
  assert.equal(armvisor.stderr, '');
});

test('an unknown syscall returns -ENOSYS with one diagnostic line naming it', () => {
  const { armvisor, qemu } = runBoth(guest('user', 'enosys'));
  assert.equal(armvisor.status, qemu.status);
  assert.equal(armvisor.status, 38);
  assert.equal(armvisor.stderr, 'armvisor: unsupported syscall 999 (syscall_999): returning -ENOSYS\n');
});

test('mmap, read from stdin, write, munmap, then EFAULT from the unmapped page (mmap-echo)', () => {
  const input = 'some input\nover two lines\n';
  const { armvisor, qemu } = runBoth(guest('user', 'mmap-echo'), { input });
  assert.equal(qemu.stdout, input);
  assert.equal(armvisor.stdout, qemu.stdout);
  assert.equal(qemu.status, 100);
  assert.equal(armvisor.status, qemu.status);
});

test('-strace prints each syscall with decoded arguments and its result', () => {
  const { armvisor } = runBoth(guest('user', 'hello-asm'), { options: ['-strace'] });
  const lines = armvisor.stderr.trim().split('\n');
  assert.match(lines[0], /^\d+ write\(1,0x4000[0-9a-f]+,14\) = 14$/);
  assert.match(lines[1], /^\d+ exit_group\(0\)$/);
});
