/**
 * A guest process and its tasks (threads). The Process owns what threads
 * share (address space, memory map, descriptors, signal actions, identity);
 * a Task owns a CPU and per-thread kernel state (tid, clear_child_tid,
 * robust list, signal mask, alternate stack). Only one task exists for now;
 * the shape is the one clone() will need.
 */
import { A64Cpu, CodeCache } from '../cpu/a64/cpu.js';
import { PAGE_SIZE } from '../memory/guest-ram.js';
import type { UserAddressSpace } from '../memory/user-address-space.js';
import type { Host } from './host.js';
import { FdTable } from './files.js';
import { MemoryMap } from './memory-map.js';
import { WaitQueue } from './wait.js';
import { Kernel } from './kernel.js';
import { defaultRlimits } from './syscalls/process.js';

/** How a process ended. */
export type ExitStatus = { code: number; signal?: undefined } | { code?: undefined; signal: number; coreDump: boolean };

export const NSIG = 64;

export interface ProcessOptions {
  host: Host;
  mem: UserAddressSpace;
  map: MemoryMap;
  /** Absolute host path of the executable (/proc/self/exe). */
  exePath: string;
  pid?: number;
  diagnostic: (line: string) => void;
  /** Trace every syscall on this sink (-strace). */
  strace?: (line: string) => void;
  /** -L: absolute guest paths are looked up under this directory first (a sysroot). */
  sysroot?: string;
  /** The kernel this process belongs to (default: a new one, for a lone process). */
  kernel?: Kernel;
  code?: CodeCache;
  fds?: FdTable;
  cwd?: string;
}

export class Process {
  readonly host: Host;
  readonly kernel: Kernel;
  /** The address space, its map and decoded code: replaced by execve, shared with a vfork child. */
  mem: UserAddressSpace;
  map: MemoryMap;
  code: CodeCache;
  readonly fds: FdTable;
  /** Live tasks (threads); the first is the thread-group leader until it exits. */
  tasks: Task[] = [];
  readonly pid: number;
  /** The parent while it lives (getppid then answers its pid); null: the host started us, or the parent is gone. */
  parent: Process | null = null;
  /** getppid() of a process started by the host. */
  private readonly hostPpid: number;
  /** Children that have not been reaped yet (live or zombie). */
  readonly children = new Set<Process>();
  /** Woken when a child exits (wait4, waitid). */
  readonly childEvents = new WaitQueue();
  /** Woken when this process execs or ends (a parent in vfork waits for it). */
  readonly vforkDone = new WaitQueue();
  /** Signal sent to the parent at exit (SIGCHLD for fork; clone's low byte). */
  exitSignal = 17;
  pgid: number;
  sid: number;
  /** prctl settings: the parent-death signal (0: none), and values only recorded. */
  deathSignal = 0;
  prctlDumpable = 1;
  timerSlackNs = 50000;
  childSubreaper = false;
  noNewPrivs = false;
  /** The working directory (absolute, guest view). */
  cwd: string;
  /** The last task has ended: exit status final, resources released, waiting to be reaped. */
  zombie = false;
  /** CPU time spent running this process's tasks, and that of its reaped children (ns). */
  cpuNs = 0;
  childCpuNs = 0;
  uid = 0;
  gid = 0;
  /**
   * The rest of Linux's struct cred (see syscalls/ids.ts): effective, saved
   * and filesystem ids (set from uid/gid by the constructor), the
   * supplementary groups (kept sorted, as set_groups does), and the
   * capability sets as two 32-bit words each (lo: caps 0..31, hi: 32..40).
   */
  euid = 0;
  suid = 0;
  fsuid = 0;
  egid = 0;
  sgid = 0;
  fsgid = 0;
  groups: number[] = [];
  capEffLo = 0;
  capEffHi = 0;
  capPrmLo = 0;
  capPrmHi = 0;
  capInhLo = 0;
  capInhHi = 0;
  /** Scheduling (syscalls/ids.ts): nice value, policy (SCHED_*), rt priority, SCHED_RESET_ON_FORK. */
  nice = 0;
  schedPolicy = 0;
  schedPriority = 0;
  schedResetOnFork = false;
  /** personality(2) value (PER_LINUX = 0 and flags such as ADDR_NO_RANDOMIZE). */
  personality = 0;
  /** membarrier registrations of this address space (bits of MEMBARRIER_CMD_REGISTER_*): kept by fork, cleared by exec. */
  membarrierRegistered = 0;
  exePath: string;
  readonly sysroot: string | null;
  /** struct sigaction of arm64 per signal (32 bytes: handler, flags, restorer, mask); index = signal number. */
  readonly sigactions: Uint8Array[] = [];
  exitStatus: ExitStatus | null = null;
  /** Woken whenever a signal becomes pending for the process or one of its tasks (signalfd). */
  readonly signalEvents = new WaitQueue();
  /** Process-directed signals that every thread blocked (see sendProcessSignal), and their siginfo queues. */
  sharedPendingLo = 0;
  sharedPendingHi = 0;
  readonly sharedInfo: Uint8Array[][] = [];
  /** ITIMER_REAL: next expiry (monotonic ns, 0 = disarmed) and reload interval (ns). */
  realTimerDeadline = 0;
  realTimerInterval = 0;
  /** The host timer that fires ITIMER_REAL (see armRealTimer). */
  realTimerHandle: ReturnType<typeof setTimeout> | null = null;
  /** ITIMER_VIRTUAL/ITIMER_PROF values as set (recorded; they do not fire): [interval, value] in µs. */
  readonly otherTimers: [number, number][] = [
    [0, 0],
    [0, 0],
  ];
  /** Address of the sigreturn trampoline page (the vDSO's role), 0 until a handler without SA_RESTORER runs. */
  sigreturnTrampoline = 0;
  /** Soft and hard limit per RLIMIT_* resource (-1: unlimited). */
  readonly rlimits = defaultRlimits();
  umask = 0o022;
  /** What exec gave the program (for /proc/self/cmdline, environ, auxv). */
  argv: string[] = [];
  env: string[] = [];
  auxv: [number, number][] = [];
  readonly diagnostic: (line: string) => void;
  readonly strace: ((line: string) => void) | null;
  /** Syscall numbers already reported as unsupported (one line each). */
  readonly reportedSyscalls = new Set<number>();

  constructor(o: ProcessOptions) {
    this.host = o.host;
    this.mem = o.mem;
    this.map = o.map;
    this.code = o.code ?? new CodeCache();
    this.fds = o.fds ?? new FdTable();
    this.exePath = o.exePath;
    this.sysroot = o.sysroot ? o.sysroot.replace(/\/+$/, '') : null;
    this.kernel = o.kernel ?? new Kernel({ host: o.host, ram: o.mem.ram, diagnostic: o.diagnostic });
    const id = o.host.identity?.();
    this.pid = o.pid ?? (this.kernel.processes.size === 0 ? (id?.pid ?? 1000) : this.kernel.allocPid());
    this.kernel.reservePid(this.pid);
    this.hostPpid = id?.ppid ?? 1;
    this.pgid = this.pid;
    this.sid = this.pid;
    this.uid = id?.uid ?? 0;
    this.gid = id?.gid ?? 0;
    // The host gives the real ids only: effective, saved and fs ids start equal, root holds every capability,
    // and the supplementary groups start empty (as for a process nobody gave initgroups).
    this.euid = this.suid = this.fsuid = this.uid;
    this.egid = this.sgid = this.fsgid = this.gid;
    if (this.uid === 0) [this.capEffLo, this.capEffHi, this.capPrmLo, this.capPrmHi] = [-1, 0x1ff, -1, 0x1ff];
    this.cwd = o.cwd ?? o.host.fs.cwd();
    this.diagnostic = o.diagnostic;
    this.strace = o.strace ?? null;
    for (let i = 0; i <= NSIG; i++) {
      this.sigactions.push(new Uint8Array(32));
      this.sharedInfo.push([]);
    }
    this.kernel.processes.set(this.pid, this);
  }

  get ppid(): number {
    return this.parent ? this.parent.pid : this.hostPpid;
  }

  /** A new task with a fresh CPU on this address space; the first one's tid is the pid. */
  newTask(): Task {
    const cpu = this.newCpu();
    const tid = this.tasks.length === 0 && !this.kernel.tasks.has(this.pid) ? this.pid : this.kernel.allocPid();
    const t = new Task(this, cpu, tid);
    this.tasks.push(t);
    this.kernel.tasks.set(tid, t);
    return t;
  }

  /** A CPU on the current address space and code cache. */
  newCpu(): A64Cpu {
    return new A64Cpu(this.mem, { codeCache: this.code, diagnostic: this.diagnostic });
  }

  /** umask(2): set, return the old mask. */
  setUmask(mask: number): number {
    const old = this.umask;
    this.umask = mask;
    return old;
  }

  /** The process is ending (exit_group, a fatal signal): every task stops at its next check. */
  exit(status: ExitStatus): void {
    if (this.exitStatus === null) this.exitStatus = status;
    for (const t of this.tasks) t.wakeups.wake();
  }

  // ---- guest memory as syscalls see it (protection checked, code cache kept coherent) ----

  /** Guest bytes for a syscall to read; null means EFAULT. */
  read(addr: number, length: number): Uint8Array | null {
    if (length === 0) return new Uint8Array(0);
    return this.mem.copyIn(addr, length);
  }

  /** Write syscall results to the guest; false means EFAULT (nothing written). */
  write(addr: number, data: Uint8Array): boolean {
    if (data.length === 0) return true;
    if (!this.mem.copyOut(addr, data)) return false;
    // A read() into a page holding decoded instructions must drop them.
    const first = Math.floor(addr / PAGE_SIZE);
    const last = Math.floor((addr + data.length - 1) / PAGE_SIZE);
    for (let p = first; p <= last; p++) if (this.code.pages.has(p)) this.code.invalidatePage(p);
    return true;
  }

  /** A NUL-terminated guest string as text (UTF-8); null means EFAULT or too long. */
  readString(addr: number, max = 4096): string | null {
    const b = this.mem.readCString(addr, max);
    return b === null ? null : new TextDecoder().decode(b);
  }
}

export class Task {
  /** set_tid_address: cleared and futex-woken at thread exit. */
  clearChildTid = 0;
  robustList = 0;
  robustListLen = 0;
  /** Blocked signals, bits 0..31 and 32..63 (signal n is bit n-1). */
  sigmaskLo = 0;
  sigmaskHi = 0;
  /** stack_t of sigaltstack: sp, flags, size. */
  altStackSp = 0;
  altStackFlags = 2; // SS_DISABLE
  altStackSize = 0;
  /** Pending signals (bit n-1 for signal n) and their siginfo (one for standard signals, a queue for real-time ones). */
  pendingLo = 0;
  pendingHi = 0;
  readonly pendingInfo: Uint8Array[][] = [];
  /** A mask to put back after the next delivery (rt_sigsuspend, ppoll with a mask). */
  restoreMaskValid = false;
  restoreMaskLo = 0;
  restoreMaskHi = 0;
  /** Diagnostic detail of a pending synchronous signal (fault address and kind). */
  faultDetail = '';
  /**
   * Set by the run loop when a syscall has just returned: x0 as it was on
   * entry, for restarting a call that returned -ERESTART* (see delivery.ts).
   */
  syscallReturn = false;
  origX0Lo = 0;
  origX0Hi = 0;
  /** Thread name (prctl PR_SET_NAME, /proc/self/comm). */
  comm = '';
  /** Woken when a signal becomes deliverable or the process is ending (see wait.ts). */
  readonly wakeups = new WaitQueue();

  /** The task has ended (exit, or its process ended); its loop stops. */
  exited = false;
  /** The syscall number the task is blocked in, -1 when it is not waiting. */
  waitingIn = -1;

  constructor(
    readonly process: Process,
    /** Replaced by execve. */
    public cpu: A64Cpu,
    readonly tid: number,
  ) {
    for (let i = 0; i <= NSIG; i++) this.pendingInfo.push([]);
  }

  /** A blocking call must give up: a signal is deliverable, or the process is ending. */
  interrupted(): boolean {
    return (
      (((this.pendingLo | this.process.sharedPendingLo) & ~this.sigmaskLo) |
        ((this.pendingHi | this.process.sharedPendingHi) & ~this.sigmaskHi)) !==
        0 ||
      this.process.exitStatus !== null ||
      this.exited
    );
  }

  // ---- syscall arguments (x0..x5) and result ----

  /** Argument n as a signed 32-bit int (int, pid_t, fd). */
  argInt(n: number): number {
    return this.cpu.x[2 * n];
  }

  /** Argument n as an unsigned 32-bit value (unsigned int, flags). */
  argU32(n: number): number {
    return this.cpu.x[2 * n] >>> 0;
  }

  /** Argument n as an unsigned 64-bit value (pointers, sizes); exact below 2^53. */
  argU64(n: number): number {
    return (this.cpu.x[2 * n + 1] >>> 0) * 4294967296 + (this.cpu.x[2 * n] >>> 0);
  }

  /** Argument n as a signed 64-bit value (off_t, long). */
  argS64(n: number): number {
    return this.cpu.x[2 * n + 1] * 4294967296 + (this.cpu.x[2 * n] >>> 0);
  }

  /** Write a syscall result (a signed value below 2^53 in magnitude) to x0. */
  setResult(r: number): void {
    this.setResultAt(0, r);
  }

  /** Write a signed value (below 2^53 in magnitude) to register xn. */
  setResultAt(n: number, r: number): void {
    this.cpu.x[2 * n] = (r % 4294967296) | 0;
    this.cpu.x[2 * n + 1] = Math.floor(r / 4294967296) | 0;
  }
}
