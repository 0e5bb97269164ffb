/**
 * Record locks of fcntl(2) between the guest processes of one armvisor run:
 * F_GETLK/F_SETLK/F_SETLKW (POSIX locks, owned by a descriptor table, so by
 * a process and shared by its threads) and F_OFD_GETLK/F_OFD_SETLK/
 * F_OFD_SETLKW (owned by an open file description). A file is known by its
 * host device and inode. As on Linux (fs/locks.c):
 *
 * - Locks of one owner never conflict with each other; setting a range
 *   replaces what the owner had there (splitting a lock if needed) and
 *   merges neighbouring ranges of the same type.
 * - Closing any descriptor of a file releases every POSIX lock its process
 *   holds on it; OFD locks go when their open file description is closed.
 * - Read locks need the file open for reading, write locks for writing (EBADF).
 *
 * Host processes other than armvisor's own do not see these locks (Node has
 * no fcntl locking), and deadlock detection (EDEADLK) is not done.
 */
import type { FdTable, OpenFile } from './files.js';
import { SEEK_CUR, SEEK_END, SEEK_SET } from './files.js';
import type { Task } from './process.js';
import { WaitQueue } from './wait.js';
import { waitOn } from './syscalls/poll.js';
import { EAGAIN, EBADF, EFAULT, EINVAL } from './errno.js';
import { ERESTARTSYS } from './delivery.js';

const F_GETLK = 5;
const F_SETLKW = 7;
const F_OFD_GETLK = 36;
const F_OFD_SETLK = 37;
const F_OFD_SETLKW = 38;
const F_RDLCK = 0;
const F_WRLCK = 1;
const F_UNLCK = 2;

interface Lock {
  owner: object;
  /** l_pid reported to others: the owner's pid for POSIX locks, -1 for OFD locks. */
  pid: number;
  type: number;
  start: number;
  /** Last byte, inclusive; Infinity: to the end of the file, however it grows. */
  end: number;
}

/** Locks by file ("dev:ino"). */
const locks = new Map<string, Lock[]>();
/** Woken whenever a lock is released or shrunk (F_SETLKW waiters retry). */
const released = new WaitQueue();
/** Identity of files that have been locked, so closing them does not need a host stat. */
const keys = new WeakMap<OpenFile, string>();

function keyOf(f: OpenFile): string | number {
  const k = keys.get(f);
  if (k !== undefined) return k;
  const st = f.stat();
  if (typeof st === 'number') return st;
  const key = `${st.dev}:${st.ino}`;
  keys.set(f, key);
  return key;
}

const overlaps = (a: Lock, start: number, end: number): boolean => a.start <= end && start <= a.end;

/** The first lock of another owner that keeps (type, start, end) from being taken. */
function conflict(list: Lock[], owner: object, type: number, start: number, end: number): Lock | null {
  for (const l of list) {
    if (l.owner === owner || !overlaps(l, start, end)) continue;
    if (type === F_WRLCK || l.type === F_WRLCK) return l;
  }
  return null;
}

/** Give `owner` the range [start, end] with `type` (F_UNLCK removes it), as posix_lock_inode does. */
function setRange(key: string, owner: object, pid: number, type: number, start: number, end: number): void {
  const list = locks.get(key) ?? [];
  const out: Lock[] = [];
  let shrunk = false;
  for (const l of list) {
    if (l.owner !== owner || !overlaps(l, start, end)) {
      out.push(l);
      continue;
    }
    shrunk = true;
    if (l.start < start) out.push({ ...l, end: start - 1 });
    if (l.end > end) out.push({ ...l, start: end + 1 });
  }
  if (type !== F_UNLCK) {
    let lo = start;
    let hi = end;
    // Merge with this owner's adjacent ranges of the same type.
    for (let i = out.length - 1; i >= 0; i--) {
      const l = out[i];
      if (l.owner !== owner || l.type !== type) continue;
      if (l.end + 1 === lo || (hi !== Infinity && hi + 1 === l.start)) {
        lo = Math.min(lo, l.start);
        hi = Math.max(hi, l.end);
        out.splice(i, 1);
      }
    }
    out.push({ owner, pid, type, start: lo, end: hi });
  }
  if (out.length === 0) locks.delete(key);
  else locks.set(key, out);
  if (shrunk) released.wake();
}

/** Drop every lock `owner` holds on the file `key` (close, exit). */
function dropOwner(key: string, owner: object): void {
  const list = locks.get(key);
  if (!list) return;
  const kept = list.filter((l) => l.owner !== owner);
  if (kept.length === list.length) return;
  if (kept.length === 0) locks.delete(key);
  else locks.set(key, kept);
  released.wake();
}

/** Installed as the descriptor table's close hook while it owns POSIX locks. */
function releasePosix(this: FdTable, file: OpenFile): void {
  if (locks.size === 0) return;
  const key = keyOf(file);
  if (typeof key === 'string') dropOwner(key, this);
}

/**
 * fcntl's lock commands on `f`: `addr` points at a struct flock (arm64:
 * l_type s16, l_whence s16, l_start s64 at 8, l_len s64 at 16, l_pid s32 at 24).
 */
export function fcntlLock(t: Task, f: OpenFile, cmd: number, addr: number): number | Promise<number> {
  const p = t.process;
  const raw = p.read(addr, 32);
  if (raw === null) return -EFAULT;
  const dv = new DataView(raw.buffer, raw.byteOffset, 32);
  const type = dv.getInt16(0, true);
  const whence = dv.getInt16(2, true);
  const lStart = Number(dv.getBigInt64(8, true));
  const lLen = Number(dv.getBigInt64(16, true));
  const ofd = cmd >= F_OFD_GETLK;
  if (ofd && dv.getInt32(24, true) !== 0) return -EINVAL;
  let base: number;
  if (whence === SEEK_SET) base = 0;
  else if (whence === SEEK_CUR) base = f.offset;
  else if (whence === SEEK_END) {
    const st = f.stat();
    if (typeof st === 'number') return st;
    base = st.size;
  } else return -EINVAL;
  let start = base + lStart;
  let end = lLen === 0 ? Infinity : start + lLen - 1;
  if (lLen < 0) {
    end = start - 1;
    start += lLen;
  }
  if (start < 0) return -EINVAL;
  if (type !== F_RDLCK && type !== F_WRLCK && type !== F_UNLCK) return -EINVAL;
  const key = keyOf(f);
  if (typeof key === 'number') return key;
  const owner: object = ofd ? f : p.fds;
  const pid = ofd ? -1 : p.pid;

  if (cmd === F_GETLK || cmd === F_OFD_GETLK) {
    if (type === F_UNLCK) return -EINVAL;
    const c = conflict(locks.get(key) ?? [], owner, type, start, end);
    if (c === null) dv.setInt16(0, F_UNLCK, true);
    else {
      dv.setInt16(0, c.type, true);
      dv.setInt16(2, SEEK_SET, true);
      dv.setBigInt64(8, BigInt(c.start), true);
      dv.setBigInt64(16, BigInt(c.end === Infinity ? 0 : c.end - c.start + 1), true);
      dv.setInt32(24, c.pid, true);
    }
    return p.write(addr, raw) ? 0 : -EFAULT;
  }

  if (type === F_RDLCK && !f.readable) return -EBADF;
  if (type === F_WRLCK && !f.writable) return -EBADF;
  const take = (): boolean => {
    if (type !== F_UNLCK && conflict(locks.get(key) ?? [], owner, type, start, end) !== null) return false;
    setRange(key, owner, pid, type, start, end);
    if (ofd) {
      if (!ofdHooked.has(f)) {
        ofdHooked.add(f);
        f.onClose(() => dropOwner(key, f));
      }
    } else p.fds.beforeClose = releasePosix;
    return true;
  };
  if (take()) return 0;
  if (cmd !== F_SETLKW && cmd !== F_OFD_SETLKW) return -EAGAIN;
  return (async () => {
    for (;;) {
      if ((await waitOn(t, [released], null)) === 'signal') return -ERESTARTSYS;
      if (take()) return 0;
    }
  })();
}

const ofdHooked = new WeakSet<OpenFile>();
