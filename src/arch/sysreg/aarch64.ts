/**
 * AArch64 system registers as an EL0 program sees them under Linux: one table
 * with the encoding (op0, op1, CRn, CRm, op2), the name, the reset value, the
 * EL0 access rule and how a read is produced.
 *
 * Anything not in this table is UNDEFINED at EL0 (Linux: SIGILL), except the
 * ID space op0=3, op1=0, CRn=0, CRm=4..7 which Linux emulates and reads as
 * zero for unknown registers (arch/arm64/kernel/cpufeature.c, emulate_sys_reg).
 *
 * ID register values are built from FEATURES below, i.e. from what this core
 * implements; the fields Linux hides from EL0 read as Linux's safe values
 * (e.g. EL0/EL1 = "AArch64 only"), as qemu-aarch64 7.2 also shows them.
 */

/** How a register is read (and written, if writable) at EL0. */
export type SysRegKind =
  | 'const' // the reset value, never changes
  | 'nzcv'
  | 'fpcr'
  | 'fpsr'
  | 'tpidr'
  | 'tpidrro'
  | 'counter' // the virtual count, CNTFRQ ticks since start
  | 'dczid'
  | 'id' // an ID register: the value comes from FEATURES and what the core implements
  | 'dit' // PSTATE.DIT (bit 24)
  | 'ssbs'; // PSTATE.SSBS (bit 12)

export interface A64SysReg {
  readonly op0: number;
  readonly op1: number;
  readonly crn: number;
  readonly crm: number;
  readonly op2: number;
  /** Assembler name, lower case as objdump prints it. */
  readonly name: string;
  readonly reset: bigint;
  /** 'rw': MRS and MSR at EL0; 'ro': MRS only; 'none': UNDEFINED at EL0 (listed for names). */
  readonly el0: 'rw' | 'ro' | 'none';
  readonly kind: SysRegKind;
  /** Bits MSR can change (others read as the reset value / RES0). */
  readonly writeMask?: bigint;
  /** Only present when this feature (FEATURES) is on. */
  readonly feature?: string;
}

/**
 * One value of an ID-register field: the field reads `value` when the feature
 * is `on` and every probe instruction is implemented by the core (checked by
 * src/cpu/a64/int/features.ts against the decoder and semantics); among the
 * applicable values of one field the last listed wins. Fields with `absent`
 * read that when no value applies (FP/AdvSIMD: 0xf = not implemented).
 */
export interface A64Feature {
  readonly name: string;
  readonly reg: string;
  readonly shift: number;
  readonly value: number;
  /** Allowed at all (false hides it whatever the core implements). */
  readonly on: boolean;
  /** Instruction words that must all be implemented; none = always present when on. */
  readonly probes?: readonly number[];
  readonly absent?: number;
}

const FADD_D = 0x1e622820; // fadd d0, d1, d2
const FADD_H = 0x1ee22820; // fadd h0, h1, h2
const ADD_V = 0x4e228420; // add v0.16b, v1.16b, v2.16b
const FADD_VH = 0x4e421420; // fadd v0.8h, v1.8h, v2.8h
const AESE = 0x4e284820;
const SHA256H = 0x5e024020;
const LDAPR = 0xf8bfc020;
const CFINV = 0xd500401f;
const DC_CVAP = 0xd50b7c20;

/** Features and their ID fields (ARM ARM D19: ID_AA64PFR0_EL1, ID_AA64ISAR0_EL1, ...). */
export const FEATURES: readonly A64Feature[] = [
  // Linux's safe values for the hidden EL0/EL1 fields: AArch64 only.
  { name: 'EL0', reg: 'id_aa64pfr0_el1', shift: 0, value: 1, on: true },
  { name: 'EL1', reg: 'id_aa64pfr0_el1', shift: 4, value: 1, on: true },
  { name: 'FP', reg: 'id_aa64pfr0_el1', shift: 16, value: 0, on: true, probes: [FADD_D], absent: 0xf },
  { name: 'FP16', reg: 'id_aa64pfr0_el1', shift: 16, value: 1, on: true, probes: [FADD_D, FADD_H] },
  { name: 'AdvSIMD', reg: 'id_aa64pfr0_el1', shift: 20, value: 0, on: true, probes: [ADD_V], absent: 0xf },
  { name: 'AdvSIMD-FP16', reg: 'id_aa64pfr0_el1', shift: 20, value: 1, on: true, probes: [ADD_V, FADD_VH] },
  { name: 'DIT', reg: 'id_aa64pfr0_el1', shift: 48, value: 1, on: true, probes: [0xd503415f /* msr dit, #1 */] },
  { name: 'SSBS', reg: 'id_aa64pfr1_el1', shift: 4, value: 2, on: true, probes: [0xd503413f /* msr ssbs, #1 */] },
  { name: 'AES', reg: 'id_aa64isar0_el1', shift: 4, value: 1, on: true, probes: [AESE] },
  { name: 'PMULL', reg: 'id_aa64isar0_el1', shift: 4, value: 2, on: true, probes: [AESE, 0x0ee2e020 /* pmull 1q */] },
  { name: 'SHA1', reg: 'id_aa64isar0_el1', shift: 8, value: 1, on: true, probes: [0x5e020020 /* sha1c */] },
  { name: 'SHA256', reg: 'id_aa64isar0_el1', shift: 12, value: 1, on: true, probes: [SHA256H] },
  {
    name: 'SHA512',
    reg: 'id_aa64isar0_el1',
    shift: 12,
    value: 2,
    on: true,
    probes: [SHA256H, 0xce628020 /* sha512h */],
  },
  { name: 'CRC32', reg: 'id_aa64isar0_el1', shift: 16, value: 1, on: true, probes: [0x1ac24020 /* crc32b */] },
  { name: 'LSE', reg: 'id_aa64isar0_el1', shift: 20, value: 2, on: true, probes: [0xf8200041 /* ldadd */] },
  { name: 'RDM', reg: 'id_aa64isar0_el1', shift: 28, value: 1, on: true, probes: [0x6e828420 /* sqrdmlah */] },
  { name: 'SHA3', reg: 'id_aa64isar0_el1', shift: 32, value: 1, on: true, probes: [0xce020c20 /* eor3 */] },
  {
    name: 'SM3',
    reg: 'id_aa64isar0_el1',
    shift: 36,
    value: 1,
    on: true,
    probes: [0xce62c020 /* sm3partw1 */, 0xce400020 /* sm3ss1 */],
  },
  { name: 'SM4', reg: 'id_aa64isar0_el1', shift: 40, value: 1, on: true, probes: [0xcec08420 /* sm4e */] },
  { name: 'DotProd', reg: 'id_aa64isar0_el1', shift: 44, value: 1, on: true, probes: [0x4e829420 /* sdot */] },
  { name: 'FHM', reg: 'id_aa64isar0_el1', shift: 48, value: 1, on: true, probes: [FADD_H, 0x4e22ec20 /* fmlal */] },
  { name: 'FlagM', reg: 'id_aa64isar0_el1', shift: 52, value: 1, on: true, probes: [CFINV] },
  { name: 'FlagM2', reg: 'id_aa64isar0_el1', shift: 52, value: 2, on: true, probes: [CFINV, 0xd500405f /* axflag */] },
  { name: 'RNDR', reg: 'id_aa64isar0_el1', shift: 60, value: 1, on: false },
  // DC CVAP/CVADP (base): qemu-aarch64 7.2 has them only in system mode (SIGILL
  // in user mode), so they are off to match the reference; on makes them no-ops.
  { name: 'DPB', reg: 'id_aa64isar1_el1', shift: 0, value: 1, on: false, probes: [DC_CVAP] },
  {
    name: 'DPB2',
    reg: 'id_aa64isar1_el1',
    shift: 0,
    value: 2,
    on: false,
    probes: [DC_CVAP, 0xd50b7d20 /* dc cvadp */],
  },
  { name: 'JSCVT', reg: 'id_aa64isar1_el1', shift: 12, value: 1, on: true, probes: [0x1e7e0020 /* fjcvtzs */] },
  { name: 'FCMA', reg: 'id_aa64isar1_el1', shift: 16, value: 1, on: true, probes: [0x6e82c420 /* fcmla */] },
  { name: 'LRCPC', reg: 'id_aa64isar1_el1', shift: 20, value: 1, on: true, probes: [LDAPR] },
  { name: 'LRCPC2', reg: 'id_aa64isar1_el1', shift: 20, value: 2, on: true, probes: [LDAPR, 0xd9400020 /* ldapur */] },
  { name: 'FRINTTS', reg: 'id_aa64isar1_el1', shift: 32, value: 1, on: true, probes: [0x1e684020 /* frint32z */] },
  { name: 'SB', reg: 'id_aa64isar1_el1', shift: 36, value: 1, on: true, probes: [0xd50330ff /* sb */] },
  {
    name: 'BF16',
    reg: 'id_aa64isar1_el1',
    shift: 44,
    value: 1,
    on: true,
    probes: [0x6e42fc20 /* bfdot */, 0x1e634020 /* bfcvt */, 0x6e42ec20 /* bfmmla */],
  },
  { name: 'DGH', reg: 'id_aa64isar1_el1', shift: 48, value: 1, on: true, probes: [0xd50320df /* dgh */] },
  // BC.cond (FEAT_HBC, base): implemented, but off because qemu-aarch64 7.2 lacks it (SIGILL).
  { name: 'BC', reg: 'id_aa64isar2_el1', shift: 20, value: 1, on: false, probes: [0x54000030 /* bc.eq */] },
];

/** Is the feature allowed (`on`)? Instruction gating in the base area uses this. */
export function hasFeature(name: string): boolean {
  return FEATURES.some((f) => f.name === name && f.on);
}

/**
 * The value of an ID register from FEATURES, given which features the core
 * implements (a predicate; by default every feature that is on).
 */
export function idRegValue(reg: string, implemented: (f: A64Feature) => boolean = (f) => f.on): bigint {
  const fields = new Map<number, number>();
  for (const f of FEATURES) {
    if (f.reg !== reg) continue;
    if (f.absent !== undefined && !fields.has(f.shift)) fields.set(f.shift, f.absent);
    if (f.on && implemented(f)) fields.set(f.shift, f.value);
  }
  let v = 0n;
  for (const [shift, value] of fields) v |= BigInt(value) << BigInt(shift);
  return v;
}

/** Generic counter frequency: 62.5 MHz, as qemu-aarch64 7.2 reports. */
export const CNTFRQ_HZ = 62_500_000;
/** DC ZVA block: 2^4 words = 64 bytes (DCZID_EL0.BS = 4, DZP = 0). */
export const DCZID_BS = 4;
export const DC_ZVA_BYTES = 4 << DCZID_BS;

const r = (
  op0: number,
  op1: number,
  crn: number,
  crm: number,
  op2: number,
  name: string,
  el0: A64SysReg['el0'],
  kind: SysRegKind,
  reset = 0n,
  writeMask?: bigint,
  feature?: string,
): A64SysReg => ({ op0, op1, crn, crm, op2, name, el0, kind, reset, writeMask, feature });

const id = (crm: number, op2: number, name: string): A64SysReg =>
  r(3, 0, 0, crm, op2, name, 'ro', 'id', idRegValue(name));

export const AARCH64_SYSREGS: readonly A64SysReg[] = [
  // ---- special-purpose registers (ARM ARM C5.2)
  r(3, 3, 4, 2, 0, 'nzcv', 'rw', 'nzcv', 0n, 0xf0000000n),
  // DAIF: SCTLR_EL1.UMA = 0 under Linux, so EL0 access traps (SIGILL).
  r(3, 3, 4, 2, 1, 'daif', 'none', 'const'),
  // FPCR: qemu-aarch64 7.2 keeps AHP, DN, FZ, RMode, Stride, FZ16, Len (bits 26..16);
  // the trap-enable bits are RAZ/WI (no FP exception traps).
  r(3, 3, 4, 2, 5, 'dit', 'rw', 'dit', 0n, 0x01000000n, 'DIT'),
  r(3, 3, 4, 2, 6, 'ssbs', 'rw', 'ssbs', 0n, 0x00001000n, 'SSBS'),
  r(3, 3, 4, 4, 0, 'fpcr', 'rw', 'fpcr', 0n, 0x07ff0000n),
  // FPSR: N Z C V QC (31..27) and IDC IXC UFC OFC DZC IOC.
  r(3, 3, 4, 4, 1, 'fpsr', 'rw', 'fpsr', 0n, 0xf800009fn),
  // ---- thread ID registers
  r(3, 3, 13, 0, 2, 'tpidr_el0', 'rw', 'tpidr', 0n, 0xffffffffffffffffn),
  r(3, 3, 13, 0, 3, 'tpidrro_el0', 'ro', 'tpidrro'),
  // ---- generic timer (EL0 may read the frequency and the virtual count)
  r(3, 3, 14, 0, 0, 'cntfrq_el0', 'ro', 'const', BigInt(CNTFRQ_HZ)),
  r(3, 3, 14, 0, 2, 'cntvct_el0', 'ro', 'counter'),
  r(3, 3, 14, 0, 6, 'cntvctss_el0', 'ro', 'counter'),
  // ---- cache and ID registers
  // CTR_EL0: 64-byte I and D lines, PIPT I-cache, ERG/CWG 64 bytes (Cortex-A57's value).
  r(3, 3, 0, 0, 1, 'ctr_el0', 'ro', 'const', 0x8444c004n),
  r(3, 3, 0, 0, 7, 'dczid_el0', 'ro', 'dczid', BigInt(DCZID_BS)),
  // MIDR/MPIDR/REVIDR as qemu-aarch64 (cpu "max") presents them.
  r(3, 0, 0, 0, 0, 'midr_el1', 'ro', 'const', 0x000f0510n),
  r(3, 0, 0, 0, 5, 'mpidr_el1', 'ro', 'const', 0x80000000n),
  r(3, 0, 0, 0, 6, 'revidr_el1', 'ro', 'const', 0n),
  id(4, 0, 'id_aa64pfr0_el1'),
  id(4, 1, 'id_aa64pfr1_el1'),
  id(4, 4, 'id_aa64zfr0_el1'),
  id(4, 5, 'id_aa64smfr0_el1'),
  id(5, 0, 'id_aa64dfr0_el1'),
  id(5, 1, 'id_aa64dfr1_el1'),
  id(5, 4, 'id_aa64afr0_el1'),
  id(5, 5, 'id_aa64afr1_el1'),
  id(6, 0, 'id_aa64isar0_el1'),
  id(6, 1, 'id_aa64isar1_el1'),
  id(6, 2, 'id_aa64isar2_el1'),
  // MMFR0: Linux's safe value for TGran4/TGran64 (0xf, as qemu-aarch64 shows).
  r(3, 0, 0, 7, 0, 'id_aa64mmfr0_el1', 'ro', 'const', 0xff000000n),
  id(7, 1, 'id_aa64mmfr1_el1'),
  id(7, 2, 'id_aa64mmfr2_el1'),
];

/** Key of an encoding: op0:op1:CRn:CRm:op2 as the 16-bit o0..op2 field. */
export const sysRegKey = (op0: number, op1: number, crn: number, crm: number, op2: number): number =>
  (op0 << 14) | (op1 << 11) | (crn << 7) | (crm << 3) | op2;

const byKey = new Map<number, A64SysReg>();
for (const reg of AARCH64_SYSREGS) byKey.set(sysRegKey(reg.op0, reg.op1, reg.crn, reg.crm, reg.op2), reg);

/** The register at this encoding as EL0 sees it, or undefined (UNDEFINED at EL0). */
export function lookupSysReg(op0: number, op1: number, crn: number, crm: number, op2: number): A64SysReg | undefined {
  const reg = byKey.get(sysRegKey(op0, op1, crn, crm, op2));
  if (reg) return reg.el0 === 'none' || (reg.feature !== undefined && !hasFeature(reg.feature)) ? undefined : reg;
  if (op0 === 3 && op1 === 0 && crn === 0 && crm >= 4 && crm <= 7) {
    // Linux: unallocated ID registers in this space read as zero at EL0.
    return r(op0, op1, crn, crm, op2, genericName(op0, op1, crn, crm, op2), 'ro', 'const');
  }
  return undefined;
}

/** Name of a register for disassembly: its name, else s<op0>_<op1>_c<n>_c<m>_<op2>. */
export function sysRegName(op0: number, op1: number, crn: number, crm: number, op2: number): string {
  return byKey.get(sysRegKey(op0, op1, crn, crm, op2))?.name ?? genericName(op0, op1, crn, crm, op2);
}

export const genericName = (op0: number, op1: number, crn: number, crm: number, op2: number): string =>
  `s${op0}_${op1}_c${crn}_c${crm}_${op2}`;
