/**
 * Integer and logical Advanced SIMD encodings, vector and scalar (ARM ARM
 * C4.1.6 "Data Processing -- Scalar Floating-Point and Advanced SIMD"): three
 * same, three different (all but PMULL), two-register misc (integer), across
 * lanes (integer), shift by immediate (integer), modified immediate (including
 * FMOV vector immediate), x indexed element (integer), three-register
 * extension (SDOT/UDOT, USDOT, SQRDMLAH/SQRDMLSH) and scalar pairwise ADDP.
 *
 * One entry per instruction (or U-pair such as SHADD/UHADD) with its opcode
 * bits fixed, so the floating-point entries of the same classes (fp-vector)
 * never overlap these. Reserved size/immediate values inside an entry are
 * rejected by the semantics' prep (UNDEFINED) and disassemble as `.inst`.
 *
 * The vector shift-by-immediate entries are emitted four times, once per
 * leading one of immh (1xxx, 01xx, 001x, 0001): immh = 0000 is the modified
 * immediate class, and a pattern cannot say "not zero".
 */
import { parsePattern } from '../../decodetree.js';
import { arrangement, type A64Def, type Fields } from '../encoding.js';

// ------------------------------------------------------------ disassembly helpers

const vr = (r: number, t: string): string => `v${r}.${t}`;
const SC = ['b', 'h', 's', 'd'];
const sr = (r: number, size: number): string => SC[size] + r;
const ELEM = ['b', 'h', 's', 'd'];
const u = (f: Fields, pair: readonly [string | null, string | null]): string => (f.U ? pair[1] : pair[0]) ?? '?';
const hx = (v: number | bigint): string => '0x' + v.toString(16);

/** Marker a disassembler returns for a reserved field value; printed like objdump's `.inst`. */
const UNDEF = '\u0000undef';
const undef = (_f: Fields): string => UNDEF;

/** The instruction word rebuilt from an entry's pattern and field values. */
function rebuild(pattern: string, f: Fields): number {
  const p = parsePattern(pattern);
  let w = p.value;
  for (const fs of p.fields) {
    let v = f[fs.name];
    for (let i = fs.parts.length - 1; i >= 0; i--) {
      const part = fs.parts[i];
      w |= (v & ((1 << part.len) - 1)) << part.pos;
      v >>>= part.len;
    }
  }
  return w >>> 0;
}

type Pair = readonly [string | null, string | null];

interface Spec {
  name: string;
  cls: string;
  pattern: string;
  dis: (f: Fields, pc: bigint) => string;
}

/** Fix the U bit in a pattern when only one of the pair exists. */
function uTok(p: Pair): string {
  if (p[0] && p[1]) return 'U:1';
  return p[0] ? '0' : '1';
}
/** Fields with U filled in when it is fixed. */
const withU = (f: Fields, p: Pair): Fields => (p[0] && p[1] ? f : { ...f, U: p[0] ? 0 : 1 });

// ------------------------------------------------------------ three same

const CLS_3SAME = 'Advanced SIMD three same';
const CLS_S3SAME = 'Advanced SIMD scalar three same';

/** [entry suffix, opcode bits, U=0 mnemonic, U=1 mnemonic] */
const THREE_SAME: readonly [string, string, string | null, string | null][] = [
  ['HADD', '00000', 'shadd', 'uhadd'],
  ['QADD', '00001', 'sqadd', 'uqadd'],
  ['RHADD', '00010', 'srhadd', 'urhadd'],
  ['HSUB', '00100', 'shsub', 'uhsub'],
  ['QSUB', '00101', 'sqsub', 'uqsub'],
  ['CMGT', '00110', 'cmgt', 'cmhi'],
  ['CMGE', '00111', 'cmge', 'cmhs'],
  ['SHL', '01000', 'sshl', 'ushl'],
  ['QSHL', '01001', 'sqshl', 'uqshl'],
  ['RSHL', '01010', 'srshl', 'urshl'],
  ['QRSHL', '01011', 'sqrshl', 'uqrshl'],
  ['MAX', '01100', 'smax', 'umax'],
  ['MIN', '01101', 'smin', 'umin'],
  ['ABD', '01110', 'sabd', 'uabd'],
  ['ABA', '01111', 'saba', 'uaba'],
  ['ADD', '10000', 'add', 'sub'],
  ['CMTST', '10001', 'cmtst', 'cmeq'],
  ['MLA', '10010', 'mla', 'mls'],
  ['MUL', '10011', 'mul', 'pmul'],
  ['MAXP', '10100', 'smaxp', 'umaxp'],
  ['MINP', '10101', 'sminp', 'uminp'],
  ['QDMULH', '10110', 'sqdmulh', 'sqrdmulh'],
  ['ADDP', '10111', 'addp', null],
];

/** Scalar three same: [suffix, opcode, U0, U1, allowed sizes]. */
const S_THREE_SAME: readonly [string, string, string | null, string | null, number][] = [
  ['QADD', '00001', 'sqadd', 'uqadd', 0b1111],
  ['QSUB', '00101', 'sqsub', 'uqsub', 0b1111],
  ['CMGT', '00110', 'cmgt', 'cmhi', 0b1000],
  ['CMGE', '00111', 'cmge', 'cmhs', 0b1000],
  ['SHL', '01000', 'sshl', 'ushl', 0b1000],
  ['QSHL', '01001', 'sqshl', 'uqshl', 0b1111],
  ['RSHL', '01010', 'srshl', 'urshl', 0b1000],
  ['QRSHL', '01011', 'sqrshl', 'uqrshl', 0b1111],
  ['ADD', '10000', 'add', 'sub', 0b1000],
  ['CMTST', '10001', 'cmtst', 'cmeq', 0b1000],
  ['QDMULH', '10110', 'sqdmulh', 'sqrdmulh', 0b0110],
];

/** Sizes each vector three-same entry allows (bit s set = size s allowed; size 3 needs Q=1). */
export const THREE_SAME_SIZES: { readonly [suffix: string]: number } = {
  HADD: 0b0111,
  QADD: 0b1111,
  RHADD: 0b0111,
  HSUB: 0b0111,
  QSUB: 0b1111,
  CMGT: 0b1111,
  CMGE: 0b1111,
  SHL: 0b1111,
  QSHL: 0b1111,
  RSHL: 0b1111,
  QRSHL: 0b1111,
  MAX: 0b0111,
  MIN: 0b0111,
  ABD: 0b0111,
  ABA: 0b0111,
  ADD: 0b1111,
  CMTST: 0b1111,
  MLA: 0b0111,
  MUL: 0b0111,
  MAXP: 0b0111,
  MINP: 0b0111,
  QDMULH: 0b0110,
  ADDP: 0b1111,
};
export const S_THREE_SAME_SIZES: { readonly [suffix: string]: number } = Object.fromEntries(
  S_THREE_SAME.map((s) => [s[0], s[4]]),
);

const vecOk = (sizes: number, size: number, q: number): boolean => ((sizes >> size) & 1) === 1 && !(size === 3 && !q);

const specs: Spec[] = [];

for (const [sfx, opc, m0, m1] of THREE_SAME) {
  const pair: Pair = [m0, m1];
  specs.push({
    name: `ASIMD_${sfx}`,
    cls: CLS_3SAME,
    pattern: `0 Q:1 ${uTok(pair)} 01110 size:2 1 rm:5 ${opc} 1 rn:5 rd:5`,
    dis: (f0) => {
      const f = withU(f0, pair);
      let ok = vecOk(THREE_SAME_SIZES[sfx], f.size, f.Q);
      if (sfx === 'MUL' && f.U) ok = f.size === 0;
      if (!ok) return undef(f);
      const t = arrangement(f.size, f.Q);
      return `${u(f, pair)} ${vr(f.rd, t)}, ${vr(f.rn, t)}, ${vr(f.rm, t)}`;
    },
  });
}

// Logical (three same, opcode 00011): size selects the operation.
const LOGIC: readonly string[][] = [
  ['and', 'bic', 'orr', 'orn'],
  ['eor', 'bsl', 'bit', 'bif'],
];
specs.push({
  name: 'ASIMD_LOGIC',
  cls: CLS_3SAME,
  pattern: '0 Q:1 U:1 01110 size:2 1 rm:5 00011 1 rn:5 rd:5',
  dis: (f) => {
    const t = f.Q ? '16b' : '8b';
    if (!f.U && f.size === 2 && f.rn === f.rm) return `mov ${vr(f.rd, t)}, ${vr(f.rn, t)}`;
    return `${LOGIC[f.U][f.size]} ${vr(f.rd, t)}, ${vr(f.rn, t)}, ${vr(f.rm, t)}`;
  },
});

for (const [sfx, opc, m0, m1, sizes] of S_THREE_SAME) {
  const pair: Pair = [m0, m1];
  specs.push({
    name: `ASIMDS_${sfx}`,
    cls: CLS_S3SAME,
    pattern: `01 ${uTok(pair)} 11110 size:2 1 rm:5 ${opc} 1 rn:5 rd:5`,
    dis: (f) => {
      if (!((sizes >> f.size) & 1)) return undef(f);
      return `${u(f, pair)} ${sr(f.rd, f.size)}, ${sr(f.rn, f.size)}, ${sr(f.rm, f.size)}`;
    },
  });
}

// ------------------------------------------------------------ three-register extension

const CLS_3EXT = 'Advanced SIMD three-register extension';
specs.push(
  {
    name: 'ASIMD_SQRDMLAH',
    cls: CLS_3EXT,
    pattern: '0 Q:1 1 01110 size:2 0 rm:5 1 000 S:1 1 rn:5 rd:5',
    dis: (f) => {
      if (!vecOk(0b0110, f.size, f.Q)) return undef(f);
      const t = arrangement(f.size, f.Q);
      return `${f.S ? 'sqrdmlsh' : 'sqrdmlah'} ${vr(f.rd, t)}, ${vr(f.rn, t)}, ${vr(f.rm, t)}`;
    },
  },
  {
    name: 'ASIMD_DOT',
    cls: CLS_3EXT,
    pattern: '0 Q:1 U:1 01110 size:2 0 rm:5 1 0010 1 rn:5 rd:5',
    dis: (f) => {
      if (f.size !== 2) return undef(f);
      const tb = f.Q ? '16b' : '8b';
      const ts = f.Q ? '4s' : '2s';
      return `${f.U ? 'udot' : 'sdot'} ${vr(f.rd, ts)}, ${vr(f.rn, tb)}, ${vr(f.rm, tb)}`;
    },
  },
  {
    name: 'ASIMD_USDOT',
    cls: CLS_3EXT,
    pattern: '0 Q:1 0 01110 size:2 0 rm:5 1 0011 1 rn:5 rd:5',
    dis: (f) => {
      if (f.size !== 2) return undef(f);
      const tb = f.Q ? '16b' : '8b';
      const ts = f.Q ? '4s' : '2s';
      return `usdot ${vr(f.rd, ts)}, ${vr(f.rn, tb)}, ${vr(f.rm, tb)}`;
    },
  },
  {
    name: 'ASIMDS_SQRDMLAH',
    cls: 'Advanced SIMD scalar three same extra',
    pattern: '01 1 11110 size:2 0 rm:5 1 000 S:1 1 rn:5 rd:5',
    dis: (f) => {
      if (f.size !== 1 && f.size !== 2) return undef(f);
      return `${f.S ? 'sqrdmlsh' : 'sqrdmlah'} ${sr(f.rd, f.size)}, ${sr(f.rn, f.size)}, ${sr(f.rm, f.size)}`;
    },
  },
);

// ------------------------------------------------------------ three different

const CLS_3DIFF = 'Advanced SIMD three different';
/** [suffix, opcode, U0, U1, kind]: kind L = long (wide ← narrow, narrow), W = wide (wide ← wide, narrow), N = narrow (narrow ← wide, wide). */
const THREE_DIFF: readonly [string, string, string | null, string | null, 'L' | 'W' | 'N'][] = [
  ['ADDL', '0000', 'saddl', 'uaddl', 'L'],
  ['ADDW', '0001', 'saddw', 'uaddw', 'W'],
  ['SUBL', '0010', 'ssubl', 'usubl', 'L'],
  ['SUBW', '0011', 'ssubw', 'usubw', 'W'],
  ['ADDHN', '0100', 'addhn', 'raddhn', 'N'],
  ['ABAL', '0101', 'sabal', 'uabal', 'L'],
  ['SUBHN', '0110', 'subhn', 'rsubhn', 'N'],
  ['ABDL', '0111', 'sabdl', 'uabdl', 'L'],
  ['MLAL', '1000', 'smlal', 'umlal', 'L'],
  ['QDMLAL', '1001', 'sqdmlal', null, 'L'],
  ['MLSL', '1010', 'smlsl', 'umlsl', 'L'],
  ['QDMLSL', '1011', 'sqdmlsl', null, 'L'],
  ['MULL', '1100', 'smull', 'umull', 'L'],
  ['QDMULL', '1101', 'sqdmull', null, 'L'],
];
export const THREE_DIFF_KIND: { readonly [suffix: string]: 'L' | 'W' | 'N' } = Object.fromEntries(
  THREE_DIFF.map((s) => [s[0], s[4]]),
);

for (const [sfx, opc, m0, m1, kind] of THREE_DIFF) {
  const pair: Pair = [m0, m1];
  const sat = sfx.startsWith('Q');
  specs.push({
    name: `ASIMD_${sfx}`,
    cls: CLS_3DIFF,
    pattern: `0 Q:1 ${uTok(pair)} 01110 size:2 1 rm:5 ${opc} 00 rn:5 rd:5`,
    dis: (f0) => {
      const f = withU(f0, pair);
      if (f.size === 3 || (sat && f.size === 0)) return undef(f);
      const m = u(f, pair) + (f.Q ? '2' : '');
      const narrow = arrangement(f.size, f.Q);
      const wide = arrangement(f.size + 1, 1);
      if (kind === 'L') return `${m} ${vr(f.rd, wide)}, ${vr(f.rn, narrow)}, ${vr(f.rm, narrow)}`;
      if (kind === 'W') return `${m} ${vr(f.rd, wide)}, ${vr(f.rn, wide)}, ${vr(f.rm, narrow)}`;
      return `${m} ${vr(f.rd, narrow)}, ${vr(f.rn, wide)}, ${vr(f.rm, wide)}`;
    },
  });
}
for (const [sfx, opc, m] of [
  ['QDMLAL', '1001', 'sqdmlal'],
  ['QDMLSL', '1011', 'sqdmlsl'],
  ['QDMULL', '1101', 'sqdmull'],
] as const) {
  specs.push({
    name: `ASIMDS_${sfx}`,
    cls: 'Advanced SIMD scalar three different',
    pattern: `01 0 11110 size:2 1 rm:5 ${opc} 00 rn:5 rd:5`,
    dis: (f) => {
      if (f.size !== 1 && f.size !== 2) return undef(f);
      return `${m} ${sr(f.rd, f.size + 1)}, ${sr(f.rn, f.size)}, ${sr(f.rm, f.size)}`;
    },
  });
}

// ------------------------------------------------------------ two-register misc

const CLS_2MISC = 'Advanced SIMD two-register miscellaneous';
const CLS_S2MISC = 'Advanced SIMD scalar two-register miscellaneous';
/**
 * [suffix, opcode, U0, U1, sizes allowed (bit per size; size 3 also needs Q=1), form]
 * form: S = same arrangement, Z = compare with #0, P = pairwise long, N = narrow, H = SHLL
 */
const TWO_MISC: readonly [string, string, string | null, string | null, number, 'S' | 'Z' | 'P' | 'N' | 'H'][] = [
  ['REV64', '00000', 'rev64', null, 0b0111, 'S'],
  ['REV32', '00000', null, 'rev32', 0b0011, 'S'],
  ['REV16', '00001', 'rev16', null, 0b0001, 'S'],
  ['ADDLP', '00010', 'saddlp', 'uaddlp', 0b0111, 'P'],
  ['SQADD', '00011', 'suqadd', 'usqadd', 0b1111, 'S'],
  ['CLZ', '00100', 'cls', 'clz', 0b0111, 'S'],
  ['CNT', '00101', 'cnt', null, 0b0001, 'S'],
  ['NOT', '00101', null, 'not', 0b0011, 'S'],
  ['ADALP', '00110', 'sadalp', 'uadalp', 0b0111, 'P'],
  ['QABS', '00111', 'sqabs', 'sqneg', 0b1111, 'S'],
  ['CMGT0', '01000', 'cmgt', 'cmge', 0b1111, 'Z'],
  ['CMEQ0', '01001', 'cmeq', 'cmle', 0b1111, 'Z'],
  ['CMLT0', '01010', 'cmlt', null, 0b1111, 'Z'],
  ['ABS', '01011', 'abs', 'neg', 0b1111, 'S'],
  ['XTN', '10010', 'xtn', 'sqxtun', 0b0111, 'N'],
  ['SHLL', '10011', null, 'shll', 0b0111, 'H'],
  ['QXTN', '10100', 'sqxtn', 'uqxtn', 0b0111, 'N'],
];
export const TWO_MISC_SIZES: { readonly [suffix: string]: number } = Object.fromEntries(
  TWO_MISC.map((s) => [s[0], s[4]]),
);

for (const [sfx, opc, m0, m1, sizes, form] of TWO_MISC) {
  const pair: Pair = [m0, m1];
  specs.push({
    name: `ASIMD_${sfx}`,
    cls: CLS_2MISC,
    pattern: `0 Q:1 ${uTok(pair)} 01110 size:2 10000 ${opc} 10 rn:5 rd:5`,
    dis: (f0) => {
      const f = withU(f0, pair);
      if (!vecOk(sizes, f.size, form === 'N' || form === 'H' ? 1 : f.Q)) return undef(f);
      let m = u(f, pair);
      const t = arrangement(f.size, f.Q);
      switch (form) {
        case 'S':
          if (sfx === 'NOT') {
            const tb = f.Q ? '16b' : '8b';
            return `${f.size ? 'rbit' : 'mvn'} ${vr(f.rd, tb)}, ${vr(f.rn, tb)}`;
          }
          return `${m} ${vr(f.rd, t)}, ${vr(f.rn, t)}`;
        case 'Z':
          return `${m} ${vr(f.rd, t)}, ${vr(f.rn, t)}, #0`;
        case 'P':
          return `${m} ${vr(f.rd, arrangement(f.size + 1, f.Q))}, ${vr(f.rn, t)}`;
        case 'N':
          return `${m}${f.Q ? '2' : ''} ${vr(f.rd, t)}, ${vr(f.rn, arrangement(f.size + 1, 1))}`;
        case 'H':
          return `shll${f.Q ? '2' : ''} ${vr(f.rd, arrangement(f.size + 1, 1))}, ${vr(f.rn, t)}, #${8 << f.size}`;
      }
    },
  });
}

/** Scalar two-register misc: [suffix, opcode, U0, U1, sizes, form]. */
const S_TWO_MISC: readonly [string, string, string | null, string | null, number, 'S' | 'Z' | 'N'][] = [
  ['SQADD', '00011', 'suqadd', 'usqadd', 0b1111, 'S'],
  ['QABS', '00111', 'sqabs', 'sqneg', 0b1111, 'S'],
  ['CMGT0', '01000', 'cmgt', 'cmge', 0b1000, 'Z'],
  ['CMEQ0', '01001', 'cmeq', 'cmle', 0b1000, 'Z'],
  ['CMLT0', '01010', 'cmlt', null, 0b1000, 'Z'],
  ['ABS', '01011', 'abs', 'neg', 0b1000, 'S'],
  ['SQXTUN', '10010', null, 'sqxtun', 0b0111, 'N'],
  ['QXTN', '10100', 'sqxtn', 'uqxtn', 0b0111, 'N'],
];
export const S_TWO_MISC_SIZES: { readonly [suffix: string]: number } = Object.fromEntries(
  S_TWO_MISC.map((s) => [s[0], s[4]]),
);
for (const [sfx, opc, m0, m1, sizes, form] of S_TWO_MISC) {
  const pair: Pair = [m0, m1];
  specs.push({
    name: `ASIMDS_${sfx}`,
    cls: CLS_S2MISC,
    pattern: `01 ${uTok(pair)} 11110 size:2 10000 ${opc} 10 rn:5 rd:5`,
    dis: (f0) => {
      const f = withU(f0, pair);
      if (!((sizes >> f.size) & 1)) return undef(f);
      const m = u(f, pair);
      if (form === 'Z') return `${m} ${sr(f.rd, f.size)}, ${sr(f.rn, f.size)}, #0`;
      if (form === 'N') return `${m} ${sr(f.rd, f.size)}, ${sr(f.rn, f.size + 1)}`;
      return `${m} ${sr(f.rd, f.size)}, ${sr(f.rn, f.size)}`;
    },
  });
}

// ------------------------------------------------------------ across lanes, scalar pairwise

const CLS_ACROSS = 'Advanced SIMD across lanes';
for (const [sfx, opc, m0, m1, long] of [
  ['ADDLV', '00011', 'saddlv', 'uaddlv', true],
  ['MAXV', '01010', 'smaxv', 'umaxv', false],
  ['MINV', '11010', 'sminv', 'uminv', false],
  ['ADDV', '11011', 'addv', null, false],
] as const) {
  const pair: Pair = [m0, m1];
  specs.push({
    name: `ASIMD_${sfx}`,
    cls: CLS_ACROSS,
    pattern: `0 Q:1 ${uTok(pair)} 01110 size:2 11000 ${opc} 10 rn:5 rd:5`,
    dis: (f0) => {
      const f = withU(f0, pair);
      if (f.size === 3 || (f.size === 2 && !f.Q)) return undef(f);
      return `${u(f, pair)} ${sr(f.rd, f.size + (long ? 1 : 0))}, ${vr(f.rn, arrangement(f.size, f.Q))}`;
    },
  });
}
specs.push({
  name: 'ASIMDS_ADDP',
  cls: 'Advanced SIMD scalar pairwise',
  pattern: '01 0 11110 size:2 11000 11011 10 rn:5 rd:5',
  dis: (f) => (f.size === 3 ? `addp d${f.rd}, ${vr(f.rn, '2d')}` : undef(f)),
});

// ------------------------------------------------------------ shift by immediate

const CLS_SHIMM = 'Advanced SIMD shift by immediate';
const CLS_SSHIMM = 'Advanced SIMD scalar shift by immediate';
/**
 * [suffix, opcode, U0, U1, form]: R = right shift (same size), L = left shift
 * (same size), N = narrowing right shift, W = widening left shift (SSHLL).
 */
const SHIFT_IMM: readonly [string, string, string | null, string | null, 'R' | 'L' | 'N' | 'W'][] = [
  ['SHR', '00000', 'sshr', 'ushr', 'R'],
  ['SRA', '00010', 'ssra', 'usra', 'R'],
  ['RSHR', '00100', 'srshr', 'urshr', 'R'],
  ['RSRA', '00110', 'srsra', 'ursra', 'R'],
  ['SRI', '01000', null, 'sri', 'R'],
  ['SHL', '01010', 'shl', 'sli', 'L'],
  ['SQSHLU', '01100', null, 'sqshlu', 'L'],
  ['QSHL', '01110', 'sqshl', 'uqshl', 'L'],
  ['SHRN', '10000', 'shrn', 'sqshrun', 'N'],
  ['RSHRN', '10001', 'rshrn', 'sqrshrun', 'N'],
  ['QSHRN', '10010', 'sqshrn', 'uqshrn', 'N'],
  ['QRSHRN', '10011', 'sqrshrn', 'uqrshrn', 'N'],
  ['SHLL', '10100', 'sshll', 'ushll', 'W'],
];
export const SHIFT_IMM_FORM: { readonly [suffix: string]: 'R' | 'L' | 'N' | 'W' } = Object.fromEntries(
  SHIFT_IMM.map((s) => [s[0], s[4]]),
);

/** Element size (0..3) from immh, or -1 for 0000. */
export const immhSize = (immh: number): number => (immh & 8 ? 3 : immh & 4 ? 2 : immh & 2 ? 1 : immh & 1 ? 0 : -1);

/** Vector shift-by-immediate disassembly from complete fields (immh, immb). */
function disShiftVec(sfx: string, pair: Pair, form: 'R' | 'L' | 'N' | 'W', f: Fields): string {
  const size = immhSize(f.immh);
  const esize = 8 << size;
  const immhb = (f.immh << 3) | f.immb;
  if (size < 0) return undef(f);
  if (size === 3 && (form === 'N' || form === 'W' || !f.Q)) return undef(f);
  let m = u(f, pair);
  const t = arrangement(size, f.Q);
  if (form === 'R') return `${m} ${vr(f.rd, t)}, ${vr(f.rn, t)}, #${2 * esize - immhb}`;
  if (form === 'L') return `${m} ${vr(f.rd, t)}, ${vr(f.rn, t)}, #${immhb - esize}`;
  const q2 = f.Q ? '2' : '';
  const wide = arrangement(size + 1, 1);
  if (form === 'N') return `${m}${q2} ${vr(f.rd, t)}, ${vr(f.rn, wide)}, #${2 * esize - immhb}`;
  const sh = immhb - esize;
  if (sh === 0) {
    m = f.U ? 'uxtl' : 'sxtl';
    return `${m}${q2} ${vr(f.rd, wide)}, ${vr(f.rn, t)}`;
  }
  return `${m}${q2} ${vr(f.rd, wide)}, ${vr(f.rn, t)}, #${sh}`;
}

const IMMH_PREFIXES = ['1', '01', '001', '0001'];
/** Names of the generated vector shift-immediate entries for one suffix. */
export const shiftImmEntryNames = (sfx: string): string[] => IMMH_PREFIXES.map((p) => `ASIMD_${sfx}_immh${p}`);

for (const [sfx, opc, m0, m1, form] of SHIFT_IMM) {
  const pair: Pair = [m0, m1];
  for (const p of IMMH_PREFIXES) {
    const rest = 4 - p.length;
    const top = parseInt(p, 2) << rest;
    specs.push({
      name: `ASIMD_${sfx}_immh${p}`,
      cls: CLS_SHIMM,
      pattern: `0 Q:1 ${uTok(pair)} 011110 ${p} ${rest ? `ihl:${rest}` : ''} immb:3 ${opc} 1 rn:5 rd:5`,
      dis: (f0) => disShiftVec(sfx, pair, form, { ...withU(f0, pair), immh: top | (rest ? f0.ihl : 0) }),
    });
  }
}

/** Scalar shift by immediate: [suffix, opcode, U0, U1, form]. */
const S_SHIFT_IMM: readonly [string, string, string | null, string | null, 'R' | 'L' | 'N'][] = [
  ['SHR', '00000', 'sshr', 'ushr', 'R'],
  ['SRA', '00010', 'ssra', 'usra', 'R'],
  ['RSHR', '00100', 'srshr', 'urshr', 'R'],
  ['RSRA', '00110', 'srsra', 'ursra', 'R'],
  ['SRI', '01000', null, 'sri', 'R'],
  ['SHL', '01010', 'shl', 'sli', 'L'],
  ['SQSHLU', '01100', null, 'sqshlu', 'L'],
  ['QSHL', '01110', 'sqshl', 'uqshl', 'L'],
  ['SQSHRUN', '10000', null, 'sqshrun', 'N'],
  ['SQRSHRUN', '10001', null, 'sqrshrun', 'N'],
  ['QSHRN', '10010', 'sqshrn', 'uqshrn', 'N'],
  ['QRSHRN', '10011', 'sqrshrn', 'uqrshrn', 'N'],
];
/** Scalar shifts that exist only for D (the rest allow every size, narrowing: B/H/S). */
export const S_SHIFT_D_ONLY = new Set(['SHR', 'SRA', 'RSHR', 'RSRA', 'SRI', 'SHL']);
export const S_SHIFT_IMM_FORM: { readonly [suffix: string]: 'R' | 'L' | 'N' } = Object.fromEntries(
  S_SHIFT_IMM.map((s) => [s[0], s[4]]),
);
for (const [sfx, opc, m0, m1, form] of S_SHIFT_IMM) {
  const pair: Pair = [m0, m1];
  specs.push({
    name: `ASIMDS_${sfx}_imm`,
    cls: CLS_SSHIMM,
    pattern: `01 ${uTok(pair)} 111110 immh:4 immb:3 ${opc} 1 rn:5 rd:5`,
    dis: (f0) => {
      const f = withU(f0, pair);
      const size = immhSize(f.immh);
      const esize = 8 << size;
      const immhb = (f.immh << 3) | f.immb;
      if (size < 0 || (S_SHIFT_D_ONLY.has(sfx) && size !== 3) || (form === 'N' && size === 3)) return undef(f);
      const m = u(f, pair);
      if (form === 'R') return `${m} ${sr(f.rd, size)}, ${sr(f.rn, size)}, #${2 * esize - immhb}`;
      if (form === 'L') return `${m} ${sr(f.rd, size)}, ${sr(f.rn, size)}, #${immhb - esize}`;
      return `${m} ${sr(f.rd, size)}, ${sr(f.rn, size + 1)}, #${2 * esize - immhb}`;
    },
  });
}

// ------------------------------------------------------------ modified immediate

const CLS_MODIMM = 'Advanced SIMD modified immediate';

/** VFPExpandImm of the 8-bit FP immediate a:b:c:d:efgh (same value at every precision). */
export function vfpImm8(imm8: number): number {
  const sign = imm8 & 0x80 ? -1 : 1;
  const cd = (imm8 >> 4) & 3;
  const e = imm8 & 0x40 ? cd - 3 : cd + 1;
  return (sign * (16 + (imm8 & 15)) * Math.pow(2, e)) / 16;
}

/** objdump prints FP immediates with 18 fraction digits in %e style. */
const fpImmText = (v: number): string => {
  const s = v.toExponential(18);
  return s.replace(/e([+-])(\d)$/, 'e$10$2');
};

const abcdefgh = (f: Fields): number => (f.abc << 5) | f.defgh;
specs.push(
  {
    name: 'ASIMD_MOVI_32',
    cls: CLS_MODIMM,
    pattern: '0 Q:1 op:1 0111100000 abc:3 0 sh:2 0 0 1 defgh:5 rd:5',
    dis: (f) =>
      `${f.op ? 'mvni' : 'movi'} ${vr(f.rd, f.Q ? '4s' : '2s')}, #${hx(abcdefgh(f))}${f.sh ? `, lsl #${8 * f.sh}` : ''}`,
  },
  {
    name: 'ASIMD_ORR_32',
    cls: CLS_MODIMM,
    pattern: '0 Q:1 op:1 0111100000 abc:3 0 sh:2 1 0 1 defgh:5 rd:5',
    dis: (f) =>
      `${f.op ? 'bic' : 'orr'} ${vr(f.rd, f.Q ? '4s' : '2s')}, #${hx(abcdefgh(f))}${f.sh ? `, lsl #${8 * f.sh}` : ''}`,
  },
  {
    name: 'ASIMD_MOVI_16',
    cls: CLS_MODIMM,
    pattern: '0 Q:1 op:1 0111100000 abc:3 10 sh:1 0 0 1 defgh:5 rd:5',
    dis: (f) =>
      `${f.op ? 'mvni' : 'movi'} ${vr(f.rd, f.Q ? '8h' : '4h')}, #${hx(abcdefgh(f))}${f.sh ? ', lsl #8' : ''}`,
  },
  {
    name: 'ASIMD_ORR_16',
    cls: CLS_MODIMM,
    pattern: '0 Q:1 op:1 0111100000 abc:3 10 sh:1 1 0 1 defgh:5 rd:5',
    dis: (f) => `${f.op ? 'bic' : 'orr'} ${vr(f.rd, f.Q ? '8h' : '4h')}, #${hx(abcdefgh(f))}${f.sh ? ', lsl #8' : ''}`,
  },
  {
    name: 'ASIMD_MOVI_MSL',
    cls: CLS_MODIMM,
    pattern: '0 Q:1 op:1 0111100000 abc:3 110 sh:1 0 1 defgh:5 rd:5',
    dis: (f) => `${f.op ? 'mvni' : 'movi'} ${vr(f.rd, f.Q ? '4s' : '2s')}, #${hx(abcdefgh(f))}, msl #${8 << f.sh}`,
  },
  {
    name: 'ASIMD_MOVI_8_64',
    cls: CLS_MODIMM,
    pattern: '0 Q:1 op:1 0111100000 abc:3 1110 0 1 defgh:5 rd:5',
    dis: (f) => {
      const v = abcdefgh(f);
      if (!f.op) return `movi ${vr(f.rd, f.Q ? '16b' : '8b')}, #${hx(v)}`;
      let w = 0n;
      for (let i = 7; i >= 0; i--) w = (w << 8n) | (v & (1 << i) ? 0xffn : 0n);
      return f.Q ? `movi ${vr(f.rd, '2d')}, #${hx(w)}` : `movi d${f.rd}, #${hx(w)}`;
    },
  },
  {
    name: 'ASIMD_FMOV_imm',
    cls: CLS_MODIMM,
    pattern: '0 Q:1 op:1 0111100000 abc:3 1111 0 1 defgh:5 rd:5',
    dis: (f) => {
      if (f.op && !f.Q) return undef(f);
      const t = f.op ? '2d' : f.Q ? '4s' : '2s';
      return `fmov ${vr(f.rd, t)}, #${fpImmText(vfpImm8(abcdefgh(f)))}`;
    },
  },
  {
    name: 'ASIMD_FMOV_imm_h',
    cls: CLS_MODIMM,
    pattern: '0 Q:1 0 0111100000 abc:3 1111 1 1 defgh:5 rd:5',
    dis: (f) => `fmov ${vr(f.rd, f.Q ? '8h' : '4h')}, #${fpImmText(vfpImm8(abcdefgh(f)))}`,
  },
);

// ------------------------------------------------------------ x indexed element

const CLS_IDX = 'Advanced SIMD vector x indexed element';
const CLS_SIDX = 'Advanced SIMD scalar x indexed element';
/** [suffix, U, opcode, mnemonic, form]: S same, L long, D dot product. */
const INDEXED: readonly [string, number, string, string, 'S' | 'L' | 'D'][] = [
  ['MLA', 1, '0000', 'mla', 'S'],
  ['SMLAL', 0, '0010', 'smlal', 'L'],
  ['UMLAL', 1, '0010', 'umlal', 'L'],
  ['SQDMLAL', 0, '0011', 'sqdmlal', 'L'],
  ['MLS', 1, '0100', 'mls', 'S'],
  ['SMLSL', 0, '0110', 'smlsl', 'L'],
  ['UMLSL', 1, '0110', 'umlsl', 'L'],
  ['SQDMLSL', 0, '0111', 'sqdmlsl', 'L'],
  ['MUL', 0, '1000', 'mul', 'S'],
  ['SMULL', 0, '1010', 'smull', 'L'],
  ['UMULL', 1, '1010', 'umull', 'L'],
  ['SQDMULL', 0, '1011', 'sqdmull', 'L'],
  ['SQDMULH', 0, '1100', 'sqdmulh', 'S'],
  ['SQRDMULH', 0, '1101', 'sqrdmulh', 'S'],
  ['SQRDMLAH', 1, '1101', 'sqrdmlah', 'S'],
  ['SQRDMLSH', 1, '1111', 'sqrdmlsh', 'S'],
  ['SDOT', 0, '1110', 'sdot', 'D'],
  ['UDOT', 1, '1110', 'udot', 'D'],
];
/** SUDOT/USDOT by element (FEAT_I8MM): opcode 1111 with U=0 is shared with BFDOT/BFMLAL, so size is fixed. */
const INDEXED_I8MM: readonly [string, string, string][] = [
  ['SUDOT', '00', 'sudot'],
  ['USDOT', '10', 'usdot'],
];
export const INDEXED_FORM: { readonly [suffix: string]: 'S' | 'L' | 'D' } = Object.fromEntries(
  INDEXED.map((s) => [s[0], s[4]]),
);

/** Element index and Rm of an indexed-element encoding, or null for a reserved size. */
export function indexedElem(f: Fields): { index: number; rm: number } | null {
  if (f.size === 1) return { index: (f.H << 2) | (f.L << 1) | f.M, rm: f.rm };
  if (f.size === 2) return { index: (f.H << 1) | f.L, rm: (f.M << 4) | f.rm };
  return null;
}

for (const [sfx, U, opc, m, form] of INDEXED) {
  specs.push({
    name: `ASIMD_${sfx}_elem`,
    cls: CLS_IDX,
    pattern: `0 Q:1 ${U} 01111 size:2 L:1 M:1 rm:4 ${opc} H:1 0 rn:5 rd:5`,
    dis: (f) => {
      if (form === 'D') {
        if (f.size !== 2) return undef(f);
        return `${m} ${vr(f.rd, f.Q ? '4s' : '2s')}, ${vr(f.rn, f.Q ? '16b' : '8b')}, v${(f.M << 4) | f.rm}.4b[${(f.H << 1) | f.L}]`;
      }
      const e = indexedElem(f);
      if (!e) return undef(f);
      const el = `v${e.rm}.${ELEM[f.size]}[${e.index}]`;
      if (form === 'S') {
        const t = arrangement(f.size, f.Q);
        return `${m} ${vr(f.rd, t)}, ${vr(f.rn, t)}, ${el}`;
      }
      return `${m}${f.Q ? '2' : ''} ${vr(f.rd, arrangement(f.size + 1, 1))}, ${vr(f.rn, arrangement(f.size, f.Q))}, ${el}`;
    },
  });
}
for (const [sfx, sz, m] of INDEXED_I8MM) {
  specs.push({
    name: `ASIMD_${sfx}_elem`,
    cls: CLS_IDX,
    pattern: `0 Q:1 0 01111 ${sz} L:1 M:1 rm:4 1111 H:1 0 rn:5 rd:5`,
    dis: (f) =>
      `${m} ${vr(f.rd, f.Q ? '4s' : '2s')}, ${vr(f.rn, f.Q ? '16b' : '8b')}, v${(f.M << 4) | f.rm}.4b[${(f.H << 1) | f.L}]`,
  });
}
for (const [sfx, U, opc, m, form] of [
  ['SQDMLAL', 0, '0011', 'sqdmlal', 'L'],
  ['SQDMLSL', 0, '0111', 'sqdmlsl', 'L'],
  ['SQDMULL', 0, '1011', 'sqdmull', 'L'],
  ['SQDMULH', 0, '1100', 'sqdmulh', 'S'],
  ['SQRDMULH', 0, '1101', 'sqrdmulh', 'S'],
  ['SQRDMLAH', 1, '1101', 'sqrdmlah', 'S'],
  ['SQRDMLSH', 1, '1111', 'sqrdmlsh', 'S'],
] as const) {
  specs.push({
    name: `ASIMDS_${sfx}_elem`,
    cls: CLS_SIDX,
    pattern: `01 ${U} 11111 size:2 L:1 M:1 rm:4 ${opc} H:1 0 rn:5 rd:5`,
    dis: (f) => {
      const e = indexedElem(f);
      if (!e) return undef(f);
      const el = `v${e.rm}.${ELEM[f.size]}[${e.index}]`;
      return `${m} ${sr(f.rd, f.size + (form === 'L' ? 1 : 0))}, ${sr(f.rn, f.size)}, ${el}`;
    },
  });
}

export const simdIntEncodings: A64Def[] = specs.map((sp) => ({
  name: sp.name,
  cls: sp.cls,
  pattern: sp.pattern,
  dis: (f: Fields, pc: bigint): string => {
    const text = sp.dis(f, pc);
    if (text !== UNDEF) return text;
    return `.inst 0x${rebuild(sp.pattern, f).toString(16).padStart(8, '0')} ; undefined`;
  },
}));
