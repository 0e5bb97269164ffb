/**
 * AT_HWCAP / AT_HWCAP2: the CPU features the guest is told about
 * (arch/arm64/include/uapi/asm/hwcap.h). glibc and programs pick code paths
 * from these bits, so a bit is claimed only when the CPU core implements the
 * feature's instructions: each entry names probe instructions, and the bit is
 * set when every probe decodes to implemented semantics. As CPU areas land,
 * the claims follow by themselves.
 */
import { a64Decoder } from '../arch/a64/table.js';
import { semanticsFor } from '../cpu/a64/semantics/index.js';
import { unallocated, type Args } from '../cpu/a64/semantics-types.js';

export interface HwcapFeature {
  name: string;
  /** 1 for AT_HWCAP, 2 for AT_HWCAP2. */
  word: 1 | 2;
  bit: number;
  /** The CPU area(s) whose instructions the feature needs (src/arch/a64/tables). */
  areas: string;
  /** Instruction words that must all be implemented; empty = never claimed (see note). */
  probes: number[];
  note?: string;
}

export const HWCAP_FEATURES: readonly HwcapFeature[] = [
  { name: 'FP', word: 1, bit: 0, areas: 'fp', probes: [0x1e622820 /* fadd d0,d1,d2 */] },
  { name: 'ASIMD', word: 1, bit: 1, areas: 'simd-int', probes: [0x4e228420 /* add v0.16b */] },
  { name: 'AES', word: 1, bit: 3, areas: 'crypto', probes: [0x4e284820 /* aese */] },
  { name: 'PMULL', word: 1, bit: 4, areas: 'crypto', probes: [0x0ee2e020 /* pmull 1q */] },
  { name: 'SHA1', word: 1, bit: 5, areas: 'crypto', probes: [0x5e020020 /* sha1c */] },
  { name: 'SHA2', word: 1, bit: 6, areas: 'crypto', probes: [0x5e024020 /* sha256h */] },
  { name: 'CRC32', word: 1, bit: 7, areas: 'base', probes: [0x1ac24020 /* crc32b */] },
  { name: 'ATOMICS', word: 1, bit: 8, areas: 'ldst', probes: [0xf8200041 /* ldadd */] },
  { name: 'FPHP', word: 1, bit: 9, areas: 'fp', probes: [0x1ee22820 /* fadd h0 */] },
  { name: 'ASIMDHP', word: 1, bit: 10, areas: 'fp-vector', probes: [0x4e421420 /* fadd v0.8h */] },
  {
    name: 'CPUID', word: 1, bit: 11, areas: 'base (system registers)', probes: [],
    note: 'needs MRS emulation of the ID registers at EL0; glibc only tunes with it',
  },
  { name: 'ASIMDRDM', word: 1, bit: 12, areas: 'simd-int', probes: [0x6e828420 /* sqrdmlah */] },
  { name: 'JSCVT', word: 1, bit: 13, areas: 'fp', probes: [0x1e7e0020 /* fjcvtzs */] },
  { name: 'FCMA', word: 1, bit: 14, areas: 'fp-vector', probes: [0x6e82c420 /* fcmla */] },
  { name: 'LRCPC', word: 1, bit: 15, areas: 'ldst', probes: [0xf8bfc020 /* ldapr */] },
  { name: 'DCPOP', word: 1, bit: 16, areas: 'base (system)', probes: [0xd50b7c20 /* dc cvap */] },
  { name: 'SHA3', word: 1, bit: 17, areas: 'crypto', probes: [0xce020c20 /* eor3 */] },
  { name: 'ASIMDDP', word: 1, bit: 20, areas: 'simd-int', probes: [0x4e829420 /* sdot */] },
  { name: 'SHA512', word: 1, bit: 21, areas: 'crypto', probes: [0xce628020 /* sha512h */] },
  { name: 'ASIMDFHM', word: 1, bit: 23, areas: 'fp-vector', probes: [0x4e22ec20 /* fmlal */] },
  {
    name: 'USCAT', word: 1, bit: 25, areas: 'ldst', probes: [],
    note: 'unaligned single-copy atomicity (FEAT_LSE2): a memory-model property, not claimed (nor by qemu 7.2 -cpu max)',
  },
  { name: 'ILRCPC', word: 1, bit: 26, areas: 'ldst', probes: [0xd9400020 /* ldapur */] },
  { name: 'FLAGM', word: 1, bit: 27, areas: 'base', probes: [0xd500401f /* cfinv */] },
  { name: 'DCPODP', word: 2, bit: 0, areas: 'base (system)', probes: [0xd50b7d20 /* dc cvadp */] },
  { name: 'FLAGM2', word: 2, bit: 7, areas: 'base', probes: [0xd500405f /* axflag */] },
  { name: 'FRINT', word: 2, bit: 8, areas: 'fp', probes: [0x1e684020 /* frint32z */] },
];

/** True when the instruction word decodes to an entry with semantics that accept its fields. */
export function isImplemented(raw: number): boolean {
  const dec = a64Decoder();
  const def = dec.lookup(raw);
  if (!def) return false;
  const sem = semanticsFor(def.name);
  if (!sem) return false;
  if (sem.prep) {
    const args: Args = { raw: raw >>> 0, pcLo: 0, pcHi: 0, ...dec.fieldsOf(def, raw) };
    if (sem.prep(args) === unallocated) return false;
  }
  return true;
}

/** The features the core implements now. */
export function implementedFeatures(): HwcapFeature[] {
  return HWCAP_FEATURES.filter((f) => f.probes.length > 0 && f.probes.every(isImplemented));
}

/** AT_HWCAP and AT_HWCAP2 values (as numbers: all bits used are below 2^32). */
export function coreHwcaps(): { hwcap: number; hwcap2: number } {
  let hwcap = 0;
  let hwcap2 = 0;
  for (const f of implementedFeatures()) {
    if (f.word === 1) hwcap = (hwcap | (1 << f.bit)) >>> 0;
    else hwcap2 = (hwcap2 | (1 << f.bit)) >>> 0;
  }
  return { hwcap, hwcap2 };
}
