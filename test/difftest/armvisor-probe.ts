/**
 * Does armvisor treat an instruction word as UNDEFINED? Used by the generator
 * to keep most generated words allocated (a sequence stops at its first
 * UNDEFINED word, so unallocated words would hide the rest of the sequence)
 * while still generating some of them to check armvisor's UNDEFINED choices.
 * Runs the word's exec once on a scratch CPU with no memory mapped.
 */
import { A64Cpu, StopReason, decodeA64 } from '../../src/cpu/a64/cpu.js';
import { UserAddressSpace } from '../../src/memory/user-address-space.js';
import { GuestRam } from '../../src/memory/guest-ram.js';
import { CODE_ADDR } from './case-format.js';

let scratch: A64Cpu | null = null;

export function armvisorUndefined(word: number): boolean {
  scratch ??= new A64Cpu(new UserAddressSpace(new GuestRam(65536)), { diagnostic: () => {} });
  const cpu = scratch;
  cpu.stopReason = StopReason.None;
  try {
    const { exec, args } = decodeA64(word, CODE_ADDR, 0);
    exec(cpu, args);
  } catch {
    // A memory access faulted (the instruction is allocated), or decoding
    // threw: generate the word, so the run reports the exception.
    return false;
  }
  return (cpu.stopReason as StopReason) === StopReason.Undefined;
}
