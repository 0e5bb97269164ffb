/**
 * The Node implementation of the user-mode host interfaces
 * (src/linux-user/host.ts): guest paths are host paths, the guest's standard
 * streams are the emulator's file descriptors 0, 1, 2.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as tty from 'node:tty';
import { randomFillSync } from 'node:crypto';
import type { Host, HostClock, HostDirEntry, HostFile, HostFs, HostStat, HostStatfs } from '../linux-user/host.js';
import { EAGAIN, EINVAL, EIO, ERRNO_NAMES, ESPIPE } from '../linux-user/errno.js';
import { WaitQueue } from '../linux-user/wait.js';
import { NodeNet } from './node-net.js';

const ERRNO_BY_NAME: { [name: string]: number } = Object.fromEntries(
  Object.entries(ERRNO_NAMES).map(([n, name]) => [name, Number(n)]),
);

/** The negative Linux errno for a Node fs error. */
export function errnoOf(e: unknown): number {
  const code = (e as { code?: string }).code;
  if (code && ERRNO_BY_NAME[code]) return -ERRNO_BY_NAME[code];
  return -EIO;
}

// Linux/arm64 open flags (arm64 has its own O_DIRECTORY/O_NOFOLLOW/O_DIRECT/O_LARGEFILE).
const L_O_ACCMODE = 3;
const L_O_CREAT = 0o100;
const L_O_EXCL = 0o200;
const L_O_NOCTTY = 0o400;
const L_O_TRUNC = 0o1000;
const L_O_APPEND = 0o2000;
const L_O_NONBLOCK = 0o4000;
const L_O_DSYNC = 0o10000;
const L_O_DIRECTORY = 0o40000;
const L_O_NOFOLLOW = 0o100000;
const L_O_SYNC = 0o4010000;

/** Translate guest open flags to the host's (CLOEXEC and LARGEFILE do not apply). */
function hostOpenFlags(flags: number): number {
  const c = fs.constants;
  let h = flags & L_O_ACCMODE;
  if (flags & L_O_CREAT) h |= c.O_CREAT;
  if (flags & L_O_EXCL) h |= c.O_EXCL;
  if (flags & L_O_NOCTTY) h |= c.O_NOCTTY;
  if (flags & L_O_TRUNC) h |= c.O_TRUNC;
  if (flags & L_O_APPEND) h |= c.O_APPEND;
  if (flags & L_O_DIRECTORY) h |= c.O_DIRECTORY;
  if (flags & L_O_NOFOLLOW) h |= c.O_NOFOLLOW;
  if ((flags & L_O_SYNC) === L_O_SYNC) h |= c.O_SYNC;
  else if (flags & L_O_DSYNC) h |= c.O_DSYNC ?? 0;
  // O_NONBLOCK is not passed: the emulator does blocking host I/O.
  void L_O_NONBLOCK;
  return h;
}

const toNum = (b: bigint): number => Number(b);

function statOf(s: fs.BigIntStats): HostStat {
  return {
    dev: toNum(s.dev),
    ino: toNum(s.ino),
    mode: toNum(s.mode),
    nlink: toNum(s.nlink),
    uid: toNum(s.uid),
    gid: toNum(s.gid),
    rdev: toNum(s.rdev),
    size: toNum(s.size),
    blksize: toNum(s.blksize),
    blocks: toNum(s.blocks),
    atimeSec: toNum(s.atimeNs / 1000000000n),
    atimeNsec: toNum(s.atimeNs % 1000000000n),
    mtimeSec: toNum(s.mtimeNs / 1000000000n),
    mtimeNsec: toNum(s.mtimeNs % 1000000000n),
    ctimeSec: toNum(s.ctimeNs / 1000000000n),
    ctimeNsec: toNum(s.ctimeNs % 1000000000n),
  };
}

/** Sleep the whole Node thread (only used to retry EAGAIN on inherited non-blocking pipes). */
function pause(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

const DT_BY_KIND = (d: fs.Dirent): number =>
  d.isFile()
    ? 8
    : d.isDirectory()
      ? 4
      : d.isSymbolicLink()
        ? 10
        : d.isFIFO()
          ? 1
          : d.isCharacterDevice()
            ? 2
            : d.isBlockDevice()
              ? 6
              : d.isSocket()
                ? 12
                : 0;

/** A host file descriptor as a HostFile. `own` closes it on close(). */
export class NodeFile implements HostFile {
  constructor(
    readonly fd: number,
    readonly path: string | null,
    private readonly own = true,
  ) {}

  read(buf: Uint8Array, position: number | null): number {
    for (;;) {
      try {
        return fs.readSync(this.fd, buf, 0, buf.length, position);
      } catch (e) {
        const code = (e as { code?: string }).code;
        if (code === 'EAGAIN') {
          pause(1);
          continue;
        }
        if (code === 'EOF') return 0;
        return errnoOf(e);
      }
    }
  }

  write(buf: Uint8Array, position: number | null): number {
    let done = 0;
    while (done < buf.length) {
      try {
        done += fs.writeSync(this.fd, buf, done, buf.length - done, position === null ? null : position + done);
      } catch (e) {
        if ((e as { code?: string }).code === 'EAGAIN') {
          pause(1);
          continue;
        }
        return done > 0 ? done : errnoOf(e);
      }
    }
    return done;
  }

  stat(): HostStat | number {
    try {
      return statOf(fs.fstatSync(this.fd, { bigint: true }));
    } catch (e) {
      return errnoOf(e);
    }
  }

  close(): void {
    if (!this.own) return;
    try {
      fs.closeSync(this.fd);
    } catch {
      /* already gone */
    }
  }

  isTerminal(): boolean {
    return tty.isatty(this.fd);
  }

  windowSize(): { rows: number; cols: number } | null {
    if (!tty.isatty(this.fd)) return null;
    const stream = this.fd === 2 ? process.stderr : process.stdout;
    if (!stream.isTTY) return null;
    const [cols, rows] = stream.getWindowSize();
    return { rows, cols };
  }

  /**
   * The directory's entries in the host file system's own order (what
   * readdir(3) returns, as getdents64 does on Linux: ext4's hash order,
   * tmpfs's newest first), with "." and ".." first as those file systems
   * put them. fs.opendirSync keeps that order (fs.readdirSync sorts).
   */
  readdir(): HostDirEntry[] | number {
    if (this.path === null) return -EINVAL;
    try {
      const out: HostDirEntry[] = [];
      const self = fs.statSync(this.path, { bigint: true });
      out.push({ name: '.', ino: toNum(self.ino), type: 4 });
      let parentIno = self.ino;
      try {
        parentIno = fs.statSync(this.path + '/..', { bigint: true }).ino;
      } catch {
        /* keep self */
      }
      out.push({ name: '..', ino: toNum(parentIno), type: 4 });
      const dir = fs.opendirSync(this.path, { bufferSize: 256 });
      try {
        for (let d = dir.readSync(); d !== null; d = dir.readSync()) {
          let ino = 0;
          try {
            ino = toNum(fs.lstatSync(this.path + '/' + d.name, { bigint: true }).ino);
          } catch {
            /* raced away */
          }
          out.push({ name: d.name, ino, type: DT_BY_KIND(d) });
        }
      } finally {
        dir.closeSync();
      }
      return out;
    } catch (e) {
      return errnoOf(e);
    }
  }

  truncate(length: number): number {
    try {
      fs.ftruncateSync(this.fd, length);
      return 0;
    } catch (e) {
      return errnoOf(e);
    }
  }

  sync(): number {
    try {
      fs.fsyncSync(this.fd);
      return 0;
    } catch (e) {
      return errnoOf(e);
    }
  }
}

/** Size of one asynchronous read from a host stream. */
const STREAM_CHUNK = 65536;
/** How long a just-started read counts as "settling" (see NodeStreamFile.settling). */
const SETTLE_MS = 30;

/**
 * A host stream that can keep a reader waiting (a pipe, a terminal or a
 * socket as stdin; a FIFO or /dev/tty the guest opens) as a pollable
 * HostFile. A read never blocks the emulator: when nothing is buffered it
 * starts one asynchronous fs.read (on libuv's thread pool, so the host
 * descriptor stays in blocking mode and is shared unchanged with other host
 * processes) and returns -EAGAIN; the data lands in a buffer and wakes
 * `readiness`. Writes stay synchronous (a terminal or pipe takes them at
 * once in practice). poll() also starts a read, so poll and epoll see input
 * arrive.
 *
 * An outstanding read keeps Node's event loop alive until the host stream
 * gives data or end of file: the command exits with process.exit when the
 * guest is done.
 */
export class NodeStreamFile extends NodeFile {
  readonly readiness = new WaitQueue();
  private data = new Uint8Array(0);
  private pos = 0;
  private eof = false;
  private error = 0;
  private pending = false;
  /** When the outstanding read started (performance.now() ms). */
  private startedAt = 0;
  private readonly terminal: boolean;
  private readonly fifo: boolean;

  constructor(
    fd: number,
    path: string | null,
    own: boolean,
    private readonly canRead: boolean,
    private readonly canWrite: boolean,
  ) {
    super(fd, path, own);
    this.terminal = tty.isatty(fd);
    let fifo = false;
    try {
      fifo = fs.fstatSync(fd).isFIFO();
    } catch {
      /* closed under us: reads will say so */
    }
    this.fifo = fifo;
  }

  /** Bytes buffered and not yet read (FIONREAD). */
  unreadBytes(): number {
    return this.data.length - this.pos;
  }

  private start(): void {
    if (this.pending || !this.canRead) return;
    this.pending = true;
    this.startedAt = performance.now();
    const chunk = new Uint8Array(STREAM_CHUNK);
    fs.read(this.fd, chunk, 0, STREAM_CHUNK, null, (err, n) => {
      this.pending = false;
      if (err) {
        // Someone set O_NONBLOCK on the shared host descriptor: look again shortly.
        if ((err as { code?: string }).code === 'EAGAIN') {
          setTimeout(() => this.start(), 10);
          return;
        }
        this.error = errnoOf(err);
      } else if (n === 0) this.eof = true;
      else {
        this.data = chunk.subarray(0, n);
        this.pos = 0;
      }
      this.readiness.wake();
    });
  }

  override read(buf: Uint8Array, position: number | null): number {
    if (position !== null) return -ESPIPE;
    if (buf.length === 0) return 0;
    const avail = this.data.length - this.pos;
    if (avail > 0) {
      const n = Math.min(avail, buf.length);
      buf.set(this.data.subarray(this.pos, this.pos + n));
      this.pos += n;
      return n;
    }
    if (this.error !== 0) {
      const e = this.error;
      this.error = 0;
      return e;
    }
    if (this.eof) {
      // A terminal's end of file (^D) is one event; a pipe's stays (the next read finds it again).
      this.eof = false;
      return 0;
    }
    this.start();
    return -EAGAIN;
  }

  /**
   * A read has only just been started: input already waiting on the host is
   * about to arrive. poll and non-blocking reads give it this moment (a few
   * ms) before answering "nothing there", which Linux would never say of a
   * pipe holding data.
   */
  settling(): boolean {
    return this.pending && performance.now() - this.startedAt < SETTLE_MS;
  }

  /** Input buffered or end of file: readable (a pipe at its end: hung up); terminals are always writable. */
  poll(): number {
    let m = 0;
    if (this.canRead) {
      if (this.data.length > this.pos || this.error !== 0)
        m |= 0x41; // POLLIN | POLLRDNORM
      else if (this.eof)
        m |= this.fifo ? 0x10 : 0x41; // POLLHUP for a pipe, POLLIN for a terminal
      else this.start();
    }
    if (this.canWrite || this.terminal) m |= 0x104; // POLLOUT | POLLWRNORM
    return m;
  }
}

/** True for host descriptors whose reads can wait for ever: pipes, sockets, terminals. */
function isStream(fd: number): boolean {
  try {
    const st = fs.fstatSync(fd);
    return st.isFIFO() || st.isSocket() || tty.isatty(fd);
  } catch {
    return false;
  }
}

export class NodeFs implements HostFs {
  open(path: string, flags: number, mode: number): HostFile | number {
    try {
      const fd = fs.openSync(path, hostOpenFlags(flags), mode);
      const acc = flags & L_O_ACCMODE;
      if (isStream(fd)) return new NodeStreamFile(fd, path, true, acc !== 1, acc !== 0);
      return new NodeFile(fd, path);
    } catch (e) {
      return errnoOf(e);
    }
  }

  stat(path: string, followSymlinks: boolean): HostStat | number {
    try {
      return statOf(followSymlinks ? fs.statSync(path, { bigint: true }) : fs.lstatSync(path, { bigint: true }));
    } catch (e) {
      return errnoOf(e);
    }
  }

  readlink(path: string): string | number {
    try {
      return fs.readlinkSync(path);
    } catch (e) {
      return errnoOf(e);
    }
  }

  access(path: string, mode: number): number {
    try {
      fs.accessSync(path, mode);
      return 0;
    } catch (e) {
      return errnoOf(e);
    }
  }

  cwd(): string {
    return process.cwd();
  }

  chdir(path: string): number {
    try {
      process.chdir(path);
      return 0;
    } catch (e) {
      return errnoOf(e);
    }
  }

  unlink(path: string, dir: boolean): number {
    try {
      if (dir) fs.rmdirSync(path);
      else fs.unlinkSync(path);
      return 0;
    } catch (e) {
      return errnoOf(e);
    }
  }

  mkdir(path: string, mode: number): number {
    try {
      fs.mkdirSync(path, { mode });
      return 0;
    } catch (e) {
      return errnoOf(e);
    }
  }

  symlink(target: string, path: string): number {
    return this.wrap(() => fs.symlinkSync(target, path));
  }

  link(existing: string, path: string): number {
    return this.wrap(() => fs.linkSync(existing, path));
  }

  chmod(path: string, mode: number): number {
    return this.wrap(() => fs.chmodSync(path, mode));
  }

  chown(path: string, uid: number, gid: number, followSymlinks: boolean): number {
    return this.wrap(() => (followSymlinks ? fs.chownSync(path, uid, gid) : fs.lchownSync(path, uid, gid)));
  }

  utimes(path: string, atimeNs: bigint | null, mtimeNs: bigint | null, followSymlinks: boolean): number {
    return this.wrap(() => {
      const st = fs.statSync(path, { bigint: true });
      // Node takes seconds as numbers: microsecond precision survives.
      const sec = (ns: bigint) => Number(ns / 1000n) / 1e6;
      const a = sec(atimeNs ?? st.atimeNs);
      const m = sec(mtimeNs ?? st.mtimeNs);
      if (followSymlinks) fs.utimesSync(path, a, m);
      else fs.lutimesSync(path, a, m);
    });
  }

  truncate(path: string, length: number): number {
    return this.wrap(() => fs.truncateSync(path, length));
  }

  statfs(path: string): HostStatfs | number {
    try {
      const s = fs.statfsSync(path);
      return {
        type: s.type,
        bsize: s.bsize,
        blocks: s.blocks,
        bfree: s.bfree,
        bavail: s.bavail,
        files: s.files,
        ffree: s.ffree,
      };
    } catch (e) {
      return errnoOf(e);
    }
  }

  private wrap(fn: () => void): number {
    try {
      fn();
      return 0;
    } catch (e) {
      return errnoOf(e);
    }
  }

  rename(from: string, to: string): number {
    try {
      fs.renameSync(from, to);
      return 0;
    } catch (e) {
      return errnoOf(e);
    }
  }
}

export const nodeClock: HostClock = {
  realtimeNs: () => BigInt(Math.round((performance.timeOrigin + performance.now()) * 1000)) * 1000n,
  monotonicNs: () => process.hrtime.bigint(),
  cpuTimeNs: () => {
    const u = process.cpuUsage();
    return BigInt(u.user + u.system) * 1000n;
  },
  sleep: (ns) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ns / 1e6))),
};

/** The host of the `armvisor` command: real files, real stdio. */
export function nodeHost(): Host {
  return {
    fs: new NodeFs(),
    clock: nodeClock,
    random: (buf) => {
      randomFillSync(buf);
    },
    // stdin that can keep a reader waiting is read asynchronously; a file or /dev/null stays a plain file.
    stdin: isStream(0) ? new NodeStreamFile(0, null, false, true, false) : new NodeFile(0, null, false),
    stdout: new NodeFile(1, null, false),
    stderr: new NodeFile(2, null, false),
    hostname: () => os.hostname(),
    identity: () => ({
      pid: process.pid,
      ppid: process.ppid,
      uid: process.getuid?.() ?? 0,
      gid: process.getgid?.() ?? 0,
    }),
    kernel: () => ({ release: os.release(), version: os.version() }),
    net: new NodeNet(),
  };
}
