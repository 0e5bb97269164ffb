/**
 * A process's virtual address space for user-mode emulation: a page table
 * from 4 KiB virtual page numbers to frames of guest RAM with protections.
 * Anonymous pages get their frame on first touch, as Linux does, so large
 * reservations (thread stacks, malloc arenas) cost nothing until used.
 *
 * Page numbers of 48..56-bit addresses exceed 32 bits; they are kept as
 * doubles (exact up to 2^53) and only on this slow path.
 */
import { Access, FaultKind, pageNumber, type AddressSpace } from './address-space.js';
import { GuestRam, PAGE_SIZE } from './guest-ram.js';

export const PROT_READ = 1;
export const PROT_WRITE = 2;
export const PROT_EXEC = 4;

/** Addresses at or above this are not user addresses (a 48-bit virtual address space). */
export const USER_ADDRESS_LIMIT = 2 ** 48;

export interface PageEntry {
  /** Frame offset in guest RAM, or -1 when not yet touched (zero-filled on first access). */
  frame: number;
  prot: number;
  /** MAP_SHARED anonymous memory: the frame is shared with the other address spaces holding the same object. */
  share?: SharedFrame;
}

/** One frame of shared memory and how many page-table entries (across address spaces) hold it. */
export interface SharedFrame {
  users: number;
}

/**
 * A run of pages mapped with no page-table entries yet: large reservations
 * (a 1 GiB heap arena, a runtime's address-space reservation) stay cheap.
 * A page gets its entry in `pages` on first use; entries take precedence.
 */
interface LazyRange {
  first: number;
  /** Exclusive. */
  end: number;
  prot: number;
}

/** Mappings of at least this many pages are kept as lazy ranges. */
const LAZY_MIN_PAGES = 4096;

export class UserAddressSpace implements AddressSpace {
  readonly ram: GuestRam;
  /** Processes using this address space (a vfork child shares its parent's until it execs). */
  users = 1;
  /** Page number -> entry, for every page touched or mapped in a small mapping. */
  readonly pages = new Map<number, PageEntry>();
  /** Sorted, non-overlapping. */
  private readonly lazy: LazyRange[] = [];
  private readonly listeners: ((vaLo?: number, vaHi?: number, pages?: number) => void)[] = [];

  constructor(ram = new GuestRam()) {
    this.ram = ram;
  }

  /** Register a CPU's TLB flush; the returned function unregisters it (the CPU is gone). */
  addTlbListener(fn: (vaLo?: number, vaHi?: number, pages?: number) => void): () => void {
    this.listeners.push(fn);
    return () => {
      const i = this.listeners.indexOf(fn);
      if (i >= 0) this.listeners.splice(i, 1);
    };
  }

  /** Tell every CPU to drop its cached translations (all, or a range of pages). */
  flush(page?: number, count?: number): void {
    for (const fn of this.listeners) {
      if (page === undefined) fn();
      else {
        const addr = page * PAGE_SIZE;
        fn((addr % 4294967296) | 0, Math.floor(addr / 4294967296) | 0, count ?? 1);
      }
    }
  }

  private lazyAt(page: number): LazyRange | undefined {
    // Few ranges exist; a linear scan is fine on this slow path.
    for (const r of this.lazy) if (page >= r.first && page < r.end) return r;
    return undefined;
  }

  /** The page's entry, creating it when the page lies in a lazy range; undefined when unmapped. */
  private entry(page: number): PageEntry | undefined {
    const e = this.pages.get(page);
    if (e || this.lazy.length === 0) return e;
    const r = this.lazyAt(page);
    if (!r) return undefined;
    const created = { frame: -1, prot: r.prot };
    this.pages.set(page, created);
    return created;
  }

  /** Protection of a mapped page without creating anything; -1 when unmapped. */
  protOf(page: number): number {
    const e = this.pages.get(page);
    if (e) return e.prot;
    const r = this.lazy.length === 0 ? undefined : this.lazyAt(page);
    return r ? r.prot : -1;
  }

  translate(vaLo: number, vaHi: number, access: Access): number {
    const e = this.entry(pageNumber(vaLo, vaHi));
    if (!e) return FaultKind.Unmapped;
    const need = access === Access.Write ? PROT_WRITE : access === Access.Exec ? PROT_EXEC : PROT_READ;
    if ((e.prot & need) === 0) return FaultKind.Permission;
    if (e.frame < 0) e.frame = this.ram.allocFrame();
    return e.frame;
  }

  /** Page-table entries with page numbers in [first, end), found the cheaper way. */
  private entriesIn(first: number, end: number): number[] {
    const out: number[] = [];
    if (end - first <= this.pages.size) {
      for (let p = first; p < end; p++) if (this.pages.has(p)) out.push(p);
    } else {
      for (const p of this.pages.keys()) if (p >= first && p < end) out.push(p);
    }
    return out;
  }

  /** Remove [first, end) from the lazy ranges, splitting at the edges. */
  private cutLazy(first: number, end: number): boolean {
    let any = false;
    for (let i = this.lazy.length - 1; i >= 0; i--) {
      const r = this.lazy[i];
      if (r.end <= first || r.first >= end) continue;
      any = true;
      const parts: LazyRange[] = [];
      if (r.first < first) parts.push({ first: r.first, end: first, prot: r.prot });
      if (r.end > end) parts.push({ first: end, end: r.end, prot: r.prot });
      this.lazy.splice(i, 1, ...parts);
    }
    return any;
  }

  private addLazy(r: LazyRange): void {
    let i = 0;
    while (i < this.lazy.length && this.lazy[i].first < r.first) i++;
    this.lazy.splice(i, 0, r);
  }

  /**
   * fork(): a new address space on the same guest RAM with a private copy
   * of every page (touched pages get a frame of their own holding the same
   * bytes; untouched ones and lazy ranges stay untouched).
   */
  fork(): UserAddressSpace {
    const child = new UserAddressSpace(this.ram);
    for (const [p, e] of this.pages) {
      let frame = -1;
      if (e.share) {
        // Both sides must see one frame from now on: give it one if still untouched.
        if (e.frame < 0) e.frame = this.ram.allocFrame();
        e.share.users++;
        child.pages.set(p, { frame: e.frame, prot: e.prot, share: e.share });
        continue;
      }
      if (e.frame >= 0) {
        frame = this.ram.allocFrame();
        // allocFrame may grow the memory: read the buffer after it.
        this.ram.bytes.copyWithin(frame, e.frame, e.frame + PAGE_SIZE);
      }
      child.pages.set(p, { frame, prot: e.prot });
    }
    for (const r of this.lazy) child.lazy.push({ ...r });
    return child;
  }

  /** The shared frame object behind a MAP_SHARED page (futex keys), undefined for private memory. */
  shareOf(addr: number): SharedFrame | undefined {
    const e = this.pages.get(Math.floor(addr / PAGE_SIZE));
    if (!e?.share) return undefined;
    // Waiters on it must meet on one frame: give it one now if untouched.
    if (e.frame < 0) e.frame = this.ram.allocFrame();
    return e.share;
  }

  /** Give every frame back to guest RAM (the last user of the address space is gone: exit, execve). */
  releaseAll(): void {
    for (const e of this.pages.values()) this.dropFrame(e);
    this.pages.clear();
    this.lazy.length = 0;
    this.flush();
  }

  /**
   * Map `count` pages from page number `first` as fresh anonymous memory;
   * `shared` (MAP_SHARED) pages keep one frame across fork.
   */
  mapAnonymous(first: number, count: number, prot: number, shared = false): void {
    this.unmap(first, count);
    if (shared) for (let i = 0; i < count; i++) this.pages.set(first + i, { frame: -1, prot, share: { users: 1 } });
    else if (count >= LAZY_MIN_PAGES) this.addLazy({ first, end: first + count, prot });
    else for (let i = 0; i < count; i++) this.pages.set(first + i, { frame: -1, prot });
  }

  /** The entry no longer holds its frame: free it unless another address space still shares it. */
  private dropFrame(e: PageEntry): void {
    if (e.frame < 0) return;
    if (e.share && --e.share.users > 0) return;
    this.ram.freeFrame(e.frame);
  }

  unmap(first: number, count: number): void {
    let any = this.cutLazy(first, first + count);
    for (const p of this.entriesIn(first, first + count)) {
      this.dropFrame(this.pages.get(p)!);
      this.pages.delete(p);
      any = true;
    }
    if (any) this.flush(first, count);
  }

  /** True when every page of the range is mapped. */
  private allMapped(first: number, end: number): boolean {
    let p = first;
    while (p < end) {
      if (this.pages.has(p)) {
        p++;
        continue;
      }
      const r = this.lazyAt(p);
      if (!r) return false;
      p = r.end;
    }
    return true;
  }

  protect(first: number, count: number, prot: number): boolean {
    const end = first + count;
    if (!this.allMapped(first, end)) return false;
    for (const p of this.entriesIn(first, end)) this.pages.get(p)!.prot = prot;
    const touched = this.lazy.filter((r) => r.first < end && r.end > first);
    if (touched.length > 0) {
      this.cutLazy(first, end);
      for (const r of touched) this.addLazy({ first: Math.max(r.first, first), end: Math.min(r.end, end), prot });
    }
    this.flush(first, count);
    return true;
  }

  isMapped(page: number): boolean {
    return this.protOf(page) >= 0;
  }

  /**
   * Move the mappings of `count` pages from page `src` to page `dst` (mremap);
   * the destination must be unmapped.
   */
  movePages(src: number, dst: number, count: number): void {
    const moved = this.entriesIn(src, src + count).map((p) => [p, this.pages.get(p)!] as const);
    for (const [p] of moved) this.pages.delete(p);
    for (const [p, e] of moved) this.pages.set(p - src + dst, e);
    const ranges = this.lazy.filter((r) => r.first < src + count && r.end > src);
    this.cutLazy(src, src + count);
    for (const r of ranges) {
      this.addLazy({
        first: Math.max(r.first, src) - src + dst,
        end: Math.min(r.end, src + count) - src + dst,
        prot: r.prot,
      });
    }
    this.flush(src, count);
    this.flush(dst, count);
  }

  /** Host byte offset for a guest address, allocating the frame; ignores protection. -1 if unmapped. */
  hostOffset(addr: number): number {
    const e = this.entry(Math.floor(addr / PAGE_SIZE));
    if (!e) return -1;
    if (e.frame < 0) e.frame = this.ram.allocFrame();
    return e.frame + (addr % PAGE_SIZE);
  }

  /** Copy bytes into guest memory (ignores protection; for loaders). Throws when unmapped. */
  writeBytes(addr: number, data: Uint8Array): void {
    let done = 0;
    while (done < data.length) {
      const a = addr + done;
      const off = this.hostOffset(a);
      if (off < 0) throw new Error(`write to unmapped guest address 0x${a.toString(16)}`);
      const n = Math.min(data.length - done, PAGE_SIZE - (a % PAGE_SIZE));
      this.ram.bytes.set(data.subarray(done, done + n), off);
      done += n;
    }
  }

  /** Drop the contents of mapped pages (they read as zero again on next touch): MADV_DONTNEED. */
  discard(first: number, count: number): void {
    let any = false;
    for (const p of this.entriesIn(first, first + count)) {
      const e = this.pages.get(p)!;
      // Shared memory keeps its contents (Linux refetches them from the shared object).
      if (e.frame < 0 || e.share) continue;
      this.ram.freeFrame(e.frame);
      e.frame = -1;
      any = true;
    }
    if (any) this.flush(first, count);
  }

  /** True when every page of [addr, addr+length) is mapped with all of `prot`. */
  accessible(addr: number, length: number, prot: number): boolean {
    if (length <= 0) return true;
    if (!(addr >= 0) || addr + length > USER_ADDRESS_LIMIT) return false;
    const last = Math.floor((addr + length - 1) / PAGE_SIZE);
    for (let p = Math.floor(addr / PAGE_SIZE); p <= last; p++) {
      const have = this.protOf(p);
      if (have < 0 || (have & prot) !== prot) return false;
    }
    return true;
  }

  /** Copy guest memory out as the guest could read it; null when any byte is not readable (EFAULT). */
  copyIn(addr: number, length: number): Uint8Array | null {
    if (!this.accessible(addr, length, PROT_READ)) return null;
    return this.readBytes(addr, length);
  }

  /** Copy into guest memory as the guest could write it; false (nothing written) when any byte is not writable. */
  copyOut(addr: number, data: Uint8Array): boolean {
    if (!this.accessible(addr, data.length, PROT_WRITE)) return false;
    this.writeBytes(addr, data);
    return true;
  }

  /** A NUL-terminated string of at most `max` bytes (without the NUL); null when unreadable or too long. */
  readCString(addr: number, max = 4096): Uint8Array | null {
    const out: number[] = [];
    for (let a = addr; out.length < max; a++) {
      if (a % PAGE_SIZE === 0 || out.length === 0) {
        if (!this.accessible(a, 1, PROT_READ)) return null;
      }
      const b = this.ram.bytes[this.hostOffset(a)];
      if (b === 0) return Uint8Array.from(out);
      out.push(b);
    }
    return null;
  }

  /** Copy bytes out of guest memory (ignores protection). Throws when unmapped. */
  readBytes(addr: number, length: number): Uint8Array {
    const out = new Uint8Array(length);
    let done = 0;
    while (done < length) {
      const a = addr + done;
      const off = this.hostOffset(a);
      if (off < 0) throw new Error(`read from unmapped guest address 0x${a.toString(16)}`);
      const n = Math.min(length - done, PAGE_SIZE - (a % PAGE_SIZE));
      out.set(this.ram.bytes.subarray(off, off + n), done);
      done += n;
    }
    return out;
  }
}
