/**
 * Signal syscalls. Actions and masks are recorded as Linux would keep them;
 * delivery to guest handlers arrives with the signal frame code later, so a
 * signal that would run a handler ends the process (with a diagnostic)
 * instead of being silently dropped. Default actions are carried out.
 */
import type { Task } from '../process.js';
import { NSIG } from '../process.js';
import { DefaultAction, SIGKILL, SIGSTOP, defaultAction } from '../signals.js';
import type { SyscallDef } from './types.js';
import { EFAULT, EINVAL, ENOMEM, EPERM, ESRCH } from '../errno.js';

const SIG_BLOCK = 0;
const SIG_UNBLOCK = 1;
const SIG_SETMASK = 2;
const SS_ONSTACK = 1;
const SS_DISABLE = 2;
const SS_AUTODISARM = 1 << 31;
/** MINSIGSTKSZ of arm64. */
const MINSIGSTKSZ = 5120;

const SIG_DFL = 0;
const SIG_IGN = 1;

/** The bits signals SIGKILL and SIGSTOP occupy in the low mask word; they cannot be blocked. */
const UNBLOCKABLE = (1 << (SIGKILL - 1)) | (1 << (SIGSTOP - 1));

function isBlocked(t: Task, sig: number): boolean {
  return sig <= 32 ? ((t.sigmaskLo >>> (sig - 1)) & 1) === 1 : ((t.sigmaskHi >>> (sig - 33)) & 1) === 1;
}

/**
 * Send `sig` to the calling task, as kill/tgkill to oneself do: a blocked
 * signal stays pending (not delivered yet), an ignored one vanishes, a
 * default fatal one ends the process.
 */
export function raiseSignal(t: Task, sig: number): void {
  if (sig === 0) return;
  const p = t.process;
  if (sig !== SIGKILL && sig !== SIGSTOP && isBlocked(t, sig)) return;
  const act = new DataView(p.sigactions[sig].buffer);
  const handlerLo = act.getUint32(0, true);
  const handlerHi = act.getUint32(4, true);
  if (handlerHi === 0 && handlerLo === SIG_IGN && sig !== SIGKILL && sig !== SIGSTOP) return;
  if (handlerHi !== 0 || handlerLo > SIG_IGN) {
    p.diagnostic(`armvisor: signal ${sig} has a guest handler, and handler delivery is not implemented yet: terminating`);
    p.exit({ signal: sig, coreDump: false });
    return;
  }
  const d = defaultAction(sig);
  if (d === DefaultAction.Ignore || d === DefaultAction.Continue) return;
  if (d === DefaultAction.Stop) {
    p.diagnostic(`armvisor: signal ${sig} would stop the process; ignored`);
    return;
  }
  p.exit({ signal: sig, coreDump: d === DefaultAction.CoreDump });
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
  }
  if (oact !== 0 && !p.write(oact, p.sigactions[sig])) return -EFAULT;
  if (next) p.sigactions[sig] = next.slice();
  return 0;
}

function rtSigprocmask(t: Task): number {
  const how = t.argInt(0);
  const set = t.argU64(1);
  const oset = t.argU64(2);
  if (t.argU64(3) !== 8) return -EINVAL;
  const p = t.process;
  let lo = 0;
  let hi = 0;
  if (set !== 0) {
    const b = p.read(set, 8);
    if (b === null) return -EFAULT;
    const dv = new DataView(b.buffer);
    lo = dv.getInt32(0, true);
    hi = dv.getInt32(4, true);
  }
  if (oset !== 0) {
    const b = new Uint8Array(8);
    const dv = new DataView(b.buffer);
    dv.setInt32(0, t.sigmaskLo, true);
    dv.setInt32(4, t.sigmaskHi, true);
    if (!p.write(oset, b)) return -EFAULT;
  }
  if (set === 0) return how >= SIG_BLOCK && how <= SIG_SETMASK ? 0 : -EINVAL;
  switch (how) {
    case SIG_BLOCK:
      t.sigmaskLo |= lo;
      t.sigmaskHi |= hi;
      break;
    case SIG_UNBLOCK:
      t.sigmaskLo &= ~lo;
      t.sigmaskHi &= ~hi;
      break;
    case SIG_SETMASK:
      t.sigmaskLo = lo;
      t.sigmaskHi = hi;
      break;
    default:
      return -EINVAL;
  }
  t.sigmaskLo &= ~UNBLOCKABLE;
  return 0;
}

function sigaltstack(t: Task): number {
  const ss = t.argU64(0);
  const oss = t.argU64(1);
  const p = t.process;
  let next: [number, number, number] | null = null;
  if (ss !== 0) {
    const b = p.read(ss, 24);
    if (b === null) return -EFAULT;
    const dv = new DataView(b.buffer);
    const sp = dv.getUint32(4, true) * 4294967296 + dv.getUint32(0, true);
    const flags = dv.getInt32(8, true);
    const size = dv.getUint32(20, true) * 4294967296 + dv.getUint32(16, true);
    const mode = flags & ~SS_AUTODISARM;
    if (mode !== 0 && mode !== SS_DISABLE && mode !== SS_ONSTACK) return -EINVAL;
    if (mode === SS_DISABLE) next = [0, SS_DISABLE, 0];
    else {
      if (size < MINSIGSTKSZ) return -ENOMEM;
      next = [sp, flags & SS_AUTODISARM, size];
    }
  }
  if (oss !== 0) {
    const b = new Uint8Array(24);
    const dv = new DataView(b.buffer);
    dv.setUint32(0, t.altStackSp % 4294967296, true);
    dv.setUint32(4, Math.floor(t.altStackSp / 4294967296), true);
    dv.setInt32(8, t.altStackFlags, true);
    dv.setUint32(16, t.altStackSize % 4294967296, true);
    dv.setUint32(20, Math.floor(t.altStackSize / 4294967296), true);
    if (!p.write(oss, b)) return -EFAULT;
  }
  if (next) [t.altStackSp, t.altStackFlags, t.altStackSize] = next;
  return 0;
}

function killSelf(t: Task, sig: number): number {
  if (sig < 0 || sig > NSIG) return -EINVAL;
  raiseSignal(t, sig);
  return 0;
}

export const signalSyscalls: SyscallDef[] = [
  { name: 'rt_sigaction', args: ['signal', 'hex', 'hex', 'size'], handler: rtSigaction },
  { name: 'rt_sigprocmask', args: ['int', 'hex', 'hex', 'size'], handler: rtSigprocmask },
  { name: 'sigaltstack', args: ['hex', 'hex'], handler: sigaltstack },
  {
    name: 'rt_sigpending', args: ['hex', 'size'],
    handler: (t) => (t.argU64(1) !== 8 ? -EINVAL : t.process.write(t.argU64(0), new Uint8Array(8)) ? 0 : -EFAULT),
  },
  {
    name: 'kill', args: ['int', 'signal'],
    handler: (t) => {
      const pid = t.argInt(0);
      if (pid !== t.process.pid && pid !== 0 && pid !== -1) return pid > 0 ? -ESRCH : -EPERM;
      return killSelf(t, t.argInt(1));
    },
  },
  {
    name: 'tkill', args: ['int', 'signal'],
    handler: (t) => (t.argInt(0) !== t.tid ? -ESRCH : killSelf(t, t.argInt(1))),
  },
  {
    name: 'tgkill', args: ['int', 'int', 'signal'],
    handler: (t) => {
      if (t.argInt(0) <= 0 || t.argInt(1) <= 0) return -EINVAL;
      if (t.argInt(0) !== t.process.pid || t.argInt(1) !== t.tid) return -ESRCH;
      return killSelf(t, t.argInt(2));
    },
  },
];

export { SIG_DFL };
