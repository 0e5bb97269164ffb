/**
 * ppoll and pselect6 with real readiness. Each descriptor reports what its
 * file's poll() says (pipes, eventfds, sockets, host streams; regular files
 * are always ready, see OpenFile.poll). When nothing is ready the task waits
 * (wait.ts block()) on the readiness queues of every pollable file involved,
 * the timeout and its signals, then looks again, as Linux's do_poll and
 * do_select loop.
 *
 * Details kept from Linux (fs/select.c): POLLERR and POLLHUP are reported
 * whether asked or not, a closed descriptor is POLLNVAL for poll and EBADF
 * for select; a signal returns -ERESTARTNOHAND (EINTR with a handler, a
 * restart without one) and the temporary signal mask stays until the
 * handler has run; the timeout is updated with the time left
 * (poll_select_finish), which is what a restart continues with.
 */
import type { Task } from '../process.js';
import type { SyscallDef, SyscallResult } from './types.js';
import { EBADF, EFAULT, EINVAL } from '../errno.js';
import { ERESTARTNOHAND, fireTimers, monoNs } from '../delivery.js';
import { setTemporaryMask } from './signal.js';
import {
  FD_LIMIT,
  POLLERR,
  POLLHUP,
  POLLIN,
  POLLNVAL,
  POLLOUT,
  POLLPRI,
  POLLRDBAND,
  POLLRDNORM,
  POLLWRBAND,
  POLLWRNORM,
  type OpenFile,
} from '../files.js';
import { block, type WaitQueue, type WakeReason } from '../wait.js';

/**
 * block() for a syscall, with the process's ITIMER_REAL kept running: when
 * the alarm comes first, SIGALRM is sent at its time (which ends the wait
 * when it is deliverable) and the wait goes on otherwise.
 */
export async function waitOn(t: Task, queues: readonly WaitQueue[], deadline: number | null): Promise<WakeReason> {
  const p = t.process;
  for (;;) {
    const alarm = p.realTimerDeadline;
    if (alarm === 0 || (deadline !== null && deadline <= alarm)) return block(t, queues, deadline);
    const why = await block(t, queues, alarm);
    if (why !== 'timeout') return why;
    fireTimers(p);
  }
}

/** A struct timespec in ns; null for a null pointer (no timeout), or -errno. */
export function timespecArg(t: Task, addr: number): number | null {
  if (addr === 0) return null;
  const b = t.process.read(addr, 16);
  if (b === null) return -EFAULT;
  const dv = new DataView(b.buffer);
  const sec = dv.getBigInt64(0, true);
  const nsec = dv.getBigInt64(8, true);
  if (sec < 0n || nsec < 0n || nsec >= 1_000_000_000n) return -EINVAL;
  // Past 2^53 ns (104 days) the wait is as good as endless.
  return Number(sec * 1_000_000_000n + nsec);
}

/**
 * Put a temporary signal mask in place for the wait (ppoll, pselect6,
 * epoll_pwait): `addr` points at a sigset of `size` bytes (8 on arm64); 0
 * when there is none. Returns 0 or -errno.
 */
export function applySigmask(t: Task, addr: number, size: number): number {
  if (addr === 0) return 0;
  if (size !== 8) return -EINVAL;
  const b = t.process.read(addr, 8);
  if (b === null) return -EFAULT;
  const dv = new DataView(b.buffer);
  setTemporaryMask(t, dv.getInt32(0, true), dv.getInt32(4, true));
  return 0;
}

/**
 * The call is returning: the temporary mask goes back now, unless a signal
 * interrupted the wait (`interrupted`), in which case it stays until the
 * handler's frame has been set up (restore_saved_sigmask_unless).
 */
export function finishSigmask(t: Task, hadMask: boolean, interrupted: boolean): void {
  if (!hadMask || interrupted || !t.restoreMaskValid) return;
  t.restoreMaskValid = false;
  t.sigmaskLo = t.restoreMaskLo;
  t.sigmaskHi = t.restoreMaskHi;
}

/** Add the file's readiness queue to `queues` (once). */
export function watch(f: OpenFile, queues: WaitQueue[]): void {
  const q = f.readiness;
  if (q !== null && !queues.includes(q)) queues.push(q);
}

/** The host stream behind `f` has just started fetching input (src/host/node-host.ts NodeStreamFile.settling). */
export function isSettling(f: OpenFile): boolean {
  return (f.host as { settling?: () => boolean }).settling?.() ?? false;
}

/** How long to let settling host streams deliver what is already waiting for them. */
const SETTLE_NS = 30e6;

/**
 * Give every settling file of `files` a few milliseconds to learn its state
 * (its readiness queue wakes when it does), so that input already waiting on
 * the host is seen as Linux would see it at once.
 */
export async function settle(t: Task, files: readonly OpenFile[]): Promise<void> {
  const queues: WaitQueue[] = [];
  for (const f of files) if (isSettling(f)) watch(f, queues);
  if (queues.length > 0) await block(t, queues, monoNs(t.process) + SETTLE_NS);
}

/**
 * The waiting loop shared by ppoll, pselect6 and epoll_pwait: `scan` looks
 * at every descriptor (filling `queues` with what to wait on) and returns a
 * count, or -errno. Returns the first non-zero scan, 0 at the deadline
 * (monotonic ns; null: none), or `onSignal` when a signal interrupts.
 */
export async function waitForReady(
  t: Task,
  scan: (queues: WaitQueue[]) => number,
  deadline: number | null,
  onSignal: number,
): Promise<number> {
  for (;;) {
    const queues: WaitQueue[] = [];
    const n = scan(queues);
    if (n !== 0) return n;
    if (deadline !== null && monoNs(t.process) >= deadline) return 0;
    const why = await waitOn(t, queues, deadline);
    if (why === 'signal') {
      const again = scan([]);
      return again !== 0 ? again : onSignal;
    }
  }
}

/** poll_select_finish: write the time left back into the caller's timespec (not for a zero timeout). */
function writeTimeLeft(t: Task, addr: number, timeout: number | null, deadline: number | null): void {
  if (addr === 0 || timeout === null || timeout === 0 || deadline === null) return;
  const left = Math.max(0, deadline - monoNs(t.process));
  const b = new Uint8Array(16);
  const dv = new DataView(b.buffer);
  dv.setBigInt64(0, BigInt(Math.floor(left / 1e9)), true);
  dv.setBigInt64(8, BigInt(left % 1e9), true);
  t.process.write(addr, b);
}

function ppoll(t: Task): SyscallResult {
  const p = t.process;
  const addr = t.argU64(0);
  const nfds = t.argU32(1);
  if (nfds > FD_LIMIT) return -EINVAL;
  const tsAddr = t.argU64(2);
  const timeout = timespecArg(t, tsAddr);
  if (timeout !== null && timeout < 0) return timeout;
  const b = p.read(addr, nfds * 8);
  if (b === null) return -EFAULT;
  const dv = new DataView(b.buffer);
  const masked = applySigmask(t, t.argU64(3), t.argU64(4));
  if (masked < 0) return masked;
  const hadMask = t.argU64(3) !== 0;
  const deadline = timeout === null ? null : monoNs(p) + timeout;

  const scan = (queues: WaitQueue[]): number => {
    let ready = 0;
    for (let i = 0; i < nfds; i++) {
      const fd = dv.getInt32(i * 8, true);
      const events = dv.getUint16(i * 8 + 4, true);
      let revents = 0;
      if (fd >= 0) {
        const f = p.fds.get(fd);
        if (!f) revents = POLLNVAL;
        else {
          revents = f.poll() & (events | POLLERR | POLLHUP);
          if (revents === 0) watch(f, queues);
        }
      }
      dv.setUint16(i * 8 + 6, revents, true);
      if (revents) ready++;
    }
    return ready;
  };
  const finish = (n: number): number => {
    finishSigmask(t, hadMask, n === -ERESTARTNOHAND);
    writeTimeLeft(t, tsAddr, timeout, deadline);
    if (!p.write(addr, b)) return -EFAULT;
    return n;
  };
  const go = (): SyscallResult => {
    const first = scan([]);
    if (first !== 0 || timeout === 0) return finish(first);
    return waitForReady(t, scan, deadline, -ERESTARTNOHAND).then(finish);
  };
  // A first look starts the reads of host streams; those just started get a moment to deliver.
  scan([]);
  const unsettled: OpenFile[] = [];
  for (let i = 0; i < nfds; i++) {
    const f = p.fds.get(dv.getInt32(i * 8, true));
    if (f && isSettling(f)) unsettled.push(f);
  }
  return unsettled.length > 0 ? settle(t, unsettled).then(go) : go();
}

// What select counts as readable, writable, exceptional (fs/select.c).
const POLLIN_SET = POLLRDNORM | POLLRDBAND | POLLIN | POLLHUP | POLLERR;
const POLLOUT_SET = POLLWRBAND | POLLWRNORM | POLLOUT | POLLERR;
const POLLEX_SET = POLLPRI;
const SELECT_SETS = [POLLIN_SET, POLLOUT_SET, POLLEX_SET];

function pselect6(t: Task): SyscallResult {
  const p = t.process;
  let nfds = t.argInt(0);
  if (nfds < 0) return -EINVAL;
  nfds = Math.min(nfds, FD_LIMIT);
  const tsAddr = t.argU64(4);
  const timeout = timespecArg(t, tsAddr);
  if (timeout !== null && timeout < 0) return timeout;
  const bytes = Math.ceil(nfds / 64) * 8;
  const inSets: (Uint8Array | null)[] = [];
  for (let s = 0; s < 3; s++) {
    const a = t.argU64(1 + s);
    if (a === 0 || bytes === 0) inSets.push(null);
    else {
      const b = p.read(a, bytes);
      if (b === null) return -EFAULT;
      inSets.push(b);
    }
  }
  // The sixth argument points at { const sigset_t *ss; size_t ss_len }.
  let maskAddr = 0;
  let maskSize = 8;
  if (t.argU64(5) !== 0) {
    const m = p.read(t.argU64(5), 16);
    if (m === null) return -EFAULT;
    const dv = new DataView(m.buffer);
    maskAddr = dv.getUint32(4, true) * 4294967296 + dv.getUint32(0, true);
    maskSize = dv.getUint32(12, true) * 4294967296 + dv.getUint32(8, true);
  }
  // Every descriptor named must be open (EBADF before any waiting).
  for (let fd = 0; fd < nfds; fd++) {
    const bit = 1 << (fd & 7);
    if (inSets.some((s) => s !== null && s[fd >> 3] & bit) && !p.fds.get(fd)) return -EBADF;
  }
  const masked = applySigmask(t, maskAddr, maskSize);
  if (masked < 0) return masked;
  const deadline = timeout === null ? null : monoNs(p) + timeout;
  const outSets = inSets.map((s) => (s === null ? null : new Uint8Array(s.length)));

  const scan = (queues: WaitQueue[]): number => {
    let ready = 0;
    for (let fd = 0; fd < nfds; fd++) {
      const byte = fd >> 3;
      const bit = 1 << (fd & 7);
      let wanted = false;
      for (const s of inSets) if (s !== null && s[byte] & bit) wanted = true;
      if (!wanted) continue;
      const f = p.fds.get(fd);
      if (!f) return -EBADF; // closed by another thread meanwhile
      const mask = f.poll();
      let any = false;
      for (let s = 0; s < 3; s++) {
        const set = inSets[s];
        if (set === null || !(set[byte] & bit) || !(mask & SELECT_SETS[s])) continue;
        outSets[s]![byte] |= bit;
        ready++;
        any = true;
      }
      if (!any) watch(f, queues);
    }
    return ready;
  };
  const finish = (n: number): number => {
    finishSigmask(t, maskAddr !== 0, n === -ERESTARTNOHAND);
    writeTimeLeft(t, tsAddr, timeout, deadline);
    if (n < 0) return n;
    for (let s = 0; s < 3; s++) {
      const set = outSets[s];
      if (set !== null && !p.write(t.argU64(1 + s), set)) return -EFAULT;
    }
    return n;
  };
  const rescan = (queues: WaitQueue[]): number => {
    for (const s of outSets) s?.fill(0);
    return scan(queues);
  };
  const go = (): SyscallResult => {
    const first = rescan([]);
    if (first !== 0 || timeout === 0) return finish(first);
    return waitForReady(t, rescan, deadline, -ERESTARTNOHAND).then(finish);
  };
  // A first look starts the reads of host streams; those just started get a moment to deliver.
  if (rescan([]) < 0) return finish(-EBADF);
  const unsettled: OpenFile[] = [];
  for (let fd = 0; fd < nfds; fd++) {
    const f = p.fds.get(fd);
    if (f && isSettling(f) && inSets.some((s) => s !== null && s[fd >> 3] & (1 << (fd & 7)))) unsettled.push(f);
  }
  return unsettled.length > 0 ? settle(t, unsettled).then(go) : go();
}

export const pollSyscalls: SyscallDef[] = [
  { name: 'ppoll', args: ['hex', 'uint', 'hex', 'hex', 'size'], handler: ppoll },
  { name: 'pselect6', args: ['int', 'hex', 'hex', 'hex', 'hex', 'hex'], handler: pselect6 },
];
