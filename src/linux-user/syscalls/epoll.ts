/**
 * Readiness files and their syscalls: epoll_create1/epoll_ctl/epoll_pwait/
 * epoll_pwait2 (../epoll.ts), eventfd2 (../eventfd.ts) and timerfd_create/
 * settime/gettime (../timerfd.ts). Each makes an anonymous-inode file
 * ("anon_inode:[eventpoll]" in /proc/self/fd) open for reading and writing.
 */
import type { HostFile } from '../host.js';
import { OpenFile, O_CLOEXEC, O_NONBLOCK, O_RDWR, type FdTable } from '../files.js';
import type { Task } from '../process.js';
import type { SyscallDef, SyscallResult } from './types.js';
import { EFAULT, EINTR, EINVAL, EPERM } from '../errno.js';
import { EPOLLEXCLUSIVE, EPOLL_CTL_ADD, EPOLL_CTL_DEL, EPOLL_CTL_MOD, EpollFile } from '../epoll.js';
import { EFD_SEMAPHORE, EventFd } from '../eventfd.js';
import { TFD_TIMER_ABSTIME, TFD_TIMER_CANCEL_ON_SET, TimerFd } from '../timerfd.js';
import { monoNs } from '../delivery.js';
import { applySigmask, finishSigmask, isSettling, settle, timespecArg, waitForReady, watch } from './poll.js';
import { fileOf } from './fs.js';
import type { WaitQueue } from '../wait.js';

/** Install a new anonymous file; the descriptor or -EMFILE. */
function installAnon(fds: FdTable, host: HostFile, name: string, flags: number): number {
  const f = new OpenFile(host, O_RDWR | (flags & O_NONBLOCK), `anon_inode:${name}`);
  const fd = fds.install(f, (flags & O_CLOEXEC) !== 0);
  if (fd < 0) f.release();
  return fd;
}

function epollCreate1(t: Task): number {
  const flags = t.argInt(0);
  if (flags & ~O_CLOEXEC) return -EINVAL;
  return installAnon(t.process.fds, new EpollFile(), '[eventpoll]', flags);
}

/** The EpollFile behind a descriptor, or -errno (EBADF, EINVAL when it is not an epoll instance). */
function epollOf(t: Task, fd: number): EpollFile | number {
  const f = fileOf(t, fd);
  if (typeof f === 'number') return f;
  return f.host instanceof EpollFile ? f.host : -EINVAL;
}

function epollCtl(t: Task): number {
  const p = t.process;
  const op = t.argInt(1);
  const fd = t.argInt(2);
  let events = 0;
  let dataLo = 0;
  let dataHi = 0;
  // struct epoll_event on arm64 is not packed: u32 events, 4 bytes of padding, u64 data.
  if (op !== EPOLL_CTL_DEL) {
    const b = p.read(t.argU64(3), 16);
    if (b === null) return -EFAULT;
    const dv = new DataView(b.buffer);
    events = dv.getUint32(0, true);
    dataLo = dv.getUint32(8, true);
    dataHi = dv.getUint32(12, true);
  }
  const ef = fileOf(t, t.argInt(0));
  if (typeof ef === 'number') return ef;
  const target = fileOf(t, fd);
  if (typeof target === 'number') return target;
  // A file with no poll method of its own (regular file, directory) cannot be watched.
  if (target.readiness === null && target.storage) return -EPERM;
  if (!(ef.host instanceof EpollFile)) return -EINVAL;
  if (target === ef) return -EINVAL;
  if (events & EPOLLEXCLUSIVE) {
    if (op === EPOLL_CTL_MOD || target.host instanceof EpollFile) return -EINVAL;
  }
  if (op !== EPOLL_CTL_ADD && op !== EPOLL_CTL_MOD && op !== EPOLL_CTL_DEL) return -EINVAL;
  return ef.host.ctl(op, target, fd, events, dataLo, dataHi);
}

/** Largest maxevents (EP_MAX_EVENTS: INT_MAX / sizeof(struct epoll_event)). */
const EP_MAX_EVENTS = Math.floor(0x7fffffff / 16);

/**
 * epoll_pwait/epoll_pwait2: wait for events (timeoutNs null: forever), with
 * an optional temporary signal mask. A signal ends the wait with EINTR,
 * never a restart (as Linux: epoll_wait is not restarted under SA_RESTART).
 */
function epollWait(t: Task, timeoutNs: number | null, maskAddr: number, maskSize: number): SyscallResult {
  const p = t.process;
  const out = t.argU64(1);
  const max = t.argInt(2);
  if (max <= 0 || max > EP_MAX_EVENTS) return -EINVAL;
  if (!p.mem.accessible(out, max * 16, 2)) return -EFAULT;
  const ep = epollOf(t, t.argInt(0));
  if (typeof ep === 'number') return ep;
  const masked = applySigmask(t, maskAddr, maskSize);
  if (masked < 0) return masked;
  const deliver = (n: number): number => {
    finishSigmask(t, maskAddr !== 0, n === -EINTR);
    return n;
  };
  const epFile = fileOf(t, t.argInt(0)) as OpenFile;
  let events: Uint8Array | null = null;
  const scan = (queues: WaitQueue[]): number => {
    const got = ep.collect(max);
    if (got.length === 0) {
      watch(epFile, queues);
      return 0;
    }
    const b = new Uint8Array(got.length * 16);
    const dv = new DataView(b.buffer);
    got.forEach((e, i) => {
      dv.setUint32(i * 16, e.events, true);
      dv.setUint32(i * 16 + 8, e.dataLo, true);
      dv.setUint32(i * 16 + 12, e.dataHi, true);
    });
    events = b;
    return got.length;
  };
  const finish = (n: number): number => {
    if (n > 0 && events !== null && !p.write(out, events)) return deliver(-EFAULT);
    return deliver(n);
  };
  const deadline = timeoutNs === null ? null : monoNs(p) + timeoutNs;
  const go = (): SyscallResult => {
    const first = scan([]);
    if (first !== 0 || timeoutNs === 0) return finish(first);
    return waitForReady(t, scan, deadline, -EINTR).then(finish);
  };
  // Host streams that have just started fetching input get a moment to deliver it (see poll.ts settle).
  const unsettled = ep.files().filter(isSettling);
  return unsettled.length > 0 ? settle(t, unsettled).then(go) : go();
}

function eventfd2(t: Task): number {
  const flags = t.argInt(1);
  if (flags & ~(EFD_SEMAPHORE | O_CLOEXEC | O_NONBLOCK)) return -EINVAL;
  return installAnon(
    t.process.fds,
    new EventFd(BigInt(t.argU32(0)), (flags & EFD_SEMAPHORE) !== 0),
    '[eventfd]',
    flags,
  );
}

const CLOCK_REALTIME = 0;
const CLOCK_MONOTONIC = 1;
const CLOCK_BOOTTIME = 7;
const CLOCK_REALTIME_ALARM = 8;
const CLOCK_BOOTTIME_ALARM = 9;

function timerfdCreate(t: Task): number {
  const clockid = t.argInt(0);
  const flags = t.argInt(1);
  if (flags & ~(O_CLOEXEC | O_NONBLOCK)) return -EINVAL;
  const ids = [CLOCK_REALTIME, CLOCK_MONOTONIC, CLOCK_BOOTTIME, CLOCK_REALTIME_ALARM, CLOCK_BOOTTIME_ALARM];
  if (!ids.includes(clockid)) return -EINVAL;
  // The alarm clocks need CAP_WAKE_ALARM.
  if ((clockid === CLOCK_REALTIME_ALARM || clockid === CLOCK_BOOTTIME_ALARM) && t.process.uid !== 0) return -EPERM;
  const realtime = clockid === CLOCK_REALTIME || clockid === CLOCK_REALTIME_ALARM;
  return installAnon(t.process.fds, new TimerFd(t.process.host.clock, realtime), '[timerfd]', flags);
}

function timerOf(t: Task, fd: number): TimerFd | number {
  const f = fileOf(t, fd);
  if (typeof f === 'number') return f;
  return f.host instanceof TimerFd ? f.host : -EINVAL;
}

/** struct itimerspec { it_interval, it_value } (two timespecs). */
function putItimerspec(t: Task, addr: number, [value, interval]: [bigint, bigint]): boolean {
  const b = new Uint8Array(32);
  const dv = new DataView(b.buffer);
  dv.setBigInt64(0, interval / 1_000_000_000n, true);
  dv.setBigInt64(8, interval % 1_000_000_000n, true);
  dv.setBigInt64(16, value / 1_000_000_000n, true);
  dv.setBigInt64(24, value % 1_000_000_000n, true);
  return t.process.write(addr, b);
}

function timerfdSettime(t: Task): number {
  const flags = t.argInt(1);
  const b = t.process.read(t.argU64(2), 32);
  if (b === null) return -EFAULT;
  const tf = timerOf(t, t.argInt(0));
  if (typeof tf === 'number') return tf;
  if (flags & ~(TFD_TIMER_ABSTIME | TFD_TIMER_CANCEL_ON_SET)) return -EINVAL;
  const dv = new DataView(b.buffer);
  const parts = [dv.getBigInt64(0, true), dv.getBigInt64(8, true), dv.getBigInt64(16, true), dv.getBigInt64(24, true)];
  if (parts[0] < 0n || parts[2] < 0n || parts[1] < 0n || parts[3] < 0n) return -EINVAL;
  if (parts[1] >= 1_000_000_000n || parts[3] >= 1_000_000_000n) return -EINVAL;
  const interval = parts[0] * 1_000_000_000n + parts[1];
  const value = parts[2] * 1_000_000_000n + parts[3];
  const old = tf.set(flags, value, interval);
  const oldAddr = t.argU64(3);
  if (oldAddr !== 0 && !putItimerspec(t, oldAddr, old)) return -EFAULT;
  return 0;
}

function timerfdGettime(t: Task): number {
  const tf = timerOf(t, t.argInt(0));
  if (typeof tf === 'number') return tf;
  return putItimerspec(t, t.argU64(1), tf.get()) ? 0 : -EFAULT;
}

export const epollSyscalls: SyscallDef[] = [
  { name: 'epoll_create1', args: ['hex'], handler: epollCreate1 },
  { name: 'epoll_ctl', args: ['fd', 'int', 'fd', 'hex'], handler: epollCtl },
  {
    name: 'epoll_pwait',
    args: ['fd', 'hex', 'int', 'int', 'hex', 'size'],
    handler: (t) => {
      const ms = t.argInt(3);
      return epollWait(t, ms < 0 ? null : ms * 1e6, t.argU64(4), t.argU64(5));
    },
  },
  {
    name: 'epoll_pwait2',
    args: ['fd', 'hex', 'int', 'hex', 'hex', 'size'],
    handler: (t) => {
      const ns = timespecArg(t, t.argU64(3));
      if (ns !== null && ns < 0) return ns;
      return epollWait(t, ns, t.argU64(4), t.argU64(5));
    },
  },
  { name: 'eventfd2', args: ['uint', 'hex'], handler: eventfd2 },
  { name: 'timerfd_create', args: ['clock', 'hex'], handler: timerfdCreate },
  { name: 'timerfd_settime', args: ['fd', 'hex', 'hex', 'hex'], handler: timerfdSettime },
  { name: 'timerfd_gettime', args: ['fd', 'hex'], handler: timerfdGettime },
];
