/**
 * The difftest case and result records, shared by the generator, the qemu
 * runner and the armvisor runner. The binary layout must match
 * test/guest/difftest/harness.c (struct case_hdr / result_hdr / diff);
 * docs/DIFFTEST.md describes it.
 */

/** Where the harness (and armvisor) put the instructions: one RWX page. */
export const CODE_ADDR = 0x20000000;
export const CODE_SIZE = 0x1000;
/** The data block: read/write, surrounded by unmapped guard areas. */
export const DATA_ADDR = 0x10000000;
export const DATA_SIZE = 0x10000;
/** Most instructions one case may hold (the page also holds the end trap). */
export const MAX_INSNS = 1000;

export const CASE_MAGIC = 0x31435444; // "DTC1"
export const RESULT_MAGIC = 0x31525444; // "DTR1"
/** `brk #0x7a7`: ends every sequence. */
export const END_BRK = 0xd420f4e0;

export const CASE_HDR_SIZE = 808;
export const RESULT_HDR_SIZE = 824;
export const DIFF_SIZE = 16;

/** Linux signal numbers (aarch64 uses the generic ones). */
export const SIGILL = 4;
export const SIGTRAP = 5;
export const SIGBUS = 7;
export const SIGFPE = 8;
export const SIGSEGV = 11;
/** The harness's per-case CPU-time limit expired (the sequence loops). */
export const SIGVTALRM = 26;

export const SIGNAL_NAMES: { [n: number]: string } = {
  [SIGILL]: 'SIGILL',
  [SIGTRAP]: 'SIGTRAP',
  [SIGBUS]: 'SIGBUS',
  [SIGFPE]: 'SIGFPE',
  [SIGSEGV]: 'SIGSEGV',
  [SIGVTALRM]: 'SIGVTALRM (time limit: the sequence loops)',
};

/** Architectural state at the start or end of a case. 64-bit values are unsigned bigints. */
export interface CpuState {
  /** X0..X30 */
  x: bigint[];
  sp: bigint;
  tpidr: bigint;
  /** NZCV in bits 31..28, as PSTATE/the NZCV register */
  nzcv: number;
  fpcr: number;
  fpsr: number;
  /** V0..V31, 16 bytes each */
  v: Uint8Array;
}

export interface TestCase {
  /** Which class/entries it exercises (for reports). */
  cls: string;
  entries: string[];
  insns: number[];
  /** Special behaviours the case relies on beyond its instructions (e.g. "tbi": tagged addresses). */
  features?: string[];
  /** Seed of the data block contents (see data-block.ts). */
  dataSeed: number;
  state: CpuState;
}

export interface CaseResult {
  /** The signal that ended the case (SIGTRAP at the end trap when it ran through). */
  signo: number;
  siCode: number;
  /** si_addr: the faulting data address for SIGSEGV/SIGBUS, the instruction for SIGILL/SIGTRAP. */
  faultAddr: bigint;
  pc: bigint;
  state: CpuState;
  /** Data-block words that differ from the initial contents: byte offset (multiple of 8) → 8 bytes. */
  diffs: Map<number, Uint8Array>;
}

export function emptyState(): CpuState {
  return { x: new Array<bigint>(31).fill(0n), sp: 0n, tpidr: 0n, nzcv: 0, fpcr: 0, fpsr: 0, v: new Uint8Array(512) };
}

export function encodeCase(c: TestCase): Uint8Array {
  if (c.insns.length > MAX_INSNS) throw new Error(`a case holds at most ${MAX_INSNS} instructions`);
  const buf = new Uint8Array(CASE_HDR_SIZE + 4 * c.insns.length);
  const dv = new DataView(buf.buffer);
  dv.setUint32(0, CASE_MAGIC, true);
  dv.setUint32(4, c.insns.length, true);
  dv.setUint32(8, c.dataSeed >>> 0, true);
  dv.setUint32(12, 0, true);
  const s = c.state;
  for (let i = 0; i < 31; i++) dv.setBigUint64(16 + 8 * i, s.x[i], true);
  dv.setBigUint64(264, s.sp, true);
  dv.setBigUint64(272, s.tpidr, true);
  dv.setUint32(280, s.nzcv >>> 0, true);
  dv.setUint32(284, s.fpcr >>> 0, true);
  dv.setUint32(288, s.fpsr >>> 0, true);
  buf.set(s.v, 296);
  c.insns.forEach((w, i) => dv.setUint32(CASE_HDR_SIZE + 4 * i, w >>> 0, true));
  return buf;
}

/**
 * Parse result records from `buf` starting at `off`. Returns the results and
 * the offset after the last complete record (a partial one stays unread).
 */
export function decodeResults(buf: Uint8Array, off = 0): { results: CaseResult[]; next: number } {
  const dv = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const results: CaseResult[] = [];
  while (off + RESULT_HDR_SIZE <= buf.length) {
    if (dv.getUint32(off, true) !== RESULT_MAGIC) throw new Error(`difftest: bad result magic at byte ${off}`);
    const ndiff = dv.getUint32(off + 12, true);
    const end = off + RESULT_HDR_SIZE + ndiff * DIFF_SIZE;
    if (end > buf.length) break;
    const x: bigint[] = [];
    for (let i = 0; i < 31; i++) x.push(dv.getBigUint64(off + 32 + 8 * i, true));
    const state: CpuState = {
      x,
      sp: dv.getBigUint64(off + 280, true),
      tpidr: dv.getBigUint64(off + 288, true),
      nzcv: dv.getUint32(off + 296, true),
      fpcr: dv.getUint32(off + 300, true),
      fpsr: dv.getUint32(off + 304, true),
      v: buf.slice(off + 312, off + 312 + 512),
    };
    const diffs = new Map<number, Uint8Array>();
    for (let i = 0; i < ndiff; i++) {
      const d = off + RESULT_HDR_SIZE + i * DIFF_SIZE;
      diffs.set(dv.getUint32(d, true), buf.slice(d + 8, d + 16));
    }
    results.push({
      signo: dv.getUint32(off + 4, true),
      siCode: dv.getUint32(off + 8, true),
      faultAddr: dv.getBigUint64(off + 16, true),
      pc: dv.getBigUint64(off + 24, true),
      state,
      diffs,
    });
    off = end;
  }
  return { results, next: off };
}
