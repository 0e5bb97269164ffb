/**
 * What the user-mode emulator needs from the machine it runs on: files,
 * standard streams, clocks and randomness. Everything the guest reaches
 * outside its own memory goes through these small interfaces, so the core
 * stays free of Node APIs (the Node implementation is src/host/node-host.ts;
 * a browser page can give an in-memory file system instead).
 *
 * Conventions: a failing call returns a negative Linux errno (see ../errno.ts),
 * flags and modes are the guest's Linux/arm64 values, paths are the guest's.
 */
import type { WaitQueue } from './wait.js';
import type { HostNet } from './net.js';

/** File status in the kernel's terms (times split into seconds and nanoseconds). */
export interface HostStat {
  dev: number;
  ino: number;
  /** S_IFMT type bits and permission bits, as Linux. */
  mode: number;
  nlink: number;
  uid: number;
  gid: number;
  rdev: number;
  size: number;
  blksize: number;
  blocks: number;
  atimeSec: number;
  atimeNsec: number;
  mtimeSec: number;
  mtimeNsec: number;
  ctimeSec: number;
  ctimeNsec: number;
}

/** One entry of a directory listing (for getdents64). */
export interface HostDirEntry {
  name: string;
  ino: number;
  /** DT_* type (DT_REG 8, DT_DIR 4, DT_LNK 10, …; DT_UNKNOWN 0). */
  type: number;
}

/** An open file (or stream) of the host. */
export interface HostFile {
  /** Read into buf at `position` (null: at the file's own offset). Bytes read, 0 at end, or -errno. */
  read(buf: Uint8Array, position: number | null): number;
  /** Write buf at `position` (null: at the file's own offset / append). Bytes written or -errno. */
  write(buf: Uint8Array, position: number | null): number;
  stat(): HostStat | number;
  close(): void;
  /** True when the file is a terminal (isatty). */
  isTerminal?(): boolean;
  /** Rows and columns of a terminal, when known. */
  windowSize?(): { rows: number; cols: number } | null;
  /** The entries of a directory opened with open(), `.` and `..` included. */
  readdir?(): HostDirEntry[] | number;
  /** Truncate or extend. */
  truncate?(length: number): number;
  /** Flush to storage. */
  sync?(): number;
  /**
   * Streams that can be empty or full (pipes, sockets, terminals, eventfd):
   * readiness now, as poll(2) revents bits (POLLIN 0x1, POLLPRI 0x2, POLLOUT
   * 0x4, POLLERR 0x8, POLLHUP 0x10). Such a file's read and write return
   * -EAGAIN (11) instead of waiting; the caller waits on `readiness` unless
   * the descriptor is O_NONBLOCK. Absent: the file is always ready for what
   * it is open for and its calls complete at once (regular files).
   */
  poll?(): number;
  /** Woken whenever poll() may have changed (data arrived, space freed, peer closed). Present with poll(). */
  readonly readiness?: WaitQueue;
}

export interface HostFs {
  /** Open a file. flags are Linux O_* values of arm64 (see ../syscalls/fs.ts). */
  open(path: string, flags: number, mode: number): HostFile | number;
  stat(path: string, followSymlinks: boolean): HostStat | number;
  readlink(path: string): string | number;
  /** F_OK 0 or a mask of R_OK 4, W_OK 2, X_OK 1; 0 or -errno. */
  access(path: string, mode: number): number;
  /** The host's working directory (absolute), where relative guest paths start. */
  cwd(): string;
  /** Change the working directory (chdir); 0 or -errno. */
  chdir?(path: string): number;
  unlink?(path: string, dir: boolean): number;
  mkdir?(path: string, mode: number): number;
  rename?(from: string, to: string): number;
  symlink?(target: string, path: string): number;
  link?(existing: string, path: string): number;
  chmod?(path: string, mode: number): number;
  chown?(path: string, uid: number, gid: number, followSymlinks: boolean): number;
  /** Set access and modification times in ns since the epoch; null leaves one unchanged. */
  utimes?(path: string, atimeNs: bigint | null, mtimeNs: bigint | null, followSymlinks: boolean): number;
  truncate?(path: string, length: number): number;
  statfs?(path: string): HostStatfs | number;
}

/** File system statistics (statfs), counts in blocks of bsize. */
export interface HostStatfs {
  type: number;
  bsize: number;
  blocks: number;
  bfree: number;
  bavail: number;
  files: number;
  ffree: number;
}

export interface HostClock {
  /** CLOCK_REALTIME in nanoseconds since the epoch. */
  realtimeNs(): bigint;
  /** CLOCK_MONOTONIC in nanoseconds (any origin, never goes back). */
  monotonicNs(): bigint;
  /** CPU time of the emulator process in nanoseconds. */
  cpuTimeNs(): bigint;
  /** Wait (without blocking the event loop where the host has one). */
  sleep(ns: number): Promise<void>;
}

export interface Host {
  fs: HostFs;
  clock: HostClock;
  /** Fill buf with random bytes (getrandom, AT_RANDOM). */
  random(buf: Uint8Array): void;
  stdin: HostFile;
  stdout: HostFile;
  stderr: HostFile;
  /** Node name for uname(). */
  hostname(): string;
  /** Who the guest runs as (getpid, getuid, …); defaults: pid 1000, uid/gid 0. */
  identity?(): { pid: number; ppid: number; uid: number; gid: number };
  /** Kernel release and version strings uname() reports (qemu-user reports the host's). */
  kernel?(): { release: string; version: string };
  /** The host's network for AF_INET/AF_INET6 sockets (absent: AF_UNIX only). */
  net?: HostNet;
}

/** An output-only HostFile that hands every write to a callback. */
export function sinkFile(write: (data: Uint8Array) => void, terminal = false): HostFile {
  return {
    read: () => -9, // EBADF: not open for reading
    write(buf) {
      write(buf.slice());
      return buf.length;
    },
    stat: () => charDeviceStat(),
    close() {},
    isTerminal: () => terminal,
  };
}

/** An input-only HostFile serving the given bytes, then end of file. */
export function bytesFile(data: Uint8Array): HostFile {
  let pos = 0;
  return {
    read(buf, position) {
      const at = position ?? pos;
      const n = Math.max(0, Math.min(buf.length, data.length - at));
      buf.set(data.subarray(at, at + n));
      if (position === null) pos += n;
      return n;
    },
    write: () => -9,
    stat: () => ({ ...charDeviceStat(), mode: 0o010600, size: data.length }),
    close() {},
    isTerminal: () => false,
  };
}

/** Status of a character device such as a pipe end or /dev/null. */
export function charDeviceStat(): HostStat {
  return {
    dev: 0,
    ino: 0,
    mode: 0o020620,
    nlink: 1,
    uid: 0,
    gid: 0,
    rdev: 0,
    size: 0,
    blksize: 1024,
    blocks: 0,
    atimeSec: 0,
    atimeNsec: 0,
    mtimeSec: 0,
    mtimeNsec: 0,
    ctimeSec: 0,
    ctimeNsec: 0,
  };
}
