/**
 * Signal delivery as arm64 Linux does it: pending sets per task, the
 * rt_sigframe on the user stack (siginfo, ucontext with the sigcontext and
 * its FPSIMD record), rt_sigreturn, synchronous signals from CPU exceptions
 * (force_sig: a blocked or ignored one reverts to the default action) and
 * default actions. The run loop calls deliverSignals at every instruction
 * boundary where a signal may have become deliverable (after a syscall, a
 * CPU exception, a timer expiry).
 *
 * Frame layout (offsets from the frame base, which is the handler's sp):
 *   0     siginfo (128)
 *   128   ucontext: uc_flags, uc_link, uc_stack (ss_sp, ss_flags, ss_size), uc_sigmask, padding
 *   304   uc_mcontext: fault_address, regs[31], sp, pc, pstate
 *   592   __reserved: fpsimd_context (magic 0x46508001, size 528, fpsr, fpcr, vregs[32]), null record
 *   4688  end of struct rt_sigframe; the frame record {x29, x30} sits just above it
 */
import type { Task, Process } from './process.js';
import { NSIG } from './process.js';
import { block } from './wait.js';
import {
  DefaultAction,
  SIGALRM,
  SIGBUS,
  SIGCHLD,
  SIGILL,
  SIGKILL,
  SIGSEGV,
  SIGSTOP,
  SIGSYS,
  SIGTRAP,
  SIGFPE,
  defaultAction,
  signalDescription,
} from './signals.js';

export const SA_SIGINFO = 0x4;
export const SA_RESTORER = 0x04000000;
export const SA_ONSTACK = 0x08000000;
export const SA_RESTART = 0x10000000;
export const SA_NODEFER = 0x40000000;
export const SA_RESETHAND = 0x80000000;

export const SI_USER = 0;
export const SI_KERNEL = 0x80;
export const SI_QUEUE = -1;
export const SI_TKILL = -6;

export const SEGV_MAPERR = 1;
export const SEGV_ACCERR = 2;
export const BUS_ADRALN = 1;
export const BUS_ADRERR = 2;
export const ILL_ILLOPC = 1;
export const TRAP_BRKPT = 1;

export const SS_ONSTACK = 1;
export const SS_DISABLE = 2;
export const SS_AUTODISARM = 1 << 31;

export const SIG_DFL = 0;
export const SIG_IGN = 1;
/** sa_flags: children that exit are not kept as zombies. */
export const SA_NOCLDWAIT = 0x2;
/** First real-time signal: these queue, standard ones merge. */
const SIGRTMIN = 32;

const FRAME_SIZE = 4688;
const UC = 128;
const MCTX = 304;
const RESERVED = MCTX + 288;
const RESERVED_SIZE = 4096;
const FPSIMD_MAGIC = 0x46508001;
const FPSIMD_SIZE = 528;
const ESR_MAGIC = 0x45535201;
const EXTRA_MAGIC = 0x45585401;

/**
 * Kernel-internal results a blocking syscall returns when a signal
 * interrupts it; they never reach the guest. With a handler to run:
 * ERESTARTSYS restarts under SA_RESTART and is EINTR otherwise,
 * ERESTARTNOINTR always restarts, ERESTARTNOHAND and ERESTART_RESTARTBLOCK
 * are EINTR. Without one (the signal was ignored) the call restarts.
 */
export const ERESTARTSYS = 512;
export const ERESTARTNOINTR = 513;
export const ERESTARTNOHAND = 514;
export const ERESTART_RESTARTBLOCK = 516;
const EINTR = 4;

/** Bits of SIGKILL and SIGSTOP in the low mask word: never blocked. */
export const UNBLOCKABLE = (1 << (SIGKILL - 1)) | (1 << (SIGSTOP - 1));

const u64 = (lo: number, hi: number): number => (hi >>> 0) * 4294967296 + (lo >>> 0);

function bitOf(sig: number): number {
  return 1 << ((sig - 1) & 31);
}

export function isBlocked(t: Task, sig: number): boolean {
  return ((sig <= 32 ? t.sigmaskLo : t.sigmaskHi) & bitOf(sig)) !== 0;
}

export function isPending(t: Task, sig: number): boolean {
  return ((sig <= 32 ? t.pendingLo : t.pendingHi) & bitOf(sig)) !== 0;
}

/** Pending on the process's shared queue (a process-directed signal every thread blocked). */
function isSharedPending(p: Process, sig: number): boolean {
  return ((sig <= 32 ? p.sharedPendingLo : p.sharedPendingHi) & bitOf(sig)) !== 0;
}

/** The handler word of the signal's action (SIG_DFL 0, SIG_IGN 1, else an address). */
export function handlerOf(p: Process, sig: number): number {
  const a = p.sigactions[sig];
  return u64(a[0] | (a[1] << 8) | (a[2] << 16) | (a[3] << 24), a[4] | (a[5] << 8) | (a[6] << 16) | (a[7] << 24));
}

function flagsOf(p: Process, sig: number): number {
  const a = p.sigactions[sig];
  return (a[8] | (a[9] << 8) | (a[10] << 16) | (a[11] << 24)) >>> 0;
}

/** True when the signal would be thrown away if delivered now (SIG_IGN, or a default that ignores). */
function ignoredAction(p: Process, sig: number): boolean {
  const h = handlerOf(p, sig);
  if (h === SIG_IGN) return true;
  if (h !== SIG_DFL) return false;
  const d = defaultAction(sig);
  return d === DefaultAction.Ignore || d === DefaultAction.Continue || d === DefaultAction.Stop;
}

/** A siginfo (128 bytes) with signo and code; the caller fills the union at offset 16. */
export function makeInfo(sig: number, code: number): Uint8Array {
  const b = new Uint8Array(128);
  const dv = new DataView(b.buffer);
  dv.setInt32(0, sig, true);
  dv.setInt32(8, code, true);
  return b;
}

/** siginfo of kill/tgkill: si_pid, si_uid of the sender (oneself). */
export function killInfo(t: Task, sig: number, code: number): Uint8Array {
  const b = makeInfo(sig, code);
  const dv = new DataView(b.buffer);
  dv.setInt32(16, t.process.pid, true);
  dv.setInt32(20, t.process.uid, true);
  return b;
}

/** si_code of SIGCHLD. */
export const CLD_EXITED = 1;
export const CLD_KILLED = 2;
export const CLD_DUMPED = 3;

/** siginfo of SIGCHLD for a child that has ended: si_pid, si_uid, si_status, si_utime, si_stime. */
export function childInfo(c: Process): Uint8Array {
  const st = c.exitStatus!;
  const code = st.signal === undefined ? CLD_EXITED : st.coreDump ? CLD_DUMPED : CLD_KILLED;
  const b = makeInfo(SIGCHLD, code);
  const dv = new DataView(b.buffer);
  dv.setInt32(16, c.pid, true);
  dv.setInt32(20, c.uid, true);
  dv.setInt32(24, st.signal ?? st.code, true);
  // Clock ticks (USER_HZ 100).
  dv.setBigInt64(32, BigInt(Math.floor(c.cpuNs / 1e7)), true);
  return b;
}

/** siginfo of a fault: si_addr. */
export function faultInfo(sig: number, code: number, addr: number): Uint8Array {
  const b = makeInfo(sig, code);
  const dv = new DataView(b.buffer);
  dv.setUint32(16, addr % 4294967296, true);
  dv.setUint32(20, Math.floor(addr / 4294967296), true);
  return b;
}

function setPending(t: Task, sig: number): void {
  if (sig <= 32) t.pendingLo |= bitOf(sig);
  else t.pendingHi |= bitOf(sig);
  // Wake the task even for a blocked signal: sigtimedwait may be waiting for it (others wait again).
  t.wakeups.wake();
  t.process.signalEvents.wake();
}

function clearPending(t: Task, sig: number): void {
  if (sig <= 32) t.pendingLo &= ~bitOf(sig);
  else t.pendingHi &= ~bitOf(sig);
}

/**
 * A signal for the process (kill, SIGALRM, SIGCHLD): it goes to a thread
 * that does not block it (the first such, as Linux's complete_signal
 * prefers), and when every thread blocks it, onto the process's shared
 * queue, where sigwait in any thread, or the first thread to unblock it,
 * takes it.
 */
export function sendProcessSignal(p: Process, sig: number, info: Uint8Array): void {
  if (sig === SIGKILL) {
    p.exit({ signal: SIGKILL, coreDump: false });
    return;
  }
  const live = p.tasks.filter((x) => !x.exited);
  const taker = live.find((x) => !isBlocked(x, sig));
  if (taker || live.length === 0) {
    if (taker) sendSignal(taker, sig, info);
    return;
  }
  if (sig < SIGRTMIN && isSharedPending(p, sig)) return;
  if (sig <= 32) p.sharedPendingLo |= bitOf(sig);
  else p.sharedPendingHi |= bitOf(sig);
  p.sharedInfo[sig].push(info);
  for (const x of live) x.wakeups.wake();
  p.signalEvents.wake();
}

/** Drop every pending instance of `sig`, private and shared (its action became "ignore"). */
export function flushSignal(p: Process, sig: number): void {
  for (const task of p.tasks) {
    task.pendingInfo[sig].length = 0;
    clearPending(task, sig);
  }
  p.sharedInfo[sig].length = 0;
  if (sig <= 32) p.sharedPendingLo &= ~bitOf(sig);
  else p.sharedPendingHi &= ~bitOf(sig);
}

/**
 * Send a signal to the task (kill, tgkill, timers): SIGKILL ends the process
 * at once; an unblocked signal whose action ignores it vanishes (a blocked
 * one stays pending: the action may change before it is unblocked);
 * standard signals already pending merge, real-time ones queue.
 */
export function sendSignal(t: Task, sig: number, info: Uint8Array): void {
  const p = t.process;
  if (sig === SIGKILL) {
    p.exit({ signal: SIGKILL, coreDump: false });
    return;
  }
  if (!isBlocked(t, sig) && ignoredAction(p, sig)) {
    if (handlerOf(p, sig) === SIG_DFL && defaultAction(sig) === DefaultAction.Stop) {
      p.diagnostic(`armvisor: signal ${sig} would stop the process (no job control): ignored`);
    }
    return;
  }
  if (sig < SIGRTMIN && isPending(t, sig)) return;
  setPending(t, sig);
  t.pendingInfo[sig].push(info);
}

/**
 * A synchronous signal from a CPU exception (force_sig): when the task
 * blocks or ignores it, the action reverts to the default and the signal is
 * unblocked, so a fault can never be ignored into an endless loop.
 */
export function forceSignal(t: Task, sig: number, info: Uint8Array, detail = ''): void {
  const p = t.process;
  if (isBlocked(t, sig) || handlerOf(p, sig) === SIG_IGN) {
    p.sigactions[sig].fill(0, 0, 8);
    if (sig <= 32) t.sigmaskLo &= ~bitOf(sig);
    else t.sigmaskHi &= ~bitOf(sig);
  }
  t.faultDetail = detail;
  clearPending(t, sig);
  t.pendingInfo[sig].length = 0;
  setPending(t, sig);
  t.pendingInfo[sig].push(info);
}

/** True when some pending signal is not blocked. */
export function hasDeliverable(t: Task): boolean {
  const p = t.process;
  return (
    (((t.pendingLo | p.sharedPendingLo) & ~t.sigmaskLo) | ((t.pendingHi | p.sharedPendingHi) & ~t.sigmaskHi)) !== 0
  );
}

const SYNCHRONOUS = [SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGFPE, SIGSYS];

/** The signal to deliver next: synchronous ones first, then the lowest number (as Linux's next_signal). */
function nextSignal(t: Task, lo: number, hi: number): number {
  if (lo !== 0) {
    for (const s of SYNCHRONOUS) if (lo & bitOf(s)) return s;
    return 31 - Math.clz32(lo & -lo) + 1;
  }
  if (hi !== 0) return 31 - Math.clz32(hi & -hi) + 33;
  return 0;
}

/** Take one pending instance of `sig` off the task's queue, else the process's: its siginfo. */
export function dequeue(t: Task, sig: number): Uint8Array {
  if (!isPending(t, sig)) {
    const p = t.process;
    const q = p.sharedInfo[sig];
    const info = q.shift() ?? makeInfo(sig, SI_KERNEL);
    if (q.length === 0) {
      if (sig <= 32) p.sharedPendingLo &= ~bitOf(sig);
      else p.sharedPendingHi &= ~bitOf(sig);
    }
    return info;
  }
  const q = t.pendingInfo[sig];
  const info = q.shift() ?? makeInfo(sig, SI_KERNEL);
  if (q.length === 0) clearPending(t, sig);
  return info;
}

/** Pending for the task: its own and the process's shared signals (low and high words). */
export function pendingLo(t: Task): number {
  return t.pendingLo | t.process.sharedPendingLo;
}
export function pendingHi(t: Task): number {
  return t.pendingHi | t.process.sharedPendingHi;
}

/** The lowest pending signal of the set (lo, hi), 0 when none (rt_sigtimedwait). */
export function pendingIn(t: Task, lo: number, hi: number): number {
  return nextSignal(t, pendingLo(t) & lo, pendingHi(t) & hi);
}

const NAMES = [
  '',
  'SIGHUP',
  'SIGINT',
  'SIGQUIT',
  'SIGILL',
  'SIGTRAP',
  'SIGABRT',
  'SIGBUS',
  'SIGFPE',
  'SIGKILL',
  'SIGUSR1',
  'SIGSEGV',
  'SIGUSR2',
  'SIGPIPE',
  'SIGALRM',
  'SIGTERM',
  'SIGSTKFLT',
  'SIGCHLD',
  'SIGCONT',
  'SIGSTOP',
  'SIGTSTP',
  'SIGTTIN',
  'SIGTTOU',
  'SIGURG',
  'SIGXCPU',
  'SIGXFSZ',
  'SIGVTALRM',
  'SIGPROF',
  'SIGWINCH',
  'SIGIO',
  'SIGPWR',
  'SIGSYS',
];

/** SIGSEGV, SIGRT_2 (for -strace). */
export function signalName(sig: number): string {
  return NAMES[sig] ?? (sig >= 32 && sig <= NSIG ? `SIGRT_${sig - 32}` : `signal ${sig}`);
}

/** The siginfo as strace shows it. */
function describeInfo(sig: number, info: Uint8Array): string {
  const dv = new DataView(info.buffer, info.byteOffset, 128);
  const code = dv.getInt32(8, true);
  const fault = sig === SIGSEGV || sig === SIGBUS || sig === SIGILL || sig === SIGTRAP || sig === SIGFPE;
  const rest = fault
    ? `si_addr=${hexAddr(dv.getUint32(16, true), dv.getUint32(20, true))}`
    : `si_pid=${dv.getInt32(16, true)}, si_uid=${dv.getInt32(20, true)}`;
  return `{si_signo=${signalName(sig)}, si_code=${code}, ${rest}}`;
}

const hexAddr = (lo: number, hi: number): string => '0x' + u64(lo, hi).toString(16);

/**
 * Deliver every deliverable pending signal: default actions are carried out,
 * handlers get a frame each (the last one set up runs first, as on Linux).
 * Also clears the exclusive monitor, as every exception return does.
 */
export function deliverSignals(t: Task): void {
  const p = t.process;
  const cpu = t.cpu;
  cpu.exclValid = 0;
  while (p.exitStatus === null) {
    const sig = nextSignal(t, pendingLo(t) & ~t.sigmaskLo, pendingHi(t) & ~t.sigmaskHi);
    if (sig === 0) break;
    const info = dequeue(t, sig);
    const detail = t.faultDetail;
    t.faultDetail = '';
    const handler = handlerOf(p, sig);
    if (p.strace) p.strace(`${p.pid} --- ${signalName(sig)} ${describeInfo(sig, info)} ---`);
    if (handler === SIG_IGN) continue;
    if (handler === SIG_DFL) {
      const d = defaultAction(sig);
      if (d === DefaultAction.Ignore || d === DefaultAction.Continue) continue;
      if (d === DefaultAction.Stop) {
        p.diagnostic(`armvisor: signal ${sig} would stop the process (no job control): ignored`);
        continue;
      }
      if (d === DefaultAction.CoreDump) {
        p.diagnostic(
          `armvisor: uncaught target signal ${sig} (${signalDescription(sig)}) at pc ${hexAddr(cpu.pcLo, cpu.pcHi)}${detail}`,
        );
      }
      p.exit({ signal: sig, coreDump: d === DefaultAction.CoreDump });
      return;
    }
    if (t.syscallReturn) {
      t.syscallReturn = false;
      fixSyscallResult(t, flagsOf(p, sig) & SA_RESTART ? 1 : 2);
    }
    if (!setupFrame(t, sig, info, handler)) {
      // The frame could not be written (stack overflow, bad alternate stack): SIGSEGV, as force_sigsegv.
      if (sig === SIGSEGV) {
        p.diagnostic(`armvisor: cannot write the signal frame for signal ${sig}: terminating`);
        p.exit({ signal: SIGSEGV, coreDump: true });
        return;
      }
      forceSignal(t, SIGSEGV, makeInfo(SIGSEGV, SI_KERNEL), ' (cannot write the signal frame)');
    }
  }
  if (t.syscallReturn) {
    t.syscallReturn = false;
    if (p.exitStatus === null) fixSyscallResult(t, 0);
  }
  if (t.restoreMaskValid) {
    t.restoreMaskValid = false;
    t.sigmaskLo = t.restoreMaskLo;
    t.sigmaskHi = t.restoreMaskHi;
  }
}

/**
 * Turn an -ERESTART* result into what the guest sees: `handler` is 0 when no
 * handler runs, 1 for a handler with SA_RESTART, 2 for one without.
 * Restarting sets x0 back to its value on entry and pc back to the SVC.
 */
function fixSyscallResult(t: Task, handler: number): void {
  const cpu = t.cpu;
  if (cpu.x[1] !== -1) return;
  const r = -cpu.x[0];
  let restart: boolean;
  if (r === ERESTARTSYS) restart = handler !== 2;
  else if (r === ERESTARTNOINTR) restart = true;
  else if (r === ERESTARTNOHAND || r === ERESTART_RESTARTBLOCK) restart = handler === 0;
  else return;
  if (restart) {
    cpu.x[0] = t.origX0Lo;
    cpu.x[1] = t.origX0Hi;
    cpu.pcLo = (cpu.pcLo - 4) | 0;
    if (cpu.pcLo === -4) cpu.pcHi = (cpu.pcHi - 1) | 0;
  } else {
    cpu.x[0] = -EINTR;
    cpu.x[1] = -1;
  }
}

/** True when sp lies on the task's alternate signal stack (on_sig_stack). */
export function onSigStack(t: Task, sp: number): boolean {
  if (t.altStackFlags & SS_AUTODISARM) return false;
  return sp > t.altStackSp && sp - t.altStackSp <= t.altStackSize;
}

/** ss_flags as sigaltstack and uc_stack report them (sas_ss_flags). */
export function altStackState(t: Task, sp: number): number {
  if (t.altStackSize === 0) return SS_DISABLE;
  return onSigStack(t, sp) ? SS_ONSTACK : 0;
}

/** The sigreturn trampoline (mov x8, #139; svc #0) on a page of its own, mapped on first use. */
function trampoline(p: Process): number {
  if (p.sigreturnTrampoline !== 0) return p.sigreturnTrampoline;
  const addr = p.map.findFree(4096);
  p.map.mapAnonymous(addr, 4096, 3, '[vdso]');
  const code = new Uint8Array(8);
  const dv = new DataView(code.buffer);
  dv.setUint32(0, 0xd2801168, true);
  dv.setUint32(4, 0xd4000001, true);
  p.mem.writeBytes(addr, code);
  p.map.protect(addr, 4096, 5);
  p.sigreturnTrampoline = addr;
  return addr;
}

function setupFrame(t: Task, sig: number, info: Uint8Array, handler: number): boolean {
  const p = t.process;
  const cpu = t.cpu;
  const x = cpu.x;
  const flags = flagsOf(p, sig);
  const act = new DataView(p.sigactions[sig].buffer);
  const oldSp = u64(x[62], x[63]);
  let top = oldSp;
  const ssSp = t.altStackSp;
  const ssSize = t.altStackSize;
  const ssFlags = t.altStackFlags; // __save_altstack stores the flags as set, not sas_ss_flags(sp)
  if (flags & SA_ONSTACK && t.altStackSize !== 0 && !onSigStack(t, oldSp)) {
    top = t.altStackSp + t.altStackSize;
    if (t.altStackFlags & SS_AUTODISARM) {
      t.altStackSp = 0;
      t.altStackSize = 0;
      t.altStackFlags = SS_DISABLE;
    }
  }
  const record = Math.floor((top - 16) / 16) * 16;
  const frame = record - FRAME_SIZE;
  const b = new Uint8Array(FRAME_SIZE + 16);
  const dv = new DataView(b.buffer);
  b.set(info, 0);
  dv.setInt32(0, sig, true);
  const put64 = (off: number, lo: number, hi: number): void => {
    dv.setInt32(off, lo, true);
    dv.setInt32(off + 4, hi, true);
  };
  const putNum = (off: number, v: number): void => put64(off, (v % 4294967296) | 0, Math.floor(v / 4294967296) | 0);
  // ucontext
  putNum(UC + 16, ssSp);
  dv.setInt32(UC + 24, ssFlags, true);
  putNum(UC + 32, ssSize);
  const maskLo = t.restoreMaskValid ? t.restoreMaskLo : t.sigmaskLo;
  const maskHi = t.restoreMaskValid ? t.restoreMaskHi : t.sigmaskHi;
  put64(UC + 40, maskLo, maskHi);
  // sigcontext
  if (sig === SIGSEGV || sig === SIGBUS) b.set(info.subarray(16, 24), MCTX);
  for (let r = 0; r < 31; r++) put64(MCTX + 8 + 8 * r, x[2 * r], x[2 * r + 1]);
  put64(MCTX + 256, x[62], x[63]);
  put64(MCTX + 264, cpu.pcLo, cpu.pcHi);
  put64(MCTX + 272, cpu.nzcv, 0);
  dv.setUint32(RESERVED, FPSIMD_MAGIC, true);
  dv.setUint32(RESERVED + 4, FPSIMD_SIZE, true);
  dv.setUint32(RESERVED + 8, cpu.fpsr >>> 0, true);
  dv.setUint32(RESERVED + 12, cpu.fpcr >>> 0, true);
  b.set(cpu.v8, RESERVED + 16);
  // (the null terminator record after it is already zero)
  // frame record: {x29, x30}, linked from the handler's x29
  put64(FRAME_SIZE, x[58], x[59]);
  put64(FRAME_SIZE + 8, x[60], x[61]);
  if (!p.write(frame, b)) return false;

  const restorer = flags & SA_RESTORER ? u64(act.getUint32(16, true), act.getUint32(20, true)) : trampoline(p);
  const setX = (r: number, v: number): void => {
    x[2 * r] = (v % 4294967296) | 0;
    x[2 * r + 1] = Math.floor(v / 4294967296) | 0;
  };
  setX(0, sig);
  setX(1, frame);
  setX(2, frame + UC);
  setX(29, record);
  setX(30, restorer);
  setX(31, frame);
  cpu.pcLo = (handler % 4294967296) | 0;
  cpu.pcHi = Math.floor(handler / 4294967296) | 0;
  cpu.exclValid = 0;

  // The blocked mask while the handler runs.
  const maskLoAdd = act.getInt32(24, true);
  const maskHiAdd = act.getInt32(28, true);
  if (t.restoreMaskValid) {
    t.restoreMaskValid = false;
  }
  t.sigmaskLo |= maskLoAdd;
  t.sigmaskHi |= maskHiAdd;
  if (!(flags & SA_NODEFER)) {
    if (sig <= 32) t.sigmaskLo |= bitOf(sig);
    else t.sigmaskHi |= bitOf(sig);
  }
  t.sigmaskLo &= ~UNBLOCKABLE;
  // SA_RESETHAND (SA_ONESHOT): only the handler goes back to SIG_DFL, the flags stay.
  if (flags & SA_RESETHAND) p.sigactions[sig].fill(0, 0, 8);
  return true;
}

/**
 * rt_sigreturn: put back registers, flags, FP/SIMD state, the mask and the
 * alternate stack from the frame at sp. A bad frame is a SIGSEGV.
 */
export function sigreturn(t: Task): void {
  const p = t.process;
  const cpu = t.cpu;
  const x = cpu.x;
  const sp = u64(x[62], x[63]);
  const b = sp % 16 === 0 ? p.read(sp, FRAME_SIZE) : null;
  if (b === null || !restoreFrame(t, b)) {
    forceSignal(t, SIGSEGV, makeInfo(SIGSEGV, SI_KERNEL), ' (bad signal frame in rt_sigreturn)');
  }
  cpu.exclValid = 0;
}

function restoreFrame(t: Task, b: Uint8Array): boolean {
  const cpu = t.cpu;
  const x = cpu.x;
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const pstate = dv.getUint32(MCTX + 272, true);
  // Only EL0t with no illegal bits may be returned to (valid_user_regs).
  if ((pstate & 0xf) !== 0 || dv.getUint32(MCTX + 276, true) !== 0) return false;
  // Walk the records of __reserved: the FPSIMD one is required.
  let fp = -1;
  let off = RESERVED;
  for (;;) {
    if (off + 8 > RESERVED + RESERVED_SIZE) return false;
    const magic = dv.getUint32(off, true);
    const size = dv.getUint32(off + 4, true);
    if (magic === 0 && size === 0) break;
    if (size < 8 || size % 16 !== 0 || off + size > RESERVED + RESERVED_SIZE) return false;
    if (magic === FPSIMD_MAGIC) {
      if (size !== FPSIMD_SIZE || fp >= 0) return false;
      fp = off;
    } else if (magic !== ESR_MAGIC && magic !== EXTRA_MAGIC) return false;
    off += size;
  }
  if (fp < 0) return false;
  for (let r = 0; r < 31; r++) {
    x[2 * r] = dv.getInt32(MCTX + 8 + 8 * r, true);
    x[2 * r + 1] = dv.getInt32(MCTX + 12 + 8 * r, true);
  }
  x[62] = dv.getInt32(MCTX + 256, true);
  x[63] = dv.getInt32(MCTX + 260, true);
  cpu.pcLo = dv.getInt32(MCTX + 264, true);
  cpu.pcHi = dv.getInt32(MCTX + 268, true);
  cpu.nzcv = pstate;
  cpu.fpsr = dv.getUint32(fp + 8, true);
  cpu.fpcr = dv.getUint32(fp + 12, true);
  cpu.v8.set(b.subarray(fp + 16, fp + 16 + 512));
  t.sigmaskLo = dv.getInt32(UC + 40, true) & ~UNBLOCKABLE;
  t.sigmaskHi = dv.getInt32(UC + 44, true);
  // restore_altstack: errors are ignored, as Linux does.
  const ssSp = u64(dv.getUint32(UC + 16, true), dv.getUint32(UC + 20, true));
  const ssFlags = dv.getInt32(UC + 24, true);
  const ssSize = u64(dv.getUint32(UC + 32, true), dv.getUint32(UC + 36, true));
  setAltStack(t, ssSp, ssFlags, ssSize);
  return true;
}

/** MINSIGSTKSZ of arm64. */
export const MINSIGSTKSZ = 5120;

/**
 * Change the alternate stack (sigaltstack's ss, restore_altstack): 0 or a
 * negative errno (EPERM while running on it, EINVAL, ENOMEM).
 */
export function setAltStack(t: Task, ssSp: number, ssFlags: number, ssSize: number): number {
  const sp = u64(t.cpu.x[62], t.cpu.x[63]);
  if (onSigStack(t, sp)) return -1; // EPERM
  const mode = ssFlags & ~SS_AUTODISARM;
  if (mode !== 0 && mode !== SS_DISABLE && mode !== SS_ONSTACK) return -22; // EINVAL
  if (mode === SS_DISABLE) {
    t.altStackSp = 0;
    t.altStackSize = 0;
    t.altStackFlags = SS_DISABLE;
    return 0;
  }
  if (ssSize < MINSIGSTKSZ) return -12; // ENOMEM
  t.altStackSp = ssSp;
  t.altStackSize = ssSize;
  t.altStackFlags = ssFlags;
  return 0;
}

// ---------------------------------------------------------------- interval timer and interruptible waits

export const monoNs = (p: Process): number => Number(p.host.clock.monotonicNs());

/** Send SIGALRM when ITIMER_REAL has expired (and re-arm an interval timer). */
export function fireTimers(p: Process, now = monoNs(p)): void {
  if (p.realTimerDeadline === 0 || now < p.realTimerDeadline) return;
  if (p.realTimerInterval > 0) {
    p.realTimerDeadline += p.realTimerInterval;
    if (p.realTimerDeadline <= now) p.realTimerDeadline = now + p.realTimerInterval;
  } else p.realTimerDeadline = 0;
  sendProcessSignal(p, SIGALRM, makeInfo(SIGALRM, SI_KERNEL));
  armRealTimer(p);
}

/**
 * Sleep until `endNs` (monotonic; null: no end) or until `wake()` holds.
 * True when woken, false at the end. With nothing that could ever wake it
 * the wait lasts forever, as on Linux. (ITIMER_REAL keeps firing meanwhile:
 * see armRealTimer.)
 */
export async function waitUntil(t: Task, endNs: number | null, wake: () => boolean): Promise<boolean> {
  const p = t.process;
  for (;;) {
    const now = monoNs(p);
    fireTimers(p, now);
    if (wake() || p.exitStatus !== null || t.exited) return true;
    if (endNs !== null && now >= endNs) return false;
    await block(t, [], endNs);
  }
}

/**
 * Keep a host timer for the process's ITIMER_REAL, so SIGALRM arrives on
 * time even while every task waits (a blocked task is woken by it).
 */
export function armRealTimer(p: Process): void {
  if (p.realTimerHandle !== null) clearTimeout(p.realTimerHandle);
  p.realTimerHandle = null;
  if (p.realTimerDeadline === 0 || p.zombie) return;
  const ms = Math.max(0, Math.ceil((p.realTimerDeadline - monoNs(p)) / 1e6));
  p.realTimerHandle = setTimeout(() => {
    p.realTimerHandle = null;
    fireTimers(p);
    if (p.realTimerHandle === null) armRealTimer(p);
  }, ms);
}

/** Interruptible sleep: the ns left when a deliverable signal cut it short, or -1 when it ran to its end. */
export async function interruptibleSleep(t: Task, ns: number): Promise<number> {
  const end = monoNs(t.process) + ns;
  const woken = await waitUntil(t, end, () => hasDeliverable(t));
  return woken ? Math.max(0, end - monoNs(t.process)) : -1;
}

export { NSIG };
