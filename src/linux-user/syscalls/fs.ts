/**
 * File and descriptor syscalls: read/write and their vector and positioned
 * forms, openat/close, stat family, lseek, readlinkat, faccessat, getcwd,
 * chdir, fcntl, dup/dup3, ioctl (terminal queries), getdents64 and a few
 * directory operations. Guest paths are host paths; /proc/self/exe is the
 * guest program.
 */
import { charDeviceStat, type Host, type HostFile, type HostStat } from '../host.js';
import {
  OpenFile,
  O_CLOEXEC,
  O_ACCMODE,
  O_NONBLOCK,
  O_PATH,
  O_RDONLY,
  O_WRONLY,
  S_IFDIR,
  S_IFIFO,
  S_IFMT,
} from '../files.js';
import type { Process, Task } from '../process.js';
import { F_ADD_SEALS, F_GET_SEALS, fcntlSeals } from '../memfd.js';
import type { SyscallDef, SyscallResult } from './types.js';
import {
  EAGAIN,
  EBADF,
  EFAULT,
  EINVAL,
  EMFILE,
  ENOENT,
  ENOTDIR,
  ENOTTY,
  ENXIO,
  ERANGE,
  ENAMETOOLONG,
  EISDIR,
  EPIPE,
  ESPIPE,
} from '../errno.js';
import { SIGPIPE } from '../signals.js';
import { ERESTARTSYS, SI_USER, killInfo, sendSignal } from '../delivery.js';
import { isSettling, settle, waitOn } from './poll.js';
import { PipeEnd, makePipe } from '../pipe.js';
import { openProcFile, procFdPath } from '../procfs.js';
import { fcntlLock } from '../locks.js';
import { FD_LIMIT } from '../files.js';

export const AT_FDCWD = -100;
export const AT_SYMLINK_NOFOLLOW = 0x100;
export const AT_REMOVEDIR = 0x200;
export const AT_EMPTY_PATH = 0x1000;

const F_DUPFD = 0;
const F_GETFD = 1;
const F_SETFD = 2;
const F_GETFL = 3;
const F_SETFL = 4;
const F_SETLK = 6;
const F_SETLKW = 7;
const F_GETLK = 5;
const F_OFD_GETLK = 36;
const F_OFD_SETLK = 37;
const F_OFD_SETLKW = 38;
const F_DUPFD_CLOEXEC = 1030;
const F_SETPIPE_SZ = 1031;
const F_GETPIPE_SZ = 1032;
const FD_CLOEXEC = 1;
const O_DIRECT = 0o200000;

/** Status flags F_SETFL may change: O_APPEND, O_NONBLOCK, O_DIRECT, O_NOATIME, O_ASYNC. */
const SETFL_MASK = 0o2000 | 0o4000 | 0o200000 | 0o1000000 | 0o20000;

/** Normalise an absolute path ("." and ".." and repeated slashes). */
export function normalizePath(p: string): string {
  const out: string[] = [];
  for (const part of p.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return '/' + out.join('/');
}

/**
 * The host path a guest (dirfd, path) pair names, or a negative errno.
 * Relative paths start at the directory dirfd refers to, or the working
 * directory for AT_FDCWD.
 */
export function resolvePath(p: Process, dirfd: number, path: string): string | number {
  if (path === '') return -ENOENT;
  if (path.length >= 4096) return -ENAMETOOLONG;
  if (path === '/proc/self/exe' || path === `/proc/${p.pid}/exe`) return p.exePath;
  if (path.startsWith('/')) return inSysroot(p, path);
  let base: string;
  if (dirfd === AT_FDCWD) base = p.cwd;
  else {
    const f = p.fds.get(dirfd);
    if (!f) return -EBADF;
    if (!f.isDir) return -ENOTDIR;
    base = f.path;
  }
  return normalizePath(base + '/' + path);
}

/**
 * With -L, an absolute path names the sysroot's file when that exists (as
 * qemu-user's path() does), else the host's; /proc and /dev stay the host's.
 */
export function inSysroot(p: { sysroot: string | null; host: Host }, path: string): string {
  if (p.sysroot === null || path.startsWith('/proc/') || path.startsWith('/dev/') || path === '/') return path;
  const candidate = p.sysroot + path;
  return typeof p.host.fs.stat(candidate, false) === 'number' ? path : candidate;
}

/** Read a path argument: the string or -EFAULT. */
export function pathArg(t: Task, n: number): string | number {
  const s = t.process.readString(t.argU64(n), 4096);
  return s === null ? -EFAULT : s;
}

/** struct stat of arm64 (asm-generic, 128 bytes). */
export function encodeStat(st: HostStat): Uint8Array {
  const b = new Uint8Array(128);
  const dv = new DataView(b.buffer);
  const u64 = (off: number, v: number) => {
    dv.setUint32(off, v % 4294967296, true);
    dv.setUint32(off + 4, Math.floor(v / 4294967296), true);
  };
  u64(0, st.dev);
  u64(8, st.ino);
  dv.setUint32(16, st.mode, true);
  dv.setUint32(20, st.nlink, true);
  dv.setUint32(24, st.uid, true);
  dv.setUint32(28, st.gid, true);
  u64(32, st.rdev);
  u64(48, st.size);
  dv.setInt32(56, st.blksize, true);
  u64(64, st.blocks);
  u64(72, st.atimeSec);
  u64(80, st.atimeNsec);
  u64(88, st.mtimeSec);
  u64(96, st.mtimeNsec);
  u64(104, st.ctimeSec);
  u64(112, st.ctimeNsec);
  return b;
}

const devMajor = (dev: number): number => ((dev >>> 8) & 0xfff) | (Math.floor(dev / 4294967296) & ~0xfff);
const devMinor = (dev: number): number => (dev & 0xff) | ((dev >>> 12) & ~0xff & 0xfffff);

/** struct statx (256 bytes) with the basic fields (STATX_BASIC_STATS). */
export function encodeStatx(st: HostStat): Uint8Array {
  const b = new Uint8Array(256);
  const dv = new DataView(b.buffer);
  const u64 = (off: number, v: number) => {
    dv.setUint32(off, v % 4294967296, true);
    dv.setUint32(off + 4, Math.floor(v / 4294967296), true);
  };
  dv.setUint32(0, 0x7ff, true);
  dv.setUint32(4, st.blksize, true);
  dv.setUint32(16, st.nlink, true);
  dv.setUint32(20, st.uid, true);
  dv.setUint32(24, st.gid, true);
  dv.setUint16(28, st.mode, true);
  u64(32, st.ino);
  u64(40, st.size);
  u64(48, st.blocks);
  u64(64, st.atimeSec);
  dv.setUint32(72, st.atimeNsec, true);
  u64(96, st.ctimeSec);
  dv.setUint32(104, st.ctimeNsec, true);
  u64(112, st.mtimeSec);
  dv.setUint32(120, st.mtimeNsec, true);
  dv.setUint32(128, devMajor(st.rdev), true);
  dv.setUint32(132, devMinor(st.rdev), true);
  dv.setUint32(136, devMajor(st.dev), true);
  dv.setUint32(140, devMinor(st.dev), true);
  return b;
}

export function fileOf(t: Task, fd: number): OpenFile | number {
  const f = t.process.fds.get(fd);
  return f ?? -EBADF;
}

/** Largest single transfer (Linux's MAX_RW_COUNT is INT_MAX rounded to pages). */
const MAX_RW = 0x7ffff000;

/**
 * Run `op` (a read or write that returns -EAGAIN when it would wait) the way
 * a blocking descriptor does: `first` is its first result; while it says
 * -EAGAIN on a descriptor without O_NONBLOCK whose file can wake us, wait
 * for the file's readiness and try again. A signal ends the wait with
 * -ERESTARTSYS (SA_RESTART then restarts the call).
 */
export function retryBlocking(t: Task, f: OpenFile, first: number, op: () => number): SyscallResult {
  const q = f.readiness;
  if (first !== -EAGAIN || q === null) return first;
  // A host stream that has just started fetching input gets a moment to deliver what is already there.
  if (f.nonblocking) return isSettling(f) ? settle(t, [f]).then(op) : first;
  return (async () => {
    for (;;) {
      if ((await waitOn(t, [q], null)) === 'signal') return -ERESTARTSYS;
      const n = op();
      if (n !== -EAGAIN || f.nonblocking) return n;
    }
  })();
}

/** Largest buffer one read of a stream takes at once (a shorter read is always allowed there). */
const STREAM_READ_MAX = 1 << 18;

function doRead(t: Task, f: OpenFile, addr: number, len: number, pos: number | null): SyscallResult {
  len = Math.min(len, MAX_RW, f.readiness ? STREAM_READ_MAX : 1 << 24);
  if (len === 0) return f.readable ? 0 : -EBADF;
  // The buffer must be writable where data lands: check the first byte now and
  // the rest once the size is known (a short read into a short buffer is fine).
  if (!t.process.mem.accessible(addr, 1, 2)) return -EFAULT;
  const buf = new Uint8Array(len);
  const once = (): number => (pos === null ? f.read(buf) : f.pread(buf, pos));
  const deliver = (n: number): number => (n > 0 && !t.process.write(addr, buf.subarray(0, n)) ? -EFAULT : n);
  const r = retryBlocking(t, f, once(), once);
  return typeof r === 'number' ? deliver(r) : r.then(deliver);
}

/** Writing to a pipe or socket nobody reads: SIGPIPE to the writer (send_sig with SEND_SIG_NOINFO: SI_USER, our pid). */
function sigpipe(t: Task): void {
  sendSignal(t, SIGPIPE, killInfo(t, SIGPIPE, SI_USER));
}

/**
 * Write all of `data` as Linux does: a regular file takes it at once; a
 * stream (pipe, socket) without O_NONBLOCK is written in as many pieces as
 * its buffer allows, waiting in between, and a signal after some bytes
 * returns that count. EPIPE sends SIGPIPE, even after a partial write.
 */
export function writeAll(t: Task, f: OpenFile, data: Uint8Array, pos: number | null): SyscallResult {
  const len = data.length;
  const once = (from: number): number => {
    const chunk = from === 0 ? data : data.subarray(from);
    const n = pos === null ? f.write(chunk) : f.pwrite(chunk, pos + from);
    if (n === -EPIPE) sigpipe(t);
    return n;
  };
  const first = once(0);
  const q = f.readiness;
  if (q === null || f.nonblocking || (first < 0 && first !== -EAGAIN) || first === len) return first;
  return (async () => {
    let done = Math.max(0, first);
    // After progress, try again at once (a socket may take more); wait only when the file says EAGAIN.
    let n = first;
    for (;;) {
      if (n === -EAGAIN) {
        if (f.nonblocking) return done > 0 ? done : n;
        if ((await waitOn(t, [q], null)) === 'signal') return done > 0 ? done : -ERESTARTSYS;
      }
      n = once(done);
      if (n < 0 && n !== -EAGAIN) return done > 0 ? done : n;
      if (n > 0) done += n;
      if (done >= len) return done;
    }
  })();
}

function doWrite(t: Task, f: OpenFile, addr: number, len: number, pos: number | null): SyscallResult {
  len = Math.min(len, MAX_RW);
  if (len === 0) return f.writable ? 0 : -EBADF;
  const data = t.process.read(addr, len);
  if (data === null) return -EFAULT;
  return writeAll(t, f, data, pos);
}

/** The (base, len) pairs of a struct iovec array, or -errno. */
function iovecs(t: Task, addr: number, count: number): [number, number][] | number {
  if (count < 0 || count > 1024) return -EINVAL;
  const raw = t.process.read(addr, count * 16);
  if (raw === null) return -EFAULT;
  const dv = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
  const out: [number, number][] = [];
  let total = 0;
  for (let i = 0; i < count; i++) {
    const base = dv.getUint32(i * 16 + 4, true) * 4294967296 + dv.getUint32(i * 16, true);
    const len = dv.getUint32(i * 16 + 12, true) * 4294967296 + dv.getUint32(i * 16 + 8, true);
    if (len > 0x7fffffffffff) return -EINVAL;
    total += len;
    out.push([base, len]);
  }
  if (total > 0x7fffffffffff) return -EINVAL;
  return out;
}

/**
 * readv/preadv: one read of the total size (so a pipe or socket is read
 * once, waiting only when empty), then scattered over the vectors. A vector
 * that faults ends the copy there: the bytes copied so far are the result
 * (a seekable file's offset moves back over the rest).
 */
function readv(t: Task, pos: number | null): SyscallResult {
  const f = fileOf(t, t.argInt(0));
  if (typeof f === 'number') return f;
  const v = iovecs(t, t.argU64(1), t.argInt(2));
  if (typeof v === 'number') return v;
  let total = 0;
  for (const [, len] of v) total += len;
  total = Math.min(total, MAX_RW, f.readiness ? STREAM_READ_MAX : 1 << 24);
  const buf = new Uint8Array(total);
  const once = (): number => (pos === null ? f.read(buf) : f.pread(buf, pos));
  const scatter = (n: number): number => {
    if (n <= 0) return n;
    let copied = 0;
    for (const [base, len] of v) {
      const k = Math.min(len, n - copied);
      if (k === 0) continue;
      if (!t.process.write(base, buf.subarray(copied, copied + k))) {
        if (pos === null && f.seekable) f.offset -= n - copied;
        return copied > 0 ? copied : -EFAULT;
      }
      copied += k;
      if (copied === n) break;
    }
    return n;
  };
  const r = retryBlocking(t, f, once(), once);
  return typeof r === 'number' ? scatter(r) : r.then(scatter);
}

function writev(t: Task, pos: number | null): SyscallResult {
  const f = fileOf(t, t.argInt(0));
  if (typeof f === 'number') return f;
  const v = iovecs(t, t.argU64(1), t.argInt(2));
  if (typeof v === 'number') return v;
  // Gather first so one writev is one host write (lines stay whole on a terminal).
  const parts: Uint8Array[] = [];
  let size = 0;
  for (const [base, len] of v) {
    if (len === 0) continue;
    const d = t.process.read(base, len);
    if (d === null) {
      if (size === 0) return -EFAULT;
      break; // write what precedes the bad vector, as Linux copies up to the fault
    }
    parts.push(d);
    size += len;
  }
  if (size === 0) return f.writable ? 0 : -EBADF;
  const all = new Uint8Array(size);
  let o = 0;
  for (const p of parts) {
    all.set(p, o);
    o += p.length;
  }
  return writeAll(t, f, all, pos);
}

function statPath(t: Task, dirfd: number, pathAddr: number, flags: number): HostStat | number {
  const p = t.process;
  const path = p.readString(pathAddr, 4096);
  if (path === null) return -EFAULT;
  if (path === '' && flags & AT_EMPTY_PATH) {
    if (dirfd === AT_FDCWD) return p.host.fs.stat(p.cwd, true);
    const f = fileOf(t, dirfd);
    return typeof f === 'number' ? f : f.stat();
  }
  const host = resolvePath(p, dirfd, path);
  if (typeof host === 'number') return host;
  const follow = (flags & AT_SYMLINK_NOFOLLOW) === 0;
  // /proc/self/fd/N names the guest's descriptor N (a symbolic link to its file), not the emulator's.
  const fdLink = host.startsWith('/proc/') ? procFdPath(p, host) : null;
  if (fdLink) {
    const f = fdLink.proc.fds.get(fdLink.fd);
    if (!f) return -ENOENT;
    if (follow) return f.stat();
    return procLinkStat(f, fdLinkTarget(fdLink.proc, f));
  }
  return p.host.fs.stat(host, follow);
}

/** lstat of a /proc/self/fd entry: a symbolic link whose permissions say how the file is open (proc_fd_link). */
function procLinkStat(f: OpenFile, target: string): HostStat {
  const mode = 0o120000 | (f.readable ? 0o500 : 0) | (f.writable ? 0o300 : 0);
  return { ...charDeviceStat(), mode, size: new TextEncoder().encode(target).length, blksize: 1024 };
}

/**
 * Where a /proc/self/fd link points: the file's path or label ("pipe:[N]",
 * "anon_inode:[eventfd]"); for the standard streams inherited from the host,
 * what the emulator's own descriptor points at (as the host kernel, and so
 * qemu, would show).
 */
export function fdLinkTarget(p: Process, f: OpenFile): string {
  const std = ['/dev/stdin', '/dev/stdout', '/dev/stderr'].indexOf(f.path);
  if (std >= 0) {
    const real = p.host.fs.readlink(`/proc/self/fd/${std}`);
    if (typeof real === 'string') return real;
  }
  return f.path;
}

// Terminal ioctls (asm-generic/ioctls.h).
const TCGETS = 0x5401;
const TCSETS = 0x5402;
const TCSETSW = 0x5403;
const TCSETSF = 0x5404;
const TIOCGPGRP = 0x540f;
const TIOCGWINSZ = 0x5413;
const TIOCSWINSZ = 0x5414;
const FIONBIO = 0x5421;
const FIONREAD = 0x541b;
const FIOCLEX = 0x5451;
const FIONCLEX = 0x5450;

/** A cooked terminal's termios (struct termios of arm64: 4 flags, c_line, 19 c_cc). */
function defaultTermios(): Uint8Array {
  const b = new Uint8Array(36);
  const dv = new DataView(b.buffer);
  dv.setUint32(0, 0x2d02, true); // BRKINT ICRNL IXON IXANY IMAXBEL (≈ stty sane)
  dv.setUint32(4, 0x5, true); // OPOST ONLCR
  dv.setUint32(8, 0xbf, true); // B38400 CS8 CREAD
  dv.setUint32(12, 0x8a3b, true); // ISIG ICANON ECHO ECHOE ECHOK ECHOCTL ECHOKE IEXTEN
  const cc = [3, 0x1c, 0x7f, 0x15, 4, 0, 1, 0, 0x11, 0x13, 0x1a, 0, 0x12, 0x0f, 0x17, 0x16, 0];
  b.set(cc, 17);
  return b;
}

/**
 * FIONREAD: bytes a read would find now. Pipes and buffered host streams
 * count their buffer; a regular file what lies past the offset (as Linux's
 * generic file ioctl); other files do not answer (ENOTTY).
 */
function unreadBytes(f: OpenFile): number | null {
  if (f.host instanceof PipeEnd) return f.host.pipe.buffered;
  const counted = (f.host as { unreadBytes?: () => number }).unreadBytes;
  if (counted) return counted.call(f.host);
  if (f.seekable && !f.isDir) {
    const st = f.stat();
    return typeof st === 'number' ? null : Math.max(0, st.size - f.offset);
  }
  return null;
}

function ioctl(t: Task): number {
  const fd = t.argInt(0);
  const req = t.argU32(1);
  const arg = t.argU64(2);
  const f = fileOf(t, fd);
  if (typeof f === 'number') return f;
  switch (req) {
    case FIOCLEX:
    case FIONCLEX:
      t.process.fds.setCloexec(fd, req === FIOCLEX);
      return 0;
    case FIONBIO: {
      const v = t.process.read(arg, 4);
      if (v === null) return -EFAULT;
      const on = new DataView(v.buffer).getInt32(0, true) !== 0;
      f.flags = on ? f.flags | 0o4000 : f.flags & ~0o4000;
      return 0;
    }
    case FIONREAD: {
      const n = unreadBytes(f);
      if (n === null) break;
      const b = new Uint8Array(4);
      new DataView(b.buffer).setInt32(0, Math.min(n, 0x7fffffff), true);
      return t.process.write(arg, b) ? 0 : -EFAULT;
    }
  }
  if (!f.isTerminal()) return -ENOTTY;
  switch (req) {
    case TCGETS:
      return t.process.write(arg, defaultTermios()) ? 0 : -EFAULT;
    case TCSETS:
    case TCSETSW:
    case TCSETSF:
      // Accepted and not applied: the host terminal keeps its own mode.
      return t.process.read(arg, 36) === null ? -EFAULT : 0;
    case TIOCGWINSZ: {
      const ws = f.host.windowSize?.() ?? { rows: 24, cols: 80 };
      const b = new Uint8Array(8);
      const dv = new DataView(b.buffer);
      dv.setUint16(0, ws.rows, true);
      dv.setUint16(2, ws.cols, true);
      return t.process.write(arg, b) ? 0 : -EFAULT;
    }
    case TIOCSWINSZ:
      return 0;
    case TIOCGPGRP: {
      const b = new Uint8Array(4);
      new DataView(b.buffer).setInt32(0, t.process.pid, true);
      return t.process.write(arg, b) ? 0 : -EFAULT;
    }
  }
  return -ENOTTY;
}

function fcntl(t: Task): SyscallResult {
  const fd = t.argInt(0);
  const cmd = t.argInt(1);
  const fds = t.process.fds;
  const f = fds.get(fd);
  if (!f) return -EBADF;
  switch (cmd) {
    case F_DUPFD:
    case F_DUPFD_CLOEXEC: {
      const min = t.argInt(2);
      if (min < 0 || min >= FD_LIMIT) return -EINVAL;
      const r = fds.install(f, cmd === F_DUPFD_CLOEXEC, min);
      if (r >= 0) f.refs++;
      return r;
    }
    case F_GETFD:
      return fds.getCloexec(fd) ? FD_CLOEXEC : 0;
    case F_SETFD:
      fds.setCloexec(fd, (t.argInt(2) & FD_CLOEXEC) !== 0);
      return 0;
    case F_GETFL:
      return f.flags;
    case F_SETFL:
      f.flags = (f.flags & ~SETFL_MASK) | (t.argInt(2) & SETFL_MASK);
      if (f.host instanceof PipeEnd) f.host.packet = (f.flags & O_DIRECT) !== 0;
      return 0;
    case F_GETLK:
    case F_SETLK:
    case F_SETLKW:
    case F_OFD_GETLK:
    case F_OFD_SETLK:
    case F_OFD_SETLKW:
      return fcntlLock(t, f, cmd, t.argU64(2));
    case F_ADD_SEALS:
    case F_GET_SEALS:
      return fcntlSeals(f, cmd, t.argU32(2));
    case F_GETPIPE_SZ:
      return f.host instanceof PipeEnd ? f.host.pipe.maxSlots * 4096 : -EBADF;
    case F_SETPIPE_SZ:
      return f.host instanceof PipeEnd ? f.host.pipe.resize(t.argU32(2), t.process.uid === 0) : -EBADF;
  }
  return -EINVAL;
}

/**
 * pipe2: a pipe inside the emulator (see ../pipe.ts), read end first.
 * O_DIRECT makes it a packet pipe (each write one packet, each read at most one).
 */
function pipe2(t: Task): number {
  const p = t.process;
  const flags = t.argInt(1);
  if (flags & ~(O_CLOEXEC | O_NONBLOCK | O_DIRECT)) return -EINVAL;
  const ends = makePipe(p.host.clock.realtimeNs(), p.uid, p.gid);
  ends.write.packet = (flags & O_DIRECT) !== 0;
  const label = `pipe:[${ends.read.pipe.ino}]`;
  const status = flags & (O_NONBLOCK | O_DIRECT);
  const rf = new OpenFile(ends.read, O_RDONLY | status, label);
  const wf = new OpenFile(ends.write, O_WRONLY | status, label);
  const cloexec = (flags & O_CLOEXEC) !== 0;
  const r = p.fds.install(rf, cloexec);
  const w = r < 0 ? r : p.fds.install(wf, cloexec);
  if (w < 0) {
    if (r >= 0) p.fds.close(r);
    else rf.release();
    wf.release();
    return -EMFILE;
  }
  const b = new Uint8Array(8);
  const dv = new DataView(b.buffer);
  dv.setInt32(0, r, true);
  dv.setInt32(4, w, true);
  if (p.write(t.argU64(0), b)) return 0;
  p.fds.close(r);
  p.fds.close(w);
  return -EFAULT;
}

const CLOSE_RANGE_UNSHARE = 2;
const CLOSE_RANGE_CLOEXEC = 4;

/** close_range(first, last, flags): the table is this process's own already, so UNSHARE has nothing to do. */
function closeRange(t: Task): number {
  const first = t.argU32(0);
  const last = t.argU32(1);
  const flags = t.argU32(2);
  if (flags & ~(CLOSE_RANGE_UNSHARE | CLOSE_RANGE_CLOEXEC) || first > last) return -EINVAL;
  t.process.fds.closeRange(first, last, (flags & CLOSE_RANGE_CLOEXEC) !== 0);
  return 0;
}

/**
 * fadvise64(fd, offset, len, advice): a hint, accepted once checked as
 * Linux checks it (EBADF, ESPIPE on a pipe or FIFO, EINVAL for an unknown
 * advice or a negative length).
 */
function fadvise64(t: Task): number {
  const f = fileOf(t, t.argInt(0));
  if (typeof f === 'number') return f;
  const st = f.stat();
  if (typeof st !== 'number' && (st.mode & S_IFMT) === S_IFIFO) return -ESPIPE;
  const advice = t.argInt(3);
  if (t.argS64(2) < 0 || advice < 0 || advice > 5) return -EINVAL;
  return 0;
}

/**
 * A path that names one of the guest's own descriptors (/proc/self/fd/N,
 * /dev/fd/N, /dev/stdin, …): Linux opens the file behind the descriptor. The
 * host would look at the emulator's own descriptors instead, so: a pipe gets
 * a new end of the same pipe, a file with a host path is opened by that path,
 * anything else (inherited stdio) is left to the host.
 */
function reopenOwnFd(p: Process, path: string, flags: number): HostFile | string | number | null {
  const which = procFdPath(p, path);
  if (which === null) return null;
  const f = which.proc.fds.get(which.fd);
  if (!f) return path.startsWith('/dev/std') ? null : -ENOENT;
  if (f.host instanceof PipeEnd) return f.host.pipe.open((flags & O_ACCMODE) !== O_WRONLY);
  if (f.path.startsWith('anon_inode:')) return -ENXIO;
  // A standard stream inherited from the host: the emulator's own descriptor behind it.
  const std = ['/dev/stdin', '/dev/stdout', '/dev/stderr'].indexOf(f.path);
  if (std >= 0) return `/proc/self/fd/${std}`;
  if (f.path.startsWith('/')) return f.path;
  return null;
}

function dup3(t: Task, oldfd: number, newfd: number, flags: number): number {
  const fds = t.process.fds;
  const f = fds.get(oldfd);
  if (!f) return -EBADF;
  if (flags & ~O_CLOEXEC) return -EINVAL;
  if (oldfd === newfd) return -EINVAL;
  if (newfd < 0 || newfd >= 1024) return -EBADF;
  f.refs++;
  fds.installAt(newfd, f, (flags & O_CLOEXEC) !== 0);
  return newfd;
}

function getdents64(t: Task): number {
  const f = fileOf(t, t.argInt(0));
  if (typeof f === 'number') return f;
  const addr = t.argU64(1);
  const count = t.argU32(2);
  const list = f.entries();
  if (typeof list === 'number') return list;
  const out = new Uint8Array(Math.min(count, 1 << 20));
  const dv = new DataView(out.buffer);
  const enc = new TextEncoder();
  let o = 0;
  while (f.dirPos < list.length) {
    const e = list[f.dirPos];
    const name = enc.encode(e.name);
    const reclen = (19 + name.length + 1 + 7) & ~7;
    if (o + reclen > out.length) {
      if (o === 0) return -EINVAL;
      break;
    }
    dv.setUint32(o, e.ino % 4294967296, true);
    dv.setUint32(o + 4, Math.floor(e.ino / 4294967296), true);
    dv.setUint32(o + 8, f.dirPos + 1, true); // d_off: position of the next entry
    dv.setUint16(o + 16, reclen, true);
    out[o + 18] = e.type;
    out.set(name, o + 19);
    o += reclen;
    f.dirPos++;
  }
  f.offset = f.dirPos;
  return t.process.write(addr, out.subarray(0, o)) ? o : -EFAULT;
}

function openat(t: Task, dirfd: number, pathAddr: number, flags: number, mode: number): number {
  const p = t.process;
  const path = p.readString(pathAddr, 4096);
  if (path === null) return -EFAULT;
  let host = resolvePath(p, dirfd, path);
  if (typeof host === 'number') return host;
  const own = reopenOwnFd(p, host, flags);
  if (typeof own === 'number') return own;
  if (typeof own === 'string') host = own;
  let hf: HostFile | number;
  let abs = host.startsWith('/') ? host : normalizePath(p.cwd + '/' + host);
  if (own instanceof PipeEnd) {
    hf = own;
    abs = `pipe:[${own.pipe.ino}]`;
  } else hf = openProcFile(p, host) ?? p.host.fs.open(host, flags & ~O_PATH, mode);
  if (typeof hf === 'number') return hf;
  const f = new OpenFile(hf, flags & ~O_CLOEXEC, abs);
  if (f.isDir && (flags & O_ACCMODE) !== 0) {
    f.release();
    return -EISDIR;
  }
  const fd = p.fds.install(f, (flags & O_CLOEXEC) !== 0);
  if (fd < 0) f.release();
  return fd;
}

export const fsSyscalls: SyscallDef[] = [
  {
    name: 'read',
    args: ['fd', 'hex', 'size'],
    handler: (t) => {
      const f = fileOf(t, t.argInt(0));
      return typeof f === 'number' ? f : doRead(t, f, t.argU64(1), t.argU64(2), null);
    },
  },
  {
    name: 'write',
    args: ['fd', 'hex', 'size'],
    handler: (t) => {
      const f = fileOf(t, t.argInt(0));
      return typeof f === 'number' ? f : doWrite(t, f, t.argU64(1), t.argU64(2), null);
    },
  },
  {
    name: 'pread64',
    args: ['fd', 'hex', 'size', 'long'],
    handler: (t) => {
      const f = fileOf(t, t.argInt(0));
      if (typeof f === 'number') return f;
      const pos = t.argS64(3);
      return pos < 0 ? -EINVAL : doRead(t, f, t.argU64(1), t.argU64(2), pos);
    },
  },
  {
    name: 'pwrite64',
    args: ['fd', 'hex', 'size', 'long'],
    handler: (t) => {
      const f = fileOf(t, t.argInt(0));
      if (typeof f === 'number') return f;
      const pos = t.argS64(3);
      return pos < 0 ? -EINVAL : doWrite(t, f, t.argU64(1), t.argU64(2), pos);
    },
  },
  { name: 'readv', args: ['fd', 'hex', 'int'], handler: (t) => readv(t, null) },
  { name: 'writev', args: ['fd', 'hex', 'int'], handler: (t) => writev(t, null) },
  {
    name: 'preadv',
    args: ['fd', 'hex', 'int', 'long'],
    handler: (t) => (t.argS64(3) < 0 ? -EINVAL : readv(t, t.argS64(3))),
  },
  {
    name: 'pwritev',
    args: ['fd', 'hex', 'int', 'long'],
    handler: (t) => (t.argS64(3) < 0 ? -EINVAL : writev(t, t.argS64(3))),
  },
  {
    name: 'openat',
    args: ['dirfd', 'str', 'oflags', 'uint'],
    handler: (t) => openat(t, t.argInt(0), t.argU64(1), t.argInt(2), t.argU32(3) & 0o7777 & ~t.process.umask),
  },
  { name: 'close', args: ['fd'], handler: (t) => t.process.fds.close(t.argInt(0)) },
  {
    name: 'lseek',
    args: ['fd', 'long', 'int'],
    handler: (t) => {
      const f = fileOf(t, t.argInt(0));
      return typeof f === 'number' ? f : f.seek(t.argS64(1), t.argInt(2));
    },
  },
  {
    name: 'fstat',
    args: ['fd', 'hex'],
    handler: (t) => {
      const f = fileOf(t, t.argInt(0));
      if (typeof f === 'number') return f;
      const st = f.stat();
      if (typeof st === 'number') return st;
      return t.process.write(t.argU64(1), encodeStat(st)) ? 0 : -EFAULT;
    },
  },
  {
    name: 'newfstatat',
    args: ['dirfd', 'str', 'hex', 'hex'],
    handler: (t) => {
      const flags = t.argInt(3);
      if (flags & ~(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH | 0x800)) return -EINVAL;
      const st = statPath(t, t.argInt(0), t.argU64(1), flags);
      if (typeof st === 'number') return st;
      return t.process.write(t.argU64(2), encodeStat(st)) ? 0 : -EFAULT;
    },
  },
  {
    name: 'statx',
    args: ['dirfd', 'str', 'hex', 'hex', 'hex'],
    handler: (t) => {
      const flags = t.argInt(2);
      const st = statPath(t, t.argInt(0), t.argU64(1), flags);
      if (typeof st === 'number') return st;
      return t.process.write(t.argU64(4), encodeStatx(st)) ? 0 : -EFAULT;
    },
  },
  {
    name: 'readlinkat',
    args: ['dirfd', 'str', 'hex', 'size'],
    handler: (t) => {
      const p = t.process;
      const path = p.readString(t.argU64(1), 4096);
      if (path === null) return -EFAULT;
      const size = t.argInt(3);
      if (size <= 0) return -EINVAL;
      let target: string | number;
      const fdLink = path.startsWith('/proc/') || path.startsWith('/dev/fd/') ? procFdPath(p, path) : null;
      if (path === '/proc/self/exe' || path === `/proc/${p.pid}/exe`) target = p.exePath;
      else if (fdLink) {
        const f = fdLink.proc.fds.get(fdLink.fd);
        target = f ? fdLinkTarget(fdLink.proc, f) : -ENOENT;
      } else {
        const host = resolvePath(p, t.argInt(0), path);
        target = typeof host === 'number' ? host : p.host.fs.readlink(host);
      }
      if (typeof target === 'number') return target;
      const bytes = new TextEncoder().encode(target).subarray(0, size);
      return p.write(t.argU64(2), bytes) ? bytes.length : -EFAULT;
    },
  },
  {
    name: 'faccessat',
    args: ['dirfd', 'str', 'int'],
    handler: (t) => {
      const path = pathArg(t, 1);
      if (typeof path === 'number') return path;
      const mode = t.argInt(2);
      if (mode & ~7) return -EINVAL;
      const host = resolvePath(t.process, t.argInt(0), path);
      return typeof host === 'number' ? host : t.process.host.fs.access(host, mode);
    },
  },
  {
    name: 'faccessat2',
    args: ['dirfd', 'str', 'int', 'hex'],
    handler: (t) => {
      const path = pathArg(t, 1);
      if (typeof path === 'number') return path;
      const mode = t.argInt(2);
      if (mode & ~7) return -EINVAL;
      const host = resolvePath(t.process, t.argInt(0), path);
      return typeof host === 'number' ? host : t.process.host.fs.access(host, mode);
    },
  },
  {
    name: 'getcwd',
    args: ['hex', 'size'],
    handler: (t) => {
      // Each process has its own working directory (a host path, as qemu's).
      const cwd = new TextEncoder().encode(t.process.cwd + '\0');
      if (t.argU64(1) < cwd.length) return -ERANGE;
      return t.process.write(t.argU64(0), cwd) ? cwd.length : -EFAULT;
    },
  },
  {
    name: 'chdir',
    args: ['str'],
    handler: (t) => {
      const path = pathArg(t, 0);
      if (typeof path === 'number') return path;
      const host = resolvePath(t.process, AT_FDCWD, path);
      if (typeof host === 'number') return host;
      const st = t.process.host.fs.stat(host, true);
      if (typeof st === 'number') return st;
      if ((st.mode & S_IFMT) !== S_IFDIR) return -ENOTDIR;
      const ok = t.process.host.fs.access(host, 1);
      if (ok < 0) return ok;
      t.process.cwd = host;
      return 0;
    },
  },
  {
    name: 'fchdir',
    args: ['fd'],
    handler: (t) => {
      const f = fileOf(t, t.argInt(0));
      if (typeof f === 'number') return f;
      if (!f.isDir) return -ENOTDIR;
      const ok = t.process.host.fs.access(f.path, 1);
      if (ok < 0) return ok;
      t.process.cwd = f.path;
      return 0;
    },
  },
  { name: 'fcntl', args: ['fd', 'int', 'hex'], handler: fcntl },
  {
    name: 'dup',
    args: ['fd'],
    handler: (t) => {
      const f = t.process.fds.get(t.argInt(0));
      if (!f) return -EBADF;
      const r = t.process.fds.install(f, false);
      if (r >= 0) f.refs++;
      return r;
    },
  },
  { name: 'dup3', args: ['fd', 'fd', 'hex'], handler: (t) => dup3(t, t.argInt(0), t.argInt(1), t.argInt(2)) },
  { name: 'ioctl', args: ['fd', 'hex', 'hex'], handler: ioctl },
  { name: 'pipe2', args: ['hex', 'oflags'], handler: pipe2 },
  { name: 'close_range', args: ['uint', 'uint', 'hex'], handler: closeRange },
  { name: 'fadvise64', args: ['fd', 'long', 'long', 'int'], handler: fadvise64 },
  { name: 'getdents64', args: ['fd', 'hex', 'size'], handler: getdents64 },
  {
    name: 'ftruncate',
    args: ['fd', 'long'],
    handler: (t) => {
      const f = fileOf(t, t.argInt(0));
      if (typeof f === 'number') return f;
      if (t.argS64(1) < 0) return -EINVAL;
      if (!f.writable) return -EINVAL;
      return f.host.truncate?.(t.argS64(1)) ?? -EINVAL;
    },
  },
  {
    name: 'fsync',
    args: ['fd'],
    handler: (t) => {
      const f = fileOf(t, t.argInt(0));
      return typeof f === 'number' ? f : (f.host.sync?.() ?? 0);
    },
  },
  {
    name: 'fdatasync',
    args: ['fd'],
    handler: (t) => {
      const f = fileOf(t, t.argInt(0));
      return typeof f === 'number' ? f : (f.host.sync?.() ?? 0);
    },
  },
  {
    name: 'unlinkat',
    args: ['dirfd', 'str', 'hex'],
    handler: (t) => {
      const path = pathArg(t, 1);
      if (typeof path === 'number') return path;
      const flags = t.argInt(2);
      if (flags & ~AT_REMOVEDIR) return -EINVAL;
      const host = resolvePath(t.process, t.argInt(0), path);
      if (typeof host === 'number') return host;
      return t.process.host.fs.unlink?.(host, (flags & AT_REMOVEDIR) !== 0) ?? -EINVAL;
    },
  },
  {
    name: 'mkdirat',
    args: ['dirfd', 'str', 'uint'],
    handler: (t) => {
      const path = pathArg(t, 1);
      if (typeof path === 'number') return path;
      const host = resolvePath(t.process, t.argInt(0), path);
      if (typeof host === 'number') return host;
      return t.process.host.fs.mkdir?.(host, t.argU32(2) & 0o7777 & ~t.process.umask) ?? -EINVAL;
    },
  },
  {
    name: 'renameat2',
    args: ['dirfd', 'str', 'dirfd', 'str', 'hex'],
    handler: (t) => (t.argU32(4) !== 0 ? -EINVAL : renameat(t)),
  },
  {
    name: 'renameat',
    args: ['dirfd', 'str', 'dirfd', 'str'],
    handler: (t) => renameat(t),
  },
];

function renameat(t: Task): number {
  const from = pathArg(t, 1);
  const to = pathArg(t, 3);
  if (typeof from === 'number') return from;
  if (typeof to === 'number') return to;
  const a = resolvePath(t.process, t.argInt(0), from);
  const b = resolvePath(t.process, t.argInt(2), to);
  if (typeof a === 'number') return a;
  if (typeof b === 'number') return b;
  return t.process.host.fs.rename?.(a, b) ?? -EINVAL;
}
