/**
 * Runs difftest cases in armvisor's A64 interpreter with the same memory
 * layout as the harness (code page RWX at CODE_ADDR, data block at
 * DATA_ADDR, nothing mapped around them), and reports the outcome as the
 * harness would: the Linux signal the stop corresponds to, si_addr, pc,
 * every register and the changed data-block words.
 */
import { A64Cpu, StopReason } from '../../src/cpu/a64/cpu.js';
import { setBlockTemplates } from '../../src/cpu/a64/block.js';
import { extraPstateOf } from '../../src/cpu/a64/int/system.js';
import { FaultKind } from '../../src/memory/address-space.js';
import { PROT_EXEC, PROT_READ, PROT_WRITE, UserAddressSpace } from '../../src/memory/user-address-space.js';
import {
  CODE_ADDR,
  CODE_SIZE,
  DATA_ADDR,
  DATA_SIZE,
  END_BRK,
  SIGBUS,
  SIGILL,
  SIGSEGV,
  SIGTRAP,
  emptyState,
  type CaseResult,
  type TestCase,
} from './case-format.js';
import { fillDataBlock } from './data-block.js';

/** Pseudo signal numbers for stops that have no signal in the harness. */
export const STOP_SVC = 1001;
export const STOP_BUDGET = 1002;
export const STOP_EXCEPTION = 1003;
export const STOP_OTHER = 1004;

export const PSEUDO_NAMES: { [n: number]: string } = {
  [STOP_SVC]: 'SVC (armvisor stopped for a supervisor call)',
  [STOP_BUDGET]: 'instruction budget exhausted (the sequence loops)',
  [STOP_EXCEPTION]: 'armvisor threw an exception',
  [STOP_OTHER]: 'armvisor stopped for another reason',
};

const SEGV_MAPERR = 1;
const SEGV_ACCERR = 2;
const BUS_ADRALN = 1;
const BUS_ADRERR = 2;
const TRAP_BRKPT = 1;
const ILL_ILLOPC = 1;

export interface ArmvisorResult extends CaseResult {
  /** One-line diagnostics the CPU printed (UNDEFINED reasons), and exception text. */
  notes: string[];
}

export class ArmvisorRunner {
  readonly mem = new UserAddressSpace();
  readonly cpu: A64Cpu;
  private readonly diags: string[] = [];
  /** Cases whose end trap armvisor reported as UNDEFINED (no BRK semantics yet). */
  brkFallbacks = 0;
  private readonly pristine = new Uint8Array(DATA_SIZE);
  private readonly code = new Uint8Array(CODE_SIZE);

  /** blocks: compile every block at its first entry, so the cases run through block.ts and its templates. */
  constructor(blocks = false) {
    this.mem.mapAnonymous(CODE_ADDR / 4096, CODE_SIZE / 4096, PROT_READ | PROT_WRITE | PROT_EXEC);
    this.mem.mapAnonymous(DATA_ADDR / 4096, DATA_SIZE / 4096, PROT_READ | PROT_WRITE);
    this.cpu = new A64Cpu(this.mem, { diagnostic: (l) => this.diags.push(l), hotThreshold: blocks ? 1 : undefined });
    this.blocks = blocks;
  }

  private readonly blocks: boolean;
  private runs = 0;

  run(c: TestCase, budget = 100_000): ArmvisorResult {
    const cpu = this.cpu;
    // Blocks: every other case keeps the registers in locals, so both ways of compiling are compared.
    if (this.blocks) setBlockTemplates(true, this.runs++ % 2 ? 'always' : 'never');
    this.diags.length = 0;
    // Memory: code page (instructions, end trap, zeros) and data block.
    this.code.fill(0);
    const dv = new DataView(this.code.buffer);
    c.insns.forEach((w, i) => dv.setUint32(4 * i, w >>> 0, true));
    dv.setUint32(4 * c.insns.length, END_BRK, true);
    this.mem.writeBytes(CODE_ADDR, this.code);
    fillDataBlock(c.dataSeed, this.pristine);
    this.writeData();
    cpu.flushTlb(); // writeBytes bypasses the CPU: drop decoded code and translations
    // Registers.
    const s = c.state;
    cpu.x.fill(0);
    for (let i = 0; i < 31; i++) cpu.setX(i, s.x[i]);
    cpu.setX(31, s.sp);
    cpu.nzcv = s.nzcv;
    cpu.v8.set(s.v);
    cpu.fpcr = s.fpcr;
    cpu.fpsr = s.fpsr;
    cpu.tpidrLo = Number(s.tpidr & 0xffffffffn) | 0;
    cpu.tpidrHi = Number(s.tpidr >> 32n) | 0;
    cpu.exclValid = 0;
    // PSTATE.DIT/SSBS start clear, as the harness sets them (TCO has no state here).
    extraPstateOf(cpu).dit = 0;
    extraPstateOf(cpu).ssbs = 0;
    cpu.fault.addrLo = 0;
    cpu.fault.addrHi = 0;
    cpu.pc = BigInt(CODE_ADDR);

    const notes: string[] = [];
    let signo: number;
    let siCode = 0;
    let faultAddr = 0n;
    try {
      let left = budget;
      let r: StopReason;
      for (;;) {
        const before = cpu.icount;
        r = cpu.run(left);
        left -= cpu.icount - before;
        if (r === StopReason.Wait && left > 0) continue; // WFI/WFE/YIELD: a hint, keep going
        break;
      }
      switch (r) {
        case StopReason.Brk:
          signo = SIGTRAP;
          siCode = TRAP_BRKPT;
          faultAddr = cpu.pc;
          break;
        case StopReason.Undefined:
          if (cpu.excInsn >>> 0 === END_BRK && cpu.pc === BigInt(CODE_ADDR + 4 * c.insns.length)) {
            // The CPU has no BRK yet: recognise the end trap by its word so
            // the other instructions can still be compared (noted once per run).
            this.brkFallbacks++;
            signo = SIGTRAP;
            siCode = TRAP_BRKPT;
            faultAddr = cpu.pc;
            this.diags.length = 0;
            break;
          }
          signo = SIGILL;
          siCode = ILL_ILLOPC;
          faultAddr = cpu.pc;
          break;
        case StopReason.Hlt: // HLT at EL0 without halting debug is UNDEFINED under Linux
          signo = SIGILL;
          siCode = ILL_ILLOPC;
          faultAddr = cpu.pc;
          break;
        case StopReason.DataAbort:
          faultAddr = (BigInt(cpu.fault.addrHi >>> 0) << 32n) | BigInt(cpu.fault.addrLo >>> 0);
          if (cpu.fault.kind === FaultKind.Bus) {
            signo = SIGBUS;
            siCode = BUS_ADRERR;
          } else {
            signo = SIGSEGV;
            siCode = cpu.fault.kind === FaultKind.Permission ? SEGV_ACCERR : SEGV_MAPERR;
          }
          break;
        case StopReason.InstructionAbort:
          signo = SIGSEGV;
          siCode = cpu.fault.kind === FaultKind.Permission ? SEGV_ACCERR : SEGV_MAPERR;
          faultAddr = cpu.pc;
          break;
        case StopReason.Alignment:
          // A misaligned PC (the run loop) reports the PC; a misaligned data
          // access (loads/stores that need alignment) fills cpu.fault.
          signo = SIGBUS;
          siCode = BUS_ADRALN;
          faultAddr =
            (cpu.pcLo & 3) !== 0 ? cpu.pc : (BigInt(cpu.fault.addrHi >>> 0) << 32n) | BigInt(cpu.fault.addrLo >>> 0);
          break;
        case StopReason.Svc:
          signo = STOP_SVC;
          break;
        case StopReason.Budget:
        case StopReason.Wait:
          signo = STOP_BUDGET;
          break;
        default:
          signo = STOP_OTHER;
          notes.push(`stop reason ${r}`);
      }
    } catch (e) {
      signo = STOP_EXCEPTION;
      notes.push(`exception: ${(e as Error)?.stack?.split('\n').slice(0, 3).join(' | ') ?? String(e)}`);
    }
    notes.push(...this.diags);

    const state = emptyState();
    for (let i = 0; i < 31; i++) state.x[i] = cpu.getX(i);
    state.sp = cpu.getX(31);
    state.tpidr = (BigInt(cpu.tpidrHi >>> 0) << 32n) | BigInt(cpu.tpidrLo >>> 0);
    state.nzcv = cpu.nzcv >>> 0;
    state.fpcr = cpu.fpcr >>> 0;
    state.fpsr = cpu.fpsr >>> 0;
    state.v = cpu.v8.slice();

    const diffs = this.changedWords();
    return { signo, siCode, faultAddr, pc: cpu.pc, state, diffs, notes };
  }

  /** Copy the pristine data block into guest RAM, page by page. */
  private writeData(): void {
    const ram = this.mem.ram;
    for (let p = 0; p < DATA_SIZE; p += 4096) {
      ram.bytes.set(this.pristine.subarray(p, p + 4096), this.mem.hostOffset(DATA_ADDR + p));
    }
  }

  /** The 8-byte words of the data block that differ from the pristine copy. */
  private changedWords(): Map<number, Uint8Array> {
    const diffs = new Map<number, Uint8Array>();
    const ram = this.mem.ram;
    const b = new Int32Array(this.pristine.buffer, this.pristine.byteOffset, DATA_SIZE / 4);
    for (let p = 0; p < DATA_SIZE; p += 4096) {
      const off = this.mem.hostOffset(DATA_ADDR + p);
      const a = new Int32Array(ram.buffer, off, 1024);
      const base = p >> 2;
      for (let i = 0; i < 1024; i += 2) {
        if (a[i] !== b[base + i] || a[i + 1] !== b[base + i + 1])
          diffs.set(p + 4 * i, ram.bytes.slice(off + 4 * i, off + 4 * i + 8));
      }
    }
    return diffs;
  }
}
