/**
 * The emulated kernel's global state and its scheduler: every guest process
 * and task of one armvisor run, the pid space, futex wait queues, and the
 * loop that runs each task.
 *
 * Scheduling: each task runs as its own asynchronous loop on the host's event
 * loop (runTask). A loop runs its CPU for an instruction budget, handles
 * what stopped it (a syscall, an exception), delivers signals, and yields to
 * the host when other tasks are runnable, so tasks share the host thread
 * round-robin, one budget at a time. A blocking syscall returns a Promise
 * (see wait.ts); its task's loop awaits it while the others run, and when no
 * task can run the host simply idles in its event loop.
 *
 * All processes share one guest RAM (one WebAssembly.Memory): fork copies
 * the parent's pages into fresh frames of it; execve and exit give frames
 * back.
 */
import { StopReason } from '../cpu/a64/cpu.js';
import { Access, FaultKind } from '../memory/address-space.js';
import type { GuestRam } from '../memory/guest-ram.js';
import type { Host } from './host.js';
import type { Process, Task } from './process.js';
import { SIGBUS, SIGCHLD, SIGILL, SIGKILL, SIGSEGV, SIGTRAP } from './signals.js';
import {
  BUS_ADRALN,
  BUS_ADRERR,
  ERESTARTSYS,
  ERESTART_RESTARTBLOCK,
  ILL_ILLOPC,
  SA_NOCLDWAIT,
  SEGV_ACCERR,
  SEGV_MAPERR,
  SIG_IGN,
  TRAP_BRKPT,
  armRealTimer,
  childInfo,
  makeInfo,
  SI_USER,
  deliverSignals,
  faultInfo,
  fireTimers,
  forceSignal,
  handlerOf,
  hasDeliverable,
  sendProcessSignal,
} from './delivery.js';
import { dispatchSyscall, syscallName } from './syscalls/table.js';
import { taskCleanup } from './syscalls/tasks.js';
import { deletePosixTimers } from './posix-timers.js';
import { WaitQueue, yieldToHost } from './wait.js';

export interface KernelOptions {
  host: Host;
  ram: GuestRam;
  diagnostic: (line: string) => void;
  /** -d page: the memory layout of every image exec loads goes here. */
  pageLog?: (text: string) => void;
}

/** Instructions a task runs before it yields when others are runnable (about a millisecond). */
const SHARED_BATCH = 200_000;
/** Instructions per batch when one task runs alone (it still yields every 50 ms). */
const SOLO_BATCH = 1_000_000;

export class Kernel {
  readonly host: Host;
  readonly ram: GuestRam;
  readonly diagnostic: (line: string) => void;
  readonly pageLog: ((text: string) => void) | null;
  /** Every process not yet reaped, by pid. */
  readonly processes = new Map<number, Process>();
  /** Every live task, by tid. */
  readonly tasks = new Map<number, Task>();
  /** Futex waiters per address space or shared frame, by address or offset (see futexKey). */
  readonly futexes = new WeakMap<object, Map<number, FutexWaiter[]>>();
  /** The process the host started; the run ends when it has exited. */
  root: Process | null = null;
  /** Woken when the root process has ended. */
  readonly rootDone = new WaitQueue();
  /** Tasks whose loops are running (not ended). */
  running = 0;
  /** Guest instructions executed by every task so far. */
  instructions = 0;
  private lastPid = 0;
  private lastYield = now();
  /** Instructions per batch when one task runs alone. */
  soloBatch = SOLO_BATCH;

  constructor(o: KernelOptions) {
    this.host = o.host;
    this.ram = o.ram;
    this.diagnostic = o.diagnostic;
    this.pageLog = o.pageLog ?? null;
  }

  /** -d page: the layout of an image a process has just started (exec). */
  logImage(p: Process): void {
    if (!this.pageLog) return;
    const a = p.auxv.find(([k]) => k === 9)?.[1] ?? 0; // AT_ENTRY
    const hex = (v: number): string => '0x' + v.toString(16);
    let out = `pid ${p.pid} exec ${p.exePath}: entry ${hex(a)}, start_brk ${hex(p.map.startBrk)}\n`;
    out += 'start            end              size             prot name\n';
    for (const v of p.map.vmas) {
      const prot = (v.prot & 1 ? 'r' : '-') + (v.prot & 2 ? 'w' : '-') + (v.prot & 4 ? 'x' : '-');
      out += `${v.start.toString(16).padStart(16, '0')} ${v.end.toString(16).padStart(16, '0')} ${(v.end - v.start).toString(16).padStart(16, '0')} ${prot}  ${v.name}\n`;
    }
    this.pageLog(out);
  }

  /** A pid (also used for tids) not used by any process or task. */
  allocPid(): number {
    for (;;) {
      this.lastPid = this.lastPid >= 4194303 ? 300 : this.lastPid + 1;
      if (!this.processes.has(this.lastPid) && !this.tasks.has(this.lastPid)) return this.lastPid;
    }
  }

  /** New pids follow the first one given (the root's, from the host). */
  reservePid(pid: number): void {
    if (this.lastPid === 0) this.lastPid = pid;
  }

  /** Start the task's loop. */
  start(t: Task): void {
    this.running++;
    void this.runTask(t).catch((e: unknown) => {
      // An emulator bug: end the whole run loudly instead of leaving a task hung.
      this.failure = e;
      this.running--;
      if (this.root) this.root.exit({ signal: SIGKILL, coreDump: false });
      this.rootDone.wake();
    });
  }

  /** An internal error that ended the run (rethrown by the runner). */
  failure: unknown = null;

  private async runTask(t: Task): Promise<void> {
    const p = t.process;
    for (;;) {
      if (t.exited || p.exitStatus !== null) break;
      const cpu = t.cpu;
      const alone = this.running <= 1;
      let reason: StopReason;
      const t0 = now();
      const i0 = cpu.icount;
      try {
        reason = cpu.run(alone ? this.soloBatch : Math.min(this.soloBatch, SHARED_BATCH));
      } catch (e) {
        if (!isOutOfMemory(e)) throw e;
        outOfMemory(t, e as Error);
        break;
      }
      const t1 = now();
      p.cpuNs += (t1 - t0) * 1e6;
      this.instructions += cpu.icount - i0;
      if (reason === StopReason.Svc) {
        t.origX0Lo = cpu.x[0];
        t.origX0Hi = cpu.x[1];
        try {
          const r = dispatchSyscall(t);
          if (r) {
            t.waitingIn = cpu.x[16];
            await r;
            t.waitingIn = -1;
          }
        } catch (e) {
          if (!isOutOfMemory(e)) throw e;
          outOfMemory(t, e as Error);
        }
        if (t.exited || p.exitStatus !== null) break;
        // execve may have given the task a new CPU: the one that made the call is done.
        const c = t.cpu;
        // Exception return clears the exclusive monitor.
        c.exclValid = 0;
        if (c === cpu && c.x[1] === -1 && c.x[0] <= -ERESTARTSYS && c.x[0] >= -ERESTART_RESTARTBLOCK)
          t.syscallReturn = true;
      } else cpuException(t, reason);
      if (p.realTimerDeadline !== 0) fireTimers(p);
      if (hasDeliverable(t) || t.syscallReturn) deliverSignals(t);
      const n = now();
      if (this.running > 1 || n - this.lastYield > 50) {
        await yieldToHost();
        this.lastYield = now();
      }
    }
    this.taskEnded(t);
  }

  /** A task's loop has stopped: when it was its process's last, the process ends. */
  private taskEnded(t: Task): void {
    this.running--;
    t.exited = true;
    taskCleanup(t, t.process.exitStatus !== null);
    this.tasks.delete(t.tid);
    t.cpu.detach();
    const p = t.process;
    const i = p.tasks.indexOf(t);
    if (i >= 0) p.tasks.splice(i, 1);
    if (p.tasks.length === 0 && !p.zombie) this.processEnded(p);
  }

  /**
   * The last task of `p` has ended: release what it holds, tell its parent
   * (SIGCHLD, wait queue), hand its children over, and keep it as a zombie
   * until its parent reaps it (or reap it at once when nobody will).
   */
  processEnded(p: Process): void {
    p.exitStatus ??= { code: 0 };
    p.zombie = true;
    armRealTimer(p);
    deletePosixTimers(p);
    p.fds.closeAll();
    releaseMemory(p);
    // Orphans go to the nearest living ancestor that asked for them (PR_SET_CHILD_SUBREAPER),
    // else to nobody: armvisor has no init, and reaps them itself when they end.
    let reaper = p.parent;
    while (reaper && (reaper.zombie || !reaper.childSubreaper)) reaper = reaper.parent;
    for (const c of p.children) {
      c.parent = reaper;
      if (reaper) {
        reaper.children.add(c);
        if (c.zombie) reaper.childEvents.wake();
      } else if (c.zombie) this.processes.delete(c.pid);
      if (!c.zombie && c.deathSignal !== 0) sendProcessSignal(c, c.deathSignal, makeInfo(c.deathSignal, SI_USER));
    }
    p.children.clear();
    const parent = p.parent;
    if (parent && !parent.zombie) {
      const ignoring =
        p.exitSignal === SIGCHLD &&
        (handlerOf(parent, SIGCHLD) === SIG_IGN || (sigactionFlags(parent, SIGCHLD) & SA_NOCLDWAIT) !== 0);
      if (p.exitSignal > 0 && !ignoring) sendProcessSignal(parent, p.exitSignal, childInfo(p));
      if (ignoring) {
        parent.children.delete(p);
        this.processes.delete(p.pid);
        parent.childCpuNs += p.cpuNs + p.childCpuNs;
      }
      parent.childEvents.wake();
    } else {
      this.processes.delete(p.pid);
    }
    p.vforkDone.wake();
    if (p === this.root) {
      // The run is over: other processes (orphans, daemons) end with it.
      for (const q of this.processes.values()) if (!q.zombie) q.exit({ signal: SIGKILL, coreDump: false });
      this.rootDone.wake();
    }
  }

  /**
   * What every live task is waiting in, for the deadlock report: the host
   * calls it when nothing is left that could wake any of them (Node's event
   * loop has run dry), where Linux would simply hang.
   */
  describeWaits(): string {
    const parts: string[] = [];
    for (const t of this.tasks.values()) {
      if (t.exited) continue;
      const what = t.waitingIn >= 0 ? syscallName(t.waitingIn) : 'running';
      parts.push(`pid ${t.process.pid} tid ${t.tid} in ${what}`);
    }
    return parts.join(', ');
  }

  /** Wait for the root process to end (its exit status is then final). */
  async waitRoot(): Promise<void> {
    const root = this.root!;
    while (!root.zombie && this.failure === null) {
      await new Promise<void>((resolve) => this.rootDone.add(resolve));
    }
    if (this.failure !== null) throw this.failure;
  }
}

/** A task waiting in FUTEX_WAIT: woken by FUTEX_WAKE through its queue. */
export interface FutexWaiter {
  task: Task;
  bitset: number;
  woken: boolean;
  queue: WaitQueue;
  /** The word it waits on now (FUTEX_CMP_REQUEUE moves it). */
  key: FutexKey;
}

/** A futex word: the object holding it (address space or shared frame) and the address or offset in it. */
export interface FutexKey {
  obj: object;
  off: number;
}

const now = (): number => (typeof performance !== 'undefined' ? performance.now() : Date.now());

/** sa_flags of the process's action for `sig`. */
function sigactionFlags(p: Process, sig: number): number {
  const b = p.sigactions[sig];
  return (b[8] | (b[9] << 8) | (b[10] << 16) | (b[11] << 24)) >>> 0;
}

/** Give the address space back when this process was its last user. */
export function releaseMemory(p: Process): void {
  const mem = p.mem;
  if (--mem.users <= 0) {
    p.code.invalidateAll();
    mem.releaseAll();
  }
}

const hex = (lo: number, hi: number): string => '0x' + ((hi >>> 0) * 4294967296 + (lo >>> 0)).toString(16);
const pcOf = (t: Task): number => (t.cpu.pcHi >>> 0) * 4294967296 + (t.cpu.pcLo >>> 0);
const isOutOfMemory = (e: unknown): boolean => e instanceof Error && /guest RAM exhausted/.test(e.message);

/** Guest RAM (one WebAssembly.Memory, at most 4 GiB) ran out: end as the OOM killer would, with SIGKILL. */
function outOfMemory(t: Task, e: Error): void {
  t.process.diagnostic(`armvisor: out of guest memory (${e.message}): killing the program`);
  t.process.exit({ signal: SIGKILL, coreDump: false });
}

/** Raise the synchronous signal of a CPU exception (delivered before the next instruction). */
function exceptionSignal(t: Task, sig: number, code: number, addr: number, detail: string): void {
  forceSignal(t, sig, faultInfo(sig, code, addr), detail);
}

/** What a CPU stop other than a syscall means for the task. */
function cpuException(t: Task, reason: StopReason): void {
  const cpu = t.cpu;
  switch (reason) {
    case StopReason.Budget:
    case StopReason.Requested:
    case StopReason.Wait:
      return;
    case StopReason.Undefined:
    case StopReason.Hlt:
      exceptionSignal(t, SIGILL, ILL_ILLOPC, pcOf(t), '');
      return;
    case StopReason.Brk:
      exceptionSignal(t, SIGTRAP, TRAP_BRKPT, pcOf(t), ` (brk #${cpu.excImm})`);
      return;
    case StopReason.Alignment:
      // A misaligned pc, or a data access that must be aligned (exclusives, atomics): SIGBUS, BUS_ADRALN.
      if ((cpu.pcLo & 3) !== 0) exceptionSignal(t, SIGBUS, BUS_ADRALN, pcOf(t), ' (misaligned pc)');
      else {
        const f = cpu.fault;
        const addr = (f.addrHi >>> 0) * 4294967296 + (f.addrLo >>> 0);
        exceptionSignal(t, SIGBUS, BUS_ADRALN, addr, `: misaligned access at ${hex(f.addrLo, f.addrHi)}`);
      }
      return;
    case StopReason.DataAbort:
    case StopReason.InstructionAbort: {
      const f = cpu.fault;
      const sig = f.kind === FaultKind.Bus ? SIGBUS : SIGSEGV;
      const code = f.kind === FaultKind.Bus ? BUS_ADRERR : f.kind === FaultKind.Permission ? SEGV_ACCERR : SEGV_MAPERR;
      const what = f.access === Access.Write ? 'write' : f.access === Access.Exec ? 'execute' : 'read';
      const kind = f.kind === FaultKind.Permission ? 'permission' : f.kind === FaultKind.Bus ? 'bus error' : 'unmapped';
      const addr = (f.addrHi >>> 0) * 4294967296 + (f.addrLo >>> 0);
      exceptionSignal(t, sig, code, addr, `: ${what} at ${hex(f.addrLo, f.addrHi)} (${kind})`);
      return;
    }
    default:
      exceptionSignal(t, SIGILL, ILL_ILLOPC, pcOf(t), ` (unexpected stop reason ${reason})`);
  }
}
