/**
 * How a syscall is declared: its name (the arm64 number comes from
 * ../abi/arm64-syscalls.ts), how -strace shows its arguments and result, and
 * the handler. A handler reads its arguments from the task (argInt, argU64,
 * …) and returns the result or a negative errno; it may return a Promise
 * when it has to wait (sleeps now, blocking reads and futexes later).
 */
import type { Task } from '../process.js';

/**
 * Argument formats for -strace: int (signed 32), uint, long (signed 64), hex
 * (pointer or mask), fd/dirfd, str (a guest string), size, and named flag
 * sets.
 */
export type ArgFormat =
  'int' | 'uint' | 'long' | 'hex' | 'fd' | 'dirfd' | 'str' | 'size' | 'oflags' | 'prot' | 'mflags' | 'clock' | 'signal';

export type SyscallResult = number | Promise<number>;

export interface SyscallDef {
  name: string;
  args: ArgFormat[];
  /** Show the result in hex (addresses). */
  hexResult?: boolean;
  /** Never returns to the caller (exit): strace prints the call before running it. */
  noReturn?: boolean;
  /** The handler sets the registers itself (rt_sigreturn): its return value is not written to x0. */
  keepsRegs?: boolean;
  handler: (t: Task) => SyscallResult;
  /** Custom -strace rendering of the arguments (structures such as a sockaddr), instead of `args`. */
  formatArgs?: (t: Task) => string;
}
