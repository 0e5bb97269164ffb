/**
 * The FP library: IEEE 754 arithmetic with ARM semantics (FPCR/FPSR) on
 * elements of the V register file. See core.ts for the technique.
 */
export * from './arith.js';
export * from './compare.js';
export * from './round.js';
export * from './convert.js';
export * from './estimate.js';
export { IOC, DZC, OFC, UFC, IXC, IDC, FPCR_FZ16, FPCR_FZ, FPCR_DN, FPCR_AHP, RN, RP, RM, RZ, RA } from './core.js';
