/**
 * File metadata and whole-file syscalls: links, modes, owners, times,
 * truncate, statfs, sendfile and copy_file_range, extended attributes.
 */
import type { HostStatfs } from '../host.js';
import type { Task } from '../process.js';
import type { SyscallDef, SyscallResult } from './types.js';
import {
  AT_EMPTY_PATH,
  AT_FDCWD,
  AT_SYMLINK_NOFOLLOW,
  fileOf,
  pathArg,
  resolvePath,
  retryBlocking,
  writeAll,
} from './fs.js';
import { O_APPEND } from '../files.js';
import { EBADF, EFAULT, EINVAL, EISDIR, ENOENT, ENOSYS, EOPNOTSUPP, ERANGE, ESPIPE } from '../errno.js';

const UTIME_NOW = 0x3fffffff;
const UTIME_OMIT = 0x3ffffffe;

/** Host path of (dirfd, path argument n), or -errno; dirfdArg -1: relative to the working directory. */
function pathAt(t: Task, dirfdArg: number, pathArgN: number): string | number {
  const path = pathArg(t, pathArgN);
  if (typeof path === 'number') return path;
  return resolvePath(t.process, dirfdArg < 0 ? AT_FDCWD : t.argInt(dirfdArg), path);
}

/** Host path of an open descriptor (for the f* variants). */
function pathOfFd(t: Task, fd: number): string | number {
  const f = fileOf(t, fd);
  return typeof f === 'number' ? f : f.path;
}

const unsupported = (x: number | undefined): number => x ?? -ENOSYS;

/** struct statfs of arm64 (120 bytes). */
function encodeStatfs(s: HostStatfs): Uint8Array {
  const b = new Uint8Array(120);
  const dv = new DataView(b.buffer);
  const put = (off: number, v: number) => dv.setBigInt64(off, BigInt(Math.trunc(v)), true);
  put(0, s.type);
  put(8, s.bsize);
  put(16, s.blocks);
  put(24, s.bfree);
  put(32, s.bavail);
  put(40, s.files);
  put(48, s.ffree);
  put(64, 255); // f_namelen
  put(72, s.bsize); // f_frsize
  return b;
}

function statfsOf(t: Task, path: string | number, out: number): number {
  if (typeof path === 'number') return path;
  const s = t.process.host.fs.statfs?.(path) ?? -ENOSYS;
  if (typeof s === 'number') return s;
  return t.process.write(out, encodeStatfs(s)) ? 0 : -EFAULT;
}

function utimensat(t: Task): number {
  const dirfd = t.argInt(0);
  const pathAddr = t.argU64(1);
  const times = t.argU64(2);
  const flags = t.argInt(3);
  if (flags & ~(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH)) return -EINVAL;
  let path: string | number;
  if (pathAddr === 0) path = dirfd === AT_FDCWD ? -EFAULT : pathOfFd(t, dirfd);
  else path = pathAt(t, 0, 1);
  if (typeof path === 'number') return path;
  const now = t.process.host.clock.realtimeNs();
  let atime: bigint | null = now;
  let mtime: bigint | null = now;
  if (times !== 0) {
    const b = t.process.read(times, 32);
    if (b === null) return -EFAULT;
    const dv = new DataView(b.buffer);
    const one = (o: number): bigint | null | number => {
      const nsec = dv.getBigInt64(o + 8, true);
      if (nsec === BigInt(UTIME_OMIT)) return null;
      if (nsec === BigInt(UTIME_NOW)) return now;
      if (nsec < 0n || nsec >= 1_000_000_000n) return -EINVAL;
      return dv.getBigInt64(o, true) * 1_000_000_000n + nsec;
    };
    const a = one(0);
    const m = one(16);
    if (typeof a === 'number') return a;
    if (typeof m === 'number') return m;
    atime = a;
    mtime = m;
  }
  if (atime === null && mtime === null) return 0;
  return unsupported(t.process.host.fs.utimes?.(path, atime, mtime, (flags & AT_SYMLINK_NOFOLLOW) === 0));
}

/** Continue with `fn` once `r` (a result, or one still to come) is known. */
function then(r: SyscallResult, fn: (n: number) => SyscallResult): SyscallResult {
  return typeof r === 'number' ? fn(r) : r.then(fn);
}

/** Read a loff_t the guest points at (null pointer: null), or -errno. */
function offsetArg(t: Task, addr: number): number | null {
  if (addr === 0) return null;
  const b = t.process.read(addr, 8);
  if (b === null) return -EFAULT;
  const v = Number(new DataView(b.buffer).getBigInt64(0, true));
  return v < 0 ? -EINVAL : v;
}

function putOffset(t: Task, addr: number, v: number): boolean {
  const b = new Uint8Array(8);
  new DataView(b.buffer).setBigInt64(0, BigInt(v), true);
  return t.process.write(addr, b);
}

/**
 * sendfile(out, in, *offset, count): one read from `in` (waiting like read
 * when it is a pipe or socket), written whole to `out` (waiting like write).
 * With an offset pointer, `in`'s own offset stays and the pointer advances.
 */
function sendfile(t: Task): SyscallResult {
  const out = fileOf(t, t.argInt(0));
  const inp = fileOf(t, t.argInt(1));
  if (typeof out === 'number' || typeof inp === 'number') return -EBADF;
  if (!inp.readable || !out.writable || out.flags & O_APPEND) return -EBADF;
  const offAddr = t.argU64(2);
  const pos = offsetArg(t, offAddr);
  if (typeof pos === 'number' && pos < 0) return pos;
  if (pos !== null && !inp.seekable) return -ESPIPE;
  const count = Math.min(t.argU64(3), 1 << 24);
  const buf = new Uint8Array(count);
  const once = (): number => (pos === null ? inp.read(buf) : inp.pread(buf, pos));
  return then(retryBlocking(t, inp, once(), once), (n) => {
    if (n <= 0) return n;
    return then(writeAll(t, out, buf.subarray(0, n), null), (w) => {
      if (w < 0) {
        if (pos === null && inp.seekable) inp.offset -= n;
        return w;
      }
      if (pos !== null) return putOffset(t, offAddr, pos + w) ? w : -EFAULT;
      if (w < n && inp.seekable) inp.offset -= n - w; // give back what was read but not written
      return w;
    });
  });
}

/**
 * copy_file_range between regular files, through a buffer: offsets from the
 * pointers when given (the file offset otherwise), flags must be 0, an
 * overlapping copy within one file is EINVAL.
 */
function copyFileRange(t: Task): number {
  const inp = fileOf(t, t.argInt(0));
  const out = fileOf(t, t.argInt(2));
  if (typeof inp === 'number' || typeof out === 'number') return -EBADF;
  if (t.argU32(5) !== 0) return -EINVAL;
  if (!inp.readable || !out.writable || out.flags & O_APPEND) return -EBADF;
  if (inp.isDir || out.isDir) return -EISDIR;
  if (!inp.seekable || !out.seekable) return -EINVAL;
  const inAddr = t.argU64(1);
  const outAddr = t.argU64(3);
  const inPos = offsetArg(t, inAddr);
  const outPos = offsetArg(t, outAddr);
  if (typeof inPos === 'number' && inPos < 0) return inPos;
  if (typeof outPos === 'number' && outPos < 0) return outPos;
  const from = inPos ?? inp.offset;
  const to = outPos ?? out.offset;
  const len = Math.min(t.argU64(4), 1 << 24);
  const a = inp.stat();
  const b = out.stat();
  if (typeof a === 'number') return a;
  if (typeof b === 'number') return b;
  if (a.dev === b.dev && a.ino === b.ino && from < to + len && to < from + len) return -EINVAL;
  if (len === 0) return 0;
  const buf = new Uint8Array(len);
  const n = inp.pread(buf, from);
  if (n <= 0) return n;
  const w = out.pwrite(buf.subarray(0, n), to);
  if (w < 0) return w;
  if (inPos === null) inp.offset += w;
  else if (!putOffset(t, inAddr, from + w)) return -EFAULT;
  if (outPos === null) out.offset += w;
  else if (!putOffset(t, outAddr, to + w)) return -EFAULT;
  return w;
}

/**
 * The extended-attribute calls. Node has no xattr API, so the host file
 * system is presented as one without extended-attribute support: after the
 * checks Linux makes first (the path or descriptor exists, the attribute
 * name is readable and 1..255 bytes), every call fails with EOPNOTSUPP, as
 * it does on such a file system. Programs treat that as "no ACLs, no
 * labels" (coreutils ls, cp -a).
 */
function xattr(t: Task, kind: 'path' | 'lpath' | 'fd', named: boolean): number {
  const p = t.process;
  if (kind === 'fd') {
    const f = fileOf(t, t.argInt(0));
    if (typeof f === 'number') return f;
  } else {
    const path = pathAt(t, -1, 0);
    if (typeof path === 'number') return path;
    const st = p.host.fs.stat(path, kind === 'path');
    if (typeof st === 'number') return st;
  }
  if (named) {
    const name = p.mem.readCString(t.argU64(1), 256);
    if (name === null) return p.mem.accessible(t.argU64(1), 1, 1) ? -ERANGE : -EFAULT;
    if (name.length === 0) return -ERANGE;
  }
  return -EOPNOTSUPP;
}

const XATTR_CALLS: SyscallDef[] = (
  [
    ['setxattr', 'path', true],
    ['lsetxattr', 'lpath', true],
    ['fsetxattr', 'fd', true],
    ['getxattr', 'path', true],
    ['lgetxattr', 'lpath', true],
    ['fgetxattr', 'fd', true],
    ['listxattr', 'path', false],
    ['llistxattr', 'lpath', false],
    ['flistxattr', 'fd', false],
    ['removexattr', 'path', true],
    ['lremovexattr', 'lpath', true],
    ['fremovexattr', 'fd', true],
  ] as const
).map(([name, kind, named]) => ({
  name,
  args: [kind === 'fd' ? 'fd' : 'str', named ? 'str' : 'hex', 'hex', 'size', 'hex'],
  handler: (t: Task) => xattr(t, kind, named),
}));

export const fsMetaSyscalls: SyscallDef[] = [
  {
    name: 'symlinkat',
    args: ['str', 'dirfd', 'str'],
    handler: (t) => {
      const target = pathArg(t, 0);
      if (typeof target === 'number') return target;
      const p = pathAt(t, 1, 2);
      return typeof p === 'number' ? p : unsupported(t.process.host.fs.symlink?.(target, p));
    },
  },
  {
    name: 'linkat',
    args: ['dirfd', 'str', 'dirfd', 'str', 'hex'],
    handler: (t) => {
      const a = pathAt(t, 0, 1);
      const b = pathAt(t, 2, 3);
      if (typeof a === 'number') return a;
      if (typeof b === 'number') return b;
      return unsupported(t.process.host.fs.link?.(a, b));
    },
  },
  {
    name: 'fchmodat',
    args: ['dirfd', 'str', 'uint'],
    handler: (t) => {
      const p = pathAt(t, 0, 1);
      return typeof p === 'number' ? p : unsupported(t.process.host.fs.chmod?.(p, t.argU32(2) & 0o7777));
    },
  },
  {
    name: 'fchmod',
    args: ['fd', 'uint'],
    handler: (t) => {
      const p = pathOfFd(t, t.argInt(0));
      return typeof p === 'number' ? p : unsupported(t.process.host.fs.chmod?.(p, t.argU32(1) & 0o7777));
    },
  },
  {
    name: 'fchownat',
    args: ['dirfd', 'str', 'int', 'int', 'hex'],
    handler: (t) => {
      const flags = t.argInt(4);
      let p: string | number;
      if (flags & AT_EMPTY_PATH && t.process.readString(t.argU64(1)) === '') p = pathOfFd(t, t.argInt(0));
      else p = pathAt(t, 0, 1);
      if (typeof p === 'number') return p;
      return unsupported(t.process.host.fs.chown?.(p, t.argInt(2), t.argInt(3), (flags & AT_SYMLINK_NOFOLLOW) === 0));
    },
  },
  {
    name: 'fchown',
    args: ['fd', 'int', 'int'],
    handler: (t) => {
      const p = pathOfFd(t, t.argInt(0));
      return typeof p === 'number' ? p : unsupported(t.process.host.fs.chown?.(p, t.argInt(1), t.argInt(2), true));
    },
  },
  { name: 'utimensat', args: ['dirfd', 'str', 'hex', 'hex'], handler: utimensat },
  {
    name: 'truncate',
    args: ['str', 'long'],
    handler: (t) => {
      const p = pathArg(t, 0);
      if (typeof p === 'number') return p;
      if (t.argS64(1) < 0) return -EINVAL;
      const host = resolvePath(t.process, AT_FDCWD, p);
      return typeof host === 'number' ? host : unsupported(t.process.host.fs.truncate?.(host, t.argS64(1)));
    },
  },
  {
    name: 'statfs',
    args: ['str', 'hex'],
    handler: (t) => {
      const p = pathArg(t, 0);
      if (typeof p === 'number') return p;
      return statfsOf(t, p === '' ? -ENOENT : resolvePath(t.process, AT_FDCWD, p), t.argU64(1));
    },
  },
  { name: 'fstatfs', args: ['fd', 'hex'], handler: (t) => statfsOf(t, pathOfFd(t, t.argInt(0)), t.argU64(1)) },
  { name: 'sendfile', args: ['fd', 'fd', 'hex', 'size'], handler: sendfile },
  { name: 'copy_file_range', args: ['fd', 'hex', 'fd', 'hex', 'size', 'hex'], handler: copyFileRange },
  ...XATTR_CALLS,
  { name: 'sync', args: [], handler: () => 0 },
];
