/**
 * AT_HWCAP / AT_HWCAP2: the CPU features the guest is told about
 * (arch/arm64/include/uapi/asm/hwcap.h). As Linux does (arm64 cpufeature.c,
 * arm64_elf_hwcaps), each bit is derived from an ID register field, and the
 * ID registers come from one table of features checked against the core
 * (src/arch/sysreg/aarch64.ts FEATURES, probed by src/cpu/a64/int/features.ts).
 * So MRS of an ID register and AT_HWCAP can never disagree, and a feature
 * appears in both as soon as the core implements its instructions.
 */
import { idRegisterValue } from '../cpu/a64/int/features.js';

export interface HwcapFeature {
  name: string;
  /** 1 for AT_HWCAP, 2 for AT_HWCAP2. */
  word: 1 | 2;
  bit: number;
  /** The ID register and 4-bit field that decide the bit; null: decided by `always` (see note). */
  reg: string | null;
  /** For bits not tied to an ID field: claimed or not. */
  always?: boolean;
  shift: number;
  /** Claimed when the field is at least this; `signed` fields (FP, AdvSIMD) use 0xf for "absent". */
  min: number;
  signed?: boolean;
  note?: string;
}

const PFR0 = 'id_aa64pfr0_el1';
const PFR1 = 'id_aa64pfr1_el1';
const ISAR0 = 'id_aa64isar0_el1';
const ISAR1 = 'id_aa64isar1_el1';

/**
 * The ID registers report these features, but qemu-aarch64 7.2 (the reference)
 * does not put them in AT_HWCAP; they stay out so guests see the same bits.
 */
const QEMU_72 = 'ID register reports it; not in AT_HWCAP, like qemu-aarch64 7.2, the reference';

const cap = (
  name: string,
  word: 1 | 2,
  bit: number,
  reg: string,
  shift: number,
  min: number,
  signed = false,
): HwcapFeature => ({
  name,
  word,
  bit,
  reg,
  shift,
  min,
  signed,
});

export const HWCAP_FEATURES: readonly HwcapFeature[] = [
  cap('FP', 1, 0, PFR0, 16, 0, true),
  cap('ASIMD', 1, 1, PFR0, 20, 0, true),
  {
    name: 'EVTSTRM',
    word: 1,
    bit: 2,
    reg: null,
    shift: 0,
    min: 0,
    note: 'no event stream in user mode (qemu does not claim it either)',
  },
  cap('AES', 1, 3, ISAR0, 4, 1),
  cap('PMULL', 1, 4, ISAR0, 4, 2),
  cap('SHA1', 1, 5, ISAR0, 8, 1),
  cap('SHA2', 1, 6, ISAR0, 12, 1),
  cap('CRC32', 1, 7, ISAR0, 16, 1),
  cap('ATOMICS', 1, 8, ISAR0, 20, 2),
  cap('FPHP', 1, 9, PFR0, 16, 1, true),
  cap('ASIMDHP', 1, 10, PFR0, 20, 1, true),
  {
    name: 'CPUID',
    word: 1,
    bit: 11,
    reg: null,
    shift: 0,
    min: 0,
    always: true,
    note: 'Linux claims it because it emulates MRS of the ID registers at EL0; the core does the same',
  },
  cap('ASIMDRDM', 1, 12, ISAR0, 28, 1),
  cap('JSCVT', 1, 13, ISAR1, 12, 1),
  cap('FCMA', 1, 14, ISAR1, 16, 1),
  cap('LRCPC', 1, 15, ISAR1, 20, 1),
  cap('DCPOP', 1, 16, ISAR1, 0, 1),
  cap('SHA3', 1, 17, ISAR0, 32, 1),
  cap('SM3', 1, 18, ISAR0, 36, 1),
  cap('SM4', 1, 19, ISAR0, 40, 1),
  cap('ASIMDDP', 1, 20, ISAR0, 44, 1),
  cap('SHA512', 1, 21, ISAR0, 12, 2),
  cap('ASIMDFHM', 1, 23, ISAR0, 48, 1),
  { name: 'DIT', word: 1, bit: 24, reg: null, shift: 0, min: 0, always: false, note: QEMU_72 },
  {
    name: 'USCAT',
    word: 1,
    bit: 25,
    reg: null,
    shift: 0,
    min: 0,
    note: 'unaligned single-copy atomicity (FEAT_LSE2): a memory-model property, not claimed (nor by qemu 7.2 -cpu max)',
  },
  cap('ILRCPC', 1, 26, ISAR1, 20, 2),
  cap('FLAGM', 1, 27, ISAR0, 52, 1),
  { name: 'SSBS', word: 1, bit: 28, reg: null, shift: 0, min: 0, always: false, note: QEMU_72 },
  cap('SB', 1, 29, ISAR1, 36, 1),
  cap('DCPODP', 2, 0, ISAR1, 0, 2),
  cap('FLAGM2', 2, 7, ISAR0, 52, 2),
  cap('FRINT', 2, 8, ISAR1, 32, 1),
  cap('I8MM', 2, 13, ISAR1, 52, 1),
  cap('BF16', 2, 14, ISAR1, 44, 1),
  { name: 'DGH', word: 2, bit: 15, reg: null, shift: 0, min: 0, always: false, note: QEMU_72 },
  cap('RNG', 2, 16, ISAR0, 60, 1),
];

/** The value of the feature's ID field as the core reports it (signed fields sign-extended). */
function fieldValue(f: HwcapFeature): number {
  const v = Number((idRegisterValue(f.reg!) >> BigInt(f.shift)) & 0xfn);
  return f.signed && v >= 8 ? v - 16 : v;
}

/** The features whose bit is claimed. */
export function implementedFeatures(): HwcapFeature[] {
  return HWCAP_FEATURES.filter((f) => (f.reg === null ? f.always === true : fieldValue(f) >= f.min));
}

let cached: { hwcap: number; hwcap2: number } | null = null;

/** AT_HWCAP and AT_HWCAP2 values (as numbers: all bits used are below 2^32). */
export function coreHwcaps(): { hwcap: number; hwcap2: number } {
  if (cached) return cached;
  let hwcap = 0;
  let hwcap2 = 0;
  for (const f of implementedFeatures()) {
    if (f.word === 1) hwcap = (hwcap | (1 << f.bit)) >>> 0;
    else hwcap2 = (hwcap2 | (1 << f.bit)) >>> 0;
  }
  return (cached = { hwcap, hwcap2 });
}
