/**
 * Signal syscalls: actions, masks, pending sets, waiting for signals,
 * sending to oneself, the alternate stack, rt_sigreturn and the ITIMER_REAL
 * interval timer (alarm() in glibc). Delivery itself is ../delivery.ts.
 */
import type { Task } from '../process.js';
import { NSIG } from '../process.js';
import { DefaultAction, SIGKILL, SIGSTOP, defaultAction } from '../signals.js';
import type { SyscallDef } from './types.js';
import { timespecArg } from './poll.js';
import { OpenFile, O_NONBLOCK, O_RDWR } from '../files.js';
import { SFD_CLOEXEC, SFD_NONBLOCK, SignalFd } from '../signalfd.js';
import { EAGAIN, EBADF, EFAULT, EINTR, EINVAL, EPERM, ESRCH } from '../errno.js';
import {
  ERESTARTNOHAND,
  SI_TKILL,
  SI_USER,
  UNBLOCKABLE,
  altStackState,
  armRealTimer,
  dequeue,
  flushSignal,
  handlerOf,
  hasDeliverable,
  killInfo,
  monoNs,
  pendingHi,
  pendingIn,
  pendingLo,
  sendProcessSignal,
  sendSignal,
  setAltStack,
  sigreturn,
  waitUntil,
} from '../delivery.js';

const SIG_BLOCK = 0;
const SIG_UNBLOCK = 1;
const SIG_SETMASK = 2;

/** A guest sigset_t (8 bytes) as [lo, hi]; null means EFAULT. */
function readSigset(t: Task, addr: number): [number, number] | null {
  const b = t.process.read(addr, 8);
  if (b === null) return null;
  const dv = new DataView(b.buffer);
  return [dv.getInt32(0, true), dv.getInt32(4, true)];
}

function writeSigset(t: Task, addr: number, lo: number, hi: number): boolean {
  const b = new Uint8Array(8);
  const dv = new DataView(b.buffer);
  dv.setInt32(0, lo, true);
  dv.setInt32(4, hi, true);
  return t.process.write(addr, b);
}

/** Send `sig` to the calling task as kill/tgkill to oneself do (0 only checks). */
export function raiseSignal(t: Task, sig: number, code = SI_USER): void {
  if (sig === 0) return;
  sendSignal(t, sig, killInfo(t, sig, code));
}

/**
 * Drop pending instances of a signal whose new action ignores it: SIG_IGN, or
 * SIG_DFL for a signal ignored by default (as Linux's sigaction does).
 */
function flushIgnored(t: Task, sig: number): void {
  const p = t.process;
  const h = handlerOf(p, sig);
  const d = defaultAction(sig);
  if (h !== 1 && !(h === 0 && (d === DefaultAction.Ignore || d === DefaultAction.Continue))) return;
  flushSignal(p, sig);
}

function rtSigaction(t: Task): number {
  const sig = t.argInt(0);
  const act = t.argU64(1);
  const oact = t.argU64(2);
  if (t.argU64(3) !== 8) return -EINVAL;
  if (sig < 1 || sig > NSIG) return -EINVAL;
  const p = t.process;
  let next: Uint8Array | null = null;
  if (act !== 0) {
    if (sig === SIGKILL || sig === SIGSTOP) return -EINVAL;
    next = p.read(act, 32);
    if (next === null) return -EFAULT;
    const dv = new DataView(next.buffer);
    dv.setInt32(24, dv.getInt32(24, true) & ~UNBLOCKABLE, true);
  }
  if (oact !== 0 && !p.write(oact, p.sigactions[sig])) return -EFAULT;
  if (next) {
    p.sigactions[sig] = next.slice();
    flushIgnored(t, sig);
  }
  return 0;
}

function rtSigprocmask(t: Task): number {
  const how = t.argInt(0);
  const set = t.argU64(1);
  const oset = t.argU64(2);
  if (t.argU64(3) !== 8) return -EINVAL;
  let lo = 0;
  let hi = 0;
  if (set !== 0) {
    const s = readSigset(t, set);
    if (s === null) return -EFAULT;
    [lo, hi] = s;
    if (how < SIG_BLOCK || how > SIG_SETMASK) return -EINVAL;
  }
  if (oset !== 0 && !writeSigset(t, oset, t.sigmaskLo, t.sigmaskHi)) return -EFAULT;
  if (set === 0) return 0;
  switch (how) {
    case SIG_BLOCK:
      t.sigmaskLo |= lo;
      t.sigmaskHi |= hi;
      break;
    case SIG_UNBLOCK:
      t.sigmaskLo &= ~lo;
      t.sigmaskHi &= ~hi;
      break;
    default:
      t.sigmaskLo = lo;
      t.sigmaskHi = hi;
  }
  t.sigmaskLo &= ~UNBLOCKABLE;
  return 0;
}

function rtSigpending(t: Task): number {
  if (t.argU64(1) > 8) return -EINVAL;
  return writeSigset(t, t.argU64(0), pendingLo(t) & t.sigmaskLo, pendingHi(t) & t.sigmaskHi) ? 0 : -EFAULT;
}

/** Replace the mask until the next delivery (rt_sigsuspend, ppoll/pselect6 with a mask). */
export function setTemporaryMask(t: Task, lo: number, hi: number): void {
  t.restoreMaskValid = true;
  t.restoreMaskLo = t.sigmaskLo;
  t.restoreMaskHi = t.sigmaskHi;
  t.sigmaskLo = lo & ~UNBLOCKABLE;
  t.sigmaskHi = hi;
}

async function rtSigsuspend(t: Task): Promise<number> {
  if (t.argU64(1) !== 8) return -EINVAL;
  const s = readSigset(t, t.argU64(0));
  if (s === null) return -EFAULT;
  setTemporaryMask(t, s[0], s[1]);
  await waitUntil(t, null, () => hasDeliverable(t));
  return -ERESTARTNOHAND;
}

async function rtSigtimedwait(t: Task): Promise<number> {
  if (t.argU64(3) !== 8) return -EINVAL;
  const s = readSigset(t, t.argU64(0));
  if (s === null) return -EFAULT;
  const [lo, hi] = [s[0] & ~UNBLOCKABLE, s[1]];
  const infoAddr = t.argU64(1);
  const tsAddr = t.argU64(2);
  const timeout = timespecArg(t, tsAddr);
  if (timeout !== null && timeout < 0) return timeout;
  const end = timeout === null ? null : monoNs(t.process) + timeout;
  const take = (): number => {
    const sig = pendingIn(t, lo, hi);
    if (sig === 0) return 0;
    const info = dequeue(t, sig);
    if (infoAddr !== 0 && !t.process.write(infoAddr, info)) return -EFAULT;
    return sig;
  };
  const now = take();
  if (now !== 0) return now;
  await waitUntil(t, end, () => pendingIn(t, lo, hi) !== 0 || hasDeliverable(t));
  const later = take();
  if (later !== 0) return later;
  return hasDeliverable(t) ? -EINTR : -EAGAIN;
}

function sigaltstack(t: Task): number {
  const ss = t.argU64(0);
  const oss = t.argU64(1);
  const p = t.process;
  let next: Uint8Array | null = null;
  if (ss !== 0) {
    next = p.read(ss, 24);
    if (next === null) return -EFAULT;
  }
  const old = new Uint8Array(24);
  const odv = new DataView(old.buffer);
  const curSp = (t.cpu.x[63] >>> 0) * 4294967296 + (t.cpu.x[62] >>> 0);
  odv.setUint32(0, t.altStackSp % 4294967296, true);
  odv.setUint32(4, Math.floor(t.altStackSp / 4294967296), true);
  odv.setInt32(8, altStackState(t, curSp) | (t.altStackFlags & (1 << 31)), true);
  odv.setUint32(16, t.altStackSize % 4294967296, true);
  odv.setUint32(20, Math.floor(t.altStackSize / 4294967296), true);
  if (next) {
    const dv = new DataView(next.buffer);
    const r = setAltStack(
      t,
      dv.getUint32(4, true) * 4294967296 + dv.getUint32(0, true),
      dv.getInt32(8, true),
      dv.getUint32(20, true) * 4294967296 + dv.getUint32(16, true),
    );
    if (r < 0) return r;
  }
  if (oss !== 0 && !p.write(oss, old)) return -EFAULT;
  return 0;
}

/**
 * rt_sigqueueinfo (to a process: pid, tid -1) and rt_tgsigqueueinfo (to one
 * thread): the caller's siginfo, with si_signo set. Towards another process
 * the code must be negative and not SI_TKILL (Linux's check against forged
 * kernel siginfo).
 */
function queueInfo(t: Task, pid: number, tid: number, sig: number, addr: number): number {
  if (sig < 0 || sig > NSIG) return -EINVAL;
  const k = t.process.kernel;
  const q = k.processes.get(pid);
  if (!q || q.zombie) return -ESRCH;
  const target = tid === -1 ? null : k.tasks.get(tid);
  if (tid !== -1 && (!target || target.exited || target.process !== q)) return -ESRCH;
  const info = t.process.read(addr, 128);
  if (info === null) return -EFAULT;
  const dv = new DataView(info.buffer);
  const code = dv.getInt32(8, true);
  if (q !== t.process && (code >= 0 || code === SI_TKILL)) return -EPERM;
  if (sig === 0) return 0;
  dv.setInt32(0, sig, true);
  if (target) sendSignal(target, sig, info);
  else sendProcessSignal(q, sig, info);
  return 0;
}

/** signalfd4(fd, mask, sizemask, flags): a new signalfd (fd -1) or a new mask for an existing one. */
function signalfd4(t: Task): number {
  const p = t.process;
  const fd = t.argInt(0);
  const flags = t.argInt(3);
  if (t.argU64(2) !== 8 || flags & ~(SFD_CLOEXEC | SFD_NONBLOCK)) return -EINVAL;
  const b = p.read(t.argU64(1), 8);
  if (b === null) return -EFAULT;
  const dv = new DataView(b.buffer);
  const lo = dv.getInt32(0, true);
  const hi = dv.getInt32(4, true);
  if (fd !== -1) {
    const f = p.fds.get(fd);
    if (!f) return -EBADF;
    if (!(f.host instanceof SignalFd)) return -EINVAL;
    f.host.setMask(lo, hi);
    return fd;
  }
  const f = new OpenFile(new SignalFd(t, lo, hi), O_RDWR | (flags & O_NONBLOCK), 'anon_inode:[signalfd]');
  const n = p.fds.install(f, (flags & SFD_CLOEXEC) !== 0);
  if (n < 0) f.release();
  return n;
}

// ---- interval timers (ITIMER_REAL fires SIGALRM; the CPU-time ones are recorded only)

const ITIMER_REAL = 0;

function readTimeval(b: Uint8Array, off: number): number | null {
  const dv = new DataView(b.buffer);
  const sec = Number(dv.getBigInt64(off, true));
  const usec = Number(dv.getBigInt64(off + 8, true));
  if (sec < 0 || usec < 0 || usec >= 1e6) return null;
  return sec * 1e6 + usec;
}

function itimerval(intervalUs: number, valueUs: number): Uint8Array {
  const b = new Uint8Array(32);
  const dv = new DataView(b.buffer);
  dv.setBigInt64(0, BigInt(Math.floor(intervalUs / 1e6)), true);
  dv.setBigInt64(8, BigInt(intervalUs % 1e6), true);
  dv.setBigInt64(16, BigInt(Math.floor(valueUs / 1e6)), true);
  dv.setBigInt64(24, BigInt(valueUs % 1e6), true);
  return b;
}

function currentTimer(t: Task, which: number): [number, number] {
  const p = t.process;
  if (which !== ITIMER_REAL) return p.otherTimers[which - 1];
  if (p.realTimerDeadline === 0) return [Math.round(p.realTimerInterval / 1000), 0];
  const left = p.realTimerDeadline - monoNs(p);
  // An armed timer never reads as zero (Linux reports at least 1 µs).
  return [Math.round(p.realTimerInterval / 1000), Math.max(1, Math.ceil(left / 1000))];
}

function getitimer(t: Task): number {
  const which = t.argInt(0);
  if (which < 0 || which > 2) return -EINVAL;
  const [i, v] = currentTimer(t, which);
  return t.process.write(t.argU64(1), itimerval(i, v)) ? 0 : -EFAULT;
}

function setitimer(t: Task): number {
  const which = t.argInt(0);
  if (which < 0 || which > 2) return -EINVAL;
  const p = t.process;
  let interval = 0;
  let value = 0;
  const addr = t.argU64(1);
  if (addr !== 0) {
    const b = p.read(addr, 32);
    if (b === null) return -EFAULT;
    const iv = readTimeval(b, 0);
    const vv = readTimeval(b, 16);
    if (iv === null || vv === null) return -EINVAL;
    interval = iv;
    value = vv;
  }
  const [oi, ov] = currentTimer(t, which);
  if (t.argU64(2) !== 0 && !p.write(t.argU64(2), itimerval(oi, ov))) return -EFAULT;
  if (which !== ITIMER_REAL) p.otherTimers[which - 1] = [interval, value];
  else {
    p.realTimerInterval = value === 0 ? 0 : interval * 1000;
    p.realTimerDeadline = value === 0 ? 0 : monoNs(p) + value * 1000;
    armRealTimer(p);
  }
  return 0;
}

export const signalSyscalls: SyscallDef[] = [
  { name: 'rt_sigaction', args: ['signal', 'hex', 'hex', 'size'], handler: rtSigaction },
  { name: 'signalfd4', args: ['fd', 'hex', 'size', 'hex'], handler: signalfd4 },
  { name: 'rt_sigprocmask', args: ['int', 'hex', 'hex', 'size'], handler: rtSigprocmask },
  { name: 'rt_sigpending', args: ['hex', 'size'], handler: rtSigpending },
  { name: 'rt_sigsuspend', args: ['hex', 'size'], handler: rtSigsuspend },
  { name: 'rt_sigtimedwait', args: ['hex', 'hex', 'hex', 'size'], handler: rtSigtimedwait },
  {
    name: 'rt_sigreturn',
    args: [],
    keepsRegs: true,
    handler: (t) => {
      sigreturn(t);
      return 0;
    },
  },
  { name: 'sigaltstack', args: ['hex', 'hex'], handler: sigaltstack },
  {
    name: 'rt_sigqueueinfo',
    args: ['int', 'signal', 'hex'],
    handler: (t) => queueInfo(t, t.argInt(0), -1, t.argInt(1), t.argU64(2)),
  },
  {
    name: 'rt_tgsigqueueinfo',
    args: ['int', 'int', 'signal', 'hex'],
    handler: (t) => {
      if (t.argInt(0) <= 0 || t.argInt(1) <= 0) return -EINVAL;
      return queueInfo(t, t.argInt(0), t.argInt(1), t.argInt(2), t.argU64(3));
    },
  },
  { name: 'getitimer', args: ['int', 'hex'], handler: getitimer },
  { name: 'setitimer', args: ['int', 'hex', 'hex'], handler: setitimer },
];

export const SIG_DFL = 0;
