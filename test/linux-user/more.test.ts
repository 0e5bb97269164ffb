/**
 * POSIX timers, memfd, flock, fallocate, syncfs, splice and tee
 * (src/linux-user/syscalls/more.ts, posix-timers.ts, memfd.ts): guest
 * programs of test/guest/more run under armvisor and qemu-aarch64 with the
 * same output. Their output avoids timing: counts are printed as conditions.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { guest, runBoth } from '../helpers/run-both.js';

function same(name: string): string {
  const { armvisor, qemu } = runBoth(guest('more', name));
  assert.equal(qemu.status, 0, qemu.stderr);
  assert.equal(armvisor.stdout, qemu.stdout);
  assert.equal(armvisor.status, 0, armvisor.stderr);
  return qemu.stdout;
}

test('POSIX timers signal with SI_TIMER and si_value, count overruns, honour SIGEV_THREAD_ID, SIGEV_NONE, TIMER_ABSTIME and reject bad arguments as qemu', () => {
  const out = same('ptimer');
  assert.match(out, /^one-shot: hits 1 value 1234 code SI_TIMER overrun 0$/m);
  assert.match(out, /^periodic blocked: hits 1 overrun>=5 1 /m);
  assert.match(out, /^abstime: hits 1 value 77$/m);
  assert.match(out, /^none: left in \(99,100\] 1 interval 2$/m);
  assert.match(out, /^bad nsec: -1 EINVAL$/m);
  // The last timer stays armed an hour ahead: the run must still end at exit.
  assert.match(out, /^far 0$/m);
});

test('POSIX timers are not inherited by fork and timer_getoverrun reports the last delivered overrun, 0 after settime', () => {
  const out = same('ptimer-fork');
  assert.equal(out, 'child gettime -1 EINVAL\noverrun >= 5 1, getoverrun matches 1, after settime 0\n');
});

test('memfd_create makes an in-memory regular file: read, write, lseek, ftruncate, fstat, mmap, fallocate, /proc/self/fd name', () => {
  const out = same('memfd');
  assert.match(out, /^link \/memfd:test-file \(deleted\)$/m);
  assert.match(out, /^size 10100$/m);
  assert.match(out, /^mmap 'hello' zero 0$/m);
});

test('memfd seals: F_ADD_SEALS/F_GET_SEALS and the writes and truncations they forbid', {}, () => {
  const out = same('memfd-seals');
  assert.match(out, /^content 'HELLO, memfd'$/m);
});

test('flock: shared and exclusive locks per open file description, LOCK_NB, conversion, release at close, a waiter in another process', () => {
  const out = same('flock');
  assert.match(out, /^other ex nb -1 EWOULDBLOCK$/m);
  assert.match(out, /^child nb -1 EWOULDBLOCK\nparent releases\nchild blocking 0\nchild exit 0$/m);
});

test('splice between files and pipes (offsets, SPLICE_F_NONBLOCK, EOF, errors) and tee copy as qemu', () => {
  const out = same('splice');
  assert.match(out, /^tee copy 11 '56789abc012'$/m);
  assert.match(out, /^pread 6 '56789a'$/m);
});

test("glibc's SIGEV_THREAD timers (a helper thread woken through SIGEV_THREAD_ID) call the notify function as under qemu", () => {
  const out = same('ptimer-thread');
  assert.equal(out, 'create 0\ndelete 0\ncalls>=3 1 value 4242\n');
});
