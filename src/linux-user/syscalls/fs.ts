/**
 * File and descriptor syscalls: read/write and their vector and positioned
 * forms, openat/close, stat family, lseek, readlinkat, faccessat, getcwd,
 * chdir, fcntl, dup/dup3, ioctl (terminal queries), getdents64 and a few
 * directory operations. Guest paths are host paths; /proc/self/exe is the
 * guest program.
 */
import type { HostStat } from '../host.js';
import { OpenFile, O_CLOEXEC, O_ACCMODE, O_PATH, S_IFDIR, S_IFMT } from '../files.js';
import type { Process, Task } from '../process.js';
import type { SyscallDef } from './types.js';
import { EBADF, EFAULT, EINVAL, ENOENT, ENOTDIR, ENOTTY, ERANGE, ENAMETOOLONG, EISDIR, EPIPE } from '../errno.js';
import { SIGPIPE } from '../signals.js';
import { raiseSignal } from './signal.js';
import { openProcFile } from '../procfs.js';

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
const F_DUPFD_CLOEXEC = 1030;
const FD_CLOEXEC = 1;

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
  if (dirfd === AT_FDCWD) base = p.host.fs.cwd();
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
export function inSysroot(p: Process, path: string): string {
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

function doRead(t: Task, f: OpenFile, addr: number, len: number, pos: number | null): number {
  len = Math.min(len, MAX_RW, 1 << 24);
  if (len === 0) return 0;
  // The buffer must be writable where data lands: check the first byte now and
  // the rest once the size is known (a short read into a short buffer is fine).
  if (!t.process.mem.accessible(addr, 1, 2)) return -EFAULT;
  const buf = new Uint8Array(len);
  const n = pos === null ? f.read(buf) : f.pread(buf, pos);
  if (n > 0 && !t.process.write(addr, buf.subarray(0, n))) return -EFAULT;
  return n;
}

function doWrite(t: Task, f: OpenFile, addr: number, len: number, pos: number | null): number {
  len = Math.min(len, MAX_RW);
  if (len === 0) return f.writable ? 0 : -EBADF;
  const data = t.process.read(addr, len);
  if (data === null) return -EFAULT;
  return pipeCheck(t, pos === null ? f.write(data) : f.pwrite(data, pos));
}

/** Writing to a pipe nobody reads raises SIGPIPE (default: terminate), and the call fails with EPIPE. */
function pipeCheck(t: Task, r: number): number {
  if (r === -EPIPE) raiseSignal(t, SIGPIPE);
  return r;
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

function readv(t: Task, pos: number | null): number {
  const f = fileOf(t, t.argInt(0));
  if (typeof f === 'number') return f;
  const v = iovecs(t, t.argU64(1), t.argInt(2));
  if (typeof v === 'number') return v;
  let total = 0;
  for (const [base, len] of v) {
    if (len === 0) continue;
    const n = doRead(t, f, base, len, pos === null ? null : pos + total);
    if (n < 0) return total > 0 ? total : n;
    total += n;
    if (n < len) break;
  }
  return total;
}

function writev(t: Task, pos: number | null): number {
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
    if (d === null) return -EFAULT;
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
  return pipeCheck(t, pos === null ? f.write(all) : f.pwrite(all, pos));
}

function statPath(t: Task, dirfd: number, pathAddr: number, flags: number): HostStat | number {
  const p = t.process;
  const path = p.readString(pathAddr, 4096);
  if (path === null) return -EFAULT;
  if (path === '' && flags & AT_EMPTY_PATH) {
    if (dirfd === AT_FDCWD) return p.host.fs.stat(p.host.fs.cwd(), true);
    const f = fileOf(t, dirfd);
    return typeof f === 'number' ? f : f.stat();
  }
  const host = resolvePath(p, dirfd, path);
  if (typeof host === 'number') return host;
  return p.host.fs.stat(host, (flags & AT_SYMLINK_NOFOLLOW) === 0);
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

function fcntl(t: Task): number {
  const fd = t.argInt(0);
  const cmd = t.argInt(1);
  const fds = t.process.fds;
  const f = fds.get(fd);
  if (!f) return -EBADF;
  switch (cmd) {
    case F_DUPFD:
    case F_DUPFD_CLOEXEC: {
      const min = t.argInt(2);
      if (min < 0 || min >= 1024) return -EINVAL;
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
      return 0;
    case F_GETLK: {
      // No other process holds locks: report the lock as free (l_type = F_UNLCK).
      const b = new Uint8Array(2);
      new DataView(b.buffer).setInt16(0, 2, true);
      return t.process.write(t.argU64(2), b) ? 0 : -EFAULT;
    }
    case F_SETLK:
    case F_SETLKW:
      return 0;
  }
  return -EINVAL;
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
  const host = resolvePath(p, dirfd, path);
  if (typeof host === 'number') return host;
  const hf = openProcFile(p, host) ?? p.host.fs.open(host, flags & ~O_PATH, mode);
  if (typeof hf === 'number') return hf;
  const abs = host.startsWith('/') ? host : normalizePath(p.host.fs.cwd() + '/' + host);
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
      const fdLink = /^\/proc\/(?:self|thread-self|\d+)\/fd\/(\d+)$/.exec(path);
      if (path === '/proc/self/exe' || path === `/proc/${p.pid}/exe`) target = p.exePath;
      else if (fdLink) {
        const f = p.fds.get(Number(fdLink[1]));
        target = f ? f.path : -ENOENT;
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
      const cwd = new TextEncoder().encode(t.process.host.fs.cwd() + '\0');
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
      return t.process.host.fs.chdir?.(host) ?? -EINVAL;
    },
  },
  {
    name: 'fchdir',
    args: ['fd'],
    handler: (t) => {
      const f = fileOf(t, t.argInt(0));
      if (typeof f === 'number') return f;
      if (!f.isDir) return -ENOTDIR;
      return t.process.host.fs.chdir?.(f.path) ?? -EINVAL;
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
