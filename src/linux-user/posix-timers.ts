/**
 * POSIX per-process timers (kernel/time/posix-timers.c): timer_create,
 * timer_settime, timer_gettime, timer_getoverrun, timer_delete.
 *
 * Times are ns of the timer's clock (BigInt: realtime ns pass 2^53), as in
 * timerfd.ts; a host timer fires each expiry. An expiry queues the timer's
 * siginfo (SI_TIMER); while that siginfo is still queued (not yet
 * delivered), further expiries only count overruns, written into the same
 * queued siginfo so the handler sees them in si_overrun (Linux counts them
 * when it re-arms the timer at dequeue; the count the guest sees is the
 * same). Timers belong to the process: a forked child has none, and
 * deletePosixTimers() ends them at exec and exit.
 */
import type { Process, Task } from './process.js';
import { makeInfo, sendProcessSignal, sendSignal } from './delivery.js';

export const SIGEV_SIGNAL = 0;
export const SIGEV_NONE = 1;
export const SIGEV_THREAD = 2;
export const SIGEV_THREAD_ID = 4;
/** si_code of a timer's signal. */
export const SI_TIMER = -2;
const SIGALRM = 14;
/** Linux caps overrun counts at INT_MAX (DELAYTIMER_MAX). */
const DELAYTIMER_MAX = 0x7fffffff;

export class PosixTimer {
  /** Next expiry in the clock's ns; 0n: disarmed. */
  next = 0n;
  interval = 0n;
  /** The siginfo of the last expiry queued (its si_overrun is updated while it waits). */
  private info: Uint8Array | null = null;
  /** si_overrun of the last siginfo that has left the queue (timer_getoverrun). */
  private lastOverrun = 0;
  private handle: ReturnType<typeof setTimeout> | undefined;

  constructor(
    readonly process: Process,
    readonly id: number,
    /** True for the realtime clocks (REALTIME, TAI), false for MONOTONIC/BOOTTIME. */
    readonly realtime: boolean,
    readonly notify: number,
    readonly signo: number,
    /** sigev_value (8 bytes), copied into si_value. */
    readonly value: Uint8Array,
    /** SIGEV_THREAD_ID's task; null: the process. */
    readonly target: Task | null,
  ) {}

  now(): bigint {
    const c = this.process.host.clock;
    return this.realtime ? c.realtimeNs() : c.monotonicNs();
  }

  /** Is our last siginfo still waiting in a signal queue? */
  private queued(): boolean {
    const info = this.info;
    if (info === null) return false;
    const p = this.process;
    if (p.sharedInfo[this.signo]?.includes(info)) return true;
    for (const t of p.tasks) if (t.pendingInfo[this.signo]?.includes(info)) return true;
    this.lastOverrun = new DataView(info.buffer).getInt32(20, true);
    this.info = null;
    return false;
  }

  /** timer_getoverrun: the overrun count of the last delivered expiry. */
  overrun(): number {
    this.queued();
    return this.lastOverrun;
  }

  /** Count the expirations up to now and signal them (one signal, the rest as overruns). */
  private expire(): void {
    if (this.next === 0n) return;
    const now = this.now();
    if (now < this.next) return;
    let n = 1n;
    if (this.interval > 0n) {
      n += (now - this.next) / this.interval;
      this.next += n * this.interval;
    } else this.next = 0n;
    if (this.notify === SIGEV_NONE) return;
    const p = this.process;
    if (this.queued()) {
      const dv = new DataView(this.info!.buffer);
      dv.setInt32(20, clampOverrun(BigInt(dv.getInt32(20, true)) + n), true);
      return;
    }
    const info = makeInfo(this.signo, SI_TIMER);
    const dv = new DataView(info.buffer);
    dv.setInt32(16, this.id, true);
    dv.setInt32(20, clampOverrun(n - 1n), true);
    info.set(this.value, 24);
    this.info = info;
    this.lastOverrun = 0;
    if (this.target !== null && !this.target.exited) sendSignal(this.target, this.signo, info);
    else sendProcessSignal(p, this.signo, info);
    // Not queued (ignored, or a standard signal already pending): nothing waits to be delivered.
    this.queued();
  }

  /** A host timer for the next expiry. */
  private arm(): void {
    if (this.handle !== undefined) clearTimeout(this.handle);
    this.handle = undefined;
    if (this.next === 0n) return;
    const ms = Number((this.next - this.now()) / 1_000_000n);
    this.handle = setTimeout(
      () => {
        this.handle = undefined;
        const p = this.process;
        if (p.zombie || p.exitStatus !== null) {
          deletePosixTimers(p);
          return;
        }
        this.expire();
        this.arm();
      },
      Math.max(0, Math.min(ms + 1, 2 ** 31 - 1)),
    );
  }

  /** [time left, interval] in ns (timer_gettime). */
  get(): [bigint, bigint] {
    if (this.next === 0n) return [0n, this.interval];
    const left = this.next - this.now();
    return [left > 0n ? left : 1n, this.interval];
  }

  /** timer_settime with checked values: the old setting. A value of 0 disarms. */
  set(abstime: boolean, value: bigint, interval: bigint): [bigint, bigint] {
    const old = this.get();
    // common_timer_set: timer_getoverrun reads 0 again after any settime.
    this.queued();
    this.lastOverrun = 0;
    this.interval = value === 0n ? 0n : interval;
    if (value === 0n) this.next = 0n;
    else if (abstime) this.next = value > 0n ? value : 1n;
    else this.next = this.now() + value;
    this.expire();
    this.arm();
    return old;
  }

  stop(): void {
    if (this.handle !== undefined) clearTimeout(this.handle);
    this.handle = undefined;
    this.next = 0n;
  }
}

function clampOverrun(n: bigint): number {
  return n > BigInt(DELAYTIMER_MAX) ? DELAYTIMER_MAX : Number(n);
}

interface TimerSet {
  timers: Map<number, PosixTimer>;
  /** Linux hands out ids cyclically from 0 (signal_struct.next_posix_timer_id). */
  nextId: number;
}

/** The timers of each process (kept outside Process so a fork starts with none). */
const byProcess = new WeakMap<Process, TimerSet>();

export function timersOf(p: Process): TimerSet {
  let s = byProcess.get(p);
  if (!s) {
    s = { timers: new Map(), nextId: 0 };
    byProcess.set(p, s);
  }
  return s;
}

/** A free id for a new timer (the caller adds the timer under it). */
export function allocTimerId(p: Process): number {
  const s = timersOf(p);
  for (;;) {
    const id = s.nextId;
    s.nextId = (s.nextId + 1) & 0x7fffffff;
    if (!s.timers.has(id)) return id;
  }
}

export function timerOf(p: Process, id: number): PosixTimer | null {
  return byProcess.get(p)?.timers.get(id) ?? null;
}

/** timer_delete. */
export function deleteTimer(p: Process, id: number): boolean {
  const s = byProcess.get(p);
  const tm = s?.timers.get(id);
  if (!s || !tm) return false;
  tm.stop();
  s.timers.delete(id);
  return true;
}

/**
 * End every POSIX timer of the process: call at execve and when the
 * process ends (exit_itimers in Linux's do_exit and begin_new_exec).
 */
export function deletePosixTimers(p: Process): void {
  const s = byProcess.get(p);
  if (!s) return;
  for (const tm of s.timers.values()) tm.stop();
  s.timers.clear();
}

/** The default sigevent (a null sevp): SIGEV_SIGNAL with SIGALRM and the timer id as value. */
export const DEFAULT_TIMER_SIGNAL = SIGALRM;
export const MAX_SIGNAL = 64;
