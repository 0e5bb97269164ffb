/**
 * Per-class generation constraints: which words must not be generated, which
 * register fields are memory bases or indices, which fields are branch
 * offsets. Data, matched by encoding class (regexp on `cls`), entry name or
 * the raw instruction word — so it keeps working as the tables grow, whatever
 * names their owners give to fields (field names are matched case-blind).
 */

/** Field values of one instruction, keys in lower case. */
export type LowerFields = { readonly [name: string]: number };

export interface Hook {
  /** Applies to entries whose class matches (all when absent). */
  cls?: RegExp;
  /** Applies to entries whose name matches (all when absent). */
  entry?: RegExp;
  /** Applies to instruction words for which this holds (all when absent). */
  word?: (w: number) => boolean;
  /** Do not generate such words: why (a word is retried). */
  exclude?: string;
  /** Do not generate the word when this holds for its fields; `exclude` gives the reason. */
  excludeIf?: (f: LowerFields, w: number) => boolean;
  /** Register fields that address memory: set to an address in the data block (SP for 31). */
  memBase?: string[];
  /** Strongest alignment the base needs (exclusives/atomics); misaligned only rarely. */
  strictAlign?: boolean;
  /** Register fields that are an index/offset: set to small values. */
  index?: string[];
  /** Immediate fields that are PC-relative branch offsets in words: forward, inside the sequence. */
  branch?: string[];
  /** Register fields holding a branch target: an address forward inside the sequence. */
  branchReg?: string[];
  /** Immediate fields of PC-relative literal loads in words: kept inside the code page. */
  literal?: string[];
  /** Bits (a mask) that every instruction of one sequence shares, e.g. the access size. */
  uniform?: number;
  /**
   * Sparse encodings: with probability p, set the bits in `mask` to one of
   * `values` (e.g. the few system registers EL0 may access), since random
   * bits would almost never hit them.
   */
  choose?: { mask: number; values: readonly number[]; p: number };
  /** A last adjustment of the word, given a random number in [0, 1). */
  fixup?: (w: number, r: number) => number;
}

/** The op0..op2 bits (20:5) of MRS/MSR for a system register. */
const sr = (op0: number, op1: number, crn: number, crm: number, op2: number): number =>
  ((op0 - 2) << 19) | (op1 << 16) | (crn << 12) | (crm << 8) | (op2 << 5);

const bits = (w: number, lo: number, len: number): number => (w >>> lo) & ((1 << len) - 1);

/** MRS/MSR (register): op0 = 2 + o0, op1, CRn, CRm, op2 from the word. */
const isSysregMove = (w: number): boolean => (w & 0xffd00000) >>> 0 === 0xd5100000;
const sysreg = (w: number): { op0: number; op1: number; crn: number; crm: number; op2: number } => ({
  op0: 2 + bits(w, 19, 1),
  op1: bits(w, 16, 3),
  crn: bits(w, 12, 4),
  crm: bits(w, 8, 4),
  op2: bits(w, 5, 3),
});

const isLoadStoreClass =
  /load|store|atomic|compare and swap|swap|LDAPR|STLR|exclusive|ordered|memory (copy|set)|prefetch|LDRA/i;

export const HOOKS: readonly Hook[] = [
  // ---- words that cannot be compared
  // (The PAC instructions of the hint space are compared: qemu runs with pauth=off, where they
  // are NOPs as on armvisor, which does not implement FEAT_PAuth.)
  {
    word: (w) => (w & 0xff000000) >>> 0 === 0xd4000000,
    exclude: 'exception generation (SVC/HVC/SMC/BRK/HLT/DCPS) ends the case or enters a supervisor',
  },
  {
    word: (w) => {
      if (!isSysregMove(w)) return false;
      const r = sysreg(w);
      return (
        r.crn === 14 || // generic timer: counters and frequency differ run to run
        (r.op0 === 3 && r.op1 === 0 && r.crn === 0) || // ID registers (MIDR, ID_AA64*): host/model specific
        (r.op0 === 3 && r.op1 === 3 && r.crn === 0 && r.crm === 0) || // CTR_EL0, DCZID_EL0: model specific
        (r.op0 === 3 && r.op1 === 3 && r.crn === 2 && r.crm === 4) || // RNDR, RNDRRS: random
        (r.op0 === 3 && r.op1 === 3 && r.crn === 9) // PMU counters
      );
    },
    exclude:
      'MRS/MSR of a counter, ID (incl. CTR_EL0, DCZID_EL0), random-number or PMU register (values legitimately differ)',
  },
  {
    // MSR TCO, #imm (PSTATE op1=3, op2=4) and MRS/MSR TCO (S3_3_C4_C2_7): FEAT_MTE, which qemu-user's
    // -cpu max always has and armvisor does not implement (UNDEFINED, as on a CPU without MTE).
    word: (w) => (w & 0xfffff0ff) >>> 0 === 0xd503409f || (w & 0xffdfffe0) >>> 0 === 0xd51b42e0,
    exclude: 'PSTATE.TCO belongs to FEAT_MTE, which qemu-user cannot turn off and armvisor does not implement',
  },
  {
    word: (w) => (w & 0xffff0000) >>> 0 === 0xdac10000 && bits(w, 10, 6) < 16, // PAC*/AUT* (data-processing 1 source)
    exclude: 'pointer authentication: qemu-user picks random keys per process',
  },
  {
    word: (w) => (w & 0xfe000000) >>> 0 === 0xd6000000 && bits(w, 11, 5) === 1, // BRAA.. BLRAA.. RETAA.. ERETAA..
    exclude: 'pointer authentication: qemu-user picks random keys per process',
  },
  {
    word: (w) => (w & 0xff200400) >>> 0 === 0xf8200400, // LDRAA/LDRAB
    exclude: 'pointer authentication: qemu-user picks random keys per process',
  },
  {
    word: (w) => (w & 0xffffffe0) >>> 0 === 0xd50b7420, // DC ZVA
    exclude: 'DC ZVA zeroes a model-specific block (DCZID_EL0: qemu -cpu max 512 bytes, armvisor 64 bytes)',
  },
  {
    word: (w) => (w & 0xffe0fc00) >>> 0 === 0x9ac01000, // IRG
    exclude: 'IRG inserts a random allocation tag',
  },

  {
    // FCVTZS/FCVTZU (scalar, fixed-point) Hd, Hn, #fbits: qemu 7.2 writes a
    // 32-bit result (e.g. 0xffffff50 for -176) instead of zeroing above bit 15.
    word: (w) => (w & 0xdff0fc00) >>> 0 === 0x5f10fc00,
    exclude: 'qemu 7.2 bug: scalar half-precision FCVTZS/FCVTZU (fixed-point) writes 32 bits',
  },

  // ---- CONSTRAINED UNPREDICTABLE register combinations (ARM ARM K1.2): reference and model may differ legitimately
  {
    cls: /^Load\/store register.*(pre-indexed|post-indexed)|^Load\/store register pair \((pre|post)-indexed\)/i,
    excludeIf: (f) => f.v !== 1 && f.rn !== 31 && (f.rn === f.rt || f.rn === f.rt2),
    exclude: 'writeback with Rn == Rt is CONSTRAINED UNPREDICTABLE',
  },
  {
    cls: /^Load\/store (register pair|no-allocate pair)/i,
    excludeIf: (f) => f.l === 1 && f.rt === f.rt2,
    exclude: 'load pair with Rt == Rt2 is CONSTRAINED UNPREDICTABLE',
  },
  {
    cls: /exclusive|ordered/i,
    excludeIf: (f) =>
      (f.l === 0 && f.rs !== undefined && (f.rs === f.rt || f.rs === f.rt2 || (f.rs === f.rn && f.rn !== 31))) ||
      (f.l === 1 && f.rt2 !== undefined && f.o1 === 1 && f.rt === f.rt2),
    exclude:
      'store-exclusive status register overlapping data/base, or load-exclusive pair with Rt == Rt2: CONSTRAINED UNPREDICTABLE',
  },
  {
    cls: /compare and swap pair/i,
    excludeIf: (f) => (f.rs & 1) === 1 || (f.rt & 1) === 1,
    exclude: 'CASP with an odd register is CONSTRAINED UNPREDICTABLE',
  },

  {
    // A store-exclusive whose size differs from the load-exclusive's may or
    // may not succeed (CONSTRAINED UNPREDICTABLE): keep one size per sequence.
    cls: /exclusive/i,
    uniform: 0xc0000000,
  },

  // ---- sparse encodings
  {
    cls: /^System register move$/i,
    choose: {
      mask: 0x000fffe0,
      p: 0.9,
      values: [
        sr(3, 3, 4, 2, 0), // NZCV
        sr(3, 3, 4, 4, 0), // FPCR
        sr(3, 3, 4, 4, 1), // FPSR
        sr(3, 3, 13, 0, 2), // TPIDR_EL0
        sr(3, 3, 13, 0, 3), // TPIDRRO_EL0
        sr(3, 3, 0, 0, 1), // CTR_EL0
        sr(3, 3, 0, 0, 7), // DCZID_EL0
        sr(3, 3, 4, 2, 5), // DIT
        sr(3, 3, 4, 2, 6), // SSBS
        sr(3, 3, 4, 2, 7), // TCO
        sr(3, 3, 4, 2, 1), // DAIF (UNDEFINED at EL0 without SCTLR_EL1.UMA)
        sr(3, 0, 4, 2, 0), // SPSel (EL1 only)
        sr(3, 0, 4, 2, 2), // CurrentEL (EL1 only)
        sr(3, 0, 1, 0, 0), // SCTLR_EL1 (EL1 only)
      ],
    },
  },
  {
    cls: /^System instructions$/i,
    entry: /^SYS$/i,
    choose: {
      mask: 0x0007ffe0, // op1, CRn, CRm, op2
      p: 0.9,
      values: [
        [3, 7, 10, 1], // DC CVAC
        [3, 7, 11, 1], // DC CVAU
        [3, 7, 12, 1], // DC CVAP
        [3, 7, 14, 1], // DC CIVAC
        [3, 7, 5, 1], // IC IVAU
        [0, 7, 6, 1], // DC IVAC (EL1 only)
        [0, 8, 3, 0], // TLBI VMALLE1IS (EL1 only)
      ].map(([op1, crn, crm, op2]) => (op1 << 16) | (crn << 12) | (crm << 8) | (op2 << 5)),
    },
  },
  {
    cls: /^Unconditional branch \(register\)$/i,
    choose: { mask: 0xfffffc1f, p: 0.9, values: [0xd61f0000, 0xd63f0000, 0xd65f0000] }, // BR, BLR, RET with a random Rn
  },

  {
    // LDAPUR/STLUR need natural alignment: align the 9-bit offset (bits 20:12)
    // to the access size (bits 31:30) most of the time.
    cls: /^LDAPR\/STLR \(unscaled immediate\)$/i,
    fixup: (w, r) => (r < 0.8 ? (w & ~(((1 << (w >>> 30)) - 1) << 12)) >>> 0 : w),
  },

  // ---- memory addressing
  { cls: /exclusive|ordered|compare and swap|atomic|LDAPR|STLR/i, memBase: ['rn'], strictAlign: true },
  { cls: isLoadStoreClass, memBase: ['rn'], index: ['rm'] },
  { cls: /literal/i, literal: ['imm19', 'imm'] },
  {
    // SYS with CRn=7: DC ZVA / DC CVAC / IC IVAU ... take an address in Xt
    word: (w) => (w & 0xfff8f000) >>> 0 === 0xd5087000,
    memBase: ['rt'],
  },

  // ---- branches: forward, inside the sequence
  { cls: /branch \(register\)/i, branchReg: ['rn'] },
  { cls: /branch|compare and branch|test and branch/i, branch: ['imm26', 'imm19', 'imm14', 'imm', 'offset', 'label'] },
];

/** The hooks that apply to an entry (class and name), before looking at words. */
export function hooksFor(cls: string, name: string): Hook[] {
  return HOOKS.filter((h) => (!h.cls || h.cls.test(cls)) && (!h.entry || h.entry.test(name)));
}
