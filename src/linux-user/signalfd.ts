/**
 * signalfd (fs/signalfd.c): pending signals of a set, read as 128-byte
 * struct signalfd_siginfo records instead of being delivered. Reading takes
 * them off the queue of the task that made the descriptor and off its
 * process's shared queue (the signals must be blocked for this to be useful,
 * as on Linux); poll reports POLLIN while one is pending. A process-level
 * queue (Process.signalEvents) wakes readers and pollers when a signal
 * becomes pending.
 */
import type { HostFile, HostStat } from './host.js';
import type { Task } from './process.js';
import { POLLIN, POLLRDNORM } from './files.js';
import { EAGAIN, EINVAL } from './errno.js';
import { anonInodeStat } from './epoll.js';
import { dequeue, pendingIn } from './delivery.js';
import { SIGCHLD } from './signals.js';
import type { WaitQueue } from './wait.js';

export const SFD_CLOEXEC = 0o2000000;
export const SFD_NONBLOCK = 0o4000;
const RECORD = 128;
/** SIGKILL and SIGSTOP cannot be read through a signalfd. */
const NEVER = (1 << 8) | (1 << 18);

export class SignalFd implements HostFile {
  readonly readiness: WaitQueue;
  /** The set, as two 32-bit words (signal n is bit n-1). */
  maskLo = 0;
  maskHi = 0;

  constructor(
    readonly task: Task,
    lo: number,
    hi: number,
  ) {
    this.readiness = task.process.signalEvents;
    this.setMask(lo, hi);
  }

  setMask(lo: number, hi: number): void {
    this.maskLo = lo & ~NEVER;
    this.maskHi = hi;
  }

  read(buf: Uint8Array): number {
    if (buf.length < RECORD) return -EINVAL;
    let n = 0;
    while (n + RECORD <= buf.length) {
      const sig = pendingIn(this.task, this.maskLo, this.maskHi);
      if (sig === 0) break;
      encode(sig, dequeue(this.task, sig), buf.subarray(n, n + RECORD));
      n += RECORD;
    }
    return n > 0 ? n : -EAGAIN;
  }

  write(): number {
    return -EINVAL;
  }

  poll(): number {
    return pendingIn(this.task, this.maskLo, this.maskHi) !== 0 ? POLLIN | POLLRDNORM : 0;
  }

  stat(): HostStat {
    return anonInodeStat();
  }

  close(): void {}
}

/** struct signalfd_siginfo from a kernel siginfo (arm64 layout; see delivery.ts makeInfo). */
function encode(sig: number, info: Uint8Array, out: Uint8Array): void {
  out.fill(0);
  const src = new DataView(info.buffer, info.byteOffset, 128);
  const dv = new DataView(out.buffer, out.byteOffset, RECORD);
  const code = src.getInt32(8, true);
  dv.setUint32(0, sig, true);
  dv.setInt32(4, src.getInt32(4, true), true);
  dv.setInt32(8, code, true);
  const FAULTS = [4, 5, 7, 8, 11]; // SIGILL SIGTRAP SIGBUS SIGFPE SIGSEGV
  if (code > 0 && FAULTS.includes(sig)) {
    dv.setBigUint64(72, src.getBigUint64(16, true), true); // ssi_addr
    return;
  }
  dv.setUint32(12, src.getUint32(16, true), true); // ssi_pid
  dv.setUint32(16, src.getUint32(20, true), true); // ssi_uid
  if (sig === SIGCHLD && code > 0) {
    dv.setInt32(40, src.getInt32(24, true), true); // ssi_status
    dv.setBigUint64(56, src.getBigUint64(32, true), true); // ssi_utime
    dv.setBigUint64(64, src.getBigUint64(40, true), true); // ssi_stime
  } else {
    // sigqueue's value: ssi_int and ssi_ptr.
    dv.setInt32(44, src.getInt32(24, true), true);
    dv.setBigUint64(48, src.getBigUint64(24, true), true);
  }
}
