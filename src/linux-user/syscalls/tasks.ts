/**
 * Tasks and processes: clone/clone3 (threads, fork, vfork), execve, exit,
 * wait4/waitid, process groups and sessions, signals sent to other tasks
 * and processes, and futex.
 *
 * fork copies the address space into fresh frames of the shared guest RAM
 * and shares the open file descriptions (pipes, files) with the parent, as
 * Linux does; a thread shares everything but its CPU and its signal state.
 */
import type { A64Cpu } from '../../cpu/a64/cpu.js';
import { CodeCache } from '../../cpu/a64/cpu.js';
import { EAGAIN, ECHILD, EFAULT, EINTR, EINVAL, ENOSYS, EPERM, ESRCH, ETIMEDOUT, E2BIG } from '../errno.js';
import { ExecFailure, buildImage } from '../exec.js';
import { execIds, inheritIds } from './ids.js';
import { deletePosixTimers } from '../posix-timers.js';
import { FdTable } from '../files.js';
import { releaseMemory, type FutexKey, type FutexWaiter, type Kernel } from '../kernel.js';
import { PAGE_SIZE } from '../../memory/guest-ram.js';
import { NSIG, Process, type Task } from '../process.js';
import {
  ERESTARTSYS,
  SIG_IGN,
  SI_TKILL,
  SI_USER,
  handlerOf,
  killInfo,
  monoNs,
  sendProcessSignal,
  sendSignal,
} from '../delivery.js';
import { SIGKILL } from '../signals.js';
import { WaitQueue, block } from '../wait.js';
import { AT_FDCWD, pathArg, resolvePath } from './fs.js';
import { timespecArg } from './poll.js';
import type { SyscallDef } from './types.js';

// ---- clone

const CSIGNAL = 0xff;
const CLONE_VM = 0x100;
const CLONE_FS = 0x200;
const CLONE_FILES = 0x400;
const CLONE_SIGHAND = 0x800;
const CLONE_PIDFD = 0x1000;
const CLONE_PTRACE = 0x2000;
const CLONE_VFORK = 0x4000;
const CLONE_PARENT = 0x8000;
const CLONE_THREAD = 0x10000;
const CLONE_NEWNS = 0x20000;
const CLONE_SYSVSEM = 0x40000;
const CLONE_SETTLS = 0x80000;
const CLONE_PARENT_SETTID = 0x100000;
const CLONE_CHILD_CLEARTID = 0x200000;
const CLONE_DETACHED = 0x400000;
const CLONE_UNTRACED = 0x800000;
const CLONE_CHILD_SETTID = 0x1000000;
const CLONE_IO = 0x80000000;
/** Flags armvisor implements (the namespaces, pidfd and ptrace ones are refused). */
const SUPPORTED =
  CSIGNAL |
  CLONE_VM |
  CLONE_FS |
  CLONE_FILES |
  CLONE_SIGHAND |
  CLONE_VFORK |
  CLONE_PARENT |
  CLONE_THREAD |
  CLONE_SYSVSEM |
  CLONE_SETTLS |
  CLONE_PARENT_SETTID |
  CLONE_CHILD_CLEARTID |
  CLONE_DETACHED |
  CLONE_UNTRACED |
  CLONE_CHILD_SETTID |
  CLONE_IO;

interface CloneArgs {
  /** Flags without the exit signal (clone3 passes it apart). */
  flags: number;
  exitSignal: number;
  stack: number;
  tls: number;
  parentTid: number;
  childTid: number;
}

/** The register state a new task starts from: the caller's, as at the syscall's return. */
function copyCpuState(from: A64Cpu, to: A64Cpu): void {
  to.x.set(from.x);
  to.v8.set(from.v8);
  to.pcLo = from.pcLo;
  to.pcHi = from.pcHi;
  to.n = from.n;
  to.z = from.z;
  to.c = from.c;
  to.v = from.v;
  to.fpcr = from.fpcr;
  to.fpsr = from.fpsr;
  to.tpidrLo = from.tpidrLo;
  to.tpidrHi = from.tpidrHi;
  to.tpidrroLo = from.tpidrroLo;
  to.tpidrroHi = from.tpidrroHi;
  to.tbi = from.tbi;
}

/** Write a 32-bit value (a tid) to guest memory of `p`; false on a bad address. */
function putInt(p: Process, addr: number, v: number): boolean {
  const b = new Uint8Array(4);
  new DataView(b.buffer).setInt32(0, v, true);
  return p.write(addr, b);
}

function setU64(cpu: A64Cpu, slot: number, v: number): void {
  cpu.x[slot] = (v % 4294967296) | 0;
  cpu.x[slot + 1] = Math.floor(v / 4294967296) | 0;
}

function doClone(t: Task, a: CloneArgs): number | Promise<number> {
  const p = t.process;
  const f = a.flags;
  if ((f & ~SUPPORTED) !== 0) {
    const bad = f & ~SUPPORTED;
    p.diagnostic(`armvisor: clone flags 0x${(bad >>> 0).toString(16)} not supported (namespaces, pidfd, ptrace)`);
    return (bad & CLONE_PIDFD) !== 0 || (bad & CLONE_PTRACE) !== 0 ? -EINVAL : -EPERM;
  }
  if (f & CLONE_THREAD && !(f & CLONE_SIGHAND)) return -EINVAL;
  if (f & CLONE_SIGHAND && !(f & CLONE_VM)) return -EINVAL;
  if (a.exitSignal < 0 || a.exitSignal > NSIG) return -EINVAL;
  const k = p.kernel;

  let child: Task;
  if (f & CLONE_THREAD) {
    child = p.newTask();
  } else {
    if ((f & CLONE_FILES) !== 0) {
      p.diagnostic(
        'armvisor: clone of a process sharing the descriptor table (CLONE_FILES without CLONE_THREAD) is not supported',
      );
      return -EINVAL;
    }
    // A new process: its own copy of memory unless CLONE_VM (vfork and posix_spawn share it until exec).
    let mem = p.mem;
    let map = p.map;
    let code = p.code;
    if (f & CLONE_VM) mem.users++;
    else {
      const child = p.mem.fork();
      mem = child;
      map = p.map.cloneFor(mem);
      code = p.code.forkFor((key) => child.pages.get(key)?.frame ?? -1);
    }
    const fds = new FdTable();
    for (const fd of p.fds.list()) {
      const file = p.fds.get(fd)!;
      file.refs++;
      fds.installAt(fd, file, p.fds.getCloexec(fd));
    }
    const c = new Process({
      host: p.host,
      kernel: k,
      mem,
      map,
      code,
      fds,
      exePath: p.exePath,
      diagnostic: p.diagnostic,
      strace: p.strace ?? undefined,
      sysroot: p.sysroot ?? undefined,
      cwd: p.cwd,
    });
    const parent = f & CLONE_PARENT && p.parent ? p.parent : p;
    c.parent = parent;
    parent.children.add(c);
    c.exitSignal = a.exitSignal;
    c.pgid = p.pgid;
    c.sid = p.sid;
    c.uid = p.uid;
    c.gid = p.gid;
    inheritIds(c, p);
    c.umask = p.umask;
    c.argv = p.argv;
    c.env = p.env;
    c.auxv = p.auxv;
    c.sigreturnTrampoline = p.sigreturnTrampoline;
    for (let s = 0; s <= NSIG; s++) c.sigactions[s].set(p.sigactions[s]);
    for (let r = 0; r < p.rlimits.length; r++) c.rlimits[r] = [p.rlimits[r][0], p.rlimits[r][1]];
    child = c.newTask();
  }
  const cpu = child.cpu;
  copyCpuState(t.cpu, cpu);
  setU64(cpu, 0, 0); // the child's clone returns 0
  if (a.stack !== 0) setU64(cpu, 62, a.stack);
  if (f & CLONE_SETTLS) {
    cpu.tpidrLo = (a.tls % 4294967296) | 0;
    cpu.tpidrHi = Math.floor(a.tls / 4294967296) | 0;
  }
  child.sigmaskLo = t.sigmaskLo;
  child.sigmaskHi = t.sigmaskHi;
  if (!(f & CLONE_VM) || !(f & CLONE_THREAD)) {
    // A new process keeps the alternate signal stack (a thread does not).
    if (!(f & CLONE_VM)) {
      child.altStackSp = t.altStackSp;
      child.altStackFlags = t.altStackFlags;
      child.altStackSize = t.altStackSize;
    }
  }
  child.comm = t.comm;
  if (f & CLONE_PARENT_SETTID && !putInt(p, a.parentTid, child.tid)) return -EFAULT;
  if (f & CLONE_CHILD_SETTID && !putInt(child.process, a.childTid, child.tid)) return -EFAULT;
  if (f & CLONE_CHILD_CLEARTID) child.clearChildTid = a.childTid;
  k.start(child);
  if (f & CLONE_VFORK) return vforkWait(t, child.process, child.tid);
  return child.tid;
}

/** The vfork parent sleeps until the child has exec'd or exited (signals are held off meanwhile, as Linux's killable wait). */
async function vforkWait(t: Task, c: Process, tid: number): Promise<number> {
  while (!c.zombie && c.mem === t.process.mem) await new Promise<void>((resolve) => c.vforkDone.add(resolve));
  return tid;
}

function clone(t: Task): number | Promise<number> {
  // arm64 order: flags, newsp, parent_tidptr, tls, child_tidptr.
  const flags = t.argU64(0);
  const lo = flags % 4294967296;
  return doClone(t, {
    flags: lo & ~CSIGNAL,
    exitSignal: lo & CSIGNAL,
    stack: t.argU64(1),
    parentTid: t.argU64(2),
    tls: t.argU64(3),
    childTid: t.argU64(4),
  });
}

/** struct clone_args: flags, pidfd, child_tid, parent_tid, exit_signal, stack, stack_size, tls, set_tid, set_tid_size, cgroup. */
function clone3(t: Task): number | Promise<number> {
  const size = t.argU64(1);
  if (size < 64 || size > 4096) return -EINVAL;
  const b = t.process.read(t.argU64(0), size);
  if (b === null) return -EFAULT;
  const dv = new DataView(b.buffer);
  const u64 = (o: number): number =>
    o + 8 <= size ? dv.getUint32(o + 4, true) * 4294967296 + dv.getUint32(o, true) : 0;
  const flags = u64(0);
  if (flags >= 4294967296 || (flags & CSIGNAL) !== 0) return -EINVAL;
  if (u64(64) !== 0 || u64(72) !== 0) return -EINVAL; // set_tid
  for (let o = 88; o + 8 <= size; o += 8) if (u64(o) !== 0) return -E2BIG;
  const stack = u64(40);
  const stackSize = u64(48);
  if ((stack === 0) !== (stackSize === 0)) return -EINVAL;
  return doClone(t, {
    flags,
    exitSignal: u64(32),
    stack: stack === 0 ? 0 : stack + stackSize,
    parentTid: u64(24),
    tls: u64(56),
    childTid: u64(16),
  });
}

// ---- exit

/** The task ends: clear_child_tid is cleared and woken (pthread_join), the last task ends the process. */
function exitTask(t: Task, code: number): number {
  const p = t.process;
  if (p.tasks.filter((x) => !x.exited).length <= 1) {
    p.exit({ code });
    return 0;
  }
  t.exited = true;
  t.wakeups.wake();
  return 0;
}

/**
 * What a dying task owes its waiters. The robust mutexes it still holds
 * (set_robust_list) are marked FUTEX_OWNER_DIED and one waiter of each is
 * woken, whether the thread or its whole process ends (the memory may be
 * shared with other processes). A thread that exits alone also clears its
 * tid word and wakes it (pthread_join). Called by the kernel.
 */
export function taskCleanup(t: Task, processEnding: boolean): void {
  const p = t.process;
  if (p.mem.users <= 0) return;
  if (t.robustList !== 0) robustListCleanup(t);
  if (!processEnding && t.clearChildTid !== 0) {
    if (putInt(p, t.clearChildTid, 0)) futexWake(p.kernel, futexKey(p, t.clearChildTid, true), 1, -1);
  }
  t.clearChildTid = 0;
}

const FUTEX_WAITERS = 0x80000000;
const FUTEX_OWNER_DIED = 0x40000000;
const FUTEX_TID_MASK = 0x3fffffff;
/** Linux's ROBUST_LIST_LIMIT: a corrupted (circular) list cannot keep the kernel walking. */
const ROBUST_LIST_LIMIT = 2048;

function readU64(p: Process, addr: number): number | null {
  const b = p.read(addr, 8);
  if (b === null) return null;
  const dv = new DataView(b.buffer);
  return dv.getUint32(4, true) * 4294967296 + dv.getUint32(0, true);
}

/** One robust futex of the dying task: owner died, one waiter woken (handle_futex_death). */
function robustFutexDeath(t: Task, addr: number): void {
  const p = t.process;
  const v = readWord(p, addr);
  if (v === null || (v & FUTEX_TID_MASK) !== t.tid) return;
  const next = ((v & FUTEX_WAITERS) | FUTEX_OWNER_DIED) >>> 0;
  if (!putInt(p, addr, next | 0)) return;
  if (v & FUTEX_WAITERS) futexWake(p.kernel, futexKey(p, addr, true), 1, -1);
}

/** struct robust_list_head { next; long futex_offset; list_op_pending }: walk it (exit_robust_list). */
function robustListCleanup(t: Task): void {
  const p = t.process;
  const head = t.robustList;
  const first = readU64(p, head);
  const off = p.read(head + 8, 8);
  const pending = readU64(p, head + 16);
  if (first === null || off === null || pending === null) return;
  // futex_offset is a signed long (usually small and negative): high word signed, so the double is exact.
  const dv = new DataView(off.buffer);
  const offset = dv.getInt32(4, true) * 4294967296 + dv.getUint32(0, true);
  let entry = first;
  for (let i = 0; entry !== head && entry !== 0 && i < ROBUST_LIST_LIMIT; i++) {
    const next = readU64(p, entry);
    // The entry being locked or unlocked right now is handled last (pending).
    if (entry !== pending) robustFutexDeath(t, entry + offset);
    if (next === null) break;
    entry = next;
  }
  if (pending !== 0) robustFutexDeath(t, pending + offset);
  t.robustList = 0;
}

// ---- execve

/** A NULL-terminated array of string pointers (argv, envp). */
function stringArray(t: Task, addr: number): string[] | number {
  const out: string[] = [];
  if (addr === 0) return out;
  for (let i = 0; ; i++) {
    if (i >= 65536) return -E2BIG;
    const b = t.process.read(addr + i * 8, 8);
    if (b === null) return -EFAULT;
    const dv = new DataView(b.buffer);
    const ptr = dv.getUint32(4, true) * 4294967296 + dv.getUint32(0, true);
    if (ptr === 0) return out;
    const s = t.process.readString(ptr, 131072);
    if (s === null) return -EFAULT;
    out.push(s);
  }
}

const AT_EMPTY_PATH = 0x1000;

function execveat(t: Task, dirfd: number, pathIdx: number, flags: number): number {
  const p = t.process;
  const path = pathArg(t, pathIdx);
  if (typeof path === 'number') return path;
  const argv = stringArray(t, t.argU64(pathIdx + 1));
  if (typeof argv === 'number') return argv;
  const env = stringArray(t, t.argU64(pathIdx + 2));
  if (typeof env === 'number') return env;
  let hostPath: string | number;
  if (path === '' && flags & AT_EMPTY_PATH) {
    const f = p.fds.get(dirfd);
    hostPath = f ? f.path : -9;
  } else hostPath = resolvePath(p, dirfd, path);
  if (typeof hostPath === 'number') return hostPath;
  let image;
  try {
    image = buildImage(
      { host: p.host, kernel: p.kernel, sysroot: p.sysroot, cwd: p.cwd, uid: p.uid, gid: p.gid, pid: p.pid },
      path,
      argv,
      env,
      hostPath,
    );
  } catch (e) {
    if (e instanceof ExecFailure) return -e.errno;
    throw e;
  }
  // The point of no return: the other threads go, the old image is released.
  for (const other of p.tasks) {
    if (other === t) continue;
    // Its tid word belongs to the old image: nothing to clear or wake in the new one.
    other.clearChildTid = 0;
    other.robustList = 0;
    other.exited = true;
    other.wakeups.wake();
  }
  p.tasks = [t];
  releaseMemory(p);
  p.mem = image.mem;
  p.map = image.map;
  p.code = new CodeCache();
  const old = t.cpu;
  const cpu = p.newCpu();
  cpu.icount = old.icount;
  t.cpu = cpu;
  old.detach();
  const loaded = image.loaded;
  setU64(cpu, 62, loaded.sp);
  cpu.pcLo = (loaded.entry % 4294967296) | 0;
  cpu.pcHi = Math.floor(loaded.entry / 4294967296) | 0;
  p.exePath = image.exePath;
  p.argv = image.argv;
  p.env = env;
  p.auxv = loaded.auxv;
  p.sigreturnTrampoline = 0;
  deletePosixTimers(p);
  execIds(p);
  // Handlers revert to the default; ignored signals stay ignored; the mask and pending signals stay.
  for (let s = 1; s <= NSIG; s++) if (handlerOf(p, s) !== SIG_IGN) p.sigactions[s].fill(0);
  t.altStackSp = 0;
  t.altStackFlags = 2;
  t.altStackSize = 0;
  t.clearChildTid = 0;
  t.robustList = 0;
  for (const fd of p.fds.list()) if (p.fds.getCloexec(fd)) p.fds.close(fd);
  t.comm = (path.split('/').pop() ?? '').slice(0, 15);
  p.kernel.logImage(p);
  p.vforkDone.wake();
  return 0;
}

// ---- wait4 / waitid

const WNOHANG = 1;
const WUNTRACED = 2;
const WEXITED = 4;
const WCONTINUED = 8;
const WNOWAIT = 0x01000000;
const __WNOTHREAD = 0x20000000;
const __WALL = 0x40000000;
const __WCLONE = 0x80000000;

/** Does child `c` match wait4's pid argument and the clone-child options? */
function matches(p: Process, c: Process, pid: number, options: number): boolean {
  if (pid > 0 && c.pid !== pid) return false;
  if (pid === 0 && c.pgid !== p.pgid) return false;
  if (pid < -1 && c.pgid !== -pid) return false;
  if (options & __WALL) return true;
  // __WCLONE waits only for children that signal something else than SIGCHLD at exit.
  return (c.exitSignal !== 17) === ((options & __WCLONE) !== 0);
}

/** The status word wait4 stores. */
function waitStatus(c: Process): number {
  const st = c.exitStatus!;
  return st.signal !== undefined ? st.signal | (st.coreDump ? 0x80 : 0) : (st.code & 0xff) << 8;
}

function reap(p: Process, c: Process): void {
  p.children.delete(c);
  p.kernel.processes.delete(c.pid);
  p.childCpuNs += c.cpuNs + c.childCpuNs;
}

/** struct rusage (144 bytes): user time of the child (its CPU time), the rest zero. */
function rusageOf(ns: number): Uint8Array {
  const b = new Uint8Array(144);
  const dv = new DataView(b.buffer);
  const us = Math.floor(ns / 1000);
  dv.setUint32(0, Math.floor(us / 1e6), true);
  dv.setUint32(8, us % 1e6, true);
  return b;
}

/**
 * Find a child that has ended and matches; reap it unless `keep`. Returns it,
 * null when matching children exist but none has ended, or -ECHILD.
 */
function findZombie(p: Process, pid: number, options: number, keep: boolean): Process | null | number {
  let any = false;
  for (const c of p.children) {
    if (!matches(p, c, pid, options)) continue;
    any = true;
    if (c.zombie) {
      if (!keep) reap(p, c);
      return c;
    }
  }
  return any ? null : -ECHILD;
}

async function wait4(t: Task): Promise<number> {
  const p = t.process;
  const pid = t.argInt(0);
  const statusAddr = t.argU64(1);
  const options = t.argU32(2);
  const ruAddr = t.argU64(3);
  if (options & ~(WNOHANG | WUNTRACED | WCONTINUED | __WNOTHREAD | __WALL | __WCLONE)) return -EINVAL;
  if (pid === -2147483648) return -ESRCH;
  for (;;) {
    const c = findZombie(p, pid, options, false);
    if (typeof c === 'number') return c;
    if (c !== null) {
      if (statusAddr !== 0 && !putInt(p, statusAddr, waitStatus(c))) return -EFAULT;
      if (ruAddr !== 0 && !p.write(ruAddr, rusageOf(c.cpuNs + c.childCpuNs))) return -EFAULT;
      return c.pid;
    }
    if (options & WNOHANG) return 0;
    if ((await block(t, [p.childEvents], null)) === 'signal') return -ERESTARTSYS;
  }
}

const P_ALL = 0;
const P_PID = 1;
const P_PGID = 2;

async function waitid(t: Task): Promise<number> {
  const p = t.process;
  const idtype = t.argInt(0);
  const id = t.argInt(1);
  const infoAddr = t.argU64(2);
  const options = t.argU32(3);
  const ruAddr = t.argU64(4);
  if (options & ~(WNOHANG | WUNTRACED | WEXITED | WCONTINUED | WNOWAIT | __WNOTHREAD | __WALL | __WCLONE))
    return -EINVAL;
  if (!(options & (WEXITED | WUNTRACED | WCONTINUED))) return -EINVAL;
  let pid: number;
  if (idtype === P_ALL) pid = -1;
  else if (idtype === P_PID) {
    if (id <= 0) return -EINVAL;
    pid = id;
  } else if (idtype === P_PGID) {
    if (id < 0) return -EINVAL;
    pid = id === 0 ? 0 : -id;
  } else return -EINVAL;
  for (;;) {
    const c = options & WEXITED ? findZombie(p, pid, options, (options & WNOWAIT) !== 0) : findNone(p, pid, options);
    if (typeof c === 'number') return c;
    if (c !== null) {
      if (infoAddr !== 0) {
        const st = c.exitStatus!;
        const b = new Uint8Array(128);
        const dv = new DataView(b.buffer);
        dv.setInt32(0, 17, true);
        dv.setInt32(8, st.signal === undefined ? 1 : st.coreDump ? 3 : 2, true);
        dv.setInt32(16, c.pid, true);
        dv.setInt32(20, c.uid, true);
        dv.setInt32(24, st.signal ?? st.code, true);
        if (!p.write(infoAddr, b)) return -EFAULT;
      }
      if (ruAddr !== 0 && !p.write(ruAddr, rusageOf(c.cpuNs + c.childCpuNs))) return -EFAULT;
      return 0;
    }
    if (options & WNOHANG) {
      // Nothing to report: si_pid 0 tells the caller so.
      if (infoAddr !== 0 && !p.write(infoAddr, new Uint8Array(128))) return -EFAULT;
      return 0;
    }
    if ((await block(t, [p.childEvents], null)) === 'signal') return -ERESTARTSYS;
  }
}

/** Without WEXITED only stops and continues could be reported, which armvisor does not have (no job control). */
function findNone(p: Process, pid: number, options: number): null | number {
  for (const c of p.children) if (matches(p, c, pid, options)) return null;
  return -ECHILD;
}

// ---- process groups and sessions

function findProcess(t: Task, pid: number): Process | null {
  if (pid === 0) return t.process;
  const q = t.process.kernel.processes.get(pid);
  return q ?? null;
}

function setpgid(t: Task): number {
  const p = t.process;
  const pid = t.argInt(0);
  let pgid = t.argInt(1);
  if (pgid < 0) return -EINVAL;
  const target = findProcess(t, pid);
  if (!target || (target !== p && target.parent !== p)) return -ESRCH;
  if (target.sid === target.pid) return -EPERM; // a session leader
  if (target.sid !== p.sid) return -EPERM;
  if (pgid === 0) pgid = target.pid;
  if (pgid !== target.pid) {
    // The group must exist in the same session.
    let ok = false;
    for (const q of p.kernel.processes.values()) if (q.pgid === pgid && q.sid === p.sid && !q.zombie) ok = true;
    if (!ok) return -EPERM;
  }
  target.pgid = pgid;
  return 0;
}

// ---- signals to others

function signalProcess(t: Task, q: Process, sig: number, code: number): void {
  if (sig === 0 || q.zombie) return;
  sendProcessSignal(q, sig, killInfo(t, sig, code));
}

function kill(t: Task): number {
  const p = t.process;
  const pid = t.argInt(0);
  const sig = t.argInt(1);
  if (sig < 0 || sig > NSIG) return -EINVAL;
  const k = p.kernel;
  if (pid > 0) {
    const q = k.processes.get(pid);
    if (!q || q.zombie) return -ESRCH;
    signalProcess(t, q, sig, SI_USER);
    return 0;
  }
  const group = pid === 0 ? p.pgid : -pid;
  // kill(-1) reaches every process but the caller (and init, which armvisor does not have).
  const targets = [...k.processes.values()].filter((q) => !q.zombie && (pid === -1 ? q !== p : q.pgid === group));
  if (targets.length === 0) return -ESRCH;
  // Signal the caller last, so that a fatal signal to oneself does not cut the loop short.
  for (const q of targets) if (q !== p) signalProcess(t, q, sig, SI_USER);
  if (targets.includes(p)) signalProcess(t, p, sig, SI_USER);
  return 0;
}

function tgkill(t: Task, tgid: number, tid: number, sig: number): number {
  if (tid <= 0 || (tgid !== -1 && tgid <= 0)) return -EINVAL;
  if (sig < 0 || sig > NSIG) return -EINVAL;
  const target = t.process.kernel.tasks.get(tid);
  if (!target || target.exited || (tgid !== -1 && target.process.pid !== tgid)) return -ESRCH;
  if (sig === 0) return 0;
  if (sig === SIGKILL) {
    target.process.exit({ signal: SIGKILL, coreDump: false });
    return 0;
  }
  sendSignal(target, sig, killInfo(t, sig, SI_TKILL));
  return 0;
}

// ---- futex

const FUTEX_WAIT = 0;
const FUTEX_WAKE = 1;
const FUTEX_REQUEUE = 3;
const FUTEX_CMP_REQUEUE = 4;
const FUTEX_WAKE_OP = 5;
const FUTEX_WAIT_BITSET = 9;
const FUTEX_WAKE_BITSET = 10;
const FUTEX_PRIVATE_FLAG = 128;
const FUTEX_CLOCK_REALTIME = 256;
const FUTEX_NAMES: Record<number, string> = {
  2: 'FUTEX_FD',
  6: 'FUTEX_LOCK_PI',
  7: 'FUTEX_UNLOCK_PI',
  8: 'FUTEX_TRYLOCK_PI',
  11: 'FUTEX_WAIT_REQUEUE_PI',
  12: 'FUTEX_CMP_REQUEUE_PI',
  13: 'FUTEX_LOCK_PI2',
};

/**
 * Where a futex word lives. A private futex (FUTEX_PRIVATE_FLAG) is keyed by
 * address space and address; a shared one in MAP_SHARED memory by the shared
 * frame and the offset in it, so processes mapping the same memory meet
 * there (PTHREAD_PROCESS_SHARED mutexes); elsewhere a shared futex is keyed
 * like a private one (only threads of one address space can reach the word).
 */
export function futexKey(p: Process, addr: number, shared: boolean): FutexKey {
  if (shared) {
    const frame = p.mem.shareOf(addr);
    if (frame) return { obj: frame, off: addr % PAGE_SIZE };
  }
  return { obj: p.mem, off: addr };
}

function waiters(k: Kernel, key: FutexKey, create: boolean): FutexWaiter[] | undefined {
  let m = k.futexes.get(key.obj);
  if (!m) {
    if (!create) return undefined;
    m = new Map();
    k.futexes.set(key.obj, m);
  }
  let list = m.get(key.off);
  if (!list && create) {
    list = [];
    m.set(key.off, list);
  }
  return list;
}

function dropList(k: Kernel, key: FutexKey, list: FutexWaiter[]): void {
  if (list.length === 0) k.futexes.get(key.obj)?.delete(key.off);
}

/** Wake up to n waiters on the word whose bitset intersects `bitset`; returns how many. */
export function futexWake(k: Kernel, key: FutexKey, n: number, bitset: number): number {
  const list = waiters(k, key, false);
  if (!list) return 0;
  let woken = 0;
  for (let i = 0; i < list.length && woken < n;) {
    const w = list[i];
    if ((w.bitset & bitset) === 0) {
      i++;
      continue;
    }
    list.splice(i, 1);
    w.woken = true;
    w.queue.wake();
    woken++;
  }
  dropList(k, key, list);
  return woken;
}

function readWord(p: Process, addr: number): number | null {
  const b = p.read(addr, 4);
  return b === null ? null : new DataView(b.buffer).getInt32(0, true);
}

async function futexWait(
  t: Task,
  addr: number,
  key: FutexKey,
  val: number,
  deadline: number | null,
  bitset: number,
): Promise<number> {
  const p = t.process;
  const k = p.kernel;
  const cur = readWord(p, addr);
  if (cur === null) return -EFAULT;
  if (cur !== val) return -EAGAIN;
  const w: FutexWaiter = { task: t, bitset, woken: false, queue: new WaitQueue(), key };
  waiters(k, key, true)!.push(w);
  const why = await block(t, [w.queue], deadline);
  if (w.woken) return 0;
  // Not woken by FUTEX_WAKE: leave the queue (w.key follows a requeue).
  const list = waiters(k, w.key, false);
  const i = list ? list.indexOf(w) : -1;
  if (list && i >= 0) {
    list.splice(i, 1);
    dropList(k, w.key, list);
  }
  if (why === 'timeout') return -ETIMEDOUT;
  return deadline === null ? -ERESTARTSYS : -EINTR;
}

/** FUTEX_WAKE_OP's operation on the second word and its comparison. */
function wakeOp(p: Process, addr2: number, encoded: number): number | boolean {
  const op = (encoded >>> 28) & 7;
  const cmp = (encoded >>> 24) & 15;
  let oparg = (encoded << 8) >> 20;
  const cmparg = (encoded << 20) >> 20;
  if (encoded & (8 << 28)) oparg = 1 << (oparg & 31);
  const old = readWord(p, addr2);
  if (old === null) return -EFAULT;
  let v: number;
  switch (op) {
    case 0:
      v = oparg;
      break;
    case 1:
      v = (old + oparg) | 0;
      break;
    case 2:
      v = old | oparg;
      break;
    case 3:
      v = old & ~oparg;
      break;
    case 4:
      v = old ^ oparg;
      break;
    default:
      return -ENOSYS;
  }
  if (!putInt(p, addr2, v)) return -EFAULT;
  switch (cmp) {
    case 0:
      return old === cmparg;
    case 1:
      return old !== cmparg;
    case 2:
      return old < cmparg;
    case 3:
      return old <= cmparg;
    case 4:
      return old > cmparg;
    case 5:
      return old >= cmparg;
    default:
      return -ENOSYS;
  }
}

function futex(t: Task): number | Promise<number> {
  const p = t.process;
  const addr = t.argU64(0);
  const opFull = t.argInt(1);
  const op = opFull & ~(FUTEX_PRIVATE_FLAG | FUTEX_CLOCK_REALTIME);
  const val = t.argInt(2);
  if (addr % 4 !== 0) return -EINVAL;
  const shared = (opFull & FUTEX_PRIVATE_FLAG) === 0;
  const k = p.kernel;
  const key = futexKey(p, addr, shared);
  switch (op) {
    case FUTEX_WAIT:
    case FUTEX_WAIT_BITSET: {
      const bitset = op === FUTEX_WAIT ? -1 : t.argInt(5);
      if (bitset === 0) return -EINVAL;
      let deadline: number | null = null;
      const ts = t.argU64(3);
      if (ts !== 0) {
        const ns = timespecArg(t, ts)!;
        if (ns < 0) return ns;
        if (op === FUTEX_WAIT) deadline = monoNs(p) + ns;
        else if (opFull & FUTEX_CLOCK_REALTIME) deadline = monoNs(p) + (ns - Number(p.host.clock.realtimeNs()));
        else deadline = ns;
      } else if (opFull & FUTEX_CLOCK_REALTIME && op === FUTEX_WAIT) return -ENOSYS;
      return futexWait(t, addr, key, val, deadline, bitset);
    }
    case FUTEX_WAKE:
    case FUTEX_WAKE_BITSET: {
      const bitset = op === FUTEX_WAKE ? -1 : t.argInt(5);
      if (bitset === 0) return -EINVAL;
      return futexWake(k, key, val < 0 ? 0x7fffffff : val, bitset);
    }
    case FUTEX_REQUEUE:
    case FUTEX_CMP_REQUEUE: {
      const addr2 = t.argU64(4);
      if (addr2 % 4 !== 0) return -EINVAL;
      const nrRequeue = t.argInt(3);
      if (val < 0 || nrRequeue < 0) return -EINVAL;
      if (op === FUTEX_CMP_REQUEUE) {
        const cur = readWord(p, addr);
        if (cur === null) return -EFAULT;
        if (cur !== t.argInt(5)) return -EAGAIN;
      }
      const woken = futexWake(k, key, val, -1);
      const key2 = futexKey(p, addr2, shared);
      const list = waiters(k, key, false);
      let moved = 0;
      if (list && (key2.obj !== key.obj || key2.off !== key.off)) {
        const to = waiters(k, key2, true)!;
        while (list.length > 0 && moved < nrRequeue) {
          const w = list.shift()!;
          w.key = key2;
          to.push(w);
          moved++;
        }
        dropList(k, key, list);
      }
      return woken + moved;
    }
    case FUTEX_WAKE_OP: {
      const addr2 = t.argU64(4);
      if (addr2 % 4 !== 0) return -EINVAL;
      const r = wakeOp(p, addr2, t.argInt(5));
      if (typeof r === 'number') return r;
      let n = futexWake(k, key, val, -1);
      if (r) n += futexWake(k, futexKey(p, addr2, shared), t.argInt(3), -1);
      return n;
    }
    default: {
      const name = FUTEX_NAMES[op] ?? `op ${op}`;
      if (!p.reportedSyscalls.has(1000 + op)) {
        p.reportedSyscalls.add(1000 + op);
        p.diagnostic(`armvisor: futex ${name} is not supported: returning -ENOSYS`);
      }
      return -ENOSYS;
    }
  }
}

export const taskSyscalls: SyscallDef[] = [
  { name: 'clone', args: ['hex', 'hex', 'hex', 'hex', 'hex'], handler: clone },
  { name: 'clone3', args: ['hex', 'size'], handler: clone3 },
  {
    name: 'execve',
    args: ['str', 'hex', 'hex'],
    handler: (t) => execveat(t, AT_FDCWD, 0, 0),
  },
  {
    name: 'execveat',
    args: ['dirfd', 'str', 'hex', 'hex', 'hex'],
    handler: (t) => execveat(t, t.argInt(0), 1, t.argInt(4)),
  },
  { name: 'exit', args: ['int'], noReturn: true, handler: (t) => exitTask(t, t.argInt(0) & 0xff) },
  {
    name: 'exit_group',
    args: ['int'],
    noReturn: true,
    handler: (t) => {
      t.process.exit({ code: t.argInt(0) & 0xff });
      return 0;
    },
  },
  { name: 'wait4', args: ['int', 'hex', 'hex', 'hex'], handler: wait4 },
  { name: 'waitid', args: ['int', 'int', 'hex', 'hex', 'hex'], handler: waitid },
  { name: 'getppid', args: [], handler: (t) => t.process.ppid },
  {
    name: 'getpgid',
    args: ['int'],
    handler: (t) => {
      const q = findProcess(t, t.argInt(0));
      return q ? q.pgid : -ESRCH;
    },
  },
  { name: 'setpgid', args: ['int', 'int'], handler: setpgid },
  {
    name: 'getsid',
    args: ['int'],
    handler: (t) => {
      const q = findProcess(t, t.argInt(0));
      return q ? q.sid : -ESRCH;
    },
  },
  {
    name: 'setsid',
    args: [],
    handler: (t) => {
      const p = t.process;
      for (const q of p.kernel.processes.values()) if (q.pgid === p.pid && !q.zombie) return -EPERM;
      p.sid = p.pid;
      p.pgid = p.pid;
      return p.pid;
    },
  },
  { name: 'kill', args: ['int', 'signal'], handler: kill },
  { name: 'tkill', args: ['int', 'signal'], handler: (t) => tgkill(t, -1, t.argInt(0), t.argInt(1)) },
  { name: 'tgkill', args: ['int', 'int', 'signal'], handler: (t) => tgkill(t, t.argInt(0), t.argInt(1), t.argInt(2)) },
  { name: 'futex', args: ['hex', 'int', 'int', 'hex', 'hex', 'int'], handler: futex },
];
