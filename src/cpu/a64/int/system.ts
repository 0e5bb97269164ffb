/**
 * Semantics of the system instructions an EL0 program may use (ARM ARM
 * C4.1.4, C5): hints, barriers, CLREX, PSTATE (CFINV, XAFLAG, AXFLAG),
 * MRS/MSR through the system-register table (src/arch/sysreg/aarch64.ts), and
 * SYS for DC ZVA, DC CVAC/CVAU/CVAP/CVADP/CIVAC and IC IVAU.
 *
 * Everything else is UNDEFINED at EL0, as Linux shows it (SIGILL), with a
 * diagnostic that names the encoding.
 */
import { StopReason, type A64Cpu } from '../cpu.js';
import { dstZR, srcZR } from '../regs.js';
import { STOP, unallocated, type Args, type Exec, type SemanticsTable } from '../semantics-types.js';
import { CNTFRQ_HZ, DC_ZVA_BYTES, genericName, hasFeature, lookupSysReg } from '../../../arch/sysreg/aarch64.js';
import { setConst } from './dp-imm.js';
import { idRegisterValue } from './features.js';

const nop: Exec = () => {};

const undef =
  (why: string): Exec =>
  (cpu, a) =>
    cpu.undefinedInstruction(a, why);

/** WFE/WFI/YIELD: architecturally NOPs here, but stop with Wait so the embedder may yield. */
const wait: Exec = (cpu, a) => {
  cpu.pcLo = a.nextLo;
  cpu.pcHi = a.nextHi;
  cpu.stopReason = StopReason.Wait;
  return STOP;
};

const clrex: Exec = (cpu) => {
  cpu.exclValid = 0;
};

// ---------------------------------------------------------------- PSTATE (FlagM, FlagM2, DIT, SSBS)

/** PSTATE bits that A64Cpu has no field for (FEAT_DIT, FEAT_SSBS), per CPU. */
export interface ExtraPstate {
  dit: number;
  ssbs: number;
}
const extraPstate = new WeakMap<A64Cpu, ExtraPstate>();

/** The CPU's DIT/SSBS bits (created as 0 on first use); for embedders saving PSTATE. */
export function extraPstateOf(cpu: A64Cpu): ExtraPstate {
  let s = extraPstate.get(cpu);
  if (!s) extraPstate.set(cpu, (s = { dit: 0, ssbs: 0 }));
  return s;
}

const msrImmDit: Exec = (cpu, a) => {
  extraPstateOf(cpu).dit = a.crm & 1;
};
const msrImmSsbs: Exec = (cpu, a) => {
  extraPstateOf(cpu).ssbs = a.crm & 1;
};

const cfinv: Exec = (cpu) => {
  cpu.c ^= 1;
};
/** AXFLAG (ARM ARM): Z = Z OR V, C = C AND NOT V, N = V = 0. */
const axflag: Exec = (cpu) => {
  const v = cpu.v;
  cpu.z |= v;
  cpu.c &= v ^ 1;
  cpu.n = 0;
  cpu.v = 0;
};
/** XAFLAG (ARM ARM): N = !C & !Z, Z = Z & C, C = C | Z, V = !C & Z (all from the old flags). */
const xaflag: Exec = (cpu) => {
  const c = cpu.c;
  const z = cpu.z;
  cpu.n = (c | z) ^ 1;
  cpu.z = z & c;
  cpu.c = c | z;
  cpu.v = (c ^ 1) & z;
};

// ---------------------------------------------------------------- system registers

/** 2^32 as a double, for splitting counter values. */
const TWO32 = 4294967296;
const TICKS_PER_MS = CNTFRQ_HZ / 1000;
const perf: { now(): number } = globalThis.performance ?? { now: () => Date.now() };

const mrsConst: Exec = (cpu, a) => {
  cpu.x[a.t] = a.lo;
  cpu.x[a.t + 1] = a.hi;
};
const mrsNzcv: Exec = (cpu, a) => {
  cpu.x[a.t] = cpu.nzcv;
  cpu.x[a.t + 1] = 0;
};
const mrsFpcr: Exec = (cpu, a) => {
  cpu.x[a.t] = cpu.fpcr;
  cpu.x[a.t + 1] = 0;
};
const mrsFpsr: Exec = (cpu, a) => {
  cpu.x[a.t] = cpu.fpsr;
  cpu.x[a.t + 1] = 0;
};
const mrsTpidr: Exec = (cpu, a) => {
  cpu.x[a.t] = cpu.tpidrLo;
  cpu.x[a.t + 1] = cpu.tpidrHi;
};
const mrsTpidrro: Exec = (cpu, a) => {
  cpu.x[a.t] = cpu.tpidrroLo;
  cpu.x[a.t + 1] = cpu.tpidrroHi;
};
/** CNTVCT_EL0: CNTFRQ ticks of a monotonic clock (performance.now()). */
const mrsCounter: Exec = (cpu, a) => {
  const t = Math.floor(perf.now() * TICKS_PER_MS);
  cpu.x[a.t] = (t % TWO32) | 0;
  cpu.x[a.t + 1] = (t / TWO32) | 0;
};

const mrsDit: Exec = (cpu, a) => {
  cpu.x[a.t] = extraPstateOf(cpu).dit << 24;
  cpu.x[a.t + 1] = 0;
};
const mrsSsbs: Exec = (cpu, a) => {
  cpu.x[a.t] = extraPstateOf(cpu).ssbs << 12;
  cpu.x[a.t + 1] = 0;
};
const msrDit: Exec = (cpu, a) => {
  extraPstateOf(cpu).dit = (cpu.x[a.t] >>> 24) & 1;
};
const msrSsbs: Exec = (cpu, a) => {
  extraPstateOf(cpu).ssbs = (cpu.x[a.t] >>> 12) & 1;
};
const msrNzcv: Exec = (cpu, a) => {
  cpu.nzcv = cpu.x[a.t];
};
const msrFpcr: Exec = (cpu, a) => {
  cpu.fpcr = (cpu.x[a.t] & a.lo) >>> 0;
};
const msrFpsr: Exec = (cpu, a) => {
  cpu.fpsr = (cpu.x[a.t] & a.lo) >>> 0;
};
const msrTpidr: Exec = (cpu, a) => {
  cpu.tpidrLo = cpu.x[a.t];
  cpu.tpidrHi = cpu.x[a.t + 1];
};

const MRS_EXECS: { readonly [kind: string]: Exec } = {
  const: mrsConst,
  id: mrsConst,
  dczid: mrsConst,
  nzcv: mrsNzcv,
  fpcr: mrsFpcr,
  fpsr: mrsFpsr,
  tpidr: mrsTpidr,
  tpidrro: mrsTpidrro,
  counter: mrsCounter,
  dit: mrsDit,
  ssbs: mrsSsbs,
};
const MSR_EXECS: { readonly [kind: string]: Exec } = {
  nzcv: msrNzcv,
  fpcr: msrFpcr,
  fpsr: msrFpsr,
  tpidr: msrTpidr,
  dit: msrDit,
  ssbs: msrSsbs,
};

const regName = (a: Args): string => genericName(2 + a.o0, a.op1, a.CRn, a.CRm, a.op2).toUpperCase();

// ---------------------------------------------------------------- SYS: cache maintenance

/** DC ZVA: zero the DCZID-sized block holding Xt, checking the whole block first. */
const dcZva: Exec = (cpu: A64Cpu, a) => {
  const lo = cpu.x[a.t] & -DC_ZVA_BYTES;
  const hi = cpu.x[a.t + 1];
  cpu.probeWrite(lo, hi, DC_ZVA_BYTES);
  for (let i = 0; i < DC_ZVA_BYTES; i += 8) cpu.st64(lo + i, hi, 0, 0);
};

/**
 * EL0 cache maintenance by VA that only needs to be ordered, not performed
 * (coherent memory, and stores already invalidate decoded code): DC CVAC,
 * CVAU, CIVAC, IC IVAU (DC CVAP and CVADP: see the SYS prep).
 * Like qemu-aarch64, no fault even for an unmapped address.
 */
function sysNop(key: string): boolean {
  if (key === '3:7:10:1' || key === '3:7:11:1' || key === '3:7:14:1' || key === '3:7:5:1') return true;
  return false;
}

export const systemSemantics: SemanticsTable = {
  HINT: {
    prep(a) {
      a.nextLo = (a.pcLo + 4) | 0;
      a.nextHi = (a.pcLo >>> 0) + 4 > 0xffffffff ? (a.pcHi + 1) | 0 : a.pcHi;
      const n = a.crm * 8 + a.op2;
      // YIELD, WFE, WFI; all other hints (SEV, PAC*/AUT* in the hint space
      // without FEAT_PAuth, BTI, CSDB, ESB, PSB, TSB, DGH, unallocated) are NOPs.
      if (n >= 1 && n <= 3) return wait;
      return nop;
    },
    exec: nop,
  },
  CLREX: { exec: clrex },
  DSB: { exec: nop },
  DMB: { exec: nop },
  ISB: { exec: nop },
  SB: { exec: nop },
  MSR_imm: {
    prep(a) {
      if (a.op1 === 0 && a.crm === 0 && a.op2 <= 2) return [cfinv, xaflag, axflag][a.op2];
      if (a.op1 === 3 && a.op2 === 2 && hasFeature('DIT')) return msrImmDit;
      if (a.op1 === 3 && a.op2 === 1 && hasFeature('SSBS')) return msrImmSsbs;
      // SPSel, DAIFSet/Clr, PAN, UAO: EL1 or trapped under Linux; TCO: no FEAT_MTE.
      return undef(`MSR (immediate) to PSTATE field op1=${a.op1} op2=${a.op2} is UNDEFINED at EL0`);
    },
    exec: cfinv,
  },
  SYS: {
    prep(a) {
      a.t = srcZR(a.rt);
      const key = `${a.op1}:${a.CRn}:${a.CRm}:${a.op2}`;
      if (key === '3:7:4:1') return dcZva;
      if (sysNop(key)) return nop;
      // DC CVAP / DC CVADP: no-ops with FEAT_DPB / FEAT_DPB2, else unallocated.
      if (key === '3:7:12:1') return hasFeature('DPB') ? nop : unallocated;
      if (key === '3:7:13:1') return hasFeature('DPB2') ? nop : unallocated;
      return undef(`SYS #${a.op1}, C${a.CRn}, C${a.CRm}, #${a.op2} is UNDEFINED at EL0`);
    },
    exec: nop,
  },
  SYSL: {
    prep(a) {
      return undef(`SYSL #${a.op1}, C${a.CRn}, C${a.CRm}, #${a.op2} is UNDEFINED at EL0`);
    },
    exec: nop,
  },
  MRS: {
    prep(a) {
      a.t = dstZR(a.rt);
      a.lo = 0;
      a.hi = 0;
      const reg = lookupSysReg(2 + a.o0, a.op1, a.CRn, a.CRm, a.op2);
      if (!reg) return undef(`MRS from system register ${regName(a)} is UNDEFINED at EL0`);
      setConst(a, reg.kind === 'id' ? idRegisterValue(reg.name) : reg.reset);
      return MRS_EXECS[reg.kind];
    },
    exec: mrsConst,
  },
  MSR_reg: {
    prep(a) {
      a.t = srcZR(a.rt);
      a.lo = 0;
      a.hi = 0;
      const reg = lookupSysReg(2 + a.o0, a.op1, a.CRn, a.CRm, a.op2);
      if (!reg || reg.el0 !== 'rw')
        return undef(`MSR to system register ${reg ? reg.name.toUpperCase() : regName(a)} is UNDEFINED at EL0`);
      setConst(a, reg.writeMask ?? 0n);
      return MSR_EXECS[reg.kind];
    },
    exec: msrNzcv,
  },
};
