/**
 * Base integer encodings: data processing (immediate and register), branches,
 * exception generation and system instructions (ARM ARM C4.1.2-C4.1.4, C4.1.6).
 *
 * One entry per instruction or small family, with every opcode bit of the
 * family fixed (ARM ARM encoding index), so that a reserved neighbour decodes
 * to no entry and is UNDEFINED. Field values that the index reserves inside a
 * family (e.g. sf=0 with imm6<5> set) are rejected by the semantics' prep.
 *
 * Disassembly follows GNU objdump 2.40 (aarch64-linux-gnu-objdump -d),
 * including its preferred aliases (MOV, CMP, LSL, UBFX, CSET, MUL, ...).
 * Not implemented, hence absent (UNDEFINED): the FEAT_PAuth instructions
 * outside the hint space (BRAA/RETAA/PACGA/PACIA/...), FEAT_MTE
 * (ADDG/SUBG/IRG/GMI/SUBP), FEAT_CSSC, FEAT_WFxT, FEAT_TME, FEAT_XS (DSB nXS).
 */
import { target, xreg, type A64Def, type Fields } from '../encoding.js';
import { parsePattern, type ParsedPattern } from '../../decodetree.js';
import { sysRegName } from '../../sysreg/aarch64.js';

/** objdump's "#0x.." immediate (unsigned hex). */
const hx = (v: number | bigint): string => '#0x' + BigInt.asUintN(64, BigInt(v)).toString(16);
/** Condition names as objdump prints them (cs/cc rather than hs/lo). */
const GNU_CONDS = ['eq', 'ne', 'cs', 'cc', 'mi', 'pl', 'vs', 'vc', 'hi', 'ls', 'ge', 'lt', 'gt', 'le', 'al', 'nv'];
const cond = (c: number): string => GNU_CONDS[c];

const parsedCache = new Map<string, ParsedPattern>();

/** The instruction word rebuilt from its fields (patterns here have no don't-care bits). */
function wordOf(pattern: string, f: Fields): number {
  let p = parsedCache.get(pattern);
  if (!p) parsedCache.set(pattern, (p = parsePattern(pattern)));
  let w = p.value;
  for (const spec of p.fields) {
    let v = f[spec.name];
    for (let i = spec.parts.length - 1; i >= 0; i--) {
      const part = spec.parts[i];
      const m = (1 << part.len) - 1;
      w = (w & ~(m << part.pos)) | ((v & m) << part.pos);
      v >>= part.len;
    }
  }
  return w >>> 0;
}

/**
 * An entry whose family has reserved field values: `reserved(f)` says when
 * (the semantics' prep makes those UNDEFINED); they print as objdump does.
 */
function withReserved(e: A64Def, reserved: (f: Fields) => boolean): A64Def {
  const dis = e.dis;
  return {
    ...e,
    dis: (f, pc) =>
      reserved(f) ? `.inst 0x${wordOf(e.pattern, f).toString(16).padStart(8, '0')} ; undefined` : dis(f, pc),
  };
}
const SHIFTS = ['lsl', 'lsr', 'asr', 'ror'];
const EXTENDS = ['uxtb', 'uxth', 'uxtw', 'uxtx', 'sxtb', 'sxth', 'sxtw', 'sxtx'];

/** ARM ARM DecodeBitMasks (wmask only) as a bigint, or null if reserved; for disassembly. */
export function bitMaskImmediate(N: number, imms: number, immr: number, width: number): bigint | null {
  const comb = (N << 6) | (~imms & 0x3f);
  if (comb === 0) return null;
  const len = 31 - Math.clz32(comb);
  if (len < 1) return null;
  const esize = 1 << len;
  if (esize > width) return null;
  const levels = esize - 1;
  if ((imms & levels) === levels) return null;
  const S = imms & levels;
  const R = immr & levels;
  const e = BigInt(esize);
  const emask = (1n << e) - 1n;
  const ones = (1n << BigInt(S + 1)) - 1n;
  const rot = R === 0 ? ones : ((ones >> BigInt(R)) | (ones << (e - BigInt(R)))) & emask;
  let v = 0n;
  for (let i = 0; i < width; i += esize) v |= rot << BigInt(i);
  return v;
}

/** ARM ARM MoveWidePreferred: would MOVZ/MOVN express this bitmask immediate? */
function moveWidePreferred(sf: number, N: number, imms: number, immr: number): boolean {
  const width = sf ? 64 : 32;
  if (sf === 1 && N !== 1) return false;
  if (sf === 0 && !(N === 0 && (imms & 0x20) === 0)) return false;
  if (imms < 16) return (-immr & 15) >>> 0 <= 15 - imms;
  if (imms >= width - 15) return (immr & 15) <= imms - (width - 15);
  return false;
}

/** ARM ARM BFXPreferred: is UBFX/SBFX the preferred alias of UBFM/SBFM? */
function bfxPreferred(sf: number, uns: number, imms: number, immr: number): boolean {
  if (imms < immr) return false;
  if (imms === (sf ? 63 : 31)) return false;
  if (immr === 0) {
    if (sf === 0 && (imms === 7 || imms === 15)) return false;
    if (sf === 1 && uns === 0 && (imms === 7 || imms === 15 || imms === 31)) return false;
  }
  return true;
}

const shiftSuffix = (shift: number, amt: number): string =>
  shift === 0 && amt === 0 ? '' : `, ${SHIFTS[shift]} #${amt}`;

function disLogicalImm(f: Fields): string {
  const width = f.sf ? 64 : 32;
  const v = bitMaskImmediate(f.N, f.imms, f.immr, width);
  if (v === null) throw new Error('reserved bitmask immediate'); // excluded by withReserved
  const rd = xreg(f.rd, f.sf, f.opc !== 3);
  const rn = xreg(f.rn, f.sf);
  // MOV (bitmask immediate) unless MOVZ/MOVN could say it; objdump also uses
  // MOV when Rd is SP, which MOVZ/MOVN cannot write.
  if (f.opc === 1 && f.rn === 31 && (f.rd === 31 || !moveWidePreferred(f.sf, f.N, f.imms, f.immr)))
    return `mov ${rd}, ${hx(v)}`;
  if (f.opc === 3 && f.rd === 31) return `tst ${rn}, ${hx(v)}`;
  return `${['and', 'orr', 'eor', 'ands'][f.opc]} ${rd}, ${rn}, ${hx(v)}`;
}

function disMoveWide(f: Fields): string {
  const rd = xreg(f.rd, f.sf);
  const sh = f.hw * 16;
  const mask = f.sf ? (1n << 64n) - 1n : 0xffffffffn;
  if (f.opc === 3) return `movk ${rd}, ${hx(f.imm16)}${sh ? `, lsl #${sh}` : ''}`;
  const aliasOk = !(f.imm16 === 0 && f.hw !== 0);
  if (f.opc === 2)
    return aliasOk ? `mov ${rd}, ${hx(BigInt(f.imm16) << BigInt(sh))}` : `movz ${rd}, ${hx(f.imm16)}, lsl #${sh}`;
  if (aliasOk && (f.sf || f.imm16 !== 0xffff)) return `mov ${rd}, ${hx(~(BigInt(f.imm16) << BigInt(sh)) & mask)}`;
  return `movn ${rd}, ${hx(f.imm16)}${sh ? `, lsl #${sh}` : ''}`;
}

function disBitfield(f: Fields): string {
  const { sf, opc, immr, imms } = f;
  const width = sf ? 64 : 32;
  const rd = xreg(f.rd, sf);
  const rn = xreg(f.rn, sf);
  const lsbIns = (width - immr) & (width - 1);
  const ins = `${rd}, ${rn}, #${lsbIns}, #${imms + 1}`;
  const ext = `${rd}, ${rn}, #${immr}, #${imms - immr + 1}`;
  if (opc === 0) {
    if (imms === width - 1) return `asr ${rd}, ${rn}, #${immr}`;
    if (imms < immr) return `sbfiz ${ins}`;
    if (bfxPreferred(sf, 0, imms, immr)) return `sbfx ${ext}`;
    const w = xreg(f.rn, 0);
    if (immr === 0 && imms === 7) return `sxtb ${rd}, ${w}`;
    if (immr === 0 && imms === 15) return `sxth ${rd}, ${w}`;
    if (immr === 0 && imms === 31) return `sxtw ${rd}, ${w}`;
    return `sbfm ${rd}, ${rn}, #${immr}, #${imms}`;
  }
  if (opc === 1) {
    if (f.rn === 31 && imms < immr) return `bfc ${rd}, #${lsbIns}, #${imms + 1}`;
    if (imms < immr) return `bfi ${ins}`;
    return `bfxil ${ext}`;
  }
  if (imms !== width - 1 && imms + 1 === immr) return `lsl ${rd}, ${rn}, #${width - 1 - imms}`;
  if (imms === width - 1) return `lsr ${rd}, ${rn}, #${immr}`;
  if (imms < immr) return `ubfiz ${ins}`;
  if (bfxPreferred(sf, 1, imms, immr)) return `ubfx ${ext}`;
  if (immr === 0 && imms === 7) return `uxtb ${rd}, ${rn}`;
  if (immr === 0 && imms === 15) return `uxth ${rd}, ${rn}`;
  return `ubfm ${rd}, ${rn}, #${immr}, #${imms}`;
}

const HINTS: { [n: number]: string } = {
  0: 'nop',
  1: 'yield',
  2: 'wfe',
  3: 'wfi',
  4: 'sev',
  5: 'sevl',
  7: 'xpaclri',
  8: 'pacia1716',
  10: 'pacib1716',
  12: 'autia1716',
  14: 'autib1716',
  16: 'esb',
  17: 'psb csync',
  18: 'tsb csync',
  20: 'csdb',
  22: 'clearbhb',
  24: 'paciaz',
  25: 'paciasp',
  26: 'pacibz',
  27: 'pacibsp',
  28: 'autiaz',
  29: 'autiasp',
  30: 'autibz',
  31: 'autibsp',
  32: 'bti',
  34: 'bti c',
  36: 'bti j',
  38: 'bti jc',
};

const BARRIER_OPTS: { [n: number]: string } = {
  1: 'oshld',
  2: 'oshst',
  3: 'osh',
  5: 'nshld',
  6: 'nshst',
  7: 'nsh',
  9: 'ishld',
  10: 'ishst',
  11: 'ish',
  13: 'ld',
  14: 'st',
  15: 'sy',
};
const barrierOpt = (crm: number): string => BARRIER_OPTS[crm] ?? '#0x' + crm.toString(16).padStart(2, '0');

/** PSTATE fields of MSR (immediate), by op1:op2. */
export const PSTATE_FIELDS: { [op1op2: number]: string } = {
  0o05: 'spsel',
  0o36: 'daifset',
  0o37: 'daifclr',
  0o03: 'uao',
  0o04: 'pan',
  0o32: 'dit',
  0o31: 'ssbs',
  0o34: 'tco',
};

/** Names of the SYS operations EL0 may use (and a few others), by op1:CRn:CRm:op2. */
export const SYS_OPS: { [key: string]: string } = {
  '3:7:4:1': 'dc zva',
  '3:7:10:1': 'dc cvac',
  '3:7:11:1': 'dc cvau',
  '3:7:12:1': 'dc cvap',
  '3:7:13:1': 'dc cvadp',
  '3:7:14:1': 'dc civac',
  '3:7:5:1': 'ic ivau',
  '0:7:6:1': 'dc ivac',
  '0:7:6:2': 'dc isw',
  '0:7:10:2': 'dc csw',
  '0:7:14:2': 'dc cisw',
};
const sysKey = (f: Fields): string => `${f.op1}:${f.CRn}:${f.CRm}:${f.op2}`;

function disSys(f: Fields): string {
  const name = SYS_OPS[sysKey(f)];
  if (name?.startsWith('ic') || name?.startsWith('dc')) return `${name}, ${xreg(f.rt, 1)}`;
  return `sys #${f.op1}, C${f.CRn}, C${f.CRm}, #${f.op2}${f.rt === 31 ? '' : ', ' + xreg(f.rt, 1)}`;
}

const sysregOf = (f: Fields): string => sysRegName(2 + f.o0, f.op1, f.CRn, f.CRm, f.op2);

function disExtended(f: Fields): string {
  const m = (f.op ? 'sub' : 'add') + (f.S ? 's' : '');
  const rmX = f.sf === 1 && (f.option & 3) === 3;
  const rm = xreg(f.rm, rmX ? 1 : 0);
  const rn = xreg(f.rn, f.sf, true);
  const spInvolved = f.S ? f.rn === 31 : f.rd === 31 || f.rn === 31;
  let ext: string;
  if (spInvolved && f.option === (f.sf ? 3 : 2)) ext = f.imm3 ? `, lsl #${f.imm3}` : '';
  else ext = `, ${EXTENDS[f.option]}${f.imm3 ? ` #${f.imm3}` : ''}`;
  if (f.S && f.rd === 31) return `${f.op ? 'cmp' : 'cmn'} ${rn}, ${rm}${ext}`;
  return `${m} ${xreg(f.rd, f.sf, !f.S)}, ${rn}, ${rm}${ext}`;
}

const MUL3: { [k: number]: [string, string, boolean] } = {
  // op31:o0 → [name, alias when Ra = 31, long (W sources)]
  0b0000: ['madd', 'mul', false],
  0b0001: ['msub', 'mneg', false],
  0b0010: ['smaddl', 'smull', true],
  0b0011: ['smsubl', 'smnegl', true],
  0b1010: ['umaddl', 'umull', true],
  0b1011: ['umsubl', 'umnegl', true],
};

export const baseEncodings: A64Def[] = [
  // ================================================================ Data processing -- immediate
  {
    name: 'ADR',
    cls: 'PC-rel. addressing',
    pattern: '0 immlo:2 10000 immhi:s19 rd:5',
    dis: (f, pc) => `adr ${xreg(f.rd, 1)}, ${target(pc, f.immhi * 4 + f.immlo)}`,
  },
  {
    name: 'ADRP',
    cls: 'PC-rel. addressing',
    pattern: '1 immlo:2 10000 immhi:s19 rd:5',
    dis: (f, pc) => `adrp ${xreg(f.rd, 1)}, ${target(pc & ~0xfffn, (f.immhi * 4 + f.immlo) * 4096)}`,
  },
  {
    name: 'ADD_SUB_imm',
    cls: 'Add/subtract (immediate)',
    pattern: 'sf:1 op:1 S:1 100010 sh:1 imm12:12 rn:5 rd:5',
    dis: (f) => {
      const shift = f.sh ? ', lsl #12' : '';
      const rn = xreg(f.rn, f.sf, true);
      if (f.S && f.rd === 31) return `${f.op ? 'cmp' : 'cmn'} ${rn}, ${hx(f.imm12)}${shift}`;
      if (!f.op && !f.S && !f.sh && f.imm12 === 0 && (f.rd === 31 || f.rn === 31))
        return `mov ${xreg(f.rd, f.sf, true)}, ${rn}`;
      return `${f.op ? 'sub' : 'add'}${f.S ? 's' : ''} ${xreg(f.rd, f.sf, !f.S)}, ${rn}, ${hx(f.imm12)}${shift}`;
    },
  },
  withReserved(
    {
      name: 'LOGIC_imm',
      cls: 'Logical (immediate)',
      pattern: 'sf:1 opc:2 100100 N:1 immr:6 imms:6 rn:5 rd:5',
      dis: disLogicalImm,
    },
    (f) => (!f.sf && f.N === 1) || bitMaskImmediate(f.N, f.imms, f.immr, f.sf ? 64 : 32) === null,
  ),
  withReserved(
    {
      name: 'MOVW',
      cls: 'Move wide (immediate)',
      pattern: 'sf:1 opc:2 100101 hw:2 imm16:16 rd:5',
      dis: disMoveWide,
    },
    (f) => f.opc === 1 || (!f.sf && f.hw >= 2),
  ),
  withReserved(
    {
      name: 'BITFIELD',
      cls: 'Bitfield',
      pattern: 'sf:1 opc:2 100110 N:1 immr:6 imms:6 rn:5 rd:5',
      dis: disBitfield,
    },
    (f) => f.opc === 3 || f.N !== f.sf || (!f.sf && (f.immr > 31 || f.imms > 31)),
  ),
  withReserved(
    {
      name: 'EXTR',
      cls: 'Extract',
      pattern: 'sf:1 00 100111 N:1 0 rm:5 imms:6 rn:5 rd:5',
      dis: (f) =>
        f.rn === f.rm
          ? `ror ${xreg(f.rd, f.sf)}, ${xreg(f.rn, f.sf)}, #${f.imms}`
          : `extr ${xreg(f.rd, f.sf)}, ${xreg(f.rn, f.sf)}, ${xreg(f.rm, f.sf)}, #${f.imms}`,
    },
    (f) => f.N !== f.sf || (!f.sf && f.imms > 31),
  ),

  // ================================================================ Branches, exception generating and system
  {
    name: 'B_cond',
    cls: 'Conditional branch (immediate)',
    pattern: '0101010 0 imm19:s19 c:1 cond:4',
    dis: (f, pc) => `${f.c ? 'bc' : 'b'}.${cond(f.cond)} ${target(pc, f.imm19 * 4)}`,
  },
  {
    name: 'B_BL',
    cls: 'Unconditional branch (immediate)',
    pattern: 'op:1 00101 imm26:s26',
    dis: (f, pc) => `${f.op ? 'bl' : 'b'} ${target(pc, f.imm26 * 4)}`,
  },
  {
    name: 'CBZ',
    cls: 'Compare and branch (immediate)',
    pattern: 'sf:1 011010 op:1 imm19:s19 rt:5',
    dis: (f, pc) => `${f.op ? 'cbnz' : 'cbz'} ${xreg(f.rt, f.sf)}, ${target(pc, f.imm19 * 4)}`,
  },
  {
    name: 'TBZ',
    cls: 'Test and branch (immediate)',
    pattern: 'b5:1 011011 op:1 b40:5 imm14:s14 rt:5',
    dis: (f, pc) => `${f.op ? 'tbnz' : 'tbz'} ${xreg(f.rt, f.b5)}, #${f.b5 * 32 + f.b40}, ${target(pc, f.imm14 * 4)}`,
  },
  withReserved(
    {
      name: 'BR_BLR_RET',
      cls: 'Unconditional branch (register)',
      pattern: '1101011 0 0 opc:2 11111 000000 rn:5 00000',
      dis: (f) => {
        if (f.opc === 2) return f.rn === 30 ? 'ret' : `ret ${xreg(f.rn, 1)}`;
        return `${f.opc ? 'blr' : 'br'} ${xreg(f.rn, 1)}`;
      },
    },
    (f) => f.opc === 3,
  ),
  {
    name: 'ERET_DRPS',
    cls: 'Unconditional branch (register)',
    pattern: '1101011 0 1 0 op:1 11111 000000 11111 00000',
    dis: (f) => (f.op ? 'drps' : 'eret'),
  },
  {
    name: 'SVC',
    cls: 'Exception generation',
    pattern: '11010100 000 imm16:16 000 01',
    dis: (f) => `svc ${hx(f.imm16)}`,
  },
  {
    name: 'HVC_SMC',
    cls: 'Exception generation',
    pattern: '11010100 000 imm16:16 000 1 op:1',
    dis: (f) => `${f.op ? 'smc' : 'hvc'} ${hx(f.imm16)}`,
  },
  {
    name: 'BRK',
    cls: 'Exception generation',
    pattern: '11010100 001 imm16:16 000 00',
    dis: (f) => `brk ${hx(f.imm16)}`,
  },
  {
    name: 'HLT',
    cls: 'Exception generation',
    pattern: '11010100 010 imm16:16 000 00',
    dis: (f) => `hlt ${hx(f.imm16)}`,
  },
  withReserved(
    {
      name: 'DCPS',
      cls: 'Exception generation',
      pattern: '11010100 101 imm16:16 000 ll:2',
      dis: (f) => `dcps${f.ll}${f.imm16 ? ' ' + hx(f.imm16) : ''}`,
    },
    (f) => f.ll === 0,
  ),
  {
    name: 'HINT',
    cls: 'Hints',
    pattern: '1101010100 0 00 011 0010 crm:4 op2:3 11111',
    dis: (f) => HINTS[f.crm * 8 + f.op2] ?? `hint ${hx(f.crm * 8 + f.op2)}`,
  },
  {
    name: 'CLREX',
    cls: 'Barriers',
    pattern: '1101010100 0 00 011 0011 crm:4 010 11111',
    dis: (f) => (f.crm === 15 ? 'clrex' : `clrex ${hx(f.crm)}`),
  },
  {
    name: 'DSB',
    cls: 'Barriers',
    pattern: '1101010100 0 00 011 0011 crm:4 100 11111',
    dis: (f) => (f.crm === 0 ? 'ssbb' : f.crm === 4 ? 'pssbb' : `dsb ${barrierOpt(f.crm)}`),
  },
  {
    name: 'DMB',
    cls: 'Barriers',
    pattern: '1101010100 0 00 011 0011 crm:4 101 11111',
    dis: (f) => `dmb ${barrierOpt(f.crm)}`,
  },
  {
    name: 'ISB',
    cls: 'Barriers',
    pattern: '1101010100 0 00 011 0011 crm:4 110 11111',
    dis: (f) => (f.crm === 15 ? 'isb' : `isb ${hx(f.crm)}`),
  },
  {
    name: 'SB',
    cls: 'Barriers',
    pattern: '1101010100 0 00 011 0011 0000 111 11111',
    dis: () => 'sb',
  },
  {
    name: 'MSR_imm',
    cls: 'PSTATE',
    pattern: '1101010100 0 00 op1:3 0100 crm:4 op2:3 11111',
    dis: (f) => {
      if (f.op1 === 0 && f.crm === 0 && f.op2 <= 2) return ['cfinv', 'xaflag', 'axflag'][f.op2];
      const field = PSTATE_FIELDS[f.op1 * 8 + f.op2];
      // Fields of one bit take #0 or #1 only; DAIFSet/DAIFClr take 4 bits.
      const ok = field && (field.startsWith('daif') || f.crm <= 1);
      return ok ? `msr ${field}, ${hx(f.crm)}` : `msr s0_${f.op1}_c4_c${f.crm}_${f.op2}, xzr`;
    },
  },
  {
    name: 'SYS',
    cls: 'System instructions',
    pattern: '1101010100 0 01 op1:3 CRn:4 CRm:4 op2:3 rt:5',
    dis: disSys,
  },
  {
    name: 'SYSL',
    cls: 'System instructions',
    pattern: '1101010100 1 01 op1:3 CRn:4 CRm:4 op2:3 rt:5',
    dis: (f) => `sysl ${xreg(f.rt, 1)}, #${f.op1}, C${f.CRn}, C${f.CRm}, #${f.op2}`,
  },
  {
    name: 'MSR_reg',
    cls: 'System register move',
    pattern: '1101010100 0 1 o0:1 op1:3 CRn:4 CRm:4 op2:3 rt:5',
    dis: (f) => `msr ${sysregOf(f)}, ${xreg(f.rt, 1)}`,
  },
  {
    name: 'MRS',
    cls: 'System register move',
    pattern: '1101010100 1 1 o0:1 op1:3 CRn:4 CRm:4 op2:3 rt:5',
    dis: (f) => `mrs ${xreg(f.rt, 1)}, ${sysregOf(f)}`,
  },

  // ================================================================ Data processing -- register
  {
    name: 'DIV',
    cls: 'Data-processing (2 source)',
    pattern: 'sf:1 0 0 11010110 rm:5 00001 o1:1 rn:5 rd:5',
    dis: (f) => `${f.o1 ? 'sdiv' : 'udiv'} ${xreg(f.rd, f.sf)}, ${xreg(f.rn, f.sf)}, ${xreg(f.rm, f.sf)}`,
  },
  {
    name: 'SHIFTV',
    cls: 'Data-processing (2 source)',
    pattern: 'sf:1 0 0 11010110 rm:5 0010 op2:2 rn:5 rd:5',
    dis: (f) => `${SHIFTS[f.op2]} ${xreg(f.rd, f.sf)}, ${xreg(f.rn, f.sf)}, ${xreg(f.rm, f.sf)}`,
  },
  withReserved(
    {
      name: 'CRC32',
      cls: 'Data-processing (2 source)',
      pattern: 'sf:1 0 0 11010110 rm:5 010 C:1 sz:2 rn:5 rd:5',
      dis: (f) =>
        `crc32${f.C ? 'c' : ''}${'bhwx'[f.sz]} ${xreg(f.rd, 0)}, ${xreg(f.rn, 0)}, ${xreg(f.rm, f.sz === 3 ? 1 : 0)}`,
    },
    (f) => (f.sf === 1) !== (f.sz === 3),
  ),
  withReserved(
    {
      name: 'RBIT_REV',
      cls: 'Data-processing (1 source)',
      pattern: 'sf:1 1 0 11010110 00000 0000 opc:2 rn:5 rd:5',
      dis: (f) => {
        const names = f.sf ? ['rbit', 'rev16', 'rev32', 'rev'] : ['rbit', 'rev16', 'rev'];
        return `${names[f.opc]} ${xreg(f.rd, f.sf)}, ${xreg(f.rn, f.sf)}`;
      },
    },
    (f) => !f.sf && f.opc === 3,
  ),
  {
    name: 'CLZ_CLS',
    cls: 'Data-processing (1 source)',
    pattern: 'sf:1 1 0 11010110 00000 00010 op:1 rn:5 rd:5',
    dis: (f) => `${f.op ? 'cls' : 'clz'} ${xreg(f.rd, f.sf)}, ${xreg(f.rn, f.sf)}`,
  },
  withReserved(
    {
      name: 'LOGIC_reg',
      cls: 'Logical (shifted register)',
      pattern: 'sf:1 opc:2 01010 shift:2 N:1 rm:5 imm6:6 rn:5 rd:5',
      dis: (f) => {
        const rd = xreg(f.rd, f.sf);
        const rn = xreg(f.rn, f.sf);
        const rm = xreg(f.rm, f.sf) + shiftSuffix(f.shift, f.imm6);
        const op = f.opc * 2 + f.N;
        if (op === 2 && f.rn === 31 && f.shift === 0 && f.imm6 === 0) return `mov ${rd}, ${rm}`;
        if (op === 3 && f.rn === 31) return `mvn ${rd}, ${rm}`;
        if (op === 6 && f.rd === 31) return `tst ${rn}, ${rm}`;
        return `${['and', 'bic', 'orr', 'orn', 'eor', 'eon', 'ands', 'bics'][op]} ${rd}, ${rn}, ${rm}`;
      },
    },
    (f) => !f.sf && f.imm6 > 31,
  ),
  withReserved(
    {
      name: 'ADD_SUB_shift',
      cls: 'Add/subtract (shifted register)',
      pattern: 'sf:1 op:1 S:1 01011 shift:2 0 rm:5 imm6:6 rn:5 rd:5',
      dis: (f) => {
        const rd = xreg(f.rd, f.sf);
        const rn = xreg(f.rn, f.sf);
        const rm = xreg(f.rm, f.sf) + shiftSuffix(f.shift, f.imm6);
        if (f.S && f.rd === 31) return `${f.op ? 'cmp' : 'cmn'} ${rn}, ${rm}`;
        if (f.op && f.rn === 31) return `${f.S ? 'negs' : 'neg'} ${rd}, ${rm}`;
        return `${f.op ? 'sub' : 'add'}${f.S ? 's' : ''} ${rd}, ${rn}, ${rm}`;
      },
    },
    (f) => f.shift === 3 || (!f.sf && f.imm6 > 31),
  ),
  withReserved(
    {
      name: 'ADD_SUB_ext',
      cls: 'Add/subtract (extended register)',
      pattern: 'sf:1 op:1 S:1 01011 00 1 rm:5 option:3 imm3:3 rn:5 rd:5',
      dis: disExtended,
    },
    (f) => f.imm3 > 4,
  ),
  {
    name: 'ADC_SBC',
    cls: 'Add/subtract (with carry)',
    pattern: 'sf:1 op:1 S:1 11010000 rm:5 000000 rn:5 rd:5',
    dis: (f) => {
      const s = f.S ? 's' : '';
      if (f.op && f.rn === 31) return `ngc${s} ${xreg(f.rd, f.sf)}, ${xreg(f.rm, f.sf)}`;
      return `${f.op ? 'sbc' : 'adc'}${s} ${xreg(f.rd, f.sf)}, ${xreg(f.rn, f.sf)}, ${xreg(f.rm, f.sf)}`;
    },
  },
  {
    name: 'RMIF',
    cls: 'Rotate right into flags',
    pattern: '1 0 1 11010000 imm6:6 00001 rn:5 0 mask:4',
    dis: (f) => `rmif ${xreg(f.rn, 1)}, #${f.imm6}, #${f.mask}`,
  },
  {
    name: 'SETF',
    cls: 'Evaluate into flags',
    pattern: '0 0 1 11010000 000000 sz:1 0010 rn:5 0 1101',
    dis: (f) => `setf${f.sz ? 16 : 8} ${xreg(f.rn, 0)}`,
  },
  {
    name: 'CCMP_reg',
    cls: 'Conditional compare (register)',
    pattern: 'sf:1 op:1 1 11010010 rm:5 cond:4 0 0 rn:5 0 nzcv:4',
    dis: (f) => `${f.op ? 'ccmp' : 'ccmn'} ${xreg(f.rn, f.sf)}, ${xreg(f.rm, f.sf)}, ${hx(f.nzcv)}, ${cond(f.cond)}`,
  },
  {
    name: 'CCMP_imm',
    cls: 'Conditional compare (immediate)',
    pattern: 'sf:1 op:1 1 11010010 imm5:5 cond:4 1 0 rn:5 0 nzcv:4',
    dis: (f) => `${f.op ? 'ccmp' : 'ccmn'} ${xreg(f.rn, f.sf)}, ${hx(f.imm5)}, ${hx(f.nzcv)}, ${cond(f.cond)}`,
  },
  {
    name: 'CSEL',
    cls: 'Conditional select',
    pattern: 'sf:1 op:1 0 11010100 rm:5 cond:4 0 o2:1 rn:5 rd:5',
    dis: (f) => {
      const rd = xreg(f.rd, f.sf);
      const rn = xreg(f.rn, f.sf);
      const rm = xreg(f.rm, f.sf);
      const kind = f.op * 2 + f.o2; // 0 csel, 1 csinc, 2 csinv, 3 csneg
      const inv = cond(f.cond ^ 1);
      if (kind !== 0 && f.cond >> 1 !== 7) {
        if (kind !== 3 && f.rn === 31 && f.rm === 31) return `${kind === 1 ? 'cset' : 'csetm'} ${rd}, ${inv}`;
        if (f.rn === f.rm && f.rn !== 31) return `${['', 'cinc', 'cinv', 'cneg'][kind]} ${rd}, ${rn}, ${inv}`;
        if (kind === 3 && f.rn === f.rm) return `cneg ${rd}, ${rn}, ${inv}`;
      }
      return `${['csel', 'csinc', 'csinv', 'csneg'][kind]} ${rd}, ${rn}, ${rm}, ${cond(f.cond)}`;
    },
  },
  {
    name: 'MADD_MSUB',
    cls: 'Data-processing (3 source)',
    pattern: 'sf:1 00 11011 000 rm:5 o0:1 ra:5 rn:5 rd:5',
    dis: (f) => dis3(f, f.o0, f.sf),
  },
  {
    name: 'MADDL',
    cls: 'Data-processing (3 source)',
    pattern: '1 00 11011 u:1 01 rm:5 o0:1 ra:5 rn:5 rd:5',
    dis: (f) => dis3(f, (f.u ? 0b1010 : 0b0010) | f.o0, 1),
  },
  {
    name: 'MULH',
    cls: 'Data-processing (3 source)',
    pattern: '1 00 11011 u:1 10 rm:5 0 ra:5 rn:5 rd:5',
    dis: (f) => `${f.u ? 'umulh' : 'smulh'} ${xreg(f.rd, 1)}, ${xreg(f.rn, 1)}, ${xreg(f.rm, 1)}`,
  },
];

function dis3(f: Fields, key: number, sf: number): string {
  const [name, alias, long] = MUL3[key];
  const src = long ? 0 : sf;
  const ops = `${xreg(f.rd, sf)}, ${xreg(f.rn, src)}, ${xreg(f.rm, src)}`;
  return f.ra === 31 ? `${alias} ${ops}` : `${name} ${ops}, ${xreg(f.ra, sf)}`;
}
