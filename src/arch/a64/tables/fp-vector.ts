/**
 * Floating point inside the Advanced SIMD classes (ARM ARM C4.1.6, "Data
 * processing -- scalar floating-point and Advanced SIMD"): vector and scalar
 * SIMD forms, FP16 (FEAT_FP16) forms, FHM (FMLAL/FMLSL), complex numbers
 * (FCMLA/FCADD), BFloat16 (FEAT_BF16), the fixed-point conversions by
 * immediate and the integer estimates URECPE/URSQRTE.
 *
 * One entry per instruction and element-size family with its opcode bits
 * fixed, so that no entry covers another area's encodings. Entry name
 * prefixes: VF_ vector single/double (field sz), VH_ vector half, SF_ scalar
 * single/double, SH_ scalar half. The semantics with the same names are in
 * src/cpu/a64/semantics/fp-vector.ts.
 */
import type { A64Def, Fields } from '../encoding.js';

const C3S = 'Advanced SIMD three same';
const C3SH = 'Advanced SIMD three same (FP16)';
const CS3S = 'Advanced SIMD scalar three same';
const CS3SH = 'Advanced SIMD scalar three same FP16';
const C2M = 'Advanced SIMD two-register miscellaneous';
const C2MH = 'Advanced SIMD two-register miscellaneous (FP16)';
const CS2M = 'Advanced SIMD scalar two-register miscellaneous';
const CS2MH = 'Advanced SIMD scalar two-register miscellaneous FP16';
const CAL = 'Advanced SIMD across lanes';
const CSPW = 'Advanced SIMD scalar pairwise';
const CSHI = 'Advanced SIMD shift by immediate';
const CSSHI = 'Advanced SIMD scalar shift by immediate';
const CIDX = 'Advanced SIMD vector x indexed element';
const CSIDX = 'Advanced SIMD scalar x indexed element';
const C3E = 'Advanced SIMD three-register extension';

// ---- disassembly helpers (GNU objdump style)

/** Arrangement of single/double lanes: sz 0 → 2s/4s, sz 1 → 1d/2d. */
const arrSD = (sz: number, q: number): string => (sz ? (q ? '2d' : '1d') : q ? '4s' : '2s');
const arrH = (q: number): string => (q ? '8h' : '4h');
const vr = (r: number, arr: string): string => `v${r}.${arr}`;
const sd = (sz: number, r: number): string => (sz ? 'd' : 's') + r;

/** Mnemonic with the "2" suffix of the upper-half forms. */
const two = (mn: string, q: number): string => (q ? mn + '2' : mn);

type Dis = (f: Fields, pc: bigint) => string;

// ---- three same: [mnemonic, U, a, opcode (5 bits, sp/dp), has scalar form]
// (the FP16 form uses the low 3 bits of the opcode)
const THREE_SAME: [string, number, number, string, boolean][] = [
  ['FMAXNM', 0, 0, '11000', false],
  ['FMLA', 0, 0, '11001', false],
  ['FADD', 0, 0, '11010', false],
  ['FMULX', 0, 0, '11011', true],
  ['FCMEQ', 0, 0, '11100', true],
  ['FMAX', 0, 0, '11110', false],
  ['FRECPS', 0, 0, '11111', true],
  ['FMINNM', 0, 1, '11000', false],
  ['FMLS', 0, 1, '11001', false],
  ['FSUB', 0, 1, '11010', false],
  ['FMIN', 0, 1, '11110', false],
  ['FRSQRTS', 0, 1, '11111', true],
  ['FMAXNMP', 1, 0, '11000', false],
  ['FADDP', 1, 0, '11010', false],
  ['FMUL', 1, 0, '11011', false],
  ['FCMGE', 1, 0, '11100', true],
  ['FACGE', 1, 0, '11101', true],
  ['FMAXP', 1, 0, '11110', false],
  ['FDIV', 1, 0, '11111', false],
  ['FMINNMP', 1, 1, '11000', false],
  ['FABD', 1, 1, '11010', true],
  ['FCMGT', 1, 1, '11100', true],
  ['FACGT', 1, 1, '11101', true],
  ['FMINP', 1, 1, '11110', false],
];

// ---- two-register miscellaneous: [mnemonic, U, a, opcode, forms]
// forms: V vector sp/dp, v vector half, S scalar sp/dp, s scalar half.
// kind: '' same-size unary, 'z' compare against zero.
const TWO_MISC: [string, number, number, string, string, string][] = [
  ['FRINTN', 0, 0, '11000', 'Vv', ''],
  ['FRINTM', 0, 0, '11001', 'Vv', ''],
  ['FCVTNS', 0, 0, '11010', 'VvSs', ''],
  ['FCVTMS', 0, 0, '11011', 'VvSs', ''],
  ['FCVTAS', 0, 0, '11100', 'VvSs', ''],
  ['SCVTF', 0, 0, '11101', 'VvSs', ''],
  ['FRINT32Z', 0, 0, '11110', 'V', ''],
  ['FRINT64Z', 0, 0, '11111', 'V', ''],
  ['FCMGT', 0, 1, '01100', 'VvSs', 'z'],
  ['FCMEQ', 0, 1, '01101', 'VvSs', 'z'],
  ['FCMLT', 0, 1, '01110', 'VvSs', 'z'],
  ['FABS', 0, 1, '01111', 'Vv', ''],
  ['FRINTP', 0, 1, '11000', 'Vv', ''],
  ['FRINTZ', 0, 1, '11001', 'Vv', ''],
  ['FCVTPS', 0, 1, '11010', 'VvSs', ''],
  ['FCVTZS', 0, 1, '11011', 'VvSs', ''],
  ['FRECPE', 0, 1, '11101', 'VvSs', ''],
  ['FRECPX', 0, 1, '11111', 'Ss', ''],
  ['FRINTA', 1, 0, '11000', 'Vv', ''],
  ['FRINTX', 1, 0, '11001', 'Vv', ''],
  ['FCVTNU', 1, 0, '11010', 'VvSs', ''],
  ['FCVTMU', 1, 0, '11011', 'VvSs', ''],
  ['FCVTAU', 1, 0, '11100', 'VvSs', ''],
  ['UCVTF', 1, 0, '11101', 'VvSs', ''],
  ['FRINT32X', 1, 0, '11110', 'V', ''],
  ['FRINT64X', 1, 0, '11111', 'V', ''],
  ['FCMGE', 1, 1, '01100', 'VvSs', 'z'],
  ['FCMLE', 1, 1, '01101', 'VvSs', 'z'],
  ['FNEG', 1, 1, '01111', 'Vv', ''],
  ['FRINTI', 1, 1, '11001', 'Vv', ''],
  ['FCVTPU', 1, 1, '11010', 'VvSs', ''],
  ['FCVTZU', 1, 1, '11011', 'VvSs', ''],
  ['FRSQRTE', 1, 1, '11101', 'VvSs', ''],
  ['FSQRT', 1, 1, '11111', 'Vv', ''],
];

const out: A64Def[] = [];
const add = (name: string, cls: string, pattern: string, dis: Dis): void => {
  out.push({ name, cls, pattern, dis });
};

for (const [mn, u, a, opc, scalar] of THREE_SAME) {
  const m = mn.toLowerCase();
  const opc3 = opc.slice(2);
  add(`VF_${mn}`, C3S, `0 Q:1 ${u} 01110 ${a} sz:1 1 rm:5 ${opc} 1 rn:5 rd:5`, (f) => {
    const t = arrSD(f.sz, f.Q);
    return `${m} ${vr(f.rd, t)}, ${vr(f.rn, t)}, ${vr(f.rm, t)}`;
  });
  add(`VH_${mn}`, C3SH, `0 Q:1 ${u} 01110 ${a} 10 rm:5 00 ${opc3} 1 rn:5 rd:5`, (f) => {
    const t = arrH(f.Q);
    return `${m} ${vr(f.rd, t)}, ${vr(f.rn, t)}, ${vr(f.rm, t)}`;
  });
  if (scalar) {
    add(
      `SF_${mn}`,
      CS3S,
      `01 ${u} 11110 ${a} sz:1 1 rm:5 ${opc} 1 rn:5 rd:5`,
      (f) => `${m} ${sd(f.sz, f.rd)}, ${sd(f.sz, f.rn)}, ${sd(f.sz, f.rm)}`,
    );
    add(
      `SH_${mn}`,
      CS3SH,
      `01 ${u} 11110 ${a} 10 rm:5 00 ${opc3} 1 rn:5 rd:5`,
      (f) => `${m} h${f.rd}, h${f.rn}, h${f.rm}`,
    );
  }
}

// FEAT_FHM widening multiply-add (three same, size 00/10, U selects the upper halves).
for (const [mn, u, a, opc] of [
  ['FMLAL', 0, 0, '11101'],
  ['FMLSL', 0, 1, '11101'],
  ['FMLAL2', 1, 0, '11001'],
  ['FMLSL2', 1, 1, '11001'],
] as [string, number, number, string][]) {
  const m = mn.toLowerCase();
  add(`VF_${mn}`, C3S, `0 Q:1 ${u} 01110 ${a} 0 1 rm:5 ${opc} 1 rn:5 rd:5`, (f) => {
    const h = f.Q ? '4h' : '2h';
    return `${m} ${vr(f.rd, f.Q ? '4s' : '2s')}, ${vr(f.rn, h)}, ${vr(f.rm, h)}`;
  });
}

for (const [mn, u, a, opc, forms, kind] of TWO_MISC) {
  const m = mn.toLowerCase();
  const z = kind === 'z' ? ', #0.0' : '';
  if (forms.includes('V'))
    add(`VF_${mn}${z ? '_zero' : ''}`, C2M, `0 Q:1 ${u} 01110 ${a} sz:1 10000 ${opc} 10 rn:5 rd:5`, (f) => {
      const t = arrSD(f.sz, f.Q);
      return `${m} ${vr(f.rd, t)}, ${vr(f.rn, t)}${z}`;
    });
  if (forms.includes('v'))
    add(`VH_${mn}${z ? '_zero' : ''}`, C2MH, `0 Q:1 ${u} 01110 ${a} 1111 00 ${opc} 10 rn:5 rd:5`, (f) => {
      const t = arrH(f.Q);
      return `${m} ${vr(f.rd, t)}, ${vr(f.rn, t)}${z}`;
    });
  if (forms.includes('S'))
    add(
      `SF_${mn}${z ? '_zero' : ''}`,
      CS2M,
      `01 ${u} 11110 ${a} sz:1 10000 ${opc} 10 rn:5 rd:5`,
      (f) => `${m} ${sd(f.sz, f.rd)}, ${sd(f.sz, f.rn)}${z}`,
    );
  if (forms.includes('s'))
    add(
      `SH_${mn}${z ? '_zero' : ''}`,
      CS2MH,
      `01 ${u} 11110 ${a} 1111 00 ${opc} 10 rn:5 rd:5`,
      (f) => `${m} h${f.rd}, h${f.rn}${z}`,
    );
}

// Size conversions between lanes (two-register misc).
add('VF_FCVTN', C2M, '0 Q:1 0 01110 0 sz:1 10000 10110 10 rn:5 rd:5', (f) =>
  f.sz
    ? `${two('fcvtn', f.Q)} ${vr(f.rd, f.Q ? '4s' : '2s')}, ${vr(f.rn, '2d')}`
    : `${two('fcvtn', f.Q)} ${vr(f.rd, f.Q ? '8h' : '4h')}, ${vr(f.rn, '4s')}`,
);
add('VF_FCVTL', C2M, '0 Q:1 0 01110 0 sz:1 10000 10111 10 rn:5 rd:5', (f) =>
  f.sz
    ? `${two('fcvtl', f.Q)} ${vr(f.rd, '2d')}, ${vr(f.rn, f.Q ? '4s' : '2s')}`
    : `${two('fcvtl', f.Q)} ${vr(f.rd, '4s')}, ${vr(f.rn, f.Q ? '8h' : '4h')}`,
);
add(
  'VF_FCVTXN',
  C2M,
  '0 Q:1 1 01110 01 10000 10110 10 rn:5 rd:5',
  (f) => `${two('fcvtxn', f.Q)} ${vr(f.rd, f.Q ? '4s' : '2s')}, ${vr(f.rn, '2d')}`,
);
add('SF_FCVTXN', CS2M, '01 1 11110 01 10000 10110 10 rn:5 rd:5', (f) => `fcvtxn s${f.rd}, d${f.rn}`);
// Unsigned integer estimates (32-bit lanes only).
add(
  'VF_URECPE',
  C2M,
  '0 Q:1 0 01110 10 10000 11100 10 rn:5 rd:5',
  (f) => `urecpe ${vr(f.rd, f.Q ? '4s' : '2s')}, ${vr(f.rn, f.Q ? '4s' : '2s')}`,
);
add(
  'VF_URSQRTE',
  C2M,
  '0 Q:1 1 01110 10 10000 11100 10 rn:5 rd:5',
  (f) => `ursqrte ${vr(f.rd, f.Q ? '4s' : '2s')}, ${vr(f.rn, f.Q ? '4s' : '2s')}`,
);

// ---- across lanes (FP: single precision with U=1, half with U=0)
for (const [mn, a, opc] of [
  ['FMAXNMV', 0, '01100'],
  ['FMAXV', 0, '01111'],
  ['FMINNMV', 1, '01100'],
  ['FMINV', 1, '01111'],
] as [string, number, string][]) {
  const m = mn.toLowerCase();
  add(
    `VF_${mn}`,
    CAL,
    `0 Q:1 1 01110 ${a} sz:1 11000 ${opc} 10 rn:5 rd:5`,
    (f) => `${m} s${f.rd}, ${vr(f.rn, arrSD(f.sz, f.Q))}`,
  );
  add(
    `VH_${mn}`,
    CAL,
    `0 Q:1 0 01110 ${a} 0 11000 ${opc} 10 rn:5 rd:5`,
    (f) => `${m} h${f.rd}, ${vr(f.rn, arrH(f.Q))}`,
  );
}

// ---- scalar pairwise (U=1: single/double, U=0: half)
for (const [mn, a, opc] of [
  ['FMAXNMP', 0, '01100'],
  ['FADDP', 0, '01101'],
  ['FMAXP', 0, '01111'],
  ['FMINNMP', 1, '01100'],
  ['FMINP', 1, '01111'],
] as [string, number, string][]) {
  const m = mn.toLowerCase();
  add(
    `SF_${mn}`,
    CSPW,
    `01 1 11110 ${a} sz:1 11000 ${opc} 10 rn:5 rd:5`,
    (f) => `${m} ${sd(f.sz, f.rd)}, ${vr(f.rn, f.sz ? '2d' : '2s')}`,
  );
  add(`SH_${mn}`, CSPW, `01 0 11110 ${a} 0 11000 ${opc} 10 rn:5 rd:5`, (f) => `${m} h${f.rd}, ${vr(f.rn, '2h')}`);
}

// ---- fixed-point conversions, shift by immediate. immh selects the element
// size (1xxx double, 01xx single, 001x half; 0001 is unallocated and 0000 is
// the modified-immediate class), fbits = 2*esize - immh:immb.
for (const [mn, u, opc] of [
  ['SCVTF', 0, '11100'],
  ['UCVTF', 1, '11100'],
  ['FCVTZS', 0, '11111'],
  ['FCVTZU', 1, '11111'],
] as [string, number, string][]) {
  const m = mn.toLowerCase();
  for (const [sfx, lead, bits, esize] of [
    ['D', '1', 6, 64],
    ['S', '01', 5, 32],
    ['H', '001', 4, 16],
  ] as [string, string, number, number][]) {
    const fbits = (f: Fields): number => esize - f.immb;
    add(`V${sfx}_${mn}_fixed`, CSHI, `0 Q:1 ${u} 011110 ${lead} immb:${bits} ${opc} 1 rn:5 rd:5`, (f) => {
      const t = esize === 64 ? (f.Q ? '2d' : '1d') : esize === 32 ? (f.Q ? '4s' : '2s') : arrH(f.Q);
      return `${m} ${vr(f.rd, t)}, ${vr(f.rn, t)}, #${fbits(f)}`;
    });
    const p = esize === 64 ? 'd' : esize === 32 ? 's' : 'h';
    add(
      `S${sfx}_${mn}_fixed`,
      CSSHI,
      `01 ${u} 111110 ${lead} immb:${bits} ${opc} 1 rn:5 rd:5`,
      (f) => `${m} ${p}${f.rd}, ${p}${f.rn}, #${fbits(f)}`,
    );
  }
}

// ---- x indexed element. Half: size 00, index H:L:M, Rm 4 bits; single:
// size 10, index H:L, Rm M:Rm; double: size 11, index H (L=1 unallocated).
for (const [mn, u, opc] of [
  ['FMLA', 0, '0001'],
  ['FMLS', 0, '0101'],
  ['FMUL', 0, '1001'],
  ['FMULX', 1, '1001'],
] as [string, number, string][]) {
  const m = mn.toLowerCase();
  const idxSD = (f: Fields): string =>
    f.sz ? `v${(f.M << 4) | f.rm}.d[${f.H}]` : `v${(f.M << 4) | f.rm}.s[${(f.H << 1) | f.L}]`;
  const idxH = (f: Fields): string => `v${f.rm}.h[${(f.H << 2) | (f.L << 1) | f.M}]`;
  add(`VF_${mn}_idx`, CIDX, `0 Q:1 ${u} 01111 1 sz:1 L:1 M:1 rm:4 ${opc} H:1 0 rn:5 rd:5`, (f) => {
    const t = arrSD(f.sz, f.Q);
    return `${m} ${vr(f.rd, t)}, ${vr(f.rn, t)}, ${idxSD(f)}`;
  });
  add(`VH_${mn}_idx`, CIDX, `0 Q:1 ${u} 01111 00 L:1 M:1 rm:4 ${opc} H:1 0 rn:5 rd:5`, (f) => {
    const t = arrH(f.Q);
    return `${m} ${vr(f.rd, t)}, ${vr(f.rn, t)}, ${idxH(f)}`;
  });
  add(
    `SF_${mn}_idx`,
    CSIDX,
    `01 ${u} 11111 1 sz:1 L:1 M:1 rm:4 ${opc} H:1 0 rn:5 rd:5`,
    (f) => `${m} ${sd(f.sz, f.rd)}, ${sd(f.sz, f.rn)}, ${idxSD(f)}`,
  );
  add(
    `SH_${mn}_idx`,
    CSIDX,
    `01 ${u} 11111 00 L:1 M:1 rm:4 ${opc} H:1 0 rn:5 rd:5`,
    (f) => `${m} h${f.rd}, h${f.rn}, ${idxH(f)}`,
  );
}
for (const [mn, u, opc] of [
  ['FMLAL', 0, '0000'],
  ['FMLSL', 0, '0100'],
  ['FMLAL2', 1, '1000'],
  ['FMLSL2', 1, '1100'],
] as [string, number, string][]) {
  const m = mn.toLowerCase();
  add(`VF_${mn}_idx`, CIDX, `0 Q:1 ${u} 01111 10 L:1 M:1 rm:4 ${opc} H:1 0 rn:5 rd:5`, (f) => {
    const idx = (f.H << 2) | (f.L << 1) | f.M;
    return `${m} ${vr(f.rd, f.Q ? '4s' : '2s')}, ${vr(f.rn, f.Q ? '4h' : '2h')}, v${f.rm}.h[${idx}]`;
  });
}
// FCMLA by element: half (size 01, index H:L) and single (size 10, index H).
add('VH_FCMLA_idx', CIDX, '0 Q:1 1 01111 01 L:1 M:1 rm:4 0 rot:2 1 H:1 0 rn:5 rd:5', (f) => {
  const t = arrH(f.Q);
  return `fcmla ${vr(f.rd, t)}, ${vr(f.rn, t)}, v${(f.M << 4) | f.rm}.h[${(f.H << 1) | f.L}], #${f.rot * 90}`;
});
add('VF_FCMLA_idx', CIDX, '0 Q:1 1 01111 10 L:1 M:1 rm:4 0 rot:2 1 H:1 0 rn:5 rd:5', (f) => {
  const t = f.Q ? '4s' : '2s';
  return `fcmla ${vr(f.rd, t)}, ${vr(f.rn, t)}, v${(f.M << 4) | f.rm}.s[${f.H}], #${f.rot * 90}`;
});

// ---- three-register extension: FCMLA and FCADD (size 01 half, 1x single/double)
const arrC = (size: number, q: number): string => (size === 1 ? arrH(q) : arrSD(size & 1, q));
for (const [lead, sizeName] of [
  ['01', 'H'],
  ['1 sz:1', 'F'],
] as [string, string][]) {
  const size = (f: Fields): number => (sizeName === 'H' ? 1 : 2 | f.sz);
  add(`V${sizeName}_FCMLA`, C3E, `0 Q:1 1 01110 ${lead} 0 rm:5 110 rot:2 1 rn:5 rd:5`, (f) => {
    const t = arrC(size(f), f.Q);
    return `fcmla ${vr(f.rd, t)}, ${vr(f.rn, t)}, ${vr(f.rm, t)}, #${f.rot * 90}`;
  });
  add(`V${sizeName}_FCADD`, C3E, `0 Q:1 1 01110 ${lead} 0 rm:5 111 rot:1 0 1 rn:5 rd:5`, (f) => {
    const t = arrC(size(f), f.Q);
    return `fcadd ${vr(f.rd, t)}, ${vr(f.rn, t)}, ${vr(f.rm, t)}, #${f.rot ? 270 : 90}`;
  });
}

// ---- FEAT_BF16: BFloat16 conversion, dot product, widening multiply-add, matrix multiply
add(
  'VF_BFCVTN',
  C2M,
  '0 Q:1 0 01110 10 10000 10110 10 rn:5 rd:5',
  (f) => `${two('bfcvtn', f.Q)} ${vr(f.rd, arrH(f.Q))}, ${vr(f.rn, '4s')}`,
);
add('VF_BFDOT', C3E, '0 Q:1 1 01110 01 0 rm:5 1 1111 1 rn:5 rd:5', (f) => {
  const h = arrH(f.Q);
  return `bfdot ${vr(f.rd, f.Q ? '4s' : '2s')}, ${vr(f.rn, h)}, ${vr(f.rm, h)}`;
});
add(
  'VF_BFDOT_idx',
  CIDX,
  '0 Q:1 0 01111 01 L:1 M:1 rm:4 1111 H:1 0 rn:5 rd:5',
  (f) => `bfdot ${vr(f.rd, f.Q ? '4s' : '2s')}, ${vr(f.rn, arrH(f.Q))}, v${(f.M << 4) | f.rm}.2h[${(f.H << 1) | f.L}]`,
);
add(
  'VF_BFMLAL',
  C3E,
  '0 Q:1 1 01110 11 0 rm:5 1 1111 1 rn:5 rd:5',
  (f) => `${f.Q ? 'bfmlalt' : 'bfmlalb'} ${vr(f.rd, '4s')}, ${vr(f.rn, '8h')}, ${vr(f.rm, '8h')}`,
);
add(
  'VF_BFMLAL_idx',
  CIDX,
  '0 Q:1 0 01111 11 L:1 M:1 rm:4 1111 H:1 0 rn:5 rd:5',
  (f) =>
    `${f.Q ? 'bfmlalt' : 'bfmlalb'} ${vr(f.rd, '4s')}, ${vr(f.rn, '8h')}, v${f.rm}.h[${(f.H << 2) | (f.L << 1) | f.M}]`,
);
add(
  'VF_BFMMLA',
  C3E,
  '0 1 1 01110 01 0 rm:5 1 1101 1 rn:5 rd:5',
  (f) => `bfmmla ${vr(f.rd, '4s')}, ${vr(f.rn, '8h')}, ${vr(f.rm, '8h')}`,
);

export const fpVectorEncodings: A64Def[] = out;
