/**
 * Semantics of the floating-point instructions of the Advanced SIMD classes
 * (table: src/arch/a64/tables/fp-vector.ts). prep works out the shape once
 * (element size, vector length, register byte offsets, scratch block) and
 * picks a shared exec from ../fp-vector/execs.ts; the element operations
 * come from the FP library (bound in ../fp-vector/lib.ts).
 *
 * Entry name prefixes: VF_ vector single/double (sz), VH_ vector half,
 * SF_ scalar single/double, SH_ scalar half.
 */
import { unallocated, type Args, type Exec, type Semantics, type SemanticsTable } from '../semantics-types.js';
import * as L from '../fp-vector/lib.js';
import * as X from '../fp-vector/execs.js';
import { FABD, FABS, FNEG, fcvtxn64to32 } from '../fp-vector/own.js';
import { pickScratch } from '../fp-vector/scratch.js';
import { bfdotExec, bfdotIdxExec, bfmlalExec, bfmmlaExec } from '../fp-vector/bf16.js';
import { complexAddExec, complexMlaExec, complexMlaIdxExec, fmlalExec, fmlalIdxExec } from '../fp-vector/complex.js';

type Shape = 'VF' | 'VH' | 'SF' | 'SH';

/** Size index into the library's [half, single, double] tables. */
const sizeIndex = (es: number): 0 | 1 | 2 => (es === 2 ? 0 : es === 4 ? 1 : 2);

/**
 * Element size and result length of a shape; false for the reserved
 * combination (double-precision vector with Q=0).
 */
function shape(sh: Shape, a: Args): boolean {
  if (sh === 'VF') {
    if (a.sz && !a.Q) return false;
    a.es = a.sz ? 8 : 4;
    a.len = a.Q ? 16 : 8;
  } else if (sh === 'VH') {
    a.es = 2;
    a.len = a.Q ? 16 : 8;
  } else {
    a.es = sh === 'SF' ? (a.sz ? 8 : 4) : 2;
    a.len = a.es;
  }
  a.d = a.rd * 16;
  a.n = a.rn * 16;
  if (a.rm !== undefined) a.m = a.rm * 16;
  a.t = -1;
  return true;
}

/** Semantics whose prep sets up `sh` and lets `pick` choose the exec. */
const shaped = (sh: Shape, pick: (a: Args, si: 0 | 1 | 2) => Exec): Semantics => ({
  prep(a) {
    if (!shape(sh, a)) return unallocated;
    return pick(a, sizeIndex(a.es));
  },
  exec: unallocated,
});

const T: Record<string, Semantics> = {};
const def = (name: string, s: Semantics): void => {
  if (T[name]) throw new Error(`fp-vector semantics: duplicate ${name}`);
  T[name] = s;
};
const VEC: Shape[] = ['VF', 'VH'];
const ALL: Shape[] = ['VF', 'VH', 'SF', 'SH'];

// ---------------------------------------------------------------- three same

const BIN: [string, L.BySize<L.Bin>, Shape[]][] = [
  ['FMAXNM', L.FMAXNM, VEC],
  ['FMINNM', L.FMINNM, VEC],
  ['FADD', L.FADD, VEC],
  ['FSUB', L.FSUB, VEC],
  ['FMAX', L.FMAX, VEC],
  ['FMIN', L.FMIN, VEC],
  ['FMUL', L.FMUL, VEC],
  ['FDIV', L.FDIV, VEC],
  ['FMULX', L.FMULX, ALL],
  ['FRECPS', L.FRECPS, ALL],
  ['FRSQRTS', L.FRSQRTS, ALL],
  ['FABD', FABD, ALL],
];
for (const [mn, ops, shapes] of BIN)
  for (const sh of shapes)
    def(
      `${sh}_${mn}`,
      shaped(sh, (_a, si) => X.binExec(ops[si])),
    );

for (const [mn, neg] of [
  ['FMLA', 0],
  ['FMLS', 1],
] as [string, number][])
  for (const sh of VEC)
    def(
      `${sh}_${mn}`,
      shaped(sh, (a, si) => {
        a.neg = neg;
        return X.mlaExec(L.FMULADD[si]);
      }),
    );

const CMP: [string, L.BySize<L.Cmp>][] = [
  ['FCMEQ', L.FCMEQ],
  ['FCMGE', L.FCMGE],
  ['FCMGT', L.FCMGT],
  ['FACGE', L.FACGE],
  ['FACGT', L.FACGT],
];
for (const [mn, ops] of CMP)
  for (const sh of ALL)
    def(
      `${sh}_${mn}`,
      shaped(sh, (_a, si) => X.cmpExec(ops[si])),
    );

const PAIR: [string, L.BySize<L.Bin>][] = [
  ['FMAXNMP', L.FMAXNM],
  ['FMINNMP', L.FMINNM],
  ['FADDP', L.FADD],
  ['FMAXP', L.FMAX],
  ['FMINP', L.FMIN],
];
for (const [mn, ops] of PAIR) {
  for (const sh of VEC)
    def(
      `${sh}_${mn}`,
      shaped(sh, (a, si) => {
        a.t = pickScratch(a.rd, a.rn, a.rm);
        return X.pairExec(ops[si]);
      }),
    );
  // Scalar pairwise: SF_ (sz: 2s/2d source) and SH_ (2h source).
  for (const sh of ['SF', 'SH'] as Shape[])
    def(
      `${sh}_${mn}`,
      shaped(sh, (_a, si) => X.scalarPairExec(ops[si])),
    );
}

// ---------------------------------------------------------------- two-register misc

for (const [mn, rm, ex] of [
  ['FRINTN', 0, 0],
  ['FRINTP', 1, 0],
  ['FRINTM', 2, 0],
  ['FRINTZ', 3, 0],
  ['FRINTA', 4, 0],
  ['FRINTX', -1, 1],
  ['FRINTI', -1, 0],
] as [string, number, number][])
  for (const sh of VEC)
    def(
      `${sh}_${mn}`,
      shaped(sh, (a, si) => {
        a.rmode = rm;
        a.ex = ex;
        return X.rintExec(L.FRINT[si]);
      }),
    );

for (const [mn, rm, ib] of [
  ['FRINT32Z', 3, 32],
  ['FRINT32X', -1, 32],
  ['FRINT64Z', 3, 64],
  ['FRINT64X', -1, 64],
] as [string, number, number][])
  def(
    `VF_${mn}`,
    shaped('VF', (a, si) => {
      a.rmode = rm;
      a.ib = ib;
      return X.rintNExec(si === 1 ? L.FRINTN[1] : L.FRINTN[2]);
    }),
  );

for (const [r, rm] of [
  ['N', 0],
  ['P', 1],
  ['M', 2],
  ['Z', 3],
  ['A', 4],
] as [string, number][])
  for (const [s, u] of [
    ['S', 0],
    ['U', 1],
  ] as [string, number][])
    for (const sh of ALL)
      def(
        `${sh}_FCVT${r}${s}`,
        shaped(sh, (a, si) => {
          a.rmode = rm;
          a.u = u;
          a.fb = 0;
          return X.toIntExec(L.TOINT[si]);
        }),
      );

for (const [mn, u] of [
  ['SCVTF', 0],
  ['UCVTF', 1],
] as [string, number][])
  for (const sh of ALL)
    def(
      `${sh}_${mn}`,
      shaped(sh, (a, si) => {
        a.u = u;
        a.fb = 0;
        return X.fromIntExec(L.FROMINT[si]);
      }),
    );

// Compares against zero: LT/LE are GT/GE with the operands swapped.
for (const [mn, ops, rev] of [
  ['FCMGT', L.FCMGT, false],
  ['FCMGE', L.FCMGE, false],
  ['FCMEQ', L.FCMEQ, false],
  ['FCMLT', L.FCMGT, true],
  ['FCMLE', L.FCMGE, true],
] as [string, L.BySize<L.Cmp>, boolean][])
  for (const sh of ALL)
    def(
      `${sh}_${mn}_zero`,
      shaped(sh, (a, si) => {
        a.t = pickScratch(a.rd, a.rn);
        return X.cmpZeroExec(ops[si], rev);
      }),
    );

const UN: [string, L.BySize<L.Un>, Shape[]][] = [
  ['FABS', FABS, VEC],
  ['FNEG', FNEG, VEC],
  ['FSQRT', L.FSQRT, VEC],
  ['FRECPE', L.FRECPE, ALL],
  ['FRSQRTE', L.FRSQRTE, ALL],
  ['FRECPX', L.FRECPX, ['SF', 'SH']],
];
for (const [mn, ops, shapes] of UN)
  for (const sh of shapes)
    def(
      `${sh}_${mn}`,
      shaped(sh, (_a, si) => X.unExec(ops[si])),
    );

/** Narrowing and widening conversions: a.es is the wider element size. */
const convPrep = (a: Args): void => {
  a.es = a.sz ? 8 : 4;
  a.d = a.rd * 16;
  a.n = a.rn * 16;
  a.base = a.Q ? 8 : 0;
  a.t = a.rd === a.rn ? pickScratch(a.rd) : -1;
};
def('VF_FCVTN', {
  prep(a) {
    convPrep(a);
    return X.narrowExec(a.sz ? L.fcvt64to32 : L.fcvt32to16);
  },
  exec: unallocated,
});
def('VF_FCVTL', {
  prep(a) {
    convPrep(a);
    return X.widenExec(a.sz ? L.fcvt32to64 : L.fcvt16to32);
  },
  exec: unallocated,
});
def('VF_FCVTXN', {
  prep(a) {
    a.sz = 1;
    convPrep(a);
    return X.narrowExec(fcvtxn64to32);
  },
  exec: unallocated,
});
def('SF_FCVTXN', {
  prep(a) {
    a.d = a.rd * 16;
    a.n = a.rn * 16;
    return X.scalarNarrowExec(fcvtxn64to32);
  },
  exec: unallocated,
});

const urecpe: L.Un = (cpu, d, n) => void (cpu.vi32[d >> 2] = L.urecpe32(cpu.vi32[n >> 2]));
const ursqrte: L.Un = (cpu, d, n) => void (cpu.vi32[d >> 2] = L.ursqrte32(cpu.vi32[n >> 2]));
for (const [name, op] of [
  ['VF_URECPE', urecpe],
  ['VF_URSQRTE', ursqrte],
] as [string, L.Un][])
  def(name, {
    prep(a) {
      a.sz = 0;
      shape('VF', a);
      return X.unExec(op);
    },
    exec: unallocated,
  });

// ---------------------------------------------------------------- across lanes

const RED: [string, L.BySize<L.Bin>][] = [
  ['FMAXNMV', L.FMAXNM],
  ['FMINNMV', L.FMINNM],
  ['FMAXV', L.FMAX],
  ['FMINV', L.FMIN],
];
for (const [mn, ops] of RED) {
  def(`VF_${mn}`, {
    prep(a) {
      // Single precision, 4S only.
      if (a.sz || !a.Q) return unallocated;
      shape('VF', a);
      a.t = pickScratch(a.rd, a.rn);
      return X.reduceExec(ops[1]);
    },
    exec: unallocated,
  });
  def(
    `VH_${mn}`,
    shaped('VH', (a) => {
      a.t = pickScratch(a.rd, a.rn);
      return X.reduceExec(ops[0]);
    }),
  );
}

// ---------------------------------------------------------------- fixed point, shift by immediate

for (const [mn, conv, u] of [
  ['SCVTF', 'from', 0],
  ['UCVTF', 'from', 1],
  ['FCVTZS', 'to', 0],
  ['FCVTZU', 'to', 1],
] as [string, string, number][])
  for (const [sfx, es] of [
    ['D', 8],
    ['S', 4],
    ['H', 2],
  ] as [string, number][])
    for (const vec of [true, false]) {
      const si = sizeIndex(es);
      def(`${vec ? 'V' : 'S'}${sfx}_${mn}_fixed`, {
        prep(a) {
          if (vec && es === 8 && !a.Q) return unallocated;
          a.es = es;
          a.len = vec ? (a.Q ? 16 : 8) : es;
          a.d = a.rd * 16;
          a.n = a.rn * 16;
          a.fb = es * 8 - a.immb;
          a.u = u;
          a.rmode = 3;
          return conv === 'from' ? X.fromIntExec(L.FROMINT[si]) : X.toIntExec(L.TOINT[si]);
        },
        exec: unallocated,
      });
    }

// ---------------------------------------------------------------- by element

/** Indexed-element shape: a.mi (element offset), a.io (same lane in d). */
function idxShape(sh: Shape, a: Args): boolean {
  let idx: number;
  let mreg: number;
  if (sh === 'VH' || sh === 'SH') {
    idx = (a.H << 2) | (a.L << 1) | a.M;
    mreg = a.rm;
  } else if (a.sz) {
    if (a.L) return false;
    idx = a.H;
    mreg = (a.M << 4) | a.rm;
  } else {
    idx = (a.H << 1) | a.L;
    mreg = (a.M << 4) | a.rm;
  }
  if (!shape(sh, a)) return false;
  a.mi = mreg * 16 + idx * a.es;
  a.io = idx * a.es;
  return true;
}
for (const [mn, ops] of [
  ['FMUL', L.FMUL],
  ['FMULX', L.FMULX],
] as [string, L.BySize<L.Bin>][])
  for (const sh of ALL)
    def(`${sh}_${mn}_idx`, {
      prep(a) {
        if (!idxShape(sh, a)) return unallocated;
        return X.idxExec(ops[sizeIndex(a.es)]);
      },
      exec: unallocated,
    });
for (const [mn, neg] of [
  ['FMLA', 0],
  ['FMLS', 1],
] as [string, number][])
  for (const sh of ALL)
    def(`${sh}_${mn}_idx`, {
      prep(a) {
        if (!idxShape(sh, a)) return unallocated;
        a.neg = neg;
        return X.idxMlaExec(L.FMULADD[sizeIndex(a.es)]);
      },
      exec: unallocated,
    });

// ---------------------------------------------------------------- FHM, complex

for (const [mn, neg, upper] of [
  ['FMLAL', 0, 0],
  ['FMLSL', 1, 0],
  ['FMLAL2', 0, 1],
  ['FMLSL2', 1, 1],
] as [string, number, number][]) {
  const common = (a: Args): void => {
    a.d = a.rd * 16;
    a.n = a.rn * 16;
    a.es = 4;
    a.len = a.Q ? 16 : 8;
    a.neg = neg;
    // Vpart: the upper half of the half-precision operand for the "2" forms.
    a.base = upper ? a.len >> 1 : 0;
  };
  def(`VF_${mn}`, {
    prep(a) {
      common(a);
      a.m = a.rm * 16;
      a.t = pickScratch(a.rd, a.rn, a.rm);
      return fmlalExec;
    },
    exec: unallocated,
  });
  def(`VF_${mn}_idx`, {
    prep(a) {
      common(a);
      a.mi = a.rm * 16 + ((a.H << 2) | (a.L << 1) | a.M) * 2;
      a.t = pickScratch(a.rd, a.rn, a.rm);
      return fmlalIdxExec;
    },
    exec: unallocated,
  });
}

for (const [sh, name] of [
  ['VH', 'VH'],
  ['VF', 'VF'],
] as [Shape, string][]) {
  def(`${name}_FCMLA`, {
    prep(a) {
      if (!shape(sh, a)) return unallocated;
      a.t = pickScratch(a.rd, a.rn, a.rm);
      return complexMlaExec(L.FMULADD[sizeIndex(a.es)]);
    },
    exec: unallocated,
  });
  def(`${name}_FCADD`, {
    prep(a) {
      if (!shape(sh, a)) return unallocated;
      a.t = pickScratch(a.rd, a.rn, a.rm);
      return complexAddExec(L.FADD[sizeIndex(a.es)]);
    },
    exec: unallocated,
  });
}
for (const sh of ['VH', 'VF'] as Shape[])
  def(`${sh}_FCMLA_idx`, {
    prep(a) {
      // Half: index H:L (H=1 needs Q=1); single: index H (L=1 or Q=0 reserved).
      let idx: number;
      if (sh === 'VH') {
        idx = (a.H << 1) | a.L;
        if (a.H && !a.Q) return unallocated;
      } else {
        if (a.L || !a.Q) return unallocated;
        idx = a.H;
      }
      const mreg = (a.M << 4) | a.rm;
      a.sz = 0;
      shape(sh, a);
      a.mi = mreg * 16 + idx * 2 * a.es;
      a.t = pickScratch(a.rd, a.rn, mreg);
      return complexMlaIdxExec(L.FMULADD[sizeIndex(a.es)]);
    },
    exec: unallocated,
  });

// ---------------------------------------------------------------- BFloat16 (FEAT_BF16)

def('VF_BFCVTN', {
  prep(a) {
    a.sz = 0;
    convPrep(a);
    return X.narrowExec(L.bfcvt);
  },
  exec: unallocated,
});
const bfPrep = (a: Args): void => {
  a.d = a.rd * 16;
  a.n = a.rn * 16;
  a.len = a.Q ? 16 : 8;
};
def('VF_BFDOT', {
  prep(a) {
    bfPrep(a);
    a.m = a.rm * 16;
    return bfdotExec;
  },
  exec: unallocated,
});
def('VF_BFDOT_idx', {
  prep(a) {
    bfPrep(a);
    a.mi = ((a.M << 4) | a.rm) * 16 + ((a.H << 1) | a.L) * 4;
    return bfdotIdxExec;
  },
  exec: unallocated,
});
def('VF_BFMMLA', {
  prep(a) {
    bfPrep(a);
    a.m = a.rm * 16;
    return bfmmlaExec;
  },
  exec: unallocated,
});
def('VF_BFMLAL', {
  prep(a) {
    bfPrep(a);
    a.m = a.rm * 16;
    a.mi = -1;
    a.top = a.Q; // BFMLALT: odd-numbered elements
    a.t = pickScratch(a.rd, a.rn, a.rm);
    return bfmlalExec;
  },
  exec: unallocated,
});
def('VF_BFMLAL_idx', {
  prep(a) {
    bfPrep(a);
    a.mi = a.rm * 16 + ((a.H << 2) | (a.L << 1) | a.M) * 2;
    a.top = a.Q;
    a.t = pickScratch(a.rd, a.rn, a.rm);
    return bfmlalExec;
  },
  exec: unallocated,
});

export const fpVectorSemantics: SemanticsTable = T;
