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
import { EINVAL, EIO, ERRNO_NAMES } from '../linux-user/errno.js';

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
      for (const d of fs.readdirSync(this.path, { withFileTypes: true })) {
        let ino = 0;
        try {
          ino = toNum(fs.lstatSync(this.path + '/' + d.name, { bigint: true }).ino);
        } catch {
          /* raced away */
        }
        out.push({ name: d.name, ino, type: DT_BY_KIND(d) });
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

export class NodeFs implements HostFs {
  open(path: string, flags: number, mode: number): HostFile | number {
    try {
      const fd = fs.openSync(path, hostOpenFlags(flags), mode);
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
    stdin: new NodeFile(0, null, false),
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
  };
}
