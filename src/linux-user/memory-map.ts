/**
 * The process's memory map: the list of mappings (Linux's VMAs) over the
 * page table of a UserAddressSpace, with the placement policy of mmap and
 * brk. Addresses are plain numbers (user addresses are below 2^48, exact in
 * a double); all are page aligned here, callers check the guest's values.
 */
import { PAGE_SIZE } from '../memory/guest-ram.js';
import { type UserAddressSpace } from '../memory/user-address-space.js';

export interface Vma {
  start: number;
  end: number;
  prot: number;
  /** "[heap]", "[stack]", a file path, or "" for anonymous memory. */
  name: string;
}

export const pageAlignUp = (a: number): number => Math.ceil(a / PAGE_SIZE) * PAGE_SIZE;
export const pageAlignDown = (a: number): number => Math.floor(a / PAGE_SIZE) * PAGE_SIZE;

/** Lowest address mmap hands out or accepts (Linux's vm.mmap_min_addr default on Debian). */
export const MMAP_MIN_ADDR = 0x10000;

export class MemoryMap {
  /** Sorted, non-overlapping. */
  readonly vmas: Vma[] = [];
  startBrk = 0;
  brk = 0;

  constructor(
    readonly mem: UserAddressSpace,
    /** Top-down allocation starts below this address. */
    public mmapBase: number,
  ) {}

  /** The same map over another address space (fork: `mem` is this one's copy). */
  cloneFor(mem: UserAddressSpace): MemoryMap {
    const m = new MemoryMap(mem, this.mmapBase);
    for (const v of this.vmas) m.vmas.push({ ...v });
    m.startBrk = this.startBrk;
    m.brk = this.brk;
    return m;
  }

  /** The mapping containing addr, if any. */
  find(addr: number): Vma | null {
    for (const v of this.vmas) if (addr >= v.start && addr < v.end) return v;
    return null;
  }

  /** True when some mapping intersects [start, end). */
  overlaps(start: number, end: number): boolean {
    return this.vmas.some((v) => v.start < end && v.end > start);
  }

  /** True when [start, end) is mapped without holes. */
  covered(start: number, end: number): boolean {
    let at = start;
    for (const v of this.vmas) {
      if (v.end <= at) continue;
      if (v.start > at) return false;
      at = v.end;
      if (at >= end) return true;
    }
    return at >= end;
  }

  /** Forget the part of the VMA list in [start, end), splitting mappings at its edges. */
  private cut(start: number, end: number): void {
    const out: Vma[] = [];
    for (const v of this.vmas) {
      if (v.end <= start || v.start >= end) {
        out.push(v);
        continue;
      }
      if (v.start < start) out.push({ ...v, end: start });
      if (v.end > end) out.push({ ...v, start: end });
    }
    this.vmas.length = 0;
    this.vmas.push(...out);
  }

  /** Insert into the free range [v.start, v.end), merging with equal neighbours (as Linux's vma_merge). */
  private add(v: Vma): void {
    let i = 0;
    while (i < this.vmas.length && this.vmas[i].start < v.start) i++;
    const prev = this.vmas[i - 1];
    const next = this.vmas[i];
    const same = (a: Vma | undefined): a is Vma => a !== undefined && a.prot === v.prot && a.name === v.name;
    if (same(prev) && prev.end === v.start) {
      prev.end = v.end;
      if (same(next) && next.start === v.end) {
        prev.end = next.end;
        this.vmas.splice(i, 1);
      }
    } else if (same(next) && next.start === v.end) {
      next.start = v.start;
    } else {
      this.vmas.splice(i, 0, { ...v });
    }
  }

  /** Map fresh zeroed memory at [start, start+length), replacing whatever was there. */
  mapAnonymous(start: number, length: number, prot: number, name = '', shared = false): void {
    this.cut(start, start + length);
    this.mem.mapAnonymous(start / PAGE_SIZE, length / PAGE_SIZE, prot, shared);
    this.add({ start, end: start + length, prot, name });
  }

  unmap(start: number, length: number): void {
    this.cut(start, start + length);
    this.mem.unmap(start / PAGE_SIZE, length / PAGE_SIZE);
  }

  /**
   * Change protections; false when part of the range is not mapped (ENOMEM).
   * As Linux's mprotect, the mapped run from `start` up to the first hole
   * is changed even then.
   */
  protect(start: number, length: number, prot: number): boolean {
    const want = start + length;
    let end = start;
    for (const v of this.vmas) {
      if (v.end <= end) continue;
      if (v.start > end) break;
      end = Math.min(v.end, want);
      if (end >= want) break;
    }
    if (end === start) return false;
    length = end - start;
    const names: Vma[] = this.vmas.filter((v) => v.start < end && v.end > start);
    this.cut(start, end);
    for (const v of names) this.add({ start: Math.max(v.start, start), end: Math.min(v.end, end), prot, name: v.name });
    this.mem.protect(start / PAGE_SIZE, length / PAGE_SIZE, prot);
    return end >= want;
  }

  /** Move the pages of [from, from+length) to [to, to+length) (mremap). The target must be free. */
  move(from: number, to: number, length: number): void {
    const parts = this.vmas.filter((v) => v.start < from + length && v.end > from);
    this.cut(from, from + length);
    for (const v of parts) {
      const s = Math.max(v.start, from);
      const e = Math.min(v.end, from + length);
      this.add({ start: to + (s - from), end: to + (e - from), prot: v.prot, name: v.name });
    }
    this.mem.movePages(from / PAGE_SIZE, to / PAGE_SIZE, length / PAGE_SIZE);
  }

  /**
   * A free range of `length` bytes: at `hint` when that is free, else the
   * highest gap below mmapBase (Linux's top-down layout). -1 when none.
   */
  findFree(length: number, hint = 0): number {
    if (hint >= MMAP_MIN_ADDR && hint + length <= this.mmapBase && !this.overlaps(hint, hint + length)) return hint;
    let top = this.mmapBase;
    for (let i = this.vmas.length - 1; i >= -1; i--) {
      const v = i >= 0 ? this.vmas[i] : null;
      if (v && v.start >= top) continue;
      const bottom = v ? v.end : MMAP_MIN_ADDR;
      if (top - bottom >= length && top - length >= MMAP_MIN_ADDR) return top - length;
      if (v) top = Math.min(top, v.start);
    }
    return -1;
  }

  /**
   * brk(2): move the program break. Returns the new break, or the old one when
   * the request is below the start or would collide with another mapping.
   */
  setBrk(addr: number): number {
    if (addr < this.startBrk) return this.brk;
    const oldEnd = pageAlignUp(this.brk);
    const newEnd = pageAlignUp(addr);
    if (newEnd > oldEnd) {
      if (this.overlaps(oldEnd, newEnd)) return this.brk;
      this.mapAnonymous(oldEnd, newEnd - oldEnd, 3, '[heap]');
    } else if (newEnd < oldEnd) {
      this.unmap(newEnd, oldEnd - newEnd);
    }
    this.brk = addr;
    return addr;
  }
}
