/**
 * POSIX timers (../posix-timers.ts), memfd_create (../memfd.ts), flock,
 * fallocate, syncfs, splice and tee.
 */
import type { Task } from '../process.js';
import type { SyscallDef, SyscallResult } from './types.js';
import { OpenFile, O_APPEND, O_NONBLOCK, O_RDWR, S_IFBLK, S_IFDIR, S_IFIFO, S_IFMT, S_IFREG } from '../files.js';
import { EAGAIN, EBADF, EFAULT, EFBIG, EINVAL, EISDIR, ENODEV, EOPNOTSUPP, EPERM, EPIPE, ESPIPE } from '../errno.js';
import { ERESTARTSYS, killInfo, sendSignal, SI_USER } from '../delivery.js';
import { SIGPIPE } from '../signals.js';
import { WaitQueue, block } from '../wait.js';
import { PipeEnd, PAGE } from '../pipe.js';
import {
  DEFAULT_TIMER_SIGNAL,
  MAX_SIGNAL,
  PosixTimer,
  SIGEV_NONE,
  SIGEV_SIGNAL,
  SIGEV_THREAD_ID,
  allocTimerId,
  deleteTimer,
  timerOf,
  timersOf,
} from '../posix-timers.js';
import { MFD_ALLOW_SEALING, MFD_CLOEXEC, MemFile } from '../memfd.js';
import { fileOf } from './fs.js';

// ---------------------------------------------------------------- POSIX timers

const CLOCK_REALTIME = 0;
const CLOCK_MONOTONIC = 1;
const CLOCK_BOOTTIME = 7;
const CLOCK_REALTIME_ALARM = 8;
const CLOCK_BOOTTIME_ALARM = 9;
const CLOCK_TAI = 11;
const TIMER_ABSTIME = 1;

/** The clock ids a timer may use: true for the realtime ones. CPU-time clocks are refused (EINVAL). */
const TIMER_CLOCKS = new Map<number, boolean>([
  [CLOCK_REALTIME, true],
  [CLOCK_MONOTONIC, false],
  [CLOCK_BOOTTIME, false],
  [CLOCK_REALTIME_ALARM, true],
  [CLOCK_BOOTTIME_ALARM, false],
  [CLOCK_TAI, true],
]);

/** timer_create(clockid, struct sigevent *sevp, timer_t *timerid). */
function timerCreate(t: Task): number {
  const p = t.process;
  const clk = t.argInt(0);
  const sevp = t.argU64(1);
  const idAddr = t.argU64(2);
  const realtime = TIMER_CLOCKS.get(clk);
  if (realtime === undefined) {
    if (clk === 2 || clk === 3 || clk < 0) {
      p.diagnostic(`armvisor: timer_create on CPU-time clock ${clk} is not supported: returning -EINVAL`);
    }
    return -EINVAL;
  }
  if ((clk === CLOCK_REALTIME_ALARM || clk === CLOCK_BOOTTIME_ALARM) && p.uid !== 0) return -EPERM;
  let notify = SIGEV_SIGNAL;
  let signo = DEFAULT_TIMER_SIGNAL;
  let value: Uint8Array | null = null;
  let target: Task | null = null;
  if (sevp !== 0) {
    // struct sigevent: sigev_value (8), sigev_signo (s32 at 8), sigev_notify (s32 at 12), _tid (s32 at 16).
    const b = p.read(sevp, 20);
    if (b === null) return -EFAULT;
    const dv = new DataView(b.buffer);
    value = b.slice(0, 8);
    signo = dv.getInt32(8, true);
    notify = dv.getInt32(12, true);
    if (notify === SIGEV_THREAD_ID || notify === (SIGEV_THREAD_ID | SIGEV_SIGNAL)) {
      // good_sigevent: the thread must belong to the caller's thread group.
      const tid = dv.getInt32(16, true);
      target = p.tasks.find((x) => x.tid === tid && !x.exited) ?? null;
      if (target === null) return -EINVAL;
    } else if (notify !== SIGEV_SIGNAL && notify !== SIGEV_NONE) return -EINVAL;
    if (notify !== SIGEV_NONE && (signo <= 0 || signo > MAX_SIGNAL)) return -EINVAL;
  }
  const id = allocTimerId(p);
  if (value === null) {
    // No sigevent: SIGALRM with the timer id as si_value.
    value = new Uint8Array(8);
    new DataView(value.buffer).setInt32(0, id, true);
  }
  const idBytes = new Uint8Array(4);
  new DataView(idBytes.buffer).setInt32(0, id, true);
  if (!p.write(idAddr, idBytes)) return -EFAULT;
  timersOf(p).timers.set(id, new PosixTimer(p, id, realtime, notify, signo, value, target));
  return 0;
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

function timerArg(t: Task): PosixTimer | number {
  return timerOf(t.process, t.argInt(0)) ?? -EINVAL;
}

/** timer_settime(id, flags, new, old). */
function timerSettime(t: Task): number {
  const b = t.process.read(t.argU64(2), 32);
  if (b === null) return -EFAULT;
  const dv = new DataView(b.buffer);
  const parts = [dv.getBigInt64(0, true), dv.getBigInt64(8, true), dv.getBigInt64(16, true), dv.getBigInt64(24, true)];
  const tm = timerArg(t);
  if (typeof tm === 'number') return tm;
  // timespec64_valid: seconds >= 0, 0 <= ns < 1e9, for both fields.
  if (parts.some((x) => x < 0n) || parts[1] >= 1_000_000_000n || parts[3] >= 1_000_000_000n) return -EINVAL;
  const interval = parts[0] * 1_000_000_000n + parts[1];
  const value = parts[2] * 1_000_000_000n + parts[3];
  const old = tm.set((t.argInt(1) & TIMER_ABSTIME) !== 0, value, interval);
  const oldAddr = t.argU64(3);
  if (oldAddr !== 0 && !putItimerspec(t, oldAddr, old)) return -EFAULT;
  return 0;
}

function timerGettime(t: Task): number {
  const tm = timerArg(t);
  if (typeof tm === 'number') return tm;
  return putItimerspec(t, t.argU64(1), tm.get()) ? 0 : -EFAULT;
}

function timerGetoverrun(t: Task): number {
  const tm = timerArg(t);
  return typeof tm === 'number' ? tm : tm.overrun();
}

function timerDelete(t: Task): number {
  return deleteTimer(t.process, t.argInt(0)) ? 0 : -EINVAL;
}

// ---------------------------------------------------------------- memfd

/** NAME_MAX less the "memfd:" prefix. */
const MFD_NAME_MAX = 249;

function memfdCreate(t: Task): number {
  const p = t.process;
  const flags = t.argU32(1);
  if (flags & ~(MFD_CLOEXEC | MFD_ALLOW_SEALING)) {
    // MFD_HUGETLB (and the 6.3 exec flags) are not offered.
    return -EINVAL;
  }
  const raw = p.mem.readCString(t.argU64(0), MFD_NAME_MAX + 1);
  if (raw === null) {
    // Too long or unreadable: Linux tells them apart by strnlen_user.
    return p.mem.accessible(t.argU64(0), 1, 1) ? -EINVAL : -EFAULT;
  }
  const name = new TextDecoder().decode(raw);
  const clock = p.host.clock;
  const file = new MemFile(clock.realtimeNs(), p.uid, p.gid, (flags & MFD_ALLOW_SEALING) !== 0, () =>
    clock.realtimeNs(),
  );
  const f = new OpenFile(file, O_RDWR, `/memfd:${name} (deleted)`);
  const fd = p.fds.install(f, (flags & MFD_CLOEXEC) !== 0);
  if (fd < 0) f.release();
  return fd;
}

// ---------------------------------------------------------------- flock

const LOCK_SH = 1;
const LOCK_EX = 2;
const LOCK_NB = 4;
const LOCK_UN = 8;
/** Obsolete mandatory-lock flag: Linux accepts and ignores the call. */
const LOCK_MAND = 32;

interface FlockEntry {
  owner: OpenFile;
  exclusive: boolean;
}

/** flock locks by file ("dev:ino"); owned by open file descriptions (fs/locks.c flock_lock_inode). */
const flocks = new Map<string, FlockEntry[]>();
/** Woken when a flock is released or downgraded. */
const flockReleased = new WaitQueue();
const flockHooked = new WeakSet<OpenFile>();

function dropFlock(key: string, owner: OpenFile): void {
  const list = flocks.get(key);
  if (!list) return;
  const kept = list.filter((l) => l.owner !== owner);
  if (kept.length === list.length) return;
  if (kept.length === 0) flocks.delete(key);
  else flocks.set(key, kept);
  flockReleased.wake();
}

/** flock(fd, op): checks in Linux's order (LOCK_MAND, the operation, then the descriptor). */
function flock(t: Task): SyscallResult {
  const op = t.argInt(1);
  if (op & LOCK_MAND) {
    t.process.diagnostic('armvisor: flock with LOCK_MAND is ignored (as Linux does since 5.15)');
    return 0;
  }
  const kind = op & ~LOCK_NB;
  if (kind !== LOCK_SH && kind !== LOCK_EX && kind !== LOCK_UN) return -EINVAL;
  const f = fileOf(t, t.argInt(0));
  if (typeof f === 'number') return f;
  // An O_PATH descriptor is open neither for reading nor writing.
  if (kind !== LOCK_UN && !f.readable && !f.writable) return -EBADF;
  const st = f.stat();
  if (typeof st === 'number') return st;
  const key = `${st.dev}:${st.ino}`;
  if (kind === LOCK_UN) {
    dropFlock(key, f);
    return 0;
  }
  const exclusive = kind === LOCK_EX;
  const mine = flocks.get(key)?.find((l) => l.owner === f);
  if (mine && mine.exclusive === exclusive) return 0;
  // A conversion drops the old lock first (others may get in meanwhile, as on Linux).
  if (mine) dropFlock(key, f);
  const take = (): boolean => {
    const list = flocks.get(key) ?? [];
    if (list.some((l) => l.owner !== f && (exclusive || l.exclusive))) return false;
    list.push({ owner: f, exclusive });
    flocks.set(key, list);
    if (!flockHooked.has(f)) {
      flockHooked.add(f);
      f.onClose(() => dropFlock(key, f));
    }
    return true;
  };
  if (take()) return 0;
  if (op & LOCK_NB) return -EAGAIN;
  return (async () => {
    for (;;) {
      if ((await block(t, [flockReleased], null)) === 'signal') return -ERESTARTSYS;
      if (take()) return 0;
    }
  })();
}

// ---------------------------------------------------------------- fallocate, syncfs

const FALLOC_FL_KEEP_SIZE = 1;
const FALLOC_FL_PUNCH_HOLE = 2;
const FALLOC_FL_NO_HIDE_STALE = 4;
const FALLOC_FL_COLLAPSE_RANGE = 8;
const FALLOC_FL_ZERO_RANGE = 0x10;
const FALLOC_FL_INSERT_RANGE = 0x20;
const FALLOC_FL_UNSHARE_RANGE = 0x40;
const FALLOC_SUPPORTED =
  FALLOC_FL_KEEP_SIZE |
  FALLOC_FL_PUNCH_HOLE |
  FALLOC_FL_COLLAPSE_RANGE |
  FALLOC_FL_ZERO_RANGE |
  FALLOC_FL_INSERT_RANGE |
  FALLOC_FL_UNSHARE_RANGE;
/** Largest file offset (MAX_LFS_FILESIZE), as a JS number. */
const MAX_FILE = Number.MAX_SAFE_INTEGER;

/** fallocate(fd, mode, offset, len): checks in vfs_fallocate's order. */
function fallocate(t: Task): number {
  const f = fileOf(t, t.argInt(0));
  if (typeof f === 'number') return f;
  const mode = t.argInt(1);
  const offset = t.argS64(2);
  const len = t.argS64(3);
  if (offset < 0 || len <= 0) return -EINVAL;
  if (mode & ~FALLOC_SUPPORTED) return -EOPNOTSUPP;
  if (mode & FALLOC_FL_NO_HIDE_STALE) return -EOPNOTSUPP;
  if (mode & FALLOC_FL_PUNCH_HOLE && !(mode & FALLOC_FL_KEEP_SIZE)) return -EOPNOTSUPP;
  if (!f.writable) return -EBADF;
  if (f.flags & O_APPEND && mode & ~FALLOC_FL_KEEP_SIZE) return -EPERM;
  const st = f.stat();
  if (typeof st === 'number') return st;
  const type = st.mode & S_IFMT;
  if (type === S_IFIFO) return -ESPIPE;
  if (type === S_IFDIR) return -EISDIR;
  if (type !== S_IFREG && type !== S_IFBLK) return -ENODEV;
  if (offset + len > MAX_FILE) return -EFBIG;
  if (mode === FALLOC_FL_KEEP_SIZE) return 0; // blocks are not reserved ahead here: nothing to do
  if (mode !== 0) {
    t.process.diagnostic(`armvisor: fallocate mode 0x${mode.toString(16)} is not supported: returning -EOPNOTSUPP`);
    return -EOPNOTSUPP;
  }
  const end = offset + len;
  if (end <= st.size) return 0;
  if (type !== S_IFREG || !f.host.truncate) return -EOPNOTSUPP;
  return f.host.truncate(end);
}

function syncfs(t: Task): number {
  const f = fileOf(t, t.argInt(0));
  return typeof f === 'number' ? f : 0;
}

// ---------------------------------------------------------------- splice, tee

const SPLICE_F_NONBLOCK = 2;
const SPLICE_F_ALL = 0xf;

function pipeOf(f: OpenFile): PipeEnd | null {
  return f.host instanceof PipeEnd ? f.host : null;
}

/** A loff_t argument: the offset, null without a pointer, or -errno. */
function readOffset(t: Task, addr: number): number | null {
  if (addr === 0) return null;
  const b = t.process.read(addr, 8);
  if (b === null) return -EFAULT;
  const v = Number(new DataView(b.buffer).getBigInt64(0, true));
  return v < 0 ? -EINVAL : v;
}

function writeOffset(t: Task, addr: number, v: number): boolean {
  const b = new Uint8Array(8);
  new DataView(b.buffer).setBigInt64(0, BigInt(v), true);
  return t.process.write(addr, b);
}

/**
 * Run `once` (a transfer that returns -EAGAIN when it would wait on `q`)
 * until it moves something, waiting unless nonblocking.
 */
function retry(t: Task, q: WaitQueue[], nonblock: boolean, once: () => number): SyscallResult {
  const first = once();
  if (first !== -EAGAIN || nonblock) return first;
  return (async () => {
    for (;;) {
      if ((await block(t, q, null)) === 'signal') return -ERESTARTSYS;
      const n = once();
      if (n !== -EAGAIN) return n;
    }
  })();
}

function sigpipe(t: Task): void {
  sendSignal(t, SIGPIPE, killInfo(t, SIGPIPE, SI_USER));
}

/** Move up to `len` bytes into pipe `out` from `src(buf)` (a read), a page at a time while `out` has room. */
function fillPipe(t: Task, out: PipeEnd, len: number, src: (buf: Uint8Array) => number): number {
  const pipe = out.pipe;
  if (pipe.readers === 0) {
    sigpipe(t);
    return -EPIPE;
  }
  let done = 0;
  const buf = new Uint8Array(PAGE);
  // A write of at most PIPE_BUF bytes into a pipe with a free slot always goes in whole.
  while (done < len && !pipe.full) {
    const n = src(buf.subarray(0, Math.min(PAGE, len - done)));
    if (n < 0) return done > 0 ? done : n;
    if (n === 0) break;
    pipe.write(buf.subarray(0, n), out.packet);
    done += n;
    if (n < Math.min(PAGE, len - done + n)) break;
  }
  if (done === 0 && pipe.full) return -EAGAIN;
  return done;
}

function splice(t: Task): SyscallResult {
  const fin = fileOf(t, t.argInt(0));
  if (typeof fin === 'number') return fin;
  const fout = fileOf(t, t.argInt(2));
  if (typeof fout === 'number') return fout;
  const offInAddr = t.argU64(1);
  const offOutAddr = t.argU64(3);
  const len = Math.min(t.argU64(4), 0x7ffff000);
  const flags = t.argU32(5);
  if (flags & ~SPLICE_F_ALL) return -EINVAL;
  if (!fin.readable || !fout.writable) return -EBADF;
  const pin = pipeOf(fin);
  const pout = pipeOf(fout);
  const nonblock = (flags & SPLICE_F_NONBLOCK) !== 0 || ((fin.flags | fout.flags) & O_NONBLOCK) !== 0;

  if (pin && pout) {
    if (offInAddr !== 0 || offOutAddr !== 0) return -ESPIPE;
    if (pin.pipe === pout.pipe) return -EINVAL;
    if (len === 0) return 0;
    const once = (): number => {
      if (pin.pipe.buffered === 0) return pin.pipe.writers === 0 ? 0 : -EAGAIN;
      return fillPipe(t, pout, len, (buf) => pin.pipe.read(buf));
    };
    return retry(t, [pin.pipe.rdWait, pout.pipe.wrWait], nonblock, once);
  }

  if (pin) {
    // Pipe to file.
    if (offInAddr !== 0) return -ESPIPE;
    if (fout.flags & O_APPEND) return -EINVAL;
    const off = readOffset(t, offOutAddr);
    if (typeof off === 'number' && off < 0) return off;
    if (off !== null && !fout.seekable) return -ESPIPE;
    if (len === 0) return 0;
    const once = (): number => {
      const buf = new Uint8Array(Math.min(len, pin.pipe.buffered));
      const n = pin.pipe.read(buf);
      if (n <= 0) return n;
      const w = off !== null ? fout.pwrite(buf.subarray(0, n), off) : fout.write(buf.subarray(0, n));
      if (w === -EPIPE) sigpipe(t);
      if (w > 0 && off !== null && !writeOffset(t, offOutAddr, off + w)) return -EFAULT;
      return w;
    };
    return retry(t, [pin.pipe.rdWait], nonblock, once);
  }

  if (pout) {
    // File to pipe.
    if (offOutAddr !== 0) return -ESPIPE;
    const off = readOffset(t, offInAddr);
    if (typeof off === 'number' && off < 0) return off;
    if (off !== null && !fin.seekable) return -ESPIPE;
    if (fin.isDir) return -EISDIR;
    if (len === 0) return 0;
    let pos = off;
    const once = (): number => {
      const n = fillPipe(t, pout, len, (buf) => {
        if (pos === null) return fin.read(buf);
        const r = fin.pread(buf, pos);
        if (r > 0) pos += r;
        return r;
      });
      if (n > 0 && off !== null && pos !== null && !writeOffset(t, offInAddr, pos)) return -EFAULT;
      return n;
    };
    const qs = [pout.pipe.wrWait];
    if (fin.readiness) qs.push(fin.readiness);
    return retry(t, qs, nonblock, once);
  }
  return -EINVAL;
}

/** tee(fd_in, fd_out, len, flags): copy from one pipe into another without consuming. */
function tee(t: Task): SyscallResult {
  const fin = fileOf(t, t.argInt(0));
  if (typeof fin === 'number') return fin;
  const fout = fileOf(t, t.argInt(1));
  if (typeof fout === 'number') return fout;
  const len = Math.min(t.argU64(2), 0x7ffff000);
  const flags = t.argU32(3);
  if (flags & ~SPLICE_F_ALL) return -EINVAL;
  const pin = pipeOf(fin);
  const pout = pipeOf(fout);
  if (!pin || !pout || !fin.readable || !fout.writable) return -EINVAL;
  if (pin.pipe === pout.pipe) return -EINVAL;
  if (len === 0) return 0;
  const nonblock = (flags & SPLICE_F_NONBLOCK) !== 0 || ((fin.flags | fout.flags) & O_NONBLOCK) !== 0;
  const once = (): number => {
    const avail = pin.pipe.buffered;
    if (avail === 0) return pin.pipe.writers === 0 ? 0 : -EAGAIN;
    const data = peekPipe(pin, Math.min(len, avail));
    let at = 0;
    return fillPipe(t, pout, data.length, (buf) => {
      const n = Math.min(buf.length, data.length - at);
      buf.set(data.subarray(at, at + n));
      at += n;
      return n;
    });
  };
  return retry(t, [pin.pipe.rdWait, pout.pipe.wrWait], nonblock, once);
}

/**
 * The first `n` unread bytes of a pipe, left in place. Pipe (../pipe.ts)
 * has no peek of its own yet: its slot ring is read here directly.
 */
function peekPipe(end: PipeEnd, n: number): Uint8Array {
  const slots = end.pipe['slots'] as { page: Uint8Array; offset: number; len: number }[];
  const out = new Uint8Array(n);
  let got = 0;
  for (const s of slots) {
    if (got >= n) break;
    const k = Math.min(s.len, n - got);
    out.set(s.page.subarray(s.offset, s.offset + k), got);
    got += k;
  }
  return out;
}

export const moreSyscalls: SyscallDef[] = [
  { name: 'timer_create', args: ['clock', 'hex', 'hex'], handler: timerCreate },
  { name: 'timer_settime', args: ['int', 'hex', 'hex', 'hex'], handler: timerSettime },
  { name: 'timer_gettime', args: ['int', 'hex'], handler: timerGettime },
  { name: 'timer_getoverrun', args: ['int'], handler: timerGetoverrun },
  { name: 'timer_delete', args: ['int'], handler: timerDelete },
  { name: 'memfd_create', args: ['str', 'hex'], handler: memfdCreate },
  { name: 'flock', args: ['fd', 'int'], handler: flock },
  { name: 'fallocate', args: ['fd', 'int', 'long', 'long'], handler: fallocate },
  { name: 'syncfs', args: ['fd'], handler: syncfs },
  { name: 'splice', args: ['fd', 'hex', 'fd', 'hex', 'size', 'hex'], handler: splice },
  { name: 'tee', args: ['fd', 'fd', 'size', 'hex'], handler: tee },
];
