/**
 * Open file descriptions and the descriptor table.
 *
 * An OpenFile is what Linux calls a "struct file": one open of a file with
 * its own offset and status flags; dup() shares it between descriptors
 * (reference counted), open() makes a new one. Regular files are accessed at
 * explicit positions so the offset is ours to keep (lseek needs no host call);
 * streams (pipes, terminals) are read and written at their current position.
 */
import type { HostDirEntry, HostFile, HostStat } from './host.js';
import type { WaitQueue } from './wait.js';
import { EBADF, EINVAL, EISDIR, ENOTDIR, ESPIPE, EMFILE, EOVERFLOW } from './errno.js';

export const O_ACCMODE = 3;
export const O_RDONLY = 0;
export const O_WRONLY = 1;
export const O_RDWR = 2;
export const O_APPEND = 0o2000;
export const O_NONBLOCK = 0o4000;
export const O_DIRECTORY = 0o40000;
export const O_CLOEXEC = 0o2000000;
export const O_PATH = 0o10000000;

export const S_IFMT = 0o170000;
export const S_IFREG = 0o100000;
export const S_IFDIR = 0o040000;
export const S_IFBLK = 0o060000;
export const S_IFCHR = 0o020000;
export const S_IFLNK = 0o120000;
export const S_IFIFO = 0o010000;
export const S_IFSOCK = 0o140000;

// poll(2) event bits (asm-generic/poll.h), shared by poll, select and epoll.
export const POLLIN = 0x1;
export const POLLPRI = 0x2;
export const POLLOUT = 0x4;
export const POLLERR = 0x8;
export const POLLHUP = 0x10;
export const POLLNVAL = 0x20;
export const POLLRDNORM = 0x40;
export const POLLRDBAND = 0x80;
export const POLLWRNORM = 0x100;
export const POLLWRBAND = 0x200;
export const POLLRDHUP = 0x2000;
/** What a file without a poll method reports (Linux's DEFAULT_POLLMASK): always ready both ways. */
export const DEFAULT_POLLMASK = POLLIN | POLLOUT | POLLRDNORM | POLLWRNORM;

export const SEEK_SET = 0;
export const SEEK_CUR = 1;
export const SEEK_END = 2;

export class OpenFile {
  /** File offset (seekable files only). */
  offset = 0;
  refs = 1;
  private dirEntries: HostDirEntry[] | null = null;
  /** Index of the next directory entry getdents64 returns. */
  dirPos = 0;
  readonly seekable: boolean;
  readonly isDir: boolean;
  /** A regular file, directory or block device (always ready, even when inherited from the host). */
  readonly storage: boolean;

  constructor(
    readonly host: HostFile,
    /** Access mode and status flags (O_APPEND, O_NONBLOCK, …). */
    public flags: number,
    /** The guest path it was opened by (for diagnostics and /proc), or a label. */
    readonly path: string,
    /**
     * Use the host's own file position (no explicit offsets, no lseek): for
     * descriptors inherited from the host, such as stdio redirected to a
     * file, whose offset is shared with other processes.
     */
    inherited = false,
  ) {
    const st = host.stat();
    const type = typeof st === 'number' ? 0 : st.mode & S_IFMT;
    this.seekable = !inherited && (type === S_IFREG || type === S_IFBLK || type === S_IFDIR);
    this.isDir = type === S_IFDIR;
    this.storage = type === S_IFREG || type === S_IFBLK || type === S_IFDIR;
  }

  get readable(): boolean {
    return (this.flags & O_ACCMODE) !== O_WRONLY && (this.flags & O_PATH) === 0;
  }

  get writable(): boolean {
    return (this.flags & O_ACCMODE) !== O_RDONLY && (this.flags & O_PATH) === 0;
  }

  read(buf: Uint8Array): number {
    if (!this.readable) return -EBADF;
    if (this.isDir) return -EISDIR;
    if (!this.seekable) return this.host.read(buf, null);
    const n = this.host.read(buf, this.offset);
    if (n > 0) this.offset += n;
    return n;
  }

  pread(buf: Uint8Array, pos: number): number {
    if (!this.readable) return -EBADF;
    if (this.isDir) return -EISDIR;
    if (!this.seekable) return -ESPIPE;
    return this.host.read(buf, pos);
  }

  write(buf: Uint8Array): number {
    if (!this.writable) return -EBADF;
    if (!this.seekable) return this.host.write(buf, null);
    if (this.flags & O_APPEND) {
      const st = this.host.stat();
      if (typeof st !== 'number') this.offset = st.size;
    }
    const n = this.host.write(buf, this.offset);
    if (n > 0) this.offset += n;
    return n;
  }

  pwrite(buf: Uint8Array, pos: number): number {
    if (!this.writable) return -EBADF;
    if (!this.seekable) return -ESPIPE;
    return this.host.write(buf, pos);
  }

  seek(off: number, whence: number): number {
    if (!this.seekable) return -ESPIPE;
    let base: number;
    if (whence === SEEK_SET) base = 0;
    else if (whence === SEEK_CUR) base = this.offset;
    else if (whence === SEEK_END) {
      const st = this.host.stat();
      if (typeof st === 'number') return st;
      base = st.size;
    } else return -EINVAL;
    const pos = base + off;
    if (pos < 0) return -EINVAL;
    if (pos > Number.MAX_SAFE_INTEGER) return -EOVERFLOW;
    if (this.isDir) {
      // Directory offsets are entry indices here (opaque to the guest, as in Linux).
      this.dirPos = pos;
    }
    this.offset = pos;
    return pos;
  }

  stat(): HostStat | number {
    return this.host.stat();
  }

  /** The directory's entries from the current position (listing taken at the first call after a rewind). */
  entries(): HostDirEntry[] | number {
    if (!this.isDir) return -ENOTDIR;
    if (this.dirEntries === null || this.dirPos === 0) {
      const list = this.host.readdir ? this.host.readdir() : -ENOTDIR;
      if (typeof list === 'number') return list;
      this.dirEntries = list;
    }
    return this.dirEntries;
  }

  isTerminal(): boolean {
    return this.host.isTerminal?.() ?? false;
  }

  /** O_NONBLOCK: calls that would wait fail with EAGAIN instead. */
  get nonblocking(): boolean {
    return (this.flags & O_NONBLOCK) !== 0;
  }

  /** Woken when poll() may have changed; null for files that are always ready (regular files). */
  get readiness(): WaitQueue | null {
    return this.host.readiness ?? null;
  }

  /**
   * Readiness as poll(2) revents bits. Files without a poll method of their
   * own: regular files and directories are always ready both ways (Linux's
   * DEFAULT_POLLMASK); host streams that do their I/O synchronously (stdio
   * inherited from the host) are ready for what they are open for.
   */
  poll(): number {
    if (this.host.poll) return this.host.poll();
    if (this.storage) return DEFAULT_POLLMASK;
    return (this.readable ? POLLIN | POLLRDNORM : 0) | (this.writable ? POLLOUT | POLLWRNORM : 0);
  }

  /** Called when the last descriptor goes (epoll forgets the file; OFD locks are released). */
  private closeHooks: (() => void)[] | null = null;

  onClose(hook: () => void): void {
    (this.closeHooks ??= []).push(hook);
  }

  release(): void {
    if (--this.refs !== 0) return;
    const hooks = this.closeHooks;
    this.closeHooks = null;
    if (hooks) for (const h of hooks) h();
    this.host.close();
  }
}

interface Slot {
  file: OpenFile;
  cloexec: boolean;
}

/** RLIMIT_NOFILE's usual soft limit. */
export const FD_LIMIT = 1024;

export class FdTable {
  private readonly slots: (Slot | undefined)[] = [];

  get(fd: number): OpenFile | null {
    if (fd < 0) return null;
    return this.slots[fd]?.file ?? null;
  }

  getCloexec(fd: number): boolean {
    return this.slots[fd]?.cloexec ?? false;
  }

  setCloexec(fd: number, on: boolean): void {
    const s = this.slots[fd];
    if (s) s.cloexec = on;
  }

  /** Install at the lowest free descriptor >= min; returns it or -EMFILE. Takes a reference. */
  install(file: OpenFile, cloexec: boolean, min = 0): number {
    for (let fd = min; fd < FD_LIMIT; fd++) {
      if (!this.slots[fd]) {
        this.slots[fd] = { file, cloexec };
        return fd;
      }
    }
    return -EMFILE;
  }

  /** Put `file` at exactly `fd`, closing what was there. */
  installAt(fd: number, file: OpenFile, cloexec: boolean): void {
    const old = this.slots[fd];
    this.slots[fd] = { file, cloexec };
    if (old) this.dropped(old.file);
  }

  close(fd: number): number {
    const s = fd >= 0 ? this.slots[fd] : undefined;
    if (!s) return -EBADF;
    this.slots[fd] = undefined;
    this.dropped(s.file);
    return 0;
  }

  /**
   * A descriptor of `file` went away: POSIX record locks this table's
   * owner holds on the file are released (close(2): whichever descriptor
   * is closed), then the reference.
   */
  private dropped(file: OpenFile): void {
    this.beforeClose?.(file);
    file.release();
  }

  /** Set by the record-lock code (locks.ts) while this table owns locks. */
  beforeClose: ((file: OpenFile) => void) | null = null;

  closeAll(): void {
    for (let fd = 0; fd < this.slots.length; fd++) if (this.slots[fd]) this.close(fd);
  }

  /** close_range(2): close [first, last], or only mark them close-on-exec. */
  closeRange(first: number, last: number, cloexecOnly: boolean): void {
    const end = Math.min(last, this.slots.length - 1);
    for (let fd = first; fd <= end; fd++) {
      const s = this.slots[fd];
      if (!s) continue;
      if (cloexecOnly) s.cloexec = true;
      else this.close(fd);
    }
  }

  /** A copy for fork(): the same open files (one more reference each), the same close-on-exec flags. */
  clone(): FdTable {
    const t = new FdTable();
    this.slots.forEach((s, fd) => {
      if (!s) return;
      s.file.refs++;
      t.slots[fd] = { file: s.file, cloexec: s.cloexec };
    });
    return t;
  }

  /** execve(): close every close-on-exec descriptor. */
  closeOnExec(): void {
    this.slots.forEach((s, fd) => s?.cloexec && this.close(fd));
  }

  /** Open descriptors (for /proc/self/fd and diagnostics). */
  list(): number[] {
    const out: number[] = [];
    this.slots.forEach((s, fd) => s && out.push(fd));
    return out;
  }
}
