/**
 * The AArch64 CPU: architectural state, the software TLB, the decoded-code
 * cache and the interpreter loop.
 *
 * State layout (performance by design, see docs/ARCHITECTURE.md):
 * - X registers live in `x`, an Int32Array of 32-bit halves: register n is
 *   x[2n] (low) and x[2n+1] (high). Slot 31 is SP. Slot 32 always reads as
 *   zero (XZR/WZR as a source) and slot 33 is a sink for writes to XZR/WZR;
 *   prep maps register field 31 to 31, 32 or 33 once at decode time so that
 *   exec never tests for it.
 * - V registers live in one 512-byte buffer with views of every element width.
 * - NZCV are four 0/1 numbers.
 * - The PC is `pcLo`/`pcHi`; instructions know their own address from decode
 *   time (`a.pcLo`/`a.pcHi`), so the loop only writes the PC when leaving a
 *   run of sequential instructions.
 */
import { Access, FaultKind, pageNumber, type AddressSpace } from '../../memory/address-space.js';
import type { GuestRam } from '../../memory/guest-ram.js';
import { a64Decoder, disassembleA64 } from '../../arch/a64/table.js';
import type { A64Def } from '../../arch/a64/encoding.js';
import { semanticsFor } from './semantics/index.js';
import type { Args, Exec } from './semantics-types.js';
import { HOT_THRESHOLD, MAX_BLOCK, compileBlock, type CompiledBlock, type LinkCells } from './block.js';

export const enum StopReason {
  None = 0,
  /** The instruction budget ran out. */
  Budget = 1,
  /** SVC #imm: cpu.excImm holds imm16; pc is the next instruction. */
  Svc = 2,
  /** BRK #imm: pc is the BRK instruction. */
  Brk = 3,
  /** HLT #imm: pc is the HLT instruction. */
  Hlt = 4,
  /** UNDEFINED instruction at pc (cpu.excInsn holds the word). */
  Undefined = 5,
  /** Data abort: cpu.fault* describe it; pc is the faulting instruction. */
  DataAbort = 6,
  /** Instruction abort: fetching from pc failed; cpu.fault* describe it. */
  InstructionAbort = 7,
  /** PC or SP alignment fault (pc is the faulting instruction). */
  Alignment = 8,
  /** The embedder asked the CPU to stop (cpu.requestStop()). */
  Requested = 9,
  /** WFI/WFE/YIELD hint that the embedder may want to act on. */
  Wait = 10,
}

/** Thrown by memory helpers on a failed access; caught by the run loop. */
export class GuestFault {
  constructor(
    public addrLo = 0,
    public addrHi = 0,
    public kind: FaultKind = FaultKind.Unmapped,
    public access: Access = Access.Read,
  ) {}
}

/** TLB entries: 1 << TLB_BITS (templates.ts hard-codes the mask 1023 in emitted code). */
const TLB_BITS = 10;
const TLB_SIZE = 1 << TLB_BITS;
const TLB_MASK = TLB_SIZE - 1;
/** An impossible tag (not page aligned), so an empty entry never matches. */
const TLB_EMPTY = 1;

/** Decoded instructions of one 4 KiB page of code. */
export interface CodePage {
  key: number;
  baseLo: number;
  baseHi: number;
  frame: number;
  execs: (Exec | undefined)[];
  args: (Args | undefined)[];
  /** False once the page was invalidated (its slots are then cleared). */
  valid: boolean;
  /** Per slot: 1 if the instruction may write memory, 2 if it always leaves the straight line. */
  kinds: Uint8Array;
  /** Compiled blocks by start slot (see block.ts), and entry counts of slots not yet compiled. */
  blocks: (CompiledBlock | undefined)[];
  heat: Uint16Array;
}

/** Entries of the CPU's code-page cache. */
const PAGE_CACHE = 64;
const KIND_WRITES = 1;
const KIND_ENDS = 2;
/** Classes whose instructions may store to memory (the block re-checks its page after them). */
const WRITING_CLASS = /store|atomic|compare and swap|exclusive|ordered|STLR|System instructions/i;
/** Classes that always leave the straight line: a block ends after them. */
const ENDING_CLASS = /^Unconditional branch|^Exception generation/;

/**
 * The decoded-code cache. Several CPUs of one address space (threads) share
 * one, so a store by any of them to a page holding decoded code invalidates it
 * for all.
 */
export class CodeCache {
  readonly pages = new Map<number, CodePage>();
  readonly cpus: A64Cpu[] = [];

  /** Forget decoded code of the given page (by page key), e.g. after a store. */
  invalidatePage(key: number): void {
    const p = this.pages.get(key);
    if (!p) return;
    dropPage(p);
    this.pages.delete(key);
  }

  invalidateAll(): void {
    for (const key of [...this.pages.keys()]) this.invalidatePage(key);
  }

  /**
   * The decoded code for a forked copy of the address space: the bytes are
   * the same at fork, so the child starts with the same decoded instructions
   * (a fork-heavy shell does not decode its code again in every child), on
   * the child's frames (`frameOf` a page key, -1 when the child has none).
   * Compiled blocks are not shared (they check their own page object); the
   * child compiles its own as its code gets hot.
   */
  forkFor(frameOf: (key: number) => number): CodeCache {
    const c = new CodeCache();
    for (const [key, p] of this.pages) {
      const frame = frameOf(key);
      if (!p.valid || frame < 0) continue;
      const heat = p.heat.slice();
      for (let i = 0; i < heat.length; i++) if (p.blocks[i] !== undefined) heat[i] = 0;
      c.pages.set(key, {
        key,
        baseLo: p.baseLo,
        baseHi: p.baseHi,
        frame,
        execs: p.execs.slice(),
        args: p.args.slice(),
        valid: true,
        kinds: p.kinds.slice(),
        blocks: new Array<CompiledBlock | undefined>(p.blocks.length).fill(undefined),
        heat,
      });
    }
    return c;
  }
}

/** Clear a page's decoded code in place (a run loop holding it re-decodes what it meets). */
function dropPage(p: CodePage): void {
  {
    for (const b of p.blocks) if (b !== undefined) b.valid = false;
    p.execs.fill(undefined);
    p.args.fill(undefined);
    p.blocks.fill(undefined);
    p.heat.fill(0);
    p.valid = false;
  }
}

export interface CpuOptions {
  /** Where one-line diagnostics (unimplemented encodings, …) go. */
  diagnostic?: (line: string) => void;
  codeCache?: CodeCache;
  /** Compile hot runs of instructions (block.ts); off = pure interpreter (for tests). Default on. */
  compileBlocks?: boolean;
  /** Entries into a slot before its block is compiled (default HOT_THRESHOLD; 1: at once, for tests). */
  hotThreshold?: number;
}

export class A64Cpu {
  // ---- architectural state ----
  /** X0..X30, SP (31), zero source (32), write sink (33), as 32-bit halves. */
  readonly x = new Int32Array(68);
  pcLo = 0;
  pcHi = 0;
  n = 0;
  z = 0;
  c = 0;
  v = 0;
  /** V0..V31, 16 bytes each, little-endian lanes. */
  readonly vbuf = new ArrayBuffer(32 * 16);
  readonly v8 = new Uint8Array(this.vbuf);
  readonly v16 = new Uint16Array(this.vbuf);
  readonly v32 = new Uint32Array(this.vbuf);
  readonly vi8 = new Int8Array(this.vbuf);
  readonly vi16 = new Int16Array(this.vbuf);
  readonly vi32 = new Int32Array(this.vbuf);
  readonly vf32 = new Float32Array(this.vbuf);
  readonly vf64 = new Float64Array(this.vbuf);
  fpcr = 0;
  fpsr = 0;
  tpidrLo = 0;
  tpidrHi = 0;
  tpidrroLo = 0;
  tpidrroHi = 0;

  // ---- exclusive monitor (LDXR/STXR) ----
  exclValid = 0;
  exclLo = 0;
  exclHi = 0;
  exclSize = 0;
  /** Values seen by the load-exclusive (up to 128 bits as four words). */
  readonly exclData = new Int32Array(4);

  // ---- why the CPU stopped ----
  stopReason: StopReason = StopReason.None;
  /** Immediate of SVC/BRK/HLT. */
  excImm = 0;
  /** Instruction word for Undefined. */
  excInsn = 0;
  readonly fault = new GuestFault();
  /** Guest instructions executed so far (a double: exact to 2^53). */
  icount = 0;
  /** Scratch: high half of the last 64-bit load (see ld64). */
  hi = 0;

  // ---- memory ----
  readonly mem: AddressSpace;
  private ram: GuestRam;
  view: DataView;
  bytes: Uint8Array;
  // The TLB arrays are read by compiled blocks' inline accesses (templates.ts: memCode).
  readonly rTagLo = new Int32Array(TLB_SIZE).fill(TLB_EMPTY);
  readonly rTagHi = new Int32Array(TLB_SIZE);
  readonly rOff = new Int32Array(TLB_SIZE);
  readonly wTagLo = new Int32Array(TLB_SIZE).fill(TLB_EMPTY);
  readonly wTagHi = new Int32Array(TLB_SIZE);
  readonly wOff = new Int32Array(TLB_SIZE);
  readonly code: CodeCache;
  private curPage: CodePage | null = null;
  /** Instructions a running compiled block completed before the one that may fault (block.ts). */
  blockIndex = 0;
  /** Args of that instruction (its address, for a fault). */
  blockArgs: Args | null = null;
  /** The link cell of the last block exit that found no chained block (filled by the next block entry). */
  linkCell: LinkCells | null = null;
  linkIdx = 0;
  /** Recently used code pages by the low bits of their page number (validated on use). */
  private readonly pageCache: (CodePage | undefined)[] = new Array<CodePage | undefined>(PAGE_CACHE).fill(undefined);
  /** Entries into a slot before its block is compiled (above 0xffff: never). */
  private readonly hotThreshold: number;
  /** Top-byte ignore for data addresses (Linux user mode sets TCR_EL1.TBI0). */
  tbi = true;
  private stopRequested = false;

  readonly diagnostic: (line: string) => void;
  private readonly reported = new Set<number>();

  constructor(mem: AddressSpace, opts: CpuOptions = {}) {
    this.mem = mem;
    this.ram = mem.ram;
    this.view = this.ram.view;
    this.bytes = this.ram.bytes;
    const offGrow = this.ram.onGrow(() => {
      this.view = this.ram.view;
      this.bytes = this.ram.bytes;
    });
    const offTlb = mem.addTlbListener((lo, hi, pages) => this.flushTlb(lo, hi, pages));
    this.unhook = () => {
      offGrow();
      offTlb();
    };
    this.code = opts.codeCache ?? new CodeCache();
    this.hotThreshold = opts.compileBlocks === false ? 0x10000 : (opts.hotThreshold ?? HOT_THRESHOLD);
    this.code.cpus.push(this);
    this.diagnostic = opts.diagnostic ?? ((line) => console.error(line));
  }

  private readonly unhook: () => void;

  /**
   * The CPU will not run again (its thread ended, or exec replaced it): it
   * stops listening to the memory and leaves the code cache, so nothing keeps
   * it (and its process's decoded code) alive.
   */
  detach(): void {
    this.unhook();
    const i = this.code.cpus.indexOf(this);
    if (i >= 0) this.code.cpus.splice(i, 1);
  }

  // ---------------------------------------------------------------- state helpers

  /** X register n (0..31, 31 = SP) as a bigint; for embedders and tests, not hot paths. */
  getX(n: number): bigint {
    return (BigInt(this.x[2 * n + 1] >>> 0) << 32n) | BigInt(this.x[2 * n] >>> 0);
  }

  setX(n: number, v: bigint): void {
    this.x[2 * n] = Number(v & 0xffffffffn) | 0;
    this.x[2 * n + 1] = Number((v >> 32n) & 0xffffffffn) | 0;
  }

  get pc(): bigint {
    return (BigInt(this.pcHi >>> 0) << 32n) | BigInt(this.pcLo >>> 0);
  }

  set pc(v: bigint) {
    this.pcLo = Number(v & 0xffffffffn) | 0;
    this.pcHi = Number((v >> 32n) & 0xffffffffn) | 0;
  }

  get nzcv(): number {
    return (this.n << 31) | (this.z << 30) | (this.c << 29) | (this.v << 28);
  }

  set nzcv(val: number) {
    this.n = (val >>> 31) & 1;
    this.z = (val >>> 30) & 1;
    this.c = (val >>> 29) & 1;
    this.v = (val >>> 28) & 1;
  }

  /** V register n as 16 little-endian bytes (a copy). */
  getV(n: number): Uint8Array {
    return this.v8.slice(16 * n, 16 * n + 16);
  }

  setV(n: number, bytes: Uint8Array): void {
    this.v8.set(bytes.subarray(0, 16), 16 * n);
  }

  /** Ask a running CPU to stop at the next instruction boundary it checks (e.g. from a signal). */
  requestStop(): void {
    this.stopRequested = true;
  }

  // ---------------------------------------------------------------- TLB

  flushTlb(lo?: number, hi?: number, pages?: number): void {
    if (lo === undefined || pages === undefined || pages > TLB_SIZE) {
      this.rTagLo.fill(TLB_EMPTY);
      this.wTagLo.fill(TLB_EMPTY);
      this.code.invalidateAll();
      this.curPage = null;
      return;
    }
    let l = lo & ~0xfff;
    let h = hi ?? 0;
    for (let i = 0; i < pages; i++) {
      const idx = (l >>> 12) & TLB_MASK;
      this.rTagLo[idx] = TLB_EMPTY;
      this.wTagLo[idx] = TLB_EMPTY;
      this.code.invalidatePage(pageNumber(l, h));
      l = (l + 4096) | 0;
      if (l === 0) h = (h + 1) | 0;
    }
    this.curPage = null;
  }

  private raise(lo: number, hi: number, kind: number, access: Access): never {
    const f = this.fault;
    f.addrLo = lo;
    f.addrHi = hi;
    f.kind = kind;
    f.access = access;
    throw f;
  }

  /** TLB miss for a read: translate, fill, return the host offset of the byte. */
  private fillRead(lo: number, hi: number): number {
    // Top-byte ignore (TCR_EL1.TBI0, which Linux sets for EL0): bits 63:56 of a
    // data address are not translated. The TLB entry keeps the tagged high
    // half as its tag, so accesses through the same tagged pointer still hit.
    const frame = this.mem.translate(lo, this.tbi ? (hi << 8) >> 8 : hi, Access.Read);
    if (frame < 0) this.raise(lo, hi, frame, Access.Read);
    const idx = (lo >>> 12) & TLB_MASK;
    this.rTagLo[idx] = lo & ~0xfff;
    this.rTagHi[idx] = hi;
    this.rOff[idx] = frame;
    return frame + (lo & 0xfff);
  }

  private fillWrite(lo: number, hi: number): number {
    const untagged = this.tbi ? (hi << 8) >> 8 : hi;
    const frame = this.mem.translate(lo, untagged, Access.Write);
    if (frame < 0) this.raise(lo, hi, frame, Access.Write);
    const key = pageNumber(lo, untagged);
    if (this.code.pages.has(key)) {
      // Self-modifying or JIT-generated code: drop the decoded page. It
      // becomes writable at full speed until code is decoded from it again.
      this.code.invalidatePage(key);
    }
    const idx = (lo >>> 12) & TLB_MASK;
    this.wTagLo[idx] = lo & ~0xfff;
    this.wTagHi[idx] = hi;
    this.wOff[idx] = frame;
    return frame + (lo & 0xfff);
  }

  /** Host offset of a read of `size` bytes at (lo, hi), or -1 when it crosses a page (slow path). */
  private rOffset(lo: number, hi: number): number {
    const idx = (lo >>> 12) & TLB_MASK;
    if (this.rTagLo[idx] === (lo & ~0xfff) && this.rTagHi[idx] === hi) return this.rOff[idx] + (lo & 0xfff);
    return this.fillRead(lo, hi);
  }

  private wOffset(lo: number, hi: number): number {
    const idx = (lo >>> 12) & TLB_MASK;
    if (this.wTagLo[idx] === (lo & ~0xfff) && this.wTagHi[idx] === hi) return this.wOff[idx] + (lo & 0xfff);
    return this.fillWrite(lo, hi);
  }

  // ---------------------------------------------------------------- loads and stores
  // Addresses are (lo, hi) halves. Values are returned as int32 (or in two
  // halves, the high one in cpu.hi). Accesses that cross a page boundary are
  // split into bytes; both pages are checked before anything is written.

  ld8(lo: number, hi: number): number {
    // Offset first: a TLB fill may allocate a frame and grow (detach) the memory.
    const off = this.rOffset(lo, hi);
    return this.bytes[off];
  }

  ld16(lo: number, hi: number): number {
    if ((lo & 0xfff) > 0xffe) return this.ldCross(lo, hi, 2);
    const off = this.rOffset(lo, hi);
    return this.view.getUint16(off, true);
  }

  ld32(lo: number, hi: number): number {
    if ((lo & 0xfff) > 0xffc) return this.ldCross(lo, hi, 4);
    const off = this.rOffset(lo, hi);
    return this.view.getInt32(off, true);
  }

  /** 64-bit load: returns the low half; the high half is left in cpu.hi. */
  ld64(lo: number, hi: number): number {
    if ((lo & 0xfff) > 0xff8) {
      const l = this.ldCross(lo, hi, 4);
      const lo4 = (lo + 4) | 0;
      this.hi = this.ldCross(lo4, lo4 >>> 0 < lo >>> 0 ? (hi + 1) | 0 : hi, 4);
      return l;
    }
    const off = this.rOffset(lo, hi);
    this.hi = this.view.getInt32(off + 4, true);
    return this.view.getInt32(off, true);
  }

  private ldCross(lo: number, hi: number, size: number): number {
    // Bytes in address order, so a fault names the first byte of the
    // inaccessible page (as qemu and Linux report it).
    let v = 0;
    for (let i = 0; i < size; i++) {
      const l = (lo + i) | 0;
      const h = l >>> 0 < lo >>> 0 ? (hi + 1) | 0 : hi;
      const off = this.rOffset(l, h);
      v |= this.bytes[off] << (8 * i);
    }
    return size === 4 ? v | 0 : v >>> 0;
  }

  st8(lo: number, hi: number, val: number): void {
    const off = this.wOffset(lo, hi);
    this.bytes[off] = val;
  }

  st16(lo: number, hi: number, val: number): void {
    if ((lo & 0xfff) > 0xffe) return this.stCross(lo, hi, 2, val, 0);
    const off = this.wOffset(lo, hi);
    this.view.setUint16(off, val, true);
  }

  st32(lo: number, hi: number, val: number): void {
    if ((lo & 0xfff) > 0xffc) return this.stCross(lo, hi, 4, val, 0);
    const off = this.wOffset(lo, hi);
    this.view.setInt32(off, val, true);
  }

  st64(lo: number, hi: number, vlo: number, vhi: number): void {
    if ((lo & 0xfff) > 0xff8) return this.stCross(lo, hi, 8, vlo, vhi);
    const off = this.wOffset(lo, hi);
    this.view.setInt32(off, vlo, true);
    this.view.setInt32(off + 4, vhi, true);
  }

  private stCross(lo: number, hi: number, size: number, vlo: number, vhi: number): void {
    // Check every byte's page first so a fault leaves memory untouched.
    this.probeWrite(lo, hi, size);
    for (let i = 0; i < size; i++) {
      const l = (lo + i) | 0;
      const h = l >>> 0 < lo >>> 0 ? (hi + 1) | 0 : hi;
      const byte = i < 4 ? vlo >>> (8 * i) : vhi >>> (8 * (i - 4));
      const off = this.wOffset(l, h);
      this.bytes[off] = byte;
    }
  }

  /**
   * Check that a write of `size` bytes at (lo, hi) would succeed, without
   * writing (for multi-register stores that must not be half done).
   */
  probeWrite(lo: number, hi: number, size: number): void {
    this.wOffset(lo, hi);
    // The second page is checked at its first byte: that is the fault address.
    const next = (lo + size - 1) & ~0xfff;
    if (next !== (lo & ~0xfff)) this.wOffset(next, next >>> 0 < lo >>> 0 ? (hi + 1) | 0 : hi);
  }

  probeRead(lo: number, hi: number, size: number): void {
    this.rOffset(lo, hi);
    const next = (lo + size - 1) & ~0xfff;
    if (next !== (lo & ~0xfff)) this.rOffset(next, next >>> 0 < lo >>> 0 ? (hi + 1) | 0 : hi);
  }

  // ---------------------------------------------------------------- decode

  private codePage(lo: number, hi: number): CodePage {
    const slot = (lo >>> 12) & (PAGE_CACHE - 1);
    const c = this.pageCache[slot];
    if (c !== undefined && c.baseLo === (lo & ~0xfff) && c.baseHi === hi && c.valid) return c;
    const key = pageNumber(lo, hi);
    let p = this.code.pages.get(key);
    if (p) {
      this.pageCache[slot] = p;
      return p;
    }
    const frame = this.mem.translate(lo, hi, Access.Exec);
    if (frame < 0) {
      this.fault.addrLo = lo;
      this.fault.addrHi = hi;
      this.fault.kind = frame;
      this.fault.access = Access.Exec;
      throw this.fault;
    }
    p = {
      key,
      baseLo: lo & ~0xfff,
      baseHi: hi,
      frame,
      execs: new Array<Exec | undefined>(1024).fill(undefined),
      args: new Array<Args | undefined>(1024).fill(undefined),
      valid: true,
      kinds: new Uint8Array(1024),
      blocks: new Array<CompiledBlock | undefined>(1024).fill(undefined),
      heat: new Uint16Array(1024),
    };
    this.registerCode(p);
    this.pageCache[(lo >>> 12) & (PAGE_CACHE - 1)] = p;
    return p;
  }

  /** Enter a page into the code cache and stop fast writes to it on every CPU. */
  private registerCode(p: CodePage): void {
    // Another object for the same page (decoded meanwhile) must not stay valid beside this one.
    const old = this.code.pages.get(p.key);
    if (old !== undefined && old !== p) dropPage(old);
    this.code.pages.set(p.key, p);
    p.valid = true;
    const idx = (p.baseLo >>> 12) & TLB_MASK;
    for (const cpu of this.code.cpus) {
      if (cpu.wTagLo[idx] === p.baseLo && cpu.wTagHi[idx] === p.baseHi) cpu.wTagLo[idx] = TLB_EMPTY;
    }
  }

  private decodeInto(p: CodePage, idx: number): Exec {
    if (!p.valid) this.registerCode(p);
    const raw = this.view.getUint32(p.frame + idx * 4, true);
    const pcLo = (p.baseLo + idx * 4) | 0;
    const { exec, args, def } = decodeA64(raw, pcLo, p.baseHi);
    p.execs[idx] = exec;
    p.args[idx] = args;
    p.kinds[idx] = !def
      ? KIND_ENDS
      : WRITING_CLASS.test(def.cls)
        ? KIND_WRITES
        : ENDING_CLASS.test(def.cls)
          ? KIND_ENDS
          : 0;
    return exec;
  }

  /** Compile the block starting at slot idx of page p (decoding what is not yet decoded). */
  private compileAt(p: CodePage, idx: number): CompiledBlock {
    const execs: Exec[] = [];
    const args: Args[] = [];
    const writes: boolean[] = [];
    for (let i = idx; i < 1024 && execs.length < MAX_BLOCK; i++) {
      const e = p.execs[i] ?? this.decodeInto(p, i);
      execs.push(e);
      args.push(p.args[i]!);
      writes.push(p.kinds[i] === KIND_WRITES);
      if (p.kinds[i] === KIND_ENDS) break;
    }
    const b = compileBlock(execs, args, writes, p);
    p.blocks[idx] = b;
    return b;
  }

  // ---------------------------------------------------------------- run loop

  /**
   * Run up to `budget` instructions. Returns why it stopped; the PC then
   * points at the instruction to run next (or the one that faulted, see
   * StopReason).
   */
  run(budget: number): StopReason {
    this.stopReason = StopReason.None;
    this.stopRequested = false;
    this.linkCell = null;
    let executed = 0;
    let idx = 0;
    let page: CodePage | null = null;
    let inBlock = false;
    try {
      outer: while (executed < budget) {
        if (this.stopRequested) {
          this.stopReason = StopReason.Requested;
          break;
        }
        if ((this.pcLo & 3) !== 0) {
          this.stopReason = StopReason.Alignment;
          break;
        }
        page = this.curPage;
        if (page === null || page.baseLo !== (this.pcLo & ~0xfff) || page.baseHi !== this.pcHi || !page.valid) {
          page = this.codePage(this.pcLo, this.pcHi);
          this.curPage = page;
        }
        const execs = page.execs;
        const args = page.args;
        const baseLo = page.baseLo;
        const baseHi = page.baseHi;
        idx = (this.pcLo & 0xfff) >>> 2;
        const blocks = page.blocks;
        const heat = page.heat;
        let entry = true;
        for (;;) {
          if (entry) {
            // A block entry (after a branch, or where a block fell through):
            // run its compiled block when it is hot and the budget allows.
            entry = false;
            let blk = blocks[idx];
            if (blk === undefined && ++heat[idx] === this.hotThreshold) blk = this.compileAt(page, idx);
            if (blk !== undefined && budget - executed >= blk.len) {
              // The exit that came here without a chained block links to this one.
              const lc = this.linkCell as LinkCells | null; // (set by blocks, not only by run)
              if (lc !== null) {
                lc[this.linkIdx] = blk;
                this.linkCell = null;
              }
              inBlock = true;
              executed += blk.fn(this, budget - executed, 0, 0);
              inBlock = false;
              // A block always leaves with the PC set.
              if (this.stopReason !== StopReason.None) break outer;
              const t = this.pcLo;
              if ((t & ~0xffc) === baseLo && this.pcHi === baseHi && executed < budget && page.valid) {
                idx = (t & 0xfff) >>> 2;
                entry = true;
                continue;
              }
              continue outer;
            }
            this.linkCell = null;
          }
          let fn = execs[idx];
          if (fn === undefined) fn = this.decodeInto(page, idx);
          executed++;
          if (fn(this, args[idx]!)) {
            if (this.stopReason !== StopReason.None) break outer;
            // A taken branch to an aligned address in the same page (most
            // loops) stays in this loop: one mask-and-compare checks both.
            const t = this.pcLo;
            if ((t & ~0xffc) === baseLo && this.pcHi === baseHi && executed < budget) {
              idx = (t & 0xfff) >>> 2;
              entry = true;
              continue;
            }
            continue outer;
          }
          if (++idx === 1024) {
            this.pcLo = (baseLo + 4096) | 0;
            this.pcHi = this.pcLo === 0 ? (baseHi + 1) | 0 : baseHi;
            continue outer;
          }
          if (executed >= budget) {
            this.pcLo = (baseLo + idx * 4) | 0;
            this.pcHi = baseHi;
            break outer;
          }
        }
      }
      if (this.stopReason === StopReason.None) this.stopReason = StopReason.Budget;
    } catch (e) {
      if (e !== this.fault) throw e;
      if (this.fault.access === Access.Exec) {
        this.stopReason = StopReason.InstructionAbort;
      } else {
        // The faulting instruction did not complete: count it out, point at it.
        if (inBlock) {
          // Inside a compiled block (maybe chained): the instructions before it completed.
          executed += this.blockIndex;
          this.pcLo = this.blockArgs!.pcLo;
          this.pcHi = this.blockArgs!.pcHi;
        } else {
          executed--;
          this.pcLo = (page!.baseLo + idx * 4) | 0;
          this.pcHi = page!.baseHi;
        }
        this.stopReason = StopReason.DataAbort;
      }
    }
    this.icount += executed;
    return this.stopReason;
  }

  /** Execute the instruction at PC only; for debuggers and differential tests. */
  step(): StopReason {
    return this.run(1);
  }

  // ---------------------------------------------------------------- exceptions raised by instructions

  /** Stop with an exception at the instruction `a` (pc left pointing at it). */
  stopAt(a: Args, reason: StopReason): number {
    this.pcLo = a.pcLo;
    this.pcHi = a.pcHi;
    this.stopReason = reason;
    return 2;
  }

  /** Report an UNDEFINED instruction once per encoding word, then stop. */
  undefinedInstruction(a: Args, why: string): number {
    if (!this.reported.has(a.raw)) {
      this.reported.add(a.raw);
      this.diagnostic(`armvisor: UNDEFINED instruction ${hexWord(a.raw)} at ${hexPc(a.pcLo, a.pcHi)}: ${why}`);
    }
    this.excInsn = a.raw;
    return this.stopAt(a, StopReason.Undefined);
  }
}

const hexWord = (w: number): string => '0x' + (w >>> 0).toString(16).padStart(8, '0');
const hexPc = (lo: number, hi: number): string => '0x' + ((BigInt(hi >>> 0) << 32n) | BigInt(lo >>> 0)).toString(16);

// -------------------------------------------------------------------- decoder glue

/** UNDEFINED for an encoding with no entry in the table. */
const unallocatedEncoding: Exec = (cpu, a) => cpu.undefinedInstruction(a, 'unallocated encoding');

/** Decode one instruction word at (pcLo, pcHi) into its exec and argument record. */
export function decodeA64(raw: number, pcLo: number, pcHi: number): { exec: Exec; args: Args; def: A64Def | null } {
  const def = a64Decoder().lookup(raw);
  const args: Args = { raw: raw >>> 0, pcLo, pcHi };
  if (!def) return { exec: unallocatedEncoding, args, def: null };
  const fields = a64Decoder().fieldsOf(def, raw);
  for (const k in fields) args[k] = fields[k];
  const sem = semanticsFor(def.name);
  if (!sem) {
    const dis = disassembleA64(raw, (BigInt(pcHi >>> 0) << 32n) | BigInt(pcLo >>> 0));
    const why = `${def.name} (${def.cls}) is not implemented: ${dis}`;
    return { exec: (cpu, a) => cpu.undefinedInstruction(a, why), args, def };
  }
  let exec = sem.exec;
  if (sem.prep) {
    const special = sem.prep(args);
    if (special) exec = special;
  }
  return { exec, args, def };
}
