/**
 * A bare CPU with a code page and a data area, for unit tests of single
 * instructions. Code is placed at CODE (0x400000), data at DATA (0x10000000).
 */
import { A64Cpu, StopReason } from '../../src/cpu/a64/cpu.js';
import { UserAddressSpace, PROT_EXEC, PROT_READ, PROT_WRITE } from '../../src/memory/user-address-space.js';

export const CODE = 0x400000;
export const DATA = 0x10000000;

export interface TestCpu {
  cpu: A64Cpu;
  mem: UserAddressSpace;
  diagnostics: string[];
}

/** A CPU whose code area holds `words` followed by `svc #0` (so run() stops there). */
export function cpuWith(words: number[], dataPages = 4): TestCpu {
  const mem = new UserAddressSpace();
  mem.mapAnonymous(CODE / 4096, 16, PROT_READ | PROT_EXEC);
  mem.mapAnonymous(DATA / 4096, dataPages, PROT_READ | PROT_WRITE);
  const code = new Uint8Array((words.length + 1) * 4);
  const dv = new DataView(code.buffer);
  words.forEach((w, i) => dv.setUint32(i * 4, w >>> 0, true));
  dv.setUint32(words.length * 4, 0xd4000001, true); // svc #0
  mem.writeBytes(CODE, code);
  const diagnostics: string[] = [];
  const cpu = new A64Cpu(mem, { diagnostic: (l) => diagnostics.push(l) });
  cpu.pc = BigInt(CODE);
  return { cpu, mem, diagnostics };
}

/** Run until the trailing svc; throws if the CPU stopped for another reason. */
export function runToSvc(t: TestCpu, budget = 1_000_000): void {
  const r = t.cpu.run(budget);
  if (r !== StopReason.Svc)
    throw new Error(`stopped with reason ${r} at pc=0x${t.cpu.pc.toString(16)}: ${t.diagnostics.join('; ')}`);
}
