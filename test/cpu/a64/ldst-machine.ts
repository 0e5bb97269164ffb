/**
 * The machine the ldst tests run on: the same memory layout and state format
 * as the qemu-aarch64 harness their expected values were taken from
 * (test/guest/ldst/ldst-harness.c; regenerate with test/guest/ldst/gen-vectors.mjs).
 *
 * - code: the instruction words at CODE (0x1000004), then an exit;
 * - data: 0x20000000..0x20001fff read/write, 0x20002000..0x20002fff read-only,
 *   0x20003000 unmapped; every byte i of the three pages starts as pat(i);
 * - a case gives X0..X30, SP, NZCV and V0..V7; the result is the signal the
 *   harness saw (0 none, 4 SIGILL, 7 SIGBUS, 11 SIGSEGV) with si_code, fault
 *   address and the index of the instruction that stopped, the registers at
 *   that point, and the bytes of the read/write pages that changed.
 */
import { A64Cpu, StopReason } from '../../../src/cpu/a64/cpu.js';
import { FaultKind } from '../../../src/memory/address-space.js';
import { UserAddressSpace, PROT_EXEC, PROT_READ, PROT_WRITE } from '../../../src/memory/user-address-space.js';

export const CODE = 0x1000004;
export const DATA = 0x20000000;

export const pat = (i: number): number => (i * 0x9d + 0x5b) & 0xff;

export interface CaseState {
  x: bigint[]; // 31
  sp: bigint;
  nzcv: bigint;
  v: bigint[]; // V0..V7 as 16 halves, low half first
}

export interface CaseResult {
  sig: number;
  code: number;
  addr: bigint;
  /** index of the faulting instruction, or the number of words when none faulted */
  pc: number;
  st: CaseState;
  /** changed bytes of the read/write pages as "off:val" (hex) */
  mem: string;
}

const mask64 = (v: bigint): bigint => BigInt.asUintN(64, v);

interface Machine {
  mem: UserAddressSpace;
  cpu: A64Cpu;
  diagnostics: string[];
}

let machine: Machine | null = null;
const INIT = Uint8Array.from({ length: 3 * 4096 }, (_, i) => pat(i));

/** One machine for all cases (a fresh guest RAM per case is slow); runCase resets it. */
function getMachine(): Machine {
  if (machine) return machine;
  const mem = new UserAddressSpace();
  mem.mapAnonymous((CODE & ~0xfff) / 4096, 1, PROT_READ | PROT_EXEC);
  mem.mapAnonymous(DATA / 4096, 2, PROT_READ | PROT_WRITE);
  mem.mapAnonymous(DATA / 4096 + 2, 1, PROT_READ);
  const diagnostics: string[] = [];
  const cpu = new A64Cpu(mem, { diagnostic: (l) => diagnostics.push(l) });
  return (machine = { mem, cpu, diagnostics });
}

/** Run `words` from `st` on the machine, reset to the initial memory and state. */
export function runCase(words: number[], st: CaseState): CaseResult {
  const { mem, cpu, diagnostics } = getMachine();
  diagnostics.length = 0;
  mem.writeBytes(DATA, INIT);
  const code = new Uint8Array(4096 - (CODE & 0xfff));
  const dv = new DataView(code.buffer);
  words.forEach((w, i) => dv.setUint32(i * 4, w >>> 0, true));
  dv.setUint32(words.length * 4, 0xd4000001, true); // svc #0: the end
  mem.writeBytes(CODE, code);
  cpu.flushTlb(); // memory was written behind the CPU's back: drop decoded code and translations
  cpu.x.fill(0);
  cpu.v8.fill(0);
  cpu.exclValid = 0;
  cpu.fpcr = 0;
  cpu.fpsr = 0;
  for (let i = 0; i < 31; i++) cpu.setX(i, mask64(st.x[i]));
  cpu.setX(31, mask64(st.sp));
  cpu.nzcv = Number(st.nzcv);
  for (let i = 0; i < 16; i++) {
    const v = mask64(st.v[i]);
    cpu.v32[2 * i] = Number(v & 0xffffffffn);
    cpu.v32[2 * i + 1] = Number(v >> 32n);
  }
  cpu.pc = BigInt(CODE);
  const r = cpu.run(1000);
  let sig = 0;
  let sigCode = 0;
  let addr = 0n;
  const faultAddr = (BigInt(cpu.fault.addrHi >>> 0) << 32n) | BigInt(cpu.fault.addrLo >>> 0);
  if (r === StopReason.DataAbort) {
    sig = 11;
    sigCode = cpu.fault.kind === FaultKind.Permission ? 2 : 1;
    addr = faultAddr;
  } else if (r === StopReason.Alignment) {
    sig = 7;
    sigCode = 1;
    addr = faultAddr;
  } else if (r === StopReason.Undefined) {
    sig = 4;
    sigCode = 1;
    addr = cpu.pc;
  } else if (r !== StopReason.Svc) {
    throw new Error(`unexpected stop ${r}: ${diagnostics.join('; ')}`);
  }
  const pc = sig ? Number(cpu.pc - BigInt(CODE)) / 4 : words.length;
  const out: CaseState = {
    x: Array.from({ length: 31 }, (_, i) => cpu.getX(i)),
    sp: cpu.getX(31),
    nzcv: BigInt(cpu.nzcv >>> 0),
    v: Array.from({ length: 16 }, (_, i) => (BigInt(cpu.v32[2 * i + 1]) << 32n) | BigInt(cpu.v32[2 * i])),
  };
  const after = mem.readBytes(DATA, 8192);
  const diffs: string[] = [];
  for (let i = 0; i < 8192; i++) if (after[i] !== pat(i)) diffs.push(`${i.toString(16)}:${after[i].toString(16)}`);
  return { sig, code: sigCode, addr, pc, st: out, mem: diffs.join(' ') };
}

/** The harness's input line for a case. */
export function caseLine(words: number[], st: CaseState): string {
  const h = (v: bigint): string => mask64(v).toString(16);
  return [
    words.length.toString(16),
    ...words.map((w) => (w >>> 0).toString(16)),
    ...st.x.map(h),
    h(st.sp),
    h(st.nzcv),
    ...st.v.map(h),
  ].join(' ');
}

/** Parse one harness output line. */
export function parseResult(line: string): CaseResult {
  const [regs, mem] = line.split('|');
  const t = regs.trim().split(/\s+/);
  const n = (i: number): bigint => BigInt('0x' + t[i]);
  return {
    sig: Number(t[0]),
    code: Number(t[1]),
    addr: n(2),
    pc: Number(n(3)),
    st: {
      x: Array.from({ length: 31 }, (_, i) => n(4 + i)),
      sp: n(35),
      nzcv: n(36),
      v: Array.from({ length: 16 }, (_, i) => n(37 + i)),
    },
    mem: mem.trim(),
  };
}

/** Differences between two results, as text (empty when equal). */
export function diffResults(exp: CaseResult, got: CaseResult): string {
  const d: string[] = [];
  if (exp.sig !== got.sig || exp.pc !== got.pc)
    d.push(`stop: sig ${exp.sig} at ${exp.pc}, got sig ${got.sig} at ${got.pc}`);
  // qemu-aarch64 reports si_addr 0 (or -1) for some addresses beyond its
  // guest address space, and without the top byte (Linux has TBI on for EL0)
  const addrOk =
    exp.addr === got.addr ||
    exp.addr === (got.addr & 0xffffffffffffffn) ||
    ((exp.addr === 0n || exp.addr === 0xffffffffffffffffn) && got.addr >= 1n << 48n);
  if (exp.sig && exp.sig !== 4 && (exp.code !== got.code || !addrOk))
    d.push(`fault: code ${exp.code} addr ${exp.addr.toString(16)}, got code ${got.code} addr ${got.addr.toString(16)}`);
  for (let i = 0; i < 31; i++)
    if (exp.st.x[i] !== got.st.x[i]) d.push(`x${i}: ${exp.st.x[i].toString(16)}, got ${got.st.x[i].toString(16)}`);
  if (exp.st.sp !== got.st.sp) d.push(`sp: ${exp.st.sp.toString(16)}, got ${got.st.sp.toString(16)}`);
  if (exp.st.nzcv !== got.st.nzcv) d.push(`nzcv: ${exp.st.nzcv.toString(16)}, got ${got.st.nzcv.toString(16)}`);
  for (let i = 0; i < 16; i++)
    if (exp.st.v[i] !== got.st.v[i])
      d.push(`v${i >> 1}.${i & 1 ? 'hi' : 'lo'}: ${exp.st.v[i].toString(16)}, got ${got.st.v[i].toString(16)}`);
  if (exp.mem !== got.mem) d.push(`mem: [${exp.mem}], got [${got.mem}]`);
  return d.join('; ');
}
