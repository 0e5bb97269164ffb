/**
 * Loads and stores (ARM ARM C4.1.4), except the Advanced SIMD structure
 * loads/stores (LD1-4/ST1-4, in ./simd-perm.ts).
 *
 * One entry per instruction family with its opcode bits fixed: the size field
 * is kept open where every size is allocated, and prep (semantics/ldst.ts)
 * sorts out the few reserved combinations. Memory tagging (STGP, STG…),
 * pointer authentication (LDRAA/LDRAB) and FEAT_MOPS have no entries, so they
 * decode as UNDEFINED.
 */
import { target, vscalar, xreg, type A64Def, type Fields } from '../encoding.js';

// ---------------------------------------------------------------- operand printers

/** Base register: always X or SP. */
const base = (rn: number): string => xreg(rn, 1, true);
/** Memory operand with a byte offset (decimal, as objdump prints it). */
const memOff = (rn: number, off: number): string => (off ? `[${base(rn)}, #${off}]` : `[${base(rn)}]`);
const memPre = (rn: number, off: number): string => `[${base(rn)}, #${off}]!`;
const memPost = (rn: number, off: number): string => `[${base(rn)}], #${off}`;

const PRF_TYPE = ['pld', 'pli', 'pst'];
/** PRFM operation name (C6.2.247) or its number when unallocated. */
function prfop(rt: number): string {
  const type = rt >> 3;
  const tgt = (rt >> 1) & 3;
  if (type === 3 || tgt === 3) return '#0x' + rt.toString(16).padStart(2, '0');
  return `${PRF_TYPE[type]}l${tgt + 1}${rt & 1 ? 'strm' : 'keep'}`;
}

/** Register-offset operand: option/S as in C6.2 "LDR (register)". */
/** Register-offset operand; `option` is option<2>:option<0> (option<1> is 1 in every allocated encoding). */
function memReg(rn: number, rm: number, option: number, s: number, log2: number): string {
  const m = xreg(rm, option & 1, false);
  const ext = ['uxtw', 'lsl', 'sxtw', 'sxtx'][option];
  if (option === 1 && !s) return `[${base(rn)}, ${m}]`;
  return `[${base(rn)}, ${m}, ${ext}${s ? ` #${log2}` : ''}]`;
}

// ---------------------------------------------------------------- single register: mnemonics

/** GP store mnemonic suffix and register width by size. */
const SUF = ['b', 'h', '', ''];

type Mode = 'unscaled' | 'post' | 'unpriv' | 'pre' | 'uimm' | 'reg';

/** Mnemonic stem for a mode: "ldr" → "ldur" (unscaled) / "ldtr" (unprivileged). */
function stem(kind: 'ld' | 'st', mode: Mode): string {
  return kind + (mode === 'unscaled' ? 'ur' : mode === 'unpriv' ? 'tr' : 'r');
}

/** Memory operand for one of the single-register modes. `scale` is log2 of the access size. */
function singleMem(f: Fields, mode: Mode, scale: number): string {
  switch (mode) {
    case 'unscaled':
    case 'unpriv':
      return memOff(f.rn, f.imm);
    case 'post':
      return memPost(f.rn, f.imm);
    case 'pre':
      return memPre(f.rn, f.imm);
    case 'uimm':
      return memOff(f.rn, f.imm << scale);
    case 'reg':
      return memReg(f.rn, f.rm, f.option, f.S, scale);
  }
}

const CLS: Record<Mode, string> = {
  unscaled: 'Load/store register (unscaled immediate)',
  post: 'Load/store register (immediate post-indexed)',
  unpriv: 'Load/store register (unprivileged)',
  pre: 'Load/store register (immediate pre-indexed)',
  uimm: 'Load/store register (unsigned immediate)',
  reg: 'Load/store register (register offset)',
};

/** The address-mode bits of each mode, with `OPC` standing for the 2-bit opc position. */
function singlePattern(mode: Mode, head: string, opc: string): string {
  switch (mode) {
    case 'unscaled':
      return `${head} 00 ${opc} 0 imm:s9 00 rn:5 rt:5`;
    case 'post':
      return `${head} 00 ${opc} 0 imm:s9 01 rn:5 rt:5`;
    case 'unpriv':
      return `${head} 00 ${opc} 0 imm:s9 10 rn:5 rt:5`;
    case 'pre':
      return `${head} 00 ${opc} 0 imm:s9 11 rn:5 rt:5`;
    case 'uimm':
      return `${head} 01 ${opc} imm:12 rn:5 rt:5`;
    case 'reg':
      return `${head} 00 ${opc} 1 rm:5 option:1 1 option:1 S:1 10 rn:5 rt:5`;
  }
}

const MODE_TAG: Record<Mode, string> = {
  unscaled: 'UR',
  post: 'POST',
  unpriv: 'TR',
  pre: 'PRE',
  uimm: 'UIMM',
  reg: 'REG',
};

function singleEntries(mode: Mode): A64Def[] {
  const t = MODE_TAG[mode];
  const cls = CLS[mode];
  const out: A64Def[] = [
    {
      // STRB/STRH/STR W/STR X (and STUR*, STTR*)
      name: `ST_${t}`,
      cls,
      pattern: singlePattern(mode, 'size:2 111 0', '00'),
      dis: (f) => `${stem('st', mode)}${SUF[f.size]} ${xreg(f.rt, f.size === 3)}, ${singleMem(f, mode, f.size)}`,
    },
    {
      // LDRB/LDRH/LDR W/LDR X, zero-extending
      name: `LD_${t}`,
      cls,
      pattern: singlePattern(mode, 'size:2 111 0', '01'),
      dis: (f) => `${stem('ld', mode)}${SUF[f.size]} ${xreg(f.rt, f.size === 3)}, ${singleMem(f, mode, f.size)}`,
    },
    {
      // LDRSB/LDRSH to X (opc 10) or W (opc 11)
      name: `LDS_${t}`,
      cls,
      pattern: singlePattern(mode, '0 size:1 111 0', '1 w:1'),
      dis: (f) => `${stem('ld', mode)}s${SUF[f.size]} ${xreg(f.rt, !f.w)}, ${singleMem(f, mode, f.size)}`,
    },
    {
      name: `LDRSW_${t}`,
      cls,
      pattern: singlePattern(mode, '10 111 0', '10'),
      dis: (f) => `${stem('ld', mode)}sw ${xreg(f.rt, 1)}, ${singleMem(f, mode, 2)}`,
    },
  ];
  if (mode === 'unscaled' || mode === 'uimm' || mode === 'reg') {
    out.push({
      name: `PRFM_${t}`,
      cls,
      pattern: singlePattern(mode, '11 111 0', '10'),
      dis: (f) => `${mode === 'unscaled' ? 'prfum' : 'prfm'} ${prfop(f.rt)}, ${singleMem(f, mode, 3)}`,
    });
  }
  if (mode !== 'unpriv') {
    out.push(
      {
        // STR/LDR B, H, S, D
        name: `FP_${t}`,
        cls,
        pattern: singlePattern(mode, 'size:2 111 1', '0 l:1'),
        dis: (f) => `${stem(f.l ? 'ld' : 'st', mode)} ${vscalar(f.rt, 1 << f.size)}, ${singleMem(f, mode, f.size)}`,
      },
      {
        // STR/LDR Q
        name: `FPQ_${t}`,
        cls,
        pattern: singlePattern(mode, '00 111 1', '1 l:1'),
        dis: (f) => `${stem(f.l ? 'ld' : 'st', mode)} ${vscalar(f.rt, 16)}, ${singleMem(f, mode, 4)}`,
      },
    );
  }
  return out;
}

// ---------------------------------------------------------------- pairs

type PairMode = 'noalloc' | 'post' | 'off' | 'pre';
const PAIR_CLS: Record<PairMode, string> = {
  noalloc: 'Load/store no-allocate pair (offset)',
  post: 'Load/store register pair (post-indexed)',
  off: 'Load/store register pair (offset)',
  pre: 'Load/store register pair (pre-indexed)',
};
const PAIR_BITS: Record<PairMode, string> = { noalloc: '000', post: '001', off: '010', pre: '011' };
const PAIR_TAG: Record<PairMode, string> = { noalloc: 'NP', post: 'POST', off: 'OFF', pre: 'PRE' };

function pairMem(f: Fields, mode: PairMode, scale: number): string {
  const off = f.imm7 << scale;
  return mode === 'post' ? memPost(f.rn, off) : mode === 'pre' ? memPre(f.rn, off) : memOff(f.rn, off);
}

function pairEntries(mode: PairMode): A64Def[] {
  const t = PAIR_TAG[mode];
  const cls = PAIR_CLS[mode];
  const bits = PAIR_BITS[mode];
  const mn = (l: number): string => (l ? 'ld' : 'st') + (mode === 'noalloc' ? 'np' : 'p');
  const out: A64Def[] = [
    {
      // STP/LDP W (sf 0) or X (sf 1)
      name: `P_${t}`,
      cls,
      pattern: `sf:1 0 101 0 ${bits} l:1 imm7:s7 rt2:5 rn:5 rt:5`,
      dis: (f) => `${mn(f.l)} ${xreg(f.rt, f.sf)}, ${xreg(f.rt2, f.sf)}, ${pairMem(f, mode, 2 + f.sf)}`,
    },
    {
      // STP/LDP S (opc 00), D (01)
      name: `PFP_${t}`,
      cls,
      pattern: `0 opc:1 101 1 ${bits} l:1 imm7:s7 rt2:5 rn:5 rt:5`,
      dis: (f) =>
        `${mn(f.l)} ${vscalar(f.rt, 4 << f.opc)}, ${vscalar(f.rt2, 4 << f.opc)}, ${pairMem(f, mode, 2 + f.opc)}`,
    },
    {
      // STP/LDP Q (opc 10; opc 11 is unallocated)
      name: `PFPQ_${t}`,
      cls,
      pattern: `10 101 1 ${bits} l:1 imm7:s7 rt2:5 rn:5 rt:5`,
      dis: (f) => `${mn(f.l)} ${vscalar(f.rt, 16)}, ${vscalar(f.rt2, 16)}, ${pairMem(f, mode, 4)}`,
    },
  ];
  if (mode !== 'noalloc') {
    out.push({
      name: `LDPSW_${t}`,
      cls,
      pattern: `01 101 0 ${bits} 1 imm7:s7 rt2:5 rn:5 rt:5`,
      dis: (f) => `ldpsw ${xreg(f.rt, 1)}, ${xreg(f.rt2, 1)}, ${pairMem(f, mode, 2)}`,
    });
  }
  return out;
}

// ---------------------------------------------------------------- exclusives, ordered, CAS

/** Size suffix of the byte/halfword forms; W and X have none. */
const BH = (size: number): string => SUF[size];
/** Register width for size: X only for size 3. */
const rw = (r: number, size: number): string => xreg(r, size === 3);
const AL = (a: number, l: number): string => (a ? 'a' : '') + (l ? 'l' : '');

// ---------------------------------------------------------------- atomics

const ATOMIC_OPS = ['add', 'clr', 'eor', 'set', 'smax', 'smin', 'umax', 'umin'];

export const ldstEncodings: A64Def[] = [
  // ---- Load register (literal)
  {
    name: 'LDR_lit',
    cls: 'Load register (literal)',
    pattern: '0 sf:1 011 0 00 imm19:s19 rt:5',
    dis: (f, pc) => `ldr ${xreg(f.rt, f.sf)}, ${target(pc, f.imm19 * 4)}`,
  },
  {
    name: 'LDRSW_lit',
    cls: 'Load register (literal)',
    pattern: '10 011 0 00 imm19:s19 rt:5',
    dis: (f, pc) => `ldrsw ${xreg(f.rt, 1)}, ${target(pc, f.imm19 * 4)}`,
  },
  {
    name: 'PRFM_lit',
    cls: 'Load register (literal)',
    pattern: '11 011 0 00 imm19:s19 rt:5',
    dis: (f, pc) => `prfm ${prfop(f.rt)}, ${target(pc, f.imm19 * 4)}`,
  },
  {
    // LDR S (opc 00), D (01)
    name: 'LDR_lit_fp',
    cls: 'Load register (literal)',
    pattern: '0 opc:1 011 1 00 imm19:s19 rt:5',
    dis: (f, pc) => `ldr ${vscalar(f.rt, 4 << f.opc)}, ${target(pc, f.imm19 * 4)}`,
  },
  {
    // LDR Q (opc 10; opc 11 is unallocated)
    name: 'LDR_lit_q',
    cls: 'Load register (literal)',
    pattern: '10 011 1 00 imm19:s19 rt:5',
    dis: (f, pc) => `ldr ${vscalar(f.rt, 16)}, ${target(pc, f.imm19 * 4)}`,
  },

  // ---- pairs
  ...pairEntries('noalloc'),
  ...pairEntries('post'),
  ...pairEntries('off'),
  ...pairEntries('pre'),

  // ---- single register
  ...singleEntries('unscaled'),
  ...singleEntries('post'),
  ...singleEntries('unpriv'),
  ...singleEntries('pre'),
  ...singleEntries('uimm'),
  ...singleEntries('reg'),

  // ---- Load/store exclusive register: Rs (stores only) and Rt2 are not decoded
  {
    name: 'STXR',
    cls: 'Load/store exclusive register',
    pattern: 'size:2 001000 0 0 0 rs:5 o0:1 rt2:5 rn:5 rt:5',
    dis: (f) => `st${f.o0 ? 'l' : ''}xr${BH(f.size)} ${xreg(f.rs, 0)}, ${rw(f.rt, f.size)}, ${memOff(f.rn, 0)}`,
  },
  {
    name: 'LDXR',
    cls: 'Load/store exclusive register',
    pattern: 'size:2 001000 0 1 0 rs:5 o0:1 rt2:5 rn:5 rt:5',
    dis: (f) => `ld${f.o0 ? 'a' : ''}xr${BH(f.size)} ${rw(f.rt, f.size)}, ${memOff(f.rn, 0)}`,
  },
  // ---- Load/store exclusive pair (size 1x; size 0x is CASP)
  {
    name: 'STXP',
    cls: 'Load/store exclusive pair',
    pattern: '1 sf:1 001000 0 0 1 rs:5 o0:1 rt2:5 rn:5 rt:5',
    dis: (f) =>
      `st${f.o0 ? 'l' : ''}xp ${xreg(f.rs, 0)}, ${xreg(f.rt, f.sf)}, ${xreg(f.rt2, f.sf)}, ${memOff(f.rn, 0)}`,
  },
  {
    name: 'LDXP',
    cls: 'Load/store exclusive pair',
    pattern: '1 sf:1 001000 0 1 1 rs:5 o0:1 rt2:5 rn:5 rt:5',
    dis: (f) => `ld${f.o0 ? 'a' : ''}xp ${xreg(f.rt, f.sf)}, ${xreg(f.rt2, f.sf)}, ${memOff(f.rn, 0)}`,
  },
  // ---- Compare and swap pair: Rs and Rt even (odd ones are unallocated); rsh/rth are half the numbers
  {
    name: 'CASP',
    cls: 'Compare and swap pair',
    pattern: '0 sf:1 001000 0 l:1 1 rsh:4 0 o0:1 11111 rn:5 rth:4 0',
    dis: (f) => {
      const r = (n: number): string => xreg(n, f.sf);
      return `casp${AL(f.l, f.o0)} ${r(2 * f.rsh)}, ${r(2 * f.rsh + 1)}, ${r(2 * f.rth)}, ${r(2 * f.rth + 1)}, ${memOff(f.rn, 0)}`;
    },
  },
  // ---- Load/store ordered: STLLR (o0 0), STLR (o0 1), LDLAR, LDAR; Rs and Rt2 are not decoded
  {
    name: 'STLR',
    cls: 'Load/store ordered',
    pattern: 'size:2 001000 1 0 0 rs:5 o0:1 rt2:5 rn:5 rt:5',
    dis: (f) => `st${f.o0 ? '' : 'l'}lr${BH(f.size)} ${rw(f.rt, f.size)}, ${memOff(f.rn, 0)}`,
  },
  {
    name: 'LDAR',
    cls: 'Load/store ordered',
    pattern: 'size:2 001000 1 1 0 rs:5 o0:1 rt2:5 rn:5 rt:5',
    dis: (f) => `ld${f.o0 ? '' : 'l'}ar${BH(f.size)} ${rw(f.rt, f.size)}, ${memOff(f.rn, 0)}`,
  },
  // ---- Compare and swap
  {
    name: 'CAS',
    cls: 'Compare and swap',
    pattern: 'size:2 001000 1 l:1 1 rs:5 o0:1 11111 rn:5 rt:5',
    dis: (f) => `cas${AL(f.l, f.o0)}${BH(f.size)} ${rw(f.rs, f.size)}, ${rw(f.rt, f.size)}, ${memOff(f.rn, 0)}`,
  },
  // ---- LDAPR/STLR (unscaled immediate) (FEAT_LRCPC2)
  {
    name: 'STLUR',
    cls: 'LDAPR/STLR (unscaled immediate)',
    pattern: 'size:2 011001 00 0 imm:s9 00 rn:5 rt:5',
    dis: (f) => `stlur${BH(f.size)} ${rw(f.rt, f.size)}, ${memOff(f.rn, f.imm)}`,
  },
  {
    name: 'LDAPUR',
    cls: 'LDAPR/STLR (unscaled immediate)',
    pattern: 'size:2 011001 01 0 imm:s9 00 rn:5 rt:5',
    dis: (f) => `ldapur${BH(f.size)} ${rw(f.rt, f.size)}, ${memOff(f.rn, f.imm)}`,
  },
  {
    // LDAPURSB/LDAPURSH to X (opc 10) or W (opc 11)
    name: 'LDAPURS',
    cls: 'LDAPR/STLR (unscaled immediate)',
    pattern: '0 size:1 011001 1 w:1 0 imm:s9 00 rn:5 rt:5',
    dis: (f) => `ldapurs${SUF[f.size]} ${xreg(f.rt, !f.w)}, ${memOff(f.rn, f.imm)}`,
  },
  {
    // (size 11, and LDAPURSW to W, are unallocated)
    name: 'LDAPURSW',
    cls: 'LDAPR/STLR (unscaled immediate)',
    pattern: '10 011001 10 0 imm:s9 00 rn:5 rt:5',
    dis: (f) => `ldapursw ${xreg(f.rt, 1)}, ${memOff(f.rn, f.imm)}`,
  },
  // ---- Atomic memory operations (FEAT_LSE); ST<op> aliases when Rt is ZR and A is 0
  {
    name: 'LDOP',
    cls: 'Atomic memory operations',
    pattern: 'size:2 111 0 00 A:1 R:1 1 rs:5 0 opc:3 00 rn:5 rt:5',
    dis: (f) => {
      const op = ATOMIC_OPS[f.opc];
      if (f.rt === 31 && !f.A) return `st${op}${f.R ? 'l' : ''}${BH(f.size)} ${rw(f.rs, f.size)}, ${memOff(f.rn, 0)}`;
      return `ld${op}${AL(f.A, f.R)}${BH(f.size)} ${rw(f.rs, f.size)}, ${rw(f.rt, f.size)}, ${memOff(f.rn, 0)}`;
    },
  },
  {
    name: 'SWP',
    cls: 'Atomic memory operations',
    pattern: 'size:2 111 0 00 A:1 R:1 1 rs:5 1 000 00 rn:5 rt:5',
    dis: (f) => `swp${AL(f.A, f.R)}${BH(f.size)} ${rw(f.rs, f.size)}, ${rw(f.rt, f.size)}, ${memOff(f.rn, 0)}`,
  },
  {
    // FEAT_LRCPC
    name: 'LDAPR',
    cls: 'Atomic memory operations',
    pattern: 'size:2 111 0 00 1 0 1 11111 1 100 00 rn:5 rt:5',
    dis: (f) => `ldapr${BH(f.size)} ${rw(f.rt, f.size)}, ${memOff(f.rn, 0)}`,
  },
];
