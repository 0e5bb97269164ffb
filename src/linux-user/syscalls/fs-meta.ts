/**
 * File metadata and whole-file syscalls: links, modes, owners, times,
 * truncate, statfs, and sendfile.
 */
import type { HostStatfs } from '../host.js';
import type { Task } from '../process.js';
import type { SyscallDef } from './types.js';
import { AT_EMPTY_PATH, AT_FDCWD, AT_SYMLINK_NOFOLLOW, fileOf, pathArg, resolvePath } from './fs.js';
import { EBADF, EFAULT, EINVAL, ENOENT, ENOSYS } from '../errno.js';

const UTIME_NOW = 0x3fffffff;
const UTIME_OMIT = 0x3ffffffe;

/** Host path of (dirfd, path argument n), or -errno. */
function pathAt(t: Task, dirfdArg: number, pathArgN: number): string | number {
  const path = pathArg(t, pathArgN);
  if (typeof path === 'number') return path;
  return resolvePath(t.process, t.argInt(dirfdArg), path);
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

function sendfile(t: Task): number {
  const out = fileOf(t, t.argInt(0));
  const inp = fileOf(t, t.argInt(1));
  if (typeof out === 'number' || typeof inp === 'number') return -EBADF;
  const offAddr = t.argU64(2);
  const count = Math.min(t.argU64(3), 1 << 24);
  let pos: number | null = null;
  if (offAddr !== 0) {
    const b = t.process.read(offAddr, 8);
    if (b === null) return -EFAULT;
    pos = Number(new DataView(b.buffer).getBigInt64(0, true));
    if (pos < 0) return -EINVAL;
  }
  const buf = new Uint8Array(count);
  const n = pos === null ? inp.read(buf) : inp.pread(buf, pos);
  if (n <= 0) return n;
  const w = out.write(buf.subarray(0, n));
  if (w < 0) return w;
  if (pos !== null) {
    const b = new Uint8Array(8);
    new DataView(b.buffer).setBigInt64(0, BigInt(pos + w), true);
    if (!t.process.write(offAddr, b)) return -EFAULT;
  } else if (w < n && inp.seekable) {
    inp.offset -= n - w; // give back what was read but not written
  }
  return w;
}

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
  { name: 'sync', args: [], handler: () => 0 },
];
