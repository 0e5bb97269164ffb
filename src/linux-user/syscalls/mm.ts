/**
 * Memory syscalls: brk, mmap, munmap, mprotect, madvise, mremap, msync.
 * Errors follow Linux's mm/mmap.c checks in order. Anonymous MAP_SHARED
 * memory is shared with the children forked afterwards. File mappings are
 * private copies of the file's bytes (MAP_SHARED of a file is not written
 * back to the file).
 */
import { PAGE_SIZE } from '../../memory/guest-ram.js';
import { USER_ADDRESS_LIMIT } from '../../memory/user-address-space.js';
import { MMAP_MIN_ADDR, pageAlignDown, pageAlignUp } from '../memory-map.js';
import type { Task } from '../process.js';
import type { SyscallDef } from './types.js';
import { EACCES, EBADF, EEXIST, EINVAL, ENODEV, ENOMEM, EPERM } from '../errno.js';

export const MAP_SHARED = 0x01;
export const MAP_PRIVATE = 0x02;
export const MAP_SHARED_VALIDATE = 0x03;
export const MAP_TYPE = 0x0f;
export const MAP_FIXED = 0x10;
export const MAP_ANONYMOUS = 0x20;
export const MAP_GROWSDOWN = 0x100;
export const MAP_FIXED_NOREPLACE = 0x100000;

const PROT_READ = 1;
const PROT_WRITE = 2;
/** PROT_BTI (0x10) and PROT_MTE (0x20) are accepted on arm64 and ignored. */
const PROT_MASK = 0x3f;

const MADV_DONTNEED = 4;
const MADV_FREE = 8;
const MREMAP_MAYMOVE = 1;
const MREMAP_FIXED = 2;

/** Page protections as the CPU checks them: arm64 cannot map write-only, so write implies read. */
const pageProt = (prot: number): number => (prot & PROT_WRITE ? prot | PROT_READ : prot) & 7;

const isPageAligned = (a: number): boolean => a % PAGE_SIZE === 0;

function mmap(t: Task): number {
  const p = t.process;
  const addr = t.argU64(0);
  const length = t.argU64(1);
  const prot = t.argInt(2);
  const flags = t.argInt(3);
  const fd = t.argInt(4);
  const offset = t.argU64(5);
  const type = flags & MAP_TYPE;
  if (type !== MAP_SHARED && type !== MAP_PRIVATE && type !== MAP_SHARED_VALIDATE) return -EINVAL;
  if (length === 0) return -EINVAL;
  if (prot & ~PROT_MASK) return -EINVAL;
  const len = pageAlignUp(length);
  if (len > USER_ADDRESS_LIMIT) return -ENOMEM;
  if (!isPageAligned(offset)) return -EINVAL;
  const fixed = (flags & (MAP_FIXED | MAP_FIXED_NOREPLACE)) !== 0;

  let file = null;
  if (!(flags & MAP_ANONYMOUS)) {
    file = p.fds.get(fd);
    if (!file) return -EBADF;
    if (!file.readable) return -EACCES;
    if (type !== MAP_PRIVATE && prot & PROT_WRITE && !file.writable) return -EACCES;
    if (file.isDir || !file.seekable) return -ENODEV;
  }

  let start: number;
  if (fixed) {
    if (!isPageAligned(addr)) return -EINVAL;
    if (addr + len > USER_ADDRESS_LIMIT) return -ENOMEM;
    if (addr < MMAP_MIN_ADDR) return -EPERM;
    if (flags & MAP_FIXED_NOREPLACE && !(flags & MAP_FIXED) && p.map.overlaps(addr, addr + len)) return -EEXIST;
    start = addr;
  } else {
    start = p.map.findFree(len, addr < USER_ADDRESS_LIMIT ? pageAlignUp(addr) : 0);
    if (start < 0) return -ENOMEM;
  }

  if (file) {
    // Read the file's bytes first so that a failing read leaves the map unchanged.
    const data = new Uint8Array(Math.min(length, 1 << 30));
    let got = 0;
    while (got < data.length) {
      const n = file.host.read(data.subarray(got), offset + got);
      if (n < 0) return n;
      if (n === 0) break;
      got += n;
    }
    p.map.mapAnonymous(start, len, pageProt(prot), file.path);
    if (got > 0) p.mem.writeBytes(start, data.subarray(0, got));
  } else {
    // MAP_SHARED anonymous memory stays shared with children across fork.
    p.map.mapAnonymous(start, len, pageProt(prot), '', type !== MAP_PRIVATE);
  }
  return start;
}

function munmap(t: Task): number {
  const addr = t.argU64(0);
  const length = t.argU64(1);
  if (!isPageAligned(addr) || length === 0) return -EINVAL;
  const len = pageAlignUp(length);
  if (addr + len > USER_ADDRESS_LIMIT) return -EINVAL;
  t.process.map.unmap(addr, len);
  return 0;
}

function mprotect(t: Task): number {
  const addr = t.argU64(0);
  const length = t.argU64(1);
  const prot = t.argInt(2);
  if (!isPageAligned(addr)) return -EINVAL;
  if (prot & ~(PROT_MASK | 0x01000000 | 0x02000000)) return -EINVAL; // PROT_GROWSDOWN/UP
  const len = pageAlignUp(length);
  if (len === 0) return 0;
  if (addr + len > USER_ADDRESS_LIMIT) return -ENOMEM;
  return t.process.map.protect(addr, len, pageProt(prot)) ? 0 : -ENOMEM;
}

function madvise(t: Task): number {
  const addr = t.argU64(0);
  const length = t.argU64(1);
  const advice = t.argInt(2);
  if (!isPageAligned(addr)) return -EINVAL;
  const len = pageAlignUp(length);
  if (len === 0) return 0;
  if (addr + len > USER_ADDRESS_LIMIT) return -EINVAL;
  const map = t.process.map;
  if (advice === MADV_DONTNEED || advice === MADV_FREE) {
    // Private anonymous pages read as zero afterwards (file pages too, here:
    // they are private copies).
    for (const v of map.vmas) {
      const s = Math.max(v.start, addr);
      const e = Math.min(v.end, addr + len);
      if (s < e) t.process.mem.discard(s / PAGE_SIZE, (e - s) / PAGE_SIZE);
    }
  }
  return map.covered(addr, addr + len) ? 0 : -ENOMEM;
}

function mremap(t: Task): number {
  const map = t.process.map;
  const old = t.argU64(0);
  const oldLen = pageAlignUp(t.argU64(1));
  const newLen = pageAlignUp(t.argU64(2));
  const flags = t.argInt(3);
  const newAddr = t.argU64(4);
  if (flags & ~7 || !isPageAligned(old) || newLen === 0) return -EINVAL;
  if (flags & MREMAP_FIXED && !(flags & MREMAP_MAYMOVE)) return -EINVAL;
  if (oldLen === 0) return -EINVAL; // duplicating shared mappings is not supported
  const vma = map.find(old);
  if (!vma || old + oldLen > vma.end) return -EFAULT_MREMAP;
  if (flags & MREMAP_FIXED) {
    if (!isPageAligned(newAddr) || newAddr + newLen > USER_ADDRESS_LIMIT) return -EINVAL;
    if (newAddr < old + oldLen && newAddr + newLen > old) return -EINVAL;
    map.unmap(newAddr, newLen);
    const keep = Math.min(oldLen, newLen);
    map.move(old, newAddr, keep);
    if (newLen > keep) map.mapAnonymous(newAddr + keep, newLen - keep, vma.prot, vma.name);
    if (oldLen > keep) map.unmap(old + keep, oldLen - keep);
    return newAddr;
  }
  if (newLen <= oldLen) {
    if (newLen < oldLen) map.unmap(old + newLen, oldLen - newLen);
    return old;
  }
  if (old + newLen <= USER_ADDRESS_LIMIT && !map.overlaps(old + oldLen, old + newLen)) {
    map.mapAnonymous(old + oldLen, newLen - oldLen, vma.prot, vma.name);
    return old;
  }
  if (!(flags & MREMAP_MAYMOVE)) return -ENOMEM;
  const to = map.findFree(newLen);
  if (to < 0) return -ENOMEM;
  map.move(old, to, oldLen);
  map.mapAnonymous(to + oldLen, newLen - oldLen, vma.prot, vma.name);
  return to;
}
/** mremap of an address that is not mapped fails with EFAULT. */
const EFAULT_MREMAP = 14;

export const mmSyscalls: SyscallDef[] = [
  {
    name: 'brk',
    args: ['hex'],
    hexResult: true,
    handler: (t) => {
      const want = t.argU64(0);
      return t.process.map.setBrk(want < USER_ADDRESS_LIMIT ? want : 0);
    },
  },
  { name: 'mmap', args: ['hex', 'size', 'prot', 'mflags', 'fd', 'long'], hexResult: true, handler: mmap },
  { name: 'munmap', args: ['hex', 'size'], handler: munmap },
  { name: 'mprotect', args: ['hex', 'size', 'prot'], handler: mprotect },
  { name: 'madvise', args: ['hex', 'size', 'int'], handler: madvise },
  { name: 'mremap', args: ['hex', 'size', 'size', 'hex', 'hex'], hexResult: true, handler: mremap },
  {
    name: 'msync',
    args: ['hex', 'size', 'hex'],
    handler: (t) => {
      const addr = t.argU64(0);
      if (!isPageAligned(addr) || t.argInt(2) & ~7) return -EINVAL;
      const len = pageAlignUp(t.argU64(1));
      return t.process.map.covered(addr, addr + len) ? 0 : -ENOMEM;
    },
  },
  {
    name: 'mlock',
    args: ['hex', 'size'],
    handler: (t) => {
      const addr = pageAlignDown(t.argU64(0));
      const len = pageAlignUp(t.argU64(1) + (t.argU64(0) - addr));
      return t.process.map.covered(addr, addr + len) ? 0 : -ENOMEM;
    },
  },
  { name: 'munlock', args: ['hex', 'size'], handler: () => 0 },
];
