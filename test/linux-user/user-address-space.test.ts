/**
 * The user address space's page table, in particular large mappings kept as
 * lazy ranges (no per-page entry until a page is used).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Access, FaultKind } from '../../src/memory/address-space.js';
import { UserAddressSpace, PROT_READ, PROT_WRITE } from '../../src/memory/user-address-space.js';
import { makeProcess, sys } from './fixture.js';

const GiB_PAGES = 262144;
const at = (page: number): [number, number] => {
  const addr = page * 4096;
  return [(addr % 2 ** 32) | 0, Math.floor(addr / 2 ** 32)];
};

test('a 64 GiB mapping costs no page entries until pages are touched', () => {
  const m = new UserAddressSpace();
  const first = 0x100000;
  const t0 = Date.now();
  m.mapAnonymous(first, 64 * GiB_PAGES, PROT_READ | PROT_WRITE);
  assert.ok(Date.now() - t0 < 100);
  assert.equal(m.pages.size, 0);
  assert.equal(m.isMapped(first + 5 * GiB_PAGES), true);
  assert.ok(m.translate(...at(first + 5 * GiB_PAGES), Access.Write) >= 0);
  assert.equal(m.pages.size, 1);
  assert.equal(
    m.readBytes((first + 7 * GiB_PAGES) * 4096, 4).every((b) => b === 0),
    true,
  );
});

test('unmapping the middle of a large mapping leaves both sides mapped', () => {
  const m = new UserAddressSpace();
  m.mapAnonymous(0x100000, GiB_PAGES, PROT_READ);
  m.unmap(0x100000 + 1000, 10);
  assert.equal(m.isMapped(0x100000 + 999), true);
  assert.equal(m.isMapped(0x100000 + 1005), false);
  assert.equal(m.isMapped(0x100000 + 1010), true);
  assert.equal(m.translate(...at(0x100000 + 1005), Access.Read), FaultKind.Unmapped);
});

test('protecting part of a large mapping changes only that part', () => {
  const m = new UserAddressSpace();
  m.mapAnonymous(0x100000, GiB_PAGES, 0);
  assert.equal(m.translate(...at(0x100010), Access.Read), FaultKind.Permission);
  assert.equal(m.protect(0x100000 + 16, 16, PROT_READ | PROT_WRITE), true);
  assert.ok(m.translate(...at(0x100010), Access.Write) >= 0);
  assert.equal(m.translate(...at(0x100020), Access.Read), FaultKind.Permission);
  assert.equal(m.protect(0x0ff000, 0x2000, PROT_READ), false);
});

test('mmap of 16 GiB PROT_NONE then mprotect of a window, as allocators reserve address space', () => {
  const f = makeProcess();
  const size = 16 * 2 ** 30;
  const a = sys(f.task, 'mmap', 0, size, 0, 0x22 | 0x4000, -1, 0);
  assert.ok(a > 0);
  assert.equal(sys(f.task, 'mprotect', a + 4096 * 10, 4096, 3), 0);
  assert.equal(sys(f.task, 'clock_gettime', 0, a + 4096 * 10), 0);
  assert.equal(sys(f.task, 'clock_gettime', 0, a), -14);
  assert.equal(sys(f.task, 'munmap', a, size), 0);
  assert.equal(f.mem.isMapped(a / 4096 + 10), false);
});

test('mremap moves a large mapping with its touched pages', () => {
  const f = makeProcess();
  const size = 2 ** 30;
  const a = sys(f.task, 'mmap', 0x100000000, size, 3, 0x22 | 0x10, -1, 0);
  f.mem.writeBytes(a + 12345, new Uint8Array([42]));
  sys(f.task, 'mmap', a + size, 4096, 3, 0x22 | 0x10, -1, 0);
  const b = sys(f.task, 'mremap', a, size, 2 * size, 1, 0);
  assert.notEqual(b, a);
  assert.equal(f.mem.readBytes(b + 12345, 1)[0], 42);
  assert.equal(f.mem.isMapped(a / 4096), false);
  assert.equal(f.mem.isMapped((b + 2 * size - 4096) / 4096), true);
});
