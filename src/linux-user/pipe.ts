/**
 * Pipes inside the emulator (pipe2): a buffer shared by a read end and a
 * write end, each a pollable HostFile. Its shape follows Linux's
 * fs/pipe.c, because programs can observe it:
 *
 * - The buffer is a ring of page-sized slots (16 by default: 64 KiB). A
 *   write first tops up the last slot when its sub-page remainder fits
 *   there, then fills fresh slots a page at a time; so a write of at most
 *   PIPE_BUF (4096) bytes goes in whole or not at all (atomic), and how many
 *   bytes fit depends on the sizes written, as on Linux.
 * - A read takes what is there (up to its size) and waits only when the
 *   pipe is empty; it returns 0 (end of file) when no write end is open.
 * - Writing with no read end open fails with EPIPE (the syscall layer then
 *   sends SIGPIPE).
 * - The read end's readiness queue is woken by writes and by the last
 *   writer closing; the write end's by reads that free a slot of a full pipe
 *   and by the last reader closing (Linux's rd_wait and wr_wait).
 *
 * read and write never wait: they return -EAGAIN and the caller waits on
 * `readiness` (see wait.ts). Ends are counted per open file description:
 * the OpenFile calls close() when its last descriptor goes, in whichever
 * process that is.
 */
import type { HostFile, HostStat } from './host.js';
import { WaitQueue } from './wait.js';
import { EAGAIN, EBUSY, EINVAL, EPERM, EPIPE } from './errno.js';
import { POLLERR, POLLHUP, POLLIN, POLLOUT, POLLRDNORM, POLLWRNORM } from './files.js';

export const PAGE = 4096;
/** Writes up to this size are atomic (POSIX PIPE_BUF). */
export const PIPE_BUF = 4096;
/** Default capacity in slots (pipe_def_buffers). */
export const PIPE_DEF_SLOTS = 16;
/** /proc/sys/fs/pipe-max-size: the most an unprivileged F_SETPIPE_SZ may ask. */
export const PIPE_MAX_SIZE = 1 << 20;

/** One page of the ring: bytes [offset, offset + len) are unread. */
interface Slot {
  page: Uint8Array;
  offset: number;
  len: number;
  /** Written in packet mode (O_DIRECT): a read takes the whole slot and stops there. */
  packet: boolean;
}

let nextPipeIno = 70000;

export class Pipe {
  private readonly slots: Slot[] = [];
  /** Capacity in slots (F_SETPIPE_SZ). */
  maxSlots = PIPE_DEF_SLOTS;
  readers = 0;
  writers = 0;
  /** Woken when data arrives or the last writer closes. */
  readonly rdWait = new WaitQueue();
  /** Woken when a full pipe gets a free slot or the last reader closes. */
  readonly wrWait = new WaitQueue();
  /** The poll bits of the wake-up in progress (epoll's edge-triggered mode filters on them); 0 = any. */
  wakeKey = 0;
  readonly ino = nextPipeIno++;

  constructor(
    /** Creation time (st_atime/mtime/ctime), in seconds and nanoseconds. */
    private readonly timeSec = 0,
    private readonly timeNsec = 0,
    private readonly uid = 0,
    private readonly gid = 0,
  ) {}

  /** Unread bytes (FIONREAD). */
  get buffered(): number {
    let n = 0;
    for (const s of this.slots) n += s.len;
    return n;
  }

  get full(): boolean {
    return this.slots.length >= this.maxSlots;
  }

  private wake(q: WaitQueue, key: number): void {
    this.wakeKey = key;
    q.wake();
    this.wakeKey = 0;
  }

  /** Take up to buf.length bytes; 0 at end of file, -EAGAIN when empty with a writer open. */
  read(buf: Uint8Array): number {
    if (buf.length === 0) return 0;
    if (this.slots.length === 0) return this.writers === 0 ? 0 : -EAGAIN;
    let n = 0;
    let freedFromFull = false;
    while (n < buf.length && this.slots.length > 0) {
      const s = this.slots[0];
      const k = Math.min(s.len, buf.length - n);
      buf.set(s.page.subarray(s.offset, s.offset + k), n);
      s.offset += k;
      s.len = s.packet ? 0 : s.len - k;
      n += k;
      if (s.len === 0) {
        if (this.full) freedFromFull = true;
        this.slots.shift();
      }
      if (s.packet) break;
    }
    if (freedFromFull) this.wake(this.wrWait, POLLOUT | POLLWRNORM);
    return n;
  }

  /**
   * Put as much of `data` as fits now: the byte count, -EAGAIN when nothing
   * fits (a write of at most PIPE_BUF needs room for all of it), -EPIPE when
   * no reader is left.
   */
  write(data: Uint8Array, packet = false): number {
    if (this.readers === 0) return -EPIPE;
    const len = data.length;
    if (len === 0) return 0;
    let done = 0;
    // The sub-page remainder goes into the last slot when it fits there (pipe_write's merge).
    const chars = len & (PAGE - 1);
    const last = this.slots[this.slots.length - 1];
    if (chars !== 0 && !packet && last && !last.packet && last.offset + last.len + chars <= PAGE) {
      last.page.set(data.subarray(0, chars), last.offset + last.len);
      last.len += chars;
      done = chars;
    }
    while (done < len && !this.full) {
      const k = Math.min(PAGE, len - done);
      const page = new Uint8Array(PAGE);
      page.set(data.subarray(done, done + k));
      this.slots.push({ page, offset: 0, len: k, packet });
      done += k;
    }
    if (done === 0) return -EAGAIN;
    this.wake(this.rdWait, POLLIN | POLLRDNORM);
    return done;
  }

  /** F_SETPIPE_SZ: the new capacity in bytes, or -errno (EBUSY when the data would not fit). */
  resize(size: number, privileged: boolean): number {
    if (size > 2 ** 31) return -EINVAL;
    let bytes = PAGE;
    while (bytes < size) bytes *= 2;
    if (bytes > PIPE_MAX_SIZE && !privileged) return -EPERM;
    const slots = bytes / PAGE;
    if (slots < this.slots.length) return -EBUSY;
    const wasFull = this.full;
    this.maxSlots = slots;
    if (wasFull && !this.full) this.wake(this.wrWait, POLLOUT | POLLWRNORM);
    return bytes;
  }

  /** Open one more end (pipe2, or a reopen through /proc/self/fd). */
  open(reading: boolean): PipeEnd {
    if (reading) this.readers++;
    else this.writers++;
    return new PipeEnd(this, reading);
  }

  /** One end closed: when the last of a kind goes, the other side learns it (EOF, EPIPE, POLLHUP/POLLERR). */
  closeEnd(reading: boolean): void {
    if (reading) this.readers--;
    else this.writers--;
    if ((reading ? this.readers : this.writers) !== 0) return;
    this.wake(this.rdWait, 0);
    this.wake(this.wrWait, 0);
  }

  stat(): HostStat {
    return {
      dev: 12, // pipefs: an anonymous device (major 0)
      ino: this.ino,
      mode: 0o010600,
      nlink: 1,
      uid: this.uid,
      gid: this.gid,
      rdev: 0,
      size: 0,
      blksize: PAGE,
      blocks: 0,
      atimeSec: this.timeSec,
      atimeNsec: this.timeNsec,
      mtimeSec: this.timeSec,
      mtimeNsec: this.timeNsec,
      ctimeSec: this.timeSec,
      ctimeNsec: this.timeNsec,
    };
  }
}

/** One end of a pipe as a HostFile (pollable: read and write never wait). */
export class PipeEnd implements HostFile {
  readonly readiness: WaitQueue;
  /** Packet mode (pipe2 or F_SETFL with O_DIRECT) for writes through this end. */
  packet = false;
  private closed = false;

  constructor(
    readonly pipe: Pipe,
    readonly reading: boolean,
  ) {
    this.readiness = reading ? pipe.rdWait : pipe.wrWait;
  }

  /** The wake-up key in progress on this end's queue (see Pipe.wakeKey). */
  get wakeKey(): number {
    return this.pipe.wakeKey;
  }

  read(buf: Uint8Array): number {
    return this.reading ? this.pipe.read(buf) : -9; // EBADF: the write end
  }

  write(buf: Uint8Array): number {
    return this.reading ? -9 : this.pipe.write(buf, this.packet);
  }

  /** pipe_poll: the read end is readable with data, hung up with no writer; the write end is writable with a free slot, in error with no reader. */
  poll(): number {
    const p = this.pipe;
    if (this.reading) return (p.buffered > 0 ? POLLIN | POLLRDNORM : 0) | (p.writers === 0 ? POLLHUP : 0);
    return (p.full ? 0 : POLLOUT | POLLWRNORM) | (p.readers === 0 ? POLLERR : 0);
  }

  stat(): HostStat {
    return this.pipe.stat();
  }

  isTerminal(): boolean {
    return false;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.pipe.closeEnd(this.reading);
  }
}

/** A new pipe's two ends. */
export function makePipe(timeNs: bigint, uid: number, gid: number): { read: PipeEnd; write: PipeEnd } {
  const pipe = new Pipe(Number(timeNs / 1_000_000_000n), Number(timeNs % 1_000_000_000n), uid, gid);
  return { read: pipe.open(true), write: pipe.open(false) };
}
