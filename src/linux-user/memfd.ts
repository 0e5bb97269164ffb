/**
 * memfd_create (mm/memfd.c): an anonymous regular file in memory, backed by
 * a growable buffer. It reads, writes, truncates and stats as a tmpfs file;
 * /proc/self/fd shows "/memfd:NAME (deleted)". mmap of it goes through the
 * ordinary file mapping, which copies the bytes: a MAP_SHARED mapping does
 * not see later writes to the file, nor the file the mapping's.
 *
 * File seals (F_ADD_SEALS/F_GET_SEALS) are kept here: SEAL_SHRINK, GROW and
 * WRITE are enforced on write and truncate; SEAL_SEAL forbids more seals.
 */
import type { HostFile, HostStat } from './host.js';
import { EFBIG, EINVAL, EPERM } from './errno.js';
import type { OpenFile } from './files.js';

export const MFD_CLOEXEC = 1;
export const MFD_ALLOW_SEALING = 2;
export const MFD_HUGETLB = 4;
export const MFD_NOEXEC_SEAL = 8;
export const MFD_EXEC = 0x10;

export const F_SEAL_SEAL = 1;
export const F_SEAL_SHRINK = 2;
export const F_SEAL_GROW = 4;
export const F_SEAL_WRITE = 8;
export const F_SEAL_FUTURE_WRITE = 0x10;
export const F_SEAL_EXEC = 0x20;

/** Largest memfd we grow to (a guard against a guest asking for terabytes of host memory). */
const MAX_SIZE = 2 ** 31;
/** The memfd "device" (tmpfs mounts use anonymous majors). */
const MEMFD_DEV = 1;
let nextIno = 90000;

export class MemFile implements HostFile {
  private data = new Uint8Array(0);
  size = 0;
  seals: number;
  readonly ino = nextIno++;
  private mtimeNs: bigint;
  private ctimeNs: bigint;

  constructor(
    /** Creation time in ns (realtime). */
    readonly timeNs: bigint,
    readonly uid: number,
    readonly gid: number,
    sealing: boolean,
    private readonly nowNs: () => bigint,
  ) {
    // Without MFD_ALLOW_SEALING the file is born sealed against more seals.
    this.seals = sealing ? 0 : F_SEAL_SEAL;
    this.mtimeNs = timeNs;
    this.ctimeNs = timeNs;
  }

  private reserve(n: number): void {
    if (n <= this.data.length) return;
    const grown = new Uint8Array(Math.max(n, Math.min(MAX_SIZE, this.data.length * 2), 4096));
    grown.set(this.data.subarray(0, this.size));
    this.data = grown;
  }

  read(buf: Uint8Array, position: number | null): number {
    const pos = position ?? 0;
    if (pos >= this.size) return 0;
    const n = Math.min(buf.length, this.size - pos);
    buf.set(this.data.subarray(pos, pos + n));
    return n;
  }

  write(buf: Uint8Array, position: number | null): number {
    if (this.seals & (F_SEAL_WRITE | F_SEAL_FUTURE_WRITE)) return -EPERM;
    const pos = position ?? this.size;
    if (buf.length === 0) return 0;
    const end = pos + buf.length;
    if (end > this.size && this.seals & F_SEAL_GROW) return -EPERM;
    if (end > MAX_SIZE) return -EFBIG;
    this.reserve(end);
    this.data.set(buf, pos);
    if (end > this.size) this.size = end;
    this.mtimeNs = this.ctimeNs = this.nowNs();
    return buf.length;
  }

  truncate(length: number): number {
    if (length < this.size && this.seals & F_SEAL_SHRINK) return -EPERM;
    if (length > this.size && this.seals & F_SEAL_GROW) return -EPERM;
    if (length > MAX_SIZE) return -EFBIG;
    if (length > this.size) {
      this.reserve(length);
      this.data.fill(0, this.size, length);
    } else this.data.fill(0, length, this.size);
    this.size = length;
    this.mtimeNs = this.ctimeNs = this.nowNs();
    return 0;
  }

  /** fallocate mode 0: grow to `end` when beyond the size (a grow seal forbids it). */
  allocate(end: number): number {
    if (end <= this.size) return 0;
    return this.truncate(end);
  }

  /** F_ADD_SEALS: 0 or -EPERM. */
  addSeals(seals: number): number {
    if (this.seals & F_SEAL_SEAL) return -EPERM;
    this.seals |= seals;
    return 0;
  }

  stat(): HostStat {
    const sec = (ns: bigint): number => Number(ns / 1_000_000_000n);
    const nsec = (ns: bigint): number => Number(ns % 1_000_000_000n);
    return {
      dev: MEMFD_DEV,
      ino: this.ino,
      mode: 0o100777,
      nlink: 0,
      uid: this.uid,
      gid: this.gid,
      rdev: 0,
      size: this.size,
      blksize: 4096,
      blocks: Math.ceil(this.size / 4096) * 8,
      atimeSec: sec(this.timeNs),
      atimeNsec: nsec(this.timeNs),
      mtimeSec: sec(this.mtimeNs),
      mtimeNsec: nsec(this.mtimeNs),
      ctimeSec: sec(this.ctimeNs),
      ctimeNsec: nsec(this.ctimeNs),
    };
  }

  sync(): number {
    return 0;
  }

  close(): void {
    // The bytes go with the last reference (the OpenFile's); nothing to release on the host.
  }
}

export const F_ADD_SEALS = 1033;
export const F_GET_SEALS = 1034;
const KNOWN_SEALS = F_SEAL_SEAL | F_SEAL_SHRINK | F_SEAL_GROW | F_SEAL_WRITE | F_SEAL_FUTURE_WRITE;

/**
 * fcntl's F_ADD_SEALS / F_GET_SEALS (memfd_fcntl): -EINVAL on a file that
 * is not a memfd or for unknown seal bits, -EPERM to add seals through a
 * descriptor not open for writing or once F_SEAL_SEAL is set.
 */
export function fcntlSeals(f: OpenFile, cmd: number, arg: number): number {
  const m = f.host;
  if (!(m instanceof MemFile)) return -EINVAL;
  if (cmd === F_GET_SEALS) return m.seals;
  if (arg & ~KNOWN_SEALS) return -EINVAL;
  if (!f.writable) return -EPERM;
  return m.addSeals(arg);
}
