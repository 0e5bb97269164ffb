/**
 * /proc/cpuinfo as Linux/arm64 prints it (arch/arm64/kernel/cpuinfo.c) for
 * the emulated CPU: one processor (the guest is told it has one, see
 * sched_getaffinity), its feature names in hwcap order (the same bits as
 * AT_HWCAP/AT_HWCAP2, from the ID registers) and the MIDR_EL1 fields.
 */
import { AARCH64_SYSREGS, CNTFRQ_HZ } from '../arch/sysreg/aarch64.js';
import { implementedFeatures } from './hwcaps.js';

export function procCpuinfo(): string {
  const names = [...implementedFeatures()]
    .sort((a, b) => a.word - b.word || a.bit - b.bit)
    .map((f) => f.name.toLowerCase());
  const midr = Number(AARCH64_SYSREGS.find((r) => r.name === 'midr_el1')?.reset ?? 0n);
  const hex = (v: number, digits = 1): string => '0x' + v.toString(16).padStart(digits, '0');
  // Linux derives BogoMIPS from the generic timer's frequency: 2 * f / 10^6.
  const bogomips = ((CNTFRQ_HZ * 2) / 1e6).toFixed(2);
  return (
    `processor\t: 0\n` +
    `BogoMIPS\t: ${bogomips}\n` +
    `Features\t: ${names.join(' ')}\n` +
    `CPU implementer\t: ${hex((midr >>> 24) & 0xff, 2)}\n` +
    `CPU architecture: 8\n` +
    `CPU variant\t: ${hex((midr >>> 20) & 0xf)}\n` +
    `CPU part\t: ${hex((midr >>> 4) & 0xfff, 3)}\n` +
    `CPU revision\t: ${midr & 0xf}\n\n`
  );
}
