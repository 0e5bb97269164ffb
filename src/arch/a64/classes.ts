/**
 * The A64 encoding classes of the ARM ARM's encoding index (C4.1), grouped as
 * there. `scope` says whether armvisor's user-level core must implement the
 * class (ARMv8.0-A plus the common v8.x extensions Linux programs use), or
 * why not. Table entries name their class with exactly these strings; the
 * coverage report (npm run coverage:isa) is built from this list.
 */
export interface EncodingClass {
  readonly name: string;
  readonly group: string;
  /** 'required', or the reason the class is out of scope. */
  readonly scope: 'required' | string;
}

const req = (group: string, names: string[]): EncodingClass[] =>
  names.map((name) => ({ name, group, scope: 'required' }));
const out = (group: string, name: string, why: string): EncodingClass => ({ name, group, scope: why });

const DPI = 'Data processing -- immediate';
const BES = 'Branches, exception generating and system instructions';
const LS = 'Loads and stores';
const DPR = 'Data processing -- register';
const SIMD = 'Data processing -- scalar floating-point and Advanced SIMD';

export const A64_CLASSES: readonly EncodingClass[] = [
  ...req(DPI, [
    'PC-rel. addressing',
    'Add/subtract (immediate)',
    'Logical (immediate)',
    'Move wide (immediate)',
    'Bitfield',
    'Extract',
  ]),
  out(DPI, 'Add/subtract (immediate, with tags)', 'FEAT_MTE (memory tagging) is not implemented'),
  ...req(BES, [
    'Conditional branch (immediate)',
    'Exception generation',
    'Hints',
    'Barriers',
    'PSTATE',
    'System instructions',
    'System register move',
    'Unconditional branch (register)',
    'Unconditional branch (immediate)',
    'Compare and branch (immediate)',
    'Test and branch (immediate)',
  ]),
  out(BES, 'System instructions with register argument', 'FEAT_WFxT (v8.7) is not implemented'),
  ...req(LS, [
    'Advanced SIMD load/store multiple structures',
    'Advanced SIMD load/store multiple structures (post-indexed)',
    'Advanced SIMD load/store single structure',
    'Advanced SIMD load/store single structure (post-indexed)',
    'Load/store exclusive pair',
    'Load/store exclusive register',
    'Load/store ordered',
    'Compare and swap',
    'Compare and swap pair',
    'LDAPR/STLR (unscaled immediate)',
    'Load register (literal)',
    'Load/store no-allocate pair (offset)',
    'Load/store register pair (post-indexed)',
    'Load/store register pair (offset)',
    'Load/store register pair (pre-indexed)',
    'Load/store register (unscaled immediate)',
    'Load/store register (immediate post-indexed)',
    'Load/store register (unprivileged)',
    'Load/store register (immediate pre-indexed)',
    'Atomic memory operations',
    'Load/store register (register offset)',
    'Load/store register (unsigned immediate)',
  ]),
  out(LS, 'Load/store memory tags', 'FEAT_MTE (memory tagging) is not implemented'),
  out(LS, 'Load/store register (pac)', 'FEAT_PAuth is not implemented (its hint-space instructions are NOPs)'),
  out(LS, 'Memory copy and memory set', 'FEAT_MOPS (v8.8) is not implemented'),
  ...req(DPR, [
    'Data-processing (2 source)',
    'Data-processing (1 source)',
    'Logical (shifted register)',
    'Add/subtract (shifted register)',
    'Add/subtract (extended register)',
    'Add/subtract (with carry)',
    'Rotate right into flags',
    'Evaluate into flags',
    'Conditional compare (register)',
    'Conditional compare (immediate)',
    'Conditional select',
    'Data-processing (3 source)',
  ]),
  ...req(SIMD, [
    'Cryptographic AES',
    'Cryptographic three-register SHA',
    'Cryptographic two-register SHA',
    'Advanced SIMD scalar copy',
    'Advanced SIMD scalar three same FP16',
    'Advanced SIMD scalar two-register miscellaneous FP16',
    'Advanced SIMD scalar three same extra',
    'Advanced SIMD scalar two-register miscellaneous',
    'Advanced SIMD scalar pairwise',
    'Advanced SIMD scalar three different',
    'Advanced SIMD scalar three same',
    'Advanced SIMD scalar shift by immediate',
    'Advanced SIMD scalar x indexed element',
    'Advanced SIMD table lookup',
    'Advanced SIMD permute',
    'Advanced SIMD extract',
    'Advanced SIMD copy',
    'Advanced SIMD three same (FP16)',
    'Advanced SIMD two-register miscellaneous (FP16)',
    'Advanced SIMD three-register extension',
    'Advanced SIMD two-register miscellaneous',
    'Advanced SIMD across lanes',
    'Advanced SIMD three different',
    'Advanced SIMD three same',
    'Advanced SIMD modified immediate',
    'Advanced SIMD shift by immediate',
    'Advanced SIMD vector x indexed element',
    'Cryptographic three-register SHA512',
    'Cryptographic three-register, imm2',
    'Cryptographic four-register',
    'XAR',
    'Cryptographic two-register SHA512',
    'Conversion between floating-point and fixed-point',
    'Conversion between floating-point and integer',
    'Floating-point data-processing (1 source)',
    'Floating-point compare',
    'Floating-point immediate',
    'Floating-point conditional compare',
    'Floating-point data-processing (2 source)',
    'Floating-point conditional select',
    'Floating-point data-processing (3 source)',
  ]),
];
