/**
 * Memory syscalls called directly (as an SVC would). Expected values are
 * Linux's (mm/mmap.c, mm/mprotect.c, mm/madvise.c); where qemu-aarch64 7.2
 * agrees they are also checked end to end by test/guest/user/mm.c.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeProcess, sys } from './fixture.js';
import { EBADF, EEXIST, EFAULT, EINVAL, ENOMEM, EPERM } from '../../src/linux-user/errno.js';
import { MMAP_BASE } from '../../src/linux-user/loader.js';

const PAGE = 4096;
const RW = 3;
const PRIV_ANON = 0x22;
const MAP_FIXED = 0x10;
const MAP_FIXED_NOREPLACE = 0x100000;

test('mmap of anonymous memory goes top-down below the mmap base and reads as zero', () => {
  const f = makeProcess();
  const a = sys(f.task, 'mmap', 0, 2 * PAGE, RW, PRIV_ANON, -1, 0);
  assert.equal(a, MMAP_BASE - 2 * PAGE);
  const b = sys(f.task, 'mmap', 0, PAGE, RW, PRIV_ANON, -1, 0);
  assert.equal(b, a - PAGE);
  assert.deepEqual([...f.mem.readBytes(a, 4)], [0, 0, 0, 0]);
});

test('mmap rejects a zero length, a missing map type and an unaligned offset with EINVAL', () => {
  const f = makeProcess();
  assert.equal(sys(f.task, 'mmap', 0, 0, RW, PRIV_ANON, -1, 0), -EINVAL);
  assert.equal(sys(f.task, 'mmap', 0, PAGE, RW, 0x20, -1, 0), -EINVAL);
  assert.equal(sys(f.task, 'mmap', 0, PAGE, RW, PRIV_ANON, -1, 1), -EINVAL);
});

test('mmap of a file needs an open descriptor (EBADF)', () => {
  const f = makeProcess();
  assert.equal(sys(f.task, 'mmap', 0, PAGE, 1, 0x02, 99, 0), -EBADF);
});

test('MAP_FIXED needs a page-aligned address and replaces what was there', () => {
  const f = makeProcess();
  const a = sys(f.task, 'mmap', 0, 3 * PAGE, RW, PRIV_ANON, -1, 0);
  f.mem.writeBytes(a, new Uint8Array(3 * PAGE).fill(7));
  assert.equal(sys(f.task, 'mmap', a + 1, PAGE, RW, PRIV_ANON | MAP_FIXED, -1, 0), -EINVAL);
  assert.equal(sys(f.task, 'mmap', a + PAGE, PAGE, RW, PRIV_ANON | MAP_FIXED, -1, 0), a + PAGE);
  assert.deepEqual([...f.mem.readBytes(a + PAGE - 1, 2)], [7, 0]);
  assert.equal(f.mem.readBytes(a + 2 * PAGE, 1)[0], 7);
});

test('MAP_FIXED below mmap_min_addr is EPERM', () => {
  const f = makeProcess();
  assert.equal(sys(f.task, 'mmap', 0x1000, PAGE, RW, PRIV_ANON | MAP_FIXED, -1, 0), -EPERM);
});

test('MAP_FIXED_NOREPLACE over an existing mapping is EEXIST, elsewhere it maps there', () => {
  const f = makeProcess();
  const a = sys(f.task, 'mmap', 0, 2 * PAGE, RW, PRIV_ANON, -1, 0);
  assert.equal(sys(f.task, 'mmap', a + PAGE, PAGE, RW, PRIV_ANON | MAP_FIXED_NOREPLACE, -1, 0), -EEXIST);
  assert.equal(sys(f.task, 'mmap', 0x10000000, PAGE, RW, PRIV_ANON | MAP_FIXED_NOREPLACE, -1, 0), 0x10000000);
});

test('a non-fixed mmap takes a free hint address as is', () => {
  const f = makeProcess();
  assert.equal(sys(f.task, 'mmap', 0x20000000, PAGE, RW, PRIV_ANON, -1, 0), 0x20000000);
});

test('munmap needs an aligned address and a length, and unmapping a hole is not an error', () => {
  const f = makeProcess();
  const a = sys(f.task, 'mmap', 0, 3 * PAGE, RW, PRIV_ANON, -1, 0);
  assert.equal(sys(f.task, 'munmap', a + 1, PAGE), -EINVAL);
  assert.equal(sys(f.task, 'munmap', a, 0), -EINVAL);
  assert.equal(sys(f.task, 'munmap', a + PAGE, PAGE), 0);
  assert.equal(sys(f.task, 'munmap', a + PAGE, PAGE), 0);
  assert.equal(f.mem.isMapped((a + PAGE) / PAGE), false);
  assert.equal(f.mem.isMapped(a / PAGE), true);
});

test('syscalls writing to unmapped or read-only memory fail with EFAULT and write nothing', () => {
  const f = makeProcess();
  const a = sys(f.task, 'mmap', 0, 2 * PAGE, RW, PRIV_ANON, -1, 0);
  assert.equal(sys(f.task, 'mprotect', a + PAGE, PAGE, 1), 0);
  // clock_gettime writes 16 bytes: straddling into the read-only page fails.
  assert.equal(sys(f.task, 'clock_gettime', 0, a + PAGE - 8), -EFAULT);
  assert.deepEqual([...f.mem.readBytes(a + PAGE - 8, 8)], [0, 0, 0, 0, 0, 0, 0, 0]);
  assert.equal(sys(f.task, 'clock_gettime', 0, 0x1000), -EFAULT);
});

test('mprotect over a hole is ENOMEM but changes the mapped run before the hole (as Linux)', () => {
  const f = makeProcess();
  const a = sys(f.task, 'mmap', 0, 3 * PAGE, RW, PRIV_ANON, -1, 0);
  sys(f.task, 'munmap', a + PAGE, PAGE);
  assert.equal(sys(f.task, 'mprotect', a, 3 * PAGE, 1), -ENOMEM);
  assert.equal(f.mem.protOf(a / PAGE), 1);
  assert.equal(f.mem.protOf(a / PAGE + 2), 3);
});

test('mprotect needs an aligned address; a zero length is a successful no-op', () => {
  const f = makeProcess();
  const a = sys(f.task, 'mmap', 0, PAGE, RW, PRIV_ANON, -1, 0);
  assert.equal(sys(f.task, 'mprotect', a + 1, PAGE, 1), -EINVAL);
  assert.equal(sys(f.task, 'mprotect', a, 0, 1), 0);
  assert.equal(sys(f.task, 'mprotect', 0x30000000, PAGE, 1), -ENOMEM);
});

test('PROT_WRITE implies PROT_READ (arm64 has no write-only pages)', () => {
  const f = makeProcess();
  const a = sys(f.task, 'mmap', 0, PAGE, 2, PRIV_ANON, -1, 0);
  assert.equal(f.mem.protOf(a / PAGE), 3);
});

test('madvise(MADV_DONTNEED) zeroes private anonymous pages; over a hole it is ENOMEM', () => {
  const f = makeProcess();
  const a = sys(f.task, 'mmap', 0, 2 * PAGE, RW, PRIV_ANON, -1, 0);
  f.mem.writeBytes(a, new Uint8Array(2 * PAGE).fill(9));
  assert.equal(sys(f.task, 'madvise', a, PAGE, 4), 0);
  assert.equal(f.mem.readBytes(a, 1)[0], 0);
  assert.equal(f.mem.readBytes(a + PAGE, 1)[0], 9);
  assert.equal(sys(f.task, 'madvise', a, 4 * PAGE, 4), -ENOMEM);
});

test('mremap grows in place when the next pages are free', () => {
  const f = makeProcess();
  const a = sys(f.task, 'mmap', 0x10000000, PAGE, RW, PRIV_ANON | MAP_FIXED, -1, 0);
  f.mem.writeBytes(a, new Uint8Array([5]));
  assert.equal(sys(f.task, 'mremap', a, PAGE, 2 * PAGE, 0, 0), a);
  assert.equal(f.mem.isMapped(a / PAGE + 1), true);
  assert.equal(f.mem.readBytes(a, 1)[0], 5);
});

test('mremap that cannot grow in place is ENOMEM, or moves the pages with MREMAP_MAYMOVE', () => {
  const f = makeProcess();
  const a = sys(f.task, 'mmap', 0x10000000, PAGE, RW, PRIV_ANON | MAP_FIXED, -1, 0);
  sys(f.task, 'mmap', 0x10001000, PAGE, RW, PRIV_ANON | MAP_FIXED, -1, 0);
  f.mem.writeBytes(a, new Uint8Array([5]));
  assert.equal(sys(f.task, 'mremap', a, PAGE, 2 * PAGE, 0, 0), -ENOMEM);
  const b = sys(f.task, 'mremap', a, PAGE, 2 * PAGE, 1, 0);
  assert.notEqual(b, a);
  assert.equal(f.mem.readBytes(b, 1)[0], 5);
  assert.equal(f.mem.isMapped(a / PAGE), false);
});

test('brk starts at the break, grows and shrinks, and ignores requests below the start', () => {
  const f = makeProcess();
  f.map.startBrk = f.map.brk = 0x500000;
  assert.equal(sys(f.task, 'brk', 0), 0x500000);
  assert.equal(sys(f.task, 'brk', 0x500af0), 0x500af0);
  assert.equal(f.mem.isMapped(0x500000 / PAGE), true);
  assert.equal(sys(f.task, 'brk', 0x503000), 0x503000);
  assert.equal(sys(f.task, 'brk', 0x501000), 0x501000);
  assert.equal(f.mem.isMapped(0x502000 / PAGE), false);
  assert.equal(sys(f.task, 'brk', 0x1000), 0x501000);
});

test('brk does not grow into another mapping', () => {
  const f = makeProcess();
  f.map.startBrk = f.map.brk = 0x500000;
  sys(f.task, 'mmap', 0x502000, PAGE, RW, PRIV_ANON | MAP_FIXED, -1, 0);
  assert.equal(sys(f.task, 'brk', 0x504000), 0x500000);
});
