/**
 * What a CPU sees of memory: a translation from a virtual page to a frame of
 * guest RAM. The CPU keeps a software TLB in front of it and calls
 * translate() only on a miss. User mode implements it with a page table of
 * its own (./user-address-space.ts); the system board will implement it with
 * the MMU walk and physical memory map.
 */
import type { GuestRam } from './guest-ram.js';

/**
 * The 4 KiB page number of a 64-bit address given as int32 halves. It exceeds
 * 32 bits for 48..56-bit addresses, so it is a double (exact below 2^53); for
 * slow paths and map keys only.
 */
export const pageNumber = (lo: number, hi: number): number => (hi >>> 0) * 1048576 + (lo >>> 12);

export const enum Access {
  Read = 1,
  Write = 2,
  Exec = 4,
}

export const enum FaultKind {
  /** Nothing is mapped at the address (translation fault; SIGSEGV/SEGV_MAPERR). */
  Unmapped = -1,
  /** Mapped, but the access is not permitted (permission fault; SIGSEGV/SEGV_ACCERR). */
  Permission = -2,
  /** A bus error beyond the end of a file mapping (SIGBUS/BUS_ADRERR). */
  Bus = -3,
}

export interface AddressSpace {
  readonly ram: GuestRam;
  /**
   * Byte offset in `ram` of the 4 KiB frame backing the virtual page that
   * contains (vaLo, vaHi), for the given access; or a negative FaultKind.
   * Implementations may allocate the frame on first touch.
   */
  translate(vaLo: number, vaHi: number, access: Access): number;
  /**
   * Called by the address space's owner to drop cached translations; the CPU
   * registers itself here (see A64Cpu.attach).
   */
  addTlbListener(fn: (vaLo?: number, vaHi?: number, pages?: number) => void): () => void;
}
