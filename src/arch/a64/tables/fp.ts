/**
 * Scalar floating-point encodings (ARM ARM C4.1.6, "Data Processing --
 * Scalar Floating-Point and Advanced SIMD", the scalar FP classes): FP
 * data-processing 1/2/3 source, compare, conditional compare, conditional
 * select, immediate, and the conversions FP<->fixed-point and FP<->integer
 * (incl. FMOV general and FJCVTZS).
 *
 * One entry per instruction or small family with its opcode bits fixed; M
 * and S (bits 31/29) are fixed at 0 except where the bit is `sf`. `ftype`
 * is 0 single, 1 double, 3 half (FEAT_FP16), 2 reserved (prep makes it
 * UNDEFINED). Semantics: src/cpu/a64/semantics/fp.ts.
 */
import { CONDS, vscalar, xreg, type A64Def, type Fields } from '../encoding.js';

/** objdump spells conditions 2 and 3 as cs/cc in the FP conditional instructions. */
const FP_CONDS = CONDS.map((c) => (c === 'hs' ? 'cs' : c === 'lo' ? 'cc' : c));

const C1 = 'Floating-point data-processing (1 source)';
const C2 = 'Floating-point data-processing (2 source)';
const C3 = 'Floating-point data-processing (3 source)';
const CCMP = 'Floating-point compare';
const CCCMP = 'Floating-point conditional compare';
const CCSEL = 'Floating-point conditional select';
const CIMM = 'Floating-point immediate';
const CFIX = 'Conversion between floating-point and fixed-point';
const CINT = 'Conversion between floating-point and integer';

/** Element size in bytes for ftype (0 single, 1 double, 3 half; 2 prints as a q register). */
export const ftypeBytes = (ftype: number): number => [4, 8, 16, 2][ftype];
const fr = (r: number, ftype: number): string => vscalar(r, ftypeBytes(ftype));

/** VFPExpandImm as a JS number (exact in every format): ±(16 + imm8<3:0>)/16 · 2^(((imm8<6:4>) ^ 4) - 3). */
export function vfpExpandImm(imm8: number): number {
  const v = ((16 + (imm8 & 15)) / 16) * 2 ** ((((imm8 >> 4) & 7) ^ 4) - 3);
  return imm8 & 0x80 ? -v : v;
}

/** objdump prints FP immediates as %.18e. */
function fpImm(v: number): string {
  const [m, e] = v.toExponential(18).split('e');
  const ex = Number(e);
  return `#${m}e${ex < 0 ? '-' : '+'}${String(Math.abs(ex)).padStart(2, '0')}`;
}

const OPS1 = ['fmov', 'fabs', 'fneg', 'fsqrt'];
const RINT = ['frintn', 'frintp', 'frintm', 'frintz', 'frinta', '', 'frintx', 'frinti'];
const RINTTS = ['frint32z', 'frint32x', 'frint64z', 'frint64x'];
const OPS2 = ['fmul', 'fdiv', 'fadd', 'fsub', 'fmax', 'fmin', 'fmaxnm', 'fminnm'];
const OPS3 = ['fmadd', 'fmsub', 'fnmadd', 'fnmsub'];
const CVT_RM = ['n', 'p', 'm', 'z'];

export const fpEncodings: A64Def[] = [
  // ---- Floating-point data-processing (1 source)
  {
    name: 'FP_MOV_ABS_NEG_SQRT',
    cls: C1,
    pattern: '000 11110 ftype:2 1 0000 opc:2 10000 rn:5 rd:5',
    dis: (f) => `${OPS1[f.opc]} ${fr(f.rd, f.ftype)}, ${fr(f.rn, f.ftype)}`,
  },
  {
    // opc: destination 0 single, 1 double, 3 half; ftype 1 with opc 2 is BFCVT Hd, Sn (FEAT_BF16)
    name: 'FCVT_prec',
    cls: C1,
    pattern: '000 11110 ftype:2 1 0001 opc:2 10000 rn:5 rd:5',
    dis: (f) =>
      f.ftype === 1 && f.opc === 2
        ? `bfcvt ${fr(f.rd, 3)}, ${fr(f.rn, 0)}`
        : `fcvt ${fr(f.rd, f.opc)}, ${fr(f.rn, f.ftype)}`,
  },
  {
    name: 'FRINT',
    cls: C1,
    pattern: '000 11110 ftype:2 1 001 rm:3 10000 rn:5 rd:5',
    dis: (f) => `${RINT[f.rm] || 'frint?'} ${fr(f.rd, f.ftype)}, ${fr(f.rn, f.ftype)}`,
  },
  {
    name: 'FRINTTS',
    cls: C1,
    pattern: '000 11110 ftype:2 1 0100 op:2 10000 rn:5 rd:5',
    dis: (f) => `${RINTTS[f.op]} ${fr(f.rd, f.ftype)}, ${fr(f.rn, f.ftype)}`,
  },
  // ---- Floating-point data-processing (2 source)
  {
    name: 'FP_2SRC',
    cls: C2,
    pattern: '000 11110 ftype:2 1 rm:5 0 opc:3 10 rn:5 rd:5',
    dis: (f) => `${OPS2[f.opc]} ${fr(f.rd, f.ftype)}, ${fr(f.rn, f.ftype)}, ${fr(f.rm, f.ftype)}`,
  },
  {
    name: 'FNMUL',
    cls: C2,
    pattern: '000 11110 ftype:2 1 rm:5 1000 10 rn:5 rd:5',
    dis: (f) => `fnmul ${fr(f.rd, f.ftype)}, ${fr(f.rn, f.ftype)}, ${fr(f.rm, f.ftype)}`,
  },
  // ---- Floating-point data-processing (3 source)
  {
    name: 'FP_3SRC',
    cls: C3,
    pattern: '000 11111 ftype:2 o1:1 rm:5 o0:1 ra:5 rn:5 rd:5',
    dis: (f) =>
      `${OPS3[f.o1 * 2 + f.o0]} ${fr(f.rd, f.ftype)}, ${fr(f.rn, f.ftype)}, ${fr(f.rm, f.ftype)}, ${fr(f.ra, f.ftype)}`,
  },
  // ---- Floating-point compare (Rm is ignored by the compare-with-zero forms)
  {
    name: 'FCMP',
    cls: CCMP,
    pattern: '000 11110 ftype:2 1 rm:5 00 1000 rn:5 e:1 z:1 000',
    dis: (f) => `fcmp${f.e ? 'e' : ''} ${fr(f.rn, f.ftype)}, ${f.z ? '#0.0' : fr(f.rm, f.ftype)}`,
  },
  // ---- Floating-point conditional compare
  {
    name: 'FCCMP',
    cls: CCCMP,
    pattern: '000 11110 ftype:2 1 rm:5 cond:4 01 rn:5 e:1 nzcv:4',
    dis: (f) =>
      `fccmp${f.e ? 'e' : ''} ${fr(f.rn, f.ftype)}, ${fr(f.rm, f.ftype)}, #0x${f.nzcv.toString(16)}, ${FP_CONDS[f.cond]}`,
  },
  // ---- Floating-point conditional select
  {
    name: 'FCSEL',
    cls: CCSEL,
    pattern: '000 11110 ftype:2 1 rm:5 cond:4 11 rn:5 rd:5',
    dis: (f) => `fcsel ${fr(f.rd, f.ftype)}, ${fr(f.rn, f.ftype)}, ${fr(f.rm, f.ftype)}, ${FP_CONDS[f.cond]}`,
  },
  // ---- Floating-point immediate
  {
    name: 'FMOV_imm',
    cls: CIMM,
    pattern: '000 11110 ftype:2 1 imm8:8 100 00000 rd:5',
    dis: (f) => `fmov ${fr(f.rd, f.ftype)}, ${fpImm(vfpExpandImm(f.imm8))}`,
  },
  // ---- Conversion between floating-point and fixed-point
  {
    name: 'CVTF_fixed',
    cls: CFIX,
    pattern: 'sf:1 00 11110 ftype:2 0 00 01 u:1 scale:6 rn:5 rd:5',
    dis: (f) => `${f.u ? 'u' : 's'}cvtf ${fr(f.rd, f.ftype)}, ${xreg(f.rn, f.sf)}, #${64 - f.scale}`,
  },
  {
    name: 'FCVTZ_fixed',
    cls: CFIX,
    pattern: 'sf:1 00 11110 ftype:2 0 11 00 u:1 scale:6 rn:5 rd:5',
    dis: (f) => `fcvtz${f.u ? 'u' : 's'} ${xreg(f.rd, f.sf)}, ${fr(f.rn, f.ftype)}, #${64 - f.scale}`,
  },
  // ---- Conversion between floating-point and integer
  {
    name: 'FCVT_int',
    cls: CINT,
    pattern: 'sf:1 00 11110 ftype:2 1 rmode:2 00 u:1 000000 rn:5 rd:5',
    dis: (f) => `fcvt${CVT_RM[f.rmode]}${f.u ? 'u' : 's'} ${xreg(f.rd, f.sf)}, ${fr(f.rn, f.ftype)}`,
  },
  {
    name: 'CVTF_int',
    cls: CINT,
    pattern: 'sf:1 00 11110 ftype:2 1 00 01 u:1 000000 rn:5 rd:5',
    dis: (f) => `${f.u ? 'u' : 's'}cvtf ${fr(f.rd, f.ftype)}, ${xreg(f.rn, f.sf)}`,
  },
  {
    name: 'FCVTA_int',
    cls: CINT,
    pattern: 'sf:1 00 11110 ftype:2 1 00 10 u:1 000000 rn:5 rd:5',
    dis: (f) => `fcvta${f.u ? 'u' : 's'} ${xreg(f.rd, f.sf)}, ${fr(f.rn, f.ftype)}`,
  },
  {
    // dir 0: general <- FP, 1: FP <- general
    name: 'FMOV_gen',
    cls: CINT,
    pattern: 'sf:1 00 11110 ftype:2 1 00 11 dir:1 000000 rn:5 rd:5',
    dis: (f) =>
      f.dir ? `fmov ${fr(f.rd, f.ftype)}, ${xreg(f.rn, f.sf)}` : `fmov ${xreg(f.rd, f.sf)}, ${fr(f.rn, f.ftype)}`,
  },
  {
    // FMOV Xd, Vn.D[1] / FMOV Vd.D[1], Xn: valid only with sf = 1, ftype = 2
    name: 'FMOV_d1',
    cls: CINT,
    pattern: 'sf:1 00 11110 ftype:2 1 01 11 dir:1 000000 rn:5 rd:5',
    dis: (f: Fields) => (f.dir ? `fmov v${f.rd}.d[1], ${xreg(f.rn, 1)}` : `fmov ${xreg(f.rd, 1)}, v${f.rn}.d[1]`),
  },
  {
    name: 'FJCVTZS',
    cls: CINT,
    pattern: '0 00 11110 01 1 11 110 000000 rn:5 rd:5',
    dis: (f) => `fjcvtzs ${xreg(f.rd, 0)}, ${fr(f.rn, 1)}`,
  },
];
