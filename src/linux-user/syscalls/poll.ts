/**
 * ppoll and pselect6 for one thread with blocking host I/O: every open
 * descriptor is reported ready for what it is open for (a read or write then
 * blocks on the host, which is where the poll would have waited). With no
 * descriptor ready the call sleeps for its timeout. Real readiness (and
 * timeouts on terminals and pipes) needs an event-driven host; it comes with
 * the threads/sockets work.
 */
import type { Task } from '../process.js';
import type { SyscallDef } from './types.js';
import { EBADF, EFAULT, EINVAL } from '../errno.js';
import { ERESTARTNOHAND, hasDeliverable, monoNs, waitUntil } from '../delivery.js';
import { setTemporaryMask } from './signal.js';

const POLLIN = 0x1;
const POLLPRI = 0x2;
const POLLOUT = 0x4;
const POLLNVAL = 0x20;
const POLLRDNORM = 0x40;
const POLLWRNORM = 0x100;

/** A struct timespec timeout in ns; null for none (wait forever), or -errno. */
function timeoutOf(t: Task, addr: number): bigint | null | number {
  if (addr === 0) return null;
  const b = t.process.read(addr, 16);
  if (b === null) return -EFAULT;
  const dv = new DataView(b.buffer);
  const sec = dv.getBigInt64(0, true);
  const nsec = dv.getBigInt64(8, true);
  if (sec < 0n || nsec < 0n || nsec >= 1_000_000_000n) return -EINVAL;
  return sec * 1_000_000_000n + nsec;
}

/**
 * Nothing is ready: wait for the timeout (null: forever), cut short by a
 * signal that will be delivered (EINTR when a handler runs). With a signal mask argument the
 * mask applies during the wait and until the delivery (as sigsuspend).
 */
async function idle(t: Task, timeout: bigint | null, maskAddr: number): Promise<number> {
  if (maskAddr !== 0) {
    const b = t.process.read(maskAddr, 8);
    if (b === null) return -EFAULT;
    const dv = new DataView(b.buffer);
    setTemporaryMask(t, dv.getInt32(0, true), dv.getInt32(4, true));
  }
  const end = timeout === null ? null : monoNs(t.process) + Number(timeout);
  const woken = await waitUntil(t, end, () => hasDeliverable(t));
  if (woken) return -ERESTARTNOHAND;
  if (maskAddr !== 0) {
    t.restoreMaskValid = false;
    t.sigmaskLo = t.restoreMaskLo;
    t.sigmaskHi = t.restoreMaskHi;
  }
  return 0;
}

function ppoll(t: Task): number | Promise<number> {
  const p = t.process;
  const addr = t.argU64(0);
  const nfds = t.argU32(1);
  if (nfds > 1024) return -EINVAL;
  const timeout = timeoutOf(t, t.argU64(2));
  if (typeof timeout === 'number') return timeout;
  const b = p.read(addr, nfds * 8);
  if (b === null) return -EFAULT;
  const dv = new DataView(b.buffer);
  let ready = 0;
  for (let i = 0; i < nfds; i++) {
    const fd = dv.getInt32(i * 8, true);
    const events = dv.getInt16(i * 8 + 4, true);
    let revents = 0;
    if (fd >= 0) {
      const f = p.fds.get(fd);
      if (!f) revents = POLLNVAL;
      else {
        if (f.readable) revents |= events & (POLLIN | POLLRDNORM);
        if (f.writable) revents |= events & (POLLOUT | POLLWRNORM);
        void POLLPRI;
      }
    }
    dv.setInt16(i * 8 + 6, revents, true);
    if (revents) ready++;
  }
  if (!p.write(addr, b)) return -EFAULT;
  return ready > 0 ? ready : idle(t, timeout, t.argU64(3));
}

function pselect6(t: Task): number | Promise<number> {
  const p = t.process;
  const nfds = t.argInt(0);
  if (nfds < 0 || nfds > 1024) return -EINVAL;
  const timeout = timeoutOf(t, t.argU64(4));
  if (typeof timeout === 'number') return timeout;
  const bytes = Math.ceil(nfds / 64) * 8;
  const sets: (Uint8Array | null)[] = [];
  for (let s = 0; s < 3; s++) {
    const a = t.argU64(1 + s);
    if (a === 0 || bytes === 0) sets.push(null);
    else {
      const b = p.read(a, bytes);
      if (b === null) return -EFAULT;
      sets.push(b);
    }
  }
  let ready = 0;
  for (let fd = 0; fd < nfds; fd++) {
    const bit = 1 << (fd & 7);
    const wanted = sets.some((s) => s && s[fd >> 3] & bit);
    if (!wanted) continue;
    const f = p.fds.get(fd);
    if (!f) return -EBADF;
    const ok = [f.readable, f.writable, false];
    for (let s = 0; s < 3; s++) {
      const set = sets[s];
      if (!set || !(set[fd >> 3] & bit)) continue;
      if (ok[s]) ready++;
      else set[fd >> 3] &= ~bit;
    }
  }
  for (let s = 0; s < 3; s++) {
    const set = sets[s];
    if (set && !p.write(t.argU64(1 + s), set)) return -EFAULT;
  }
  return ready > 0 ? ready : idle(t, timeout, pselectMask(t));
}

/** pselect6's sixth argument points at { const sigset_t *ss; size_t ss_len }. */
function pselectMask(t: Task): number {
  const a = t.argU64(5);
  if (a === 0) return 0;
  const b = t.process.read(a, 16);
  if (b === null) return 0;
  const dv = new DataView(b.buffer);
  return dv.getUint32(4, true) * 4294967296 + dv.getUint32(0, true);
}

export const pollSyscalls: SyscallDef[] = [
  { name: 'ppoll', args: ['hex', 'uint', 'hex', 'hex', 'size'], handler: ppoll },
  { name: 'pselect6', args: ['int', 'hex', 'hex', 'hex', 'hex', 'hex'], handler: pselect6 },
];
