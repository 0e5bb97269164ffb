/**
 * Semantics of branches and exception generation (ARM ARM C4.1.3): B.cond,
 * BC.cond, B/BL, CBZ/CBNZ, TBZ/TBNZ, BR/BLR/RET, SVC/BRK/HLT; HVC, SMC,
 * DCPS1-3, ERET and DRPS are UNDEFINED at EL0.
 *
 * Targets are computed once in prep (a.tLo/a.tHi); a conditional branch
 * returns BRANCH only when taken, so the run loop falls through otherwise.
 * B.cond has one exec per condition so the test is a single flag read.
 */
import { StopReason } from '../cpu.js';
import { srcZR } from '../regs.js';
import { BRANCH, STOP, unallocated, type Args, type Exec, type SemanticsTable } from '../semantics-types.js';
import { hasFeature } from '../../../arch/sysreg/aarch64.js';
import { condExpr, template } from '../templates.js';

/** BC.cond (FEAT_HBC) behaves as B.cond; UNDEFINED while the feature is off. */
const HBC = hasFeature('BC');

/** a.tLo/a.tHi = pc + off (off a signed byte offset within +-128 MiB). */
function setTarget(a: Args, off: number): void {
  const lo = (a.pcLo >>> 0) + off;
  a.tLo = lo | 0;
  a.tHi = (a.pcHi + Math.floor(lo / 4294967296)) | 0;
}

/** a.retLo/a.retHi = pc + 4. */
function setNext(a: Args): void {
  a.retLo = (a.pcLo + 4) | 0;
  a.retHi = (a.pcLo >>> 0) + 4 > 0xffffffff ? (a.pcHi + 1) | 0 : a.pcHi;
}

const take = (cpu: { pcLo: number; pcHi: number }, a: Args): number => {
  cpu.pcLo = a.tLo;
  cpu.pcHi = a.tHi;
  return BRANCH;
};

// One exec per condition (ARM ARM ConditionHolds); AL and NV always branch.
const BCOND: Exec[] = [
  (cpu, a) => (cpu.z ? take(cpu, a) : 0),
  (cpu, a) => (cpu.z ? 0 : take(cpu, a)),
  (cpu, a) => (cpu.c ? take(cpu, a) : 0),
  (cpu, a) => (cpu.c ? 0 : take(cpu, a)),
  (cpu, a) => (cpu.n ? take(cpu, a) : 0),
  (cpu, a) => (cpu.n ? 0 : take(cpu, a)),
  (cpu, a) => (cpu.v ? take(cpu, a) : 0),
  (cpu, a) => (cpu.v ? 0 : take(cpu, a)),
  (cpu, a) => (cpu.c && !cpu.z ? take(cpu, a) : 0),
  (cpu, a) => (cpu.c && !cpu.z ? 0 : take(cpu, a)),
  (cpu, a) => (cpu.n === cpu.v ? take(cpu, a) : 0),
  (cpu, a) => (cpu.n !== cpu.v ? take(cpu, a) : 0),
  (cpu, a) => (!cpu.z && cpu.n === cpu.v ? take(cpu, a) : 0),
  (cpu, a) => (cpu.z || cpu.n !== cpu.v ? take(cpu, a) : 0),
  (cpu, a) => take(cpu, a),
  (cpu, a) => take(cpu, a),
];

const b: Exec = (cpu, a) => {
  cpu.pcLo = a.tLo;
  cpu.pcHi = a.tHi;
  return BRANCH;
};
const bl: Exec = (cpu, a) => {
  cpu.x[60] = a.retLo;
  cpu.x[61] = a.retHi;
  cpu.pcLo = a.tLo;
  cpu.pcHi = a.tHi;
  return BRANCH;
};
const cbz64: Exec = (cpu, a) => ((cpu.x[a.t] | cpu.x[a.t + 1]) === 0 ? take(cpu, a) : 0);
const cbnz64: Exec = (cpu, a) => ((cpu.x[a.t] | cpu.x[a.t + 1]) !== 0 ? take(cpu, a) : 0);
const cbz32: Exec = (cpu, a) => (cpu.x[a.t] === 0 ? take(cpu, a) : 0);
const cbnz32: Exec = (cpu, a) => (cpu.x[a.t] !== 0 ? take(cpu, a) : 0);
/** TBZ/TBNZ: a.w is the word holding the bit, a.mask the bit. */
const tbz: Exec = (cpu, a) => ((cpu.x[a.w] & a.mask) === 0 ? take(cpu, a) : 0);
const tbnz: Exec = (cpu, a) => ((cpu.x[a.w] & a.mask) !== 0 ? take(cpu, a) : 0);

const br: Exec = (cpu, a) => {
  cpu.pcLo = cpu.x[a.n];
  cpu.pcHi = cpu.x[a.n + 1];
  return BRANCH;
};
const blr: Exec = (cpu, a) => {
  // Read the target before writing X30 (BLR X30 branches to the old value).
  const lo = cpu.x[a.n];
  const hi = cpu.x[a.n + 1];
  cpu.x[60] = a.retLo;
  cpu.x[61] = a.retHi;
  cpu.pcLo = lo;
  cpu.pcHi = hi;
  return BRANCH;
};

const undefinedAtEL0 =
  (what: string): Exec =>
  (cpu, a) =>
    cpu.undefinedInstruction(a, `${what} is UNDEFINED at EL0`);

export const branchSemantics: SemanticsTable = {
  B_cond: {
    prep(a) {
      setTarget(a, a.imm19 * 4);
      if (a.c && !HBC) return unallocated;
      return BCOND[a.cond];
    },
    exec: BCOND[14],
  },
  B_BL: {
    prep(a) {
      setTarget(a, a.imm26 * 4);
      setNext(a);
      return a.op ? bl : b;
    },
    exec: b,
  },
  CBZ: {
    prep(a) {
      a.t = srcZR(a.rt);
      setTarget(a, a.imm19 * 4);
      if (a.sf) return a.op ? cbnz64 : cbz64;
      return a.op ? cbnz32 : cbz32;
    },
    exec: cbz64,
  },
  TBZ: {
    prep(a) {
      const bit = a.b5 * 32 + a.b40;
      a.w = srcZR(a.rt) + (bit >> 5);
      a.mask = 1 << (bit & 31);
      setTarget(a, a.imm14 * 4);
      return a.op ? tbnz : tbz;
    },
    exec: tbz,
  },
  BR_BLR_RET: {
    prep(a) {
      a.n = srcZR(a.rn);
      setNext(a);
      if (a.opc === 3) return unallocated;
      return a.opc === 1 ? blr : br;
    },
    exec: br,
  },
  ERET_DRPS: {
    prep(a) {
      return undefinedAtEL0(a.op ? 'DRPS' : 'ERET');
    },
    exec: undefinedAtEL0('ERET'),
  },
  SVC: {
    prep(a) {
      setNext(a);
    },
    exec(cpu, a) {
      cpu.excImm = a.imm16;
      cpu.pcLo = a.retLo;
      cpu.pcHi = a.retHi;
      cpu.stopReason = StopReason.Svc;
      return STOP;
    },
  },
  HVC_SMC: {
    prep(a) {
      return undefinedAtEL0(a.op ? 'SMC' : 'HVC');
    },
    exec: undefinedAtEL0('HVC'),
  },
  BRK: {
    exec(cpu, a) {
      cpu.excImm = a.imm16;
      return cpu.stopAt(a, StopReason.Brk);
    },
  },
  HLT: {
    exec(cpu, a) {
      cpu.excImm = a.imm16;
      return cpu.stopAt(a, StopReason.Hlt);
    },
  },
  DCPS: {
    prep(a) {
      return undefinedAtEL0(`DCPS${a.ll}`);
    },
    exec: undefinedAtEL0('DCPS'),
  },
};

// ---------------------------------------------------------------- templates for compiled blocks (templates.ts)

BCOND.forEach((e, c) => template(e, { cond: () => (c >= 14 ? '' : condExpr(c)) }));
template(b, { cond: () => '' });
template(bl, { pre: (a, g) => `${g.r(60)} = ${a.retLo | 0}; ${g.r(61)} = ${a.retHi | 0};`, cond: () => '' });
template(cbz64, { cond: (a, g) => `(${g.r(a.t)} | ${g.r(a.t + 1)}) === 0` });
template(cbnz64, { cond: (a, g) => `(${g.r(a.t)} | ${g.r(a.t + 1)}) !== 0` });
template(cbz32, { cond: (a, g) => `${g.r(a.t)} === 0` });
template(cbnz32, { cond: (a, g) => `${g.r(a.t)} !== 0` });
template(tbz, { cond: (a, g) => `(${g.r(a.w)} & ${a.mask | 0}) === 0` });
template(tbnz, { cond: (a, g) => `(${g.r(a.w)} & ${a.mask | 0}) !== 0` });
template(br, { dyn: (a, g) => `_tl = ${g.r(a.n)}; _th = ${g.r(a.n + 1)};` });
// BLR: the target is read before X30 is written (BLR X30).
template(blr, {
  dyn: (a, g) => `_tl = ${g.r(a.n)}; _th = ${g.r(a.n + 1)}; ${g.r(60)} = ${a.retLo | 0}; ${g.r(61)} = ${a.retHi | 0};`,
});
