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

  release(): void {
    if (--this.refs === 0) this.host.close();
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
    if (old) old.file.release();
  }

  close(fd: number): number {
    const s = fd >= 0 ? this.slots[fd] : undefined;
    if (!s) return -EBADF;
    this.slots[fd] = undefined;
    s.file.release();
    return 0;
  }

  closeAll(): void {
    for (let fd = 0; fd < this.slots.length; fd++) if (this.slots[fd]) this.close(fd);
  }

  /** Open descriptors (for /proc/self/fd and diagnostics). */
  list(): number[] {
    const out: number[] = [];
    this.slots.forEach((s, fd) => s && out.push(fd));
    return out;
  }
}
