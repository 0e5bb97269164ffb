/**
 * Semantics of the base integer encodings (see src/arch/a64/tables/base.ts).
 */
import { StopReason } from '../cpu.js';
import { dstZR, regSP } from '../regs.js';
import { BRANCH, STOP, type SemanticsTable } from '../semantics-types.js';

export const baseSemantics: SemanticsTable = {
  ADD_SUB_imm: {
    prep(a) {
      a.n = regSP(a.rn);
      a.d = a.S ? dstZR(a.rd) : regSP(a.rd);
      a.imm = a.sh ? a.imm12 << 12 : a.imm12;
    },
    exec(cpu, a) {
      // Only the non-flag-setting 64-bit add is here as the model; the base
      // area's owner completes the class.
      const x = cpu.x;
      const lo = x[a.n] >>> 0;
      const sum = lo + (a.op ? -a.imm : a.imm);
      let hi = x[a.n + 1];
      if (a.op) {
        if (sum < 0) hi = (hi - 1) | 0;
      } else if (sum > 0xffffffff) hi = (hi + 1) | 0;
      x[a.d] = sum | 0;
      x[a.d + 1] = a.sf ? hi : 0;
    },
  },
  B_BL: {
    prep(a) {
      // Target computed once: pc + imm26*4 as halves.
      const off = a.imm26 * 4;
      const lo = (a.pcLo >>> 0) + off;
      a.tLo = lo | 0;
      a.tHi = (a.pcHi + Math.floor(lo / 4294967296)) | 0;
      a.retLo = (a.pcLo + 4) | 0;
      a.retHi = (a.pcLo >>> 0) + 4 > 0xffffffff ? (a.pcHi + 1) | 0 : a.pcHi;
    },
    exec(cpu, a) {
      if (a.op) {
        cpu.x[60] = a.retLo;
        cpu.x[61] = a.retHi;
      }
      cpu.pcLo = a.tLo;
      cpu.pcHi = a.tHi;
      return BRANCH;
    },
  },
  SVC: {
    prep(a) {
      a.nextLo = (a.pcLo + 4) | 0;
      a.nextHi = (a.pcLo >>> 0) + 4 > 0xffffffff ? (a.pcHi + 1) | 0 : a.pcHi;
    },
    exec(cpu, a) {
      cpu.excImm = a.imm16;
      cpu.pcLo = a.nextLo;
      cpu.pcHi = a.nextHi;
      cpu.stopReason = StopReason.Svc;
      return STOP;
    },
  },
};
