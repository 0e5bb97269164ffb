/**
 * Clocks and sleeping: clock_gettime, clock_getres, gettimeofday,
 * nanosleep, clock_nanosleep, times. (No vDSO is mapped, so glibc makes
 * these real syscalls.)
 */
import type { Task } from '../process.js';
import type { SyscallDef } from './types.js';
import { EFAULT, EINVAL } from '../errno.js';
import { ERESTART_RESTARTBLOCK, interruptibleSleep } from '../delivery.js';

export const CLOCK_REALTIME = 0;
export const CLOCK_MONOTONIC = 1;
export const CLOCK_PROCESS_CPUTIME_ID = 2;
export const CLOCK_THREAD_CPUTIME_ID = 3;
export const CLOCK_MONOTONIC_RAW = 4;
export const CLOCK_REALTIME_COARSE = 5;
export const CLOCK_MONOTONIC_COARSE = 6;
export const CLOCK_BOOTTIME = 7;
export const CLOCK_REALTIME_ALARM = 8;
export const CLOCK_BOOTTIME_ALARM = 9;
export const CLOCK_TAI = 11;

const TIMER_ABSTIME = 1;
/** Resolution of the coarse clocks: one jiffy at HZ=250. */
const COARSE_RES_NS = 4_000_000n;

/** The clock's time in ns, or null for an unknown clock id. */
export function clockNow(t: Task, clk: number): bigint | null {
  const c = t.process.host.clock;
  switch (clk) {
    case CLOCK_REALTIME:
    case CLOCK_REALTIME_ALARM:
      return c.realtimeNs();
    case CLOCK_TAI:
      return c.realtimeNs() + 37_000_000_000n;
    case CLOCK_REALTIME_COARSE: {
      // One reading: truncating a second, later one would land below the first's tick.
      const r = c.realtimeNs();
      return r - (r % COARSE_RES_NS);
    }
    case CLOCK_MONOTONIC:
    case CLOCK_MONOTONIC_RAW:
    case CLOCK_BOOTTIME:
    case CLOCK_BOOTTIME_ALARM:
      return c.monotonicNs();
    case CLOCK_MONOTONIC_COARSE: {
      const m = c.monotonicNs();
      return m - (m % COARSE_RES_NS);
    }
    case CLOCK_PROCESS_CPUTIME_ID:
    case CLOCK_THREAD_CPUTIME_ID:
      return BigInt(Math.floor(t.process.cpuNs));
  }
  // CPU-time clocks of a pid/tid (clock_getcpuclockid): ~pid << 3 | type; ours only.
  if (clk < 0) {
    const pid = ~(clk >> 3);
    if (pid === 0 || pid === t.process.pid || pid === t.tid) return BigInt(Math.floor(t.process.cpuNs));
  }
  return null;
}

function timespec(ns: bigint): Uint8Array {
  const b = new Uint8Array(16);
  const dv = new DataView(b.buffer);
  dv.setBigInt64(0, ns / 1_000_000_000n, true);
  dv.setBigInt64(8, ns % 1_000_000_000n, true);
  return b;
}

/** A guest struct timespec as ns, -EFAULT or -EINVAL. */
function readTimespec(t: Task, addr: number): bigint | number {
  const b = t.process.read(addr, 16);
  if (b === null) return -EFAULT;
  const dv = new DataView(b.buffer);
  const sec = dv.getBigInt64(0, true);
  const nsec = dv.getBigInt64(8, true);
  if (sec < 0n || nsec < 0n || nsec >= 1_000_000_000n) return -EINVAL;
  return sec * 1_000_000_000n + nsec;
}

/**
 * Sleep, cut short by a signal that will be delivered (a handler or a fatal
 * default): then the time left goes to `rem` (when given) and the guest sees
 * EINTR when a handler runs, even under SA_RESTART, as on Linux.
 */
async function sleepFor(t: Task, ns: bigint, rem = 0): Promise<number> {
  const left = await interruptibleSleep(t, ns > 0n ? Number(ns) : 0);
  if (left < 0) return 0;
  if (rem !== 0 && !t.process.write(rem, timespec(BigInt(Math.round(left))))) return -EFAULT;
  return -ERESTART_RESTARTBLOCK;
}

export const timeSyscalls: SyscallDef[] = [
  {
    name: 'clock_gettime',
    args: ['clock', 'hex'],
    handler: (t) => {
      const now = clockNow(t, t.argInt(0));
      if (now === null) return -EINVAL;
      return t.process.write(t.argU64(1), timespec(now)) ? 0 : -EFAULT;
    },
  },
  {
    name: 'clock_getres',
    args: ['clock', 'hex'],
    handler: (t) => {
      const clk = t.argInt(0);
      if (clockNow(t, clk) === null) return -EINVAL;
      const addr = t.argU64(1);
      if (addr === 0) return 0;
      const coarse = clk === CLOCK_REALTIME_COARSE || clk === CLOCK_MONOTONIC_COARSE;
      return t.process.write(addr, timespec(coarse ? COARSE_RES_NS : 1n)) ? 0 : -EFAULT;
    },
  },
  {
    name: 'gettimeofday',
    args: ['hex', 'hex'],
    handler: (t) => {
      const tv = t.argU64(0);
      const tz = t.argU64(1);
      if (tv !== 0) {
        const ns = t.process.host.clock.realtimeNs();
        const b = new Uint8Array(16);
        const dv = new DataView(b.buffer);
        dv.setBigInt64(0, ns / 1_000_000_000n, true);
        dv.setBigInt64(8, (ns % 1_000_000_000n) / 1000n, true);
        if (!t.process.write(tv, b)) return -EFAULT;
      }
      if (tz !== 0 && !t.process.write(tz, new Uint8Array(8))) return -EFAULT;
      return 0;
    },
  },
  {
    name: 'nanosleep',
    args: ['hex', 'hex'],
    handler: (t) => {
      const ns = readTimespec(t, t.argU64(0));
      return typeof ns === 'number' ? ns : sleepFor(t, ns, t.argU64(1));
    },
  },
  {
    name: 'clock_nanosleep',
    args: ['clock', 'int', 'hex', 'hex'],
    handler: (t) => {
      const clk = t.argInt(0);
      if (clk === CLOCK_THREAD_CPUTIME_ID) return -EINVAL;
      const now = clockNow(t, clk);
      if (now === null) return -EINVAL;
      const ns = readTimespec(t, t.argU64(2));
      if (typeof ns === 'number') return ns;
      return t.argInt(1) & TIMER_ABSTIME ? sleepFor(t, ns - now) : sleepFor(t, ns, t.argU64(3));
    },
  },
  {
    name: 'times',
    args: ['hex'],
    handler: (t) => {
      // clock_t in USER_HZ (100) ticks: user time = the time the process's CPUs ran; children reaped.
      const p = t.process;
      const addr = t.argU64(0);
      if (addr !== 0) {
        const b = new Uint8Array(32);
        new DataView(b.buffer).setBigInt64(0, BigInt(Math.floor(p.cpuNs / 1e7)), true);
        new DataView(b.buffer).setBigInt64(16, BigInt(Math.floor(p.childCpuNs / 1e7)), true);
        if (!t.process.write(addr, b)) return -EFAULT;
      }
      return Number(t.process.host.clock.monotonicNs() / 10_000_000n);
    },
  },
];
