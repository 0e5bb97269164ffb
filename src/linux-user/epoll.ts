/**
 * An epoll instance (fs/eventpoll.c in Linux): an interest list of
 * (open file, descriptor number) items and a ready list.
 *
 * - An item joins the ready list when it is added or modified while ready,
 *   and whenever its file's readiness queue is woken with a key that
 *   matches its events (a file may say which events a wake-up is about with
 *   a `wakeKey` member; none means any).
 * - epoll_wait takes items off the ready list in order, asks each file for
 *   its current state and reports those with events: level-triggered items
 *   go back to the tail of the list (so they are reported again while
 *   ready), edge-triggered ones only come back with the next wake-up,
 *   one-shot ones are disabled until EPOLL_CTL_MOD.
 * - Items go away with EPOLL_CTL_DEL or when their open file description is
 *   closed (not when one descriptor of a dup'ed file is).
 *
 * The instance is itself a pollable file: readable while an item is ready.
 */
import type { HostFile, HostStat } from './host.js';
import { POLLERR, POLLHUP, POLLIN, POLLRDNORM, type OpenFile } from './files.js';
import { WaitQueue } from './wait.js';
import { EEXIST, EINVAL, ELOOP, ENOENT } from './errno.js';

export const EPOLLEXCLUSIVE = 1 << 28;
export const EPOLLWAKEUP = 1 << 29;
export const EPOLLONESHOT = 1 << 30;
export const EPOLLET = 1 << 31;
/** Bits that stay when a one-shot item fires (ep_send_events keeps only these). */
const EP_PRIVATE_BITS = EPOLLWAKEUP | EPOLLONESHOT | EPOLLET | EPOLLEXCLUSIVE;

export const EPOLL_CTL_ADD = 1;
export const EPOLL_CTL_DEL = 2;
export const EPOLL_CTL_MOD = 3;

interface Item {
  readonly file: OpenFile;
  readonly fd: number;
  /** Requested events; EPOLLERR and EPOLLHUP are always included (ep_insert). */
  events: number;
  /** The 64-bit user data as two 32-bit halves. */
  dataLo: number;
  dataHi: number;
  ready: boolean;
  cancel: (() => void) | null;
}

/** One reported event: the file's events and the item's data. */
export interface EpollEvent {
  events: number;
  dataLo: number;
  dataHi: number;
}

export class EpollFile implements HostFile {
  readonly readiness = new WaitQueue();
  private readonly items = new Map<OpenFile, Map<number, Item>>();
  private rdlist: Item[] = [];
  private readonly hooked = new WeakSet<OpenFile>();
  private closed = false;

  /** The item for (file, fd), if any. */
  private find(file: OpenFile, fd: number): Item | undefined {
    return this.items.get(file)?.get(fd);
  }

  /** Put an item on the ready list (once) and wake whoever waits on this instance. */
  private markReady(it: Item): void {
    if (!it.ready) {
      it.ready = true;
      this.rdlist.push(it);
    }
    this.readiness.wake();
  }

  /** Follow the file's readiness queue for as long as the item lives. */
  private subscribe(it: Item): void {
    const q = it.file.readiness;
    if (q === null || this.closed) return;
    const host = it.file.host as { wakeKey?: number };
    const onWake = (): void => {
      it.cancel = q.add(onWake);
      const key = host.wakeKey ?? 0;
      if (key === 0 || key & it.events & ~EP_PRIVATE_BITS) this.markReady(it);
    };
    it.cancel = q.add(onWake);
  }

  /** True when `target` (an epoll file) already watches this instance, directly or through others. */
  private reachableFrom(target: EpollFile, seen = new Set<EpollFile>()): boolean {
    if (target === this) return true;
    if (seen.has(target)) return false;
    seen.add(target);
    for (const file of target.items.keys())
      if (file.host instanceof EpollFile && this.reachableFrom(file.host, seen)) return true;
    return false;
  }

  /** epoll_ctl on a checked (file, fd): 0 or -errno. */
  ctl(op: number, file: OpenFile, fd: number, events: number, dataLo: number, dataHi: number): number {
    const it = this.find(file, fd);
    switch (op) {
      case EPOLL_CTL_ADD: {
        if (it) return -EEXIST;
        if (file.host instanceof EpollFile && this.reachableFrom(file.host)) return -ELOOP;
        const item: Item = {
          file,
          fd,
          events: events | POLLERR | POLLHUP,
          dataLo,
          dataHi,
          ready: false,
          cancel: null,
        };
        let byFd = this.items.get(file);
        if (!byFd) this.items.set(file, (byFd = new Map()));
        byFd.set(fd, item);
        if (!this.hooked.has(file)) {
          this.hooked.add(file);
          file.onClose(() => this.forget(file));
        }
        this.subscribe(item);
        if (file.poll() & item.events) this.markReady(item);
        return 0;
      }
      case EPOLL_CTL_DEL:
        if (!it) return -ENOENT;
        this.remove(it);
        return 0;
      case EPOLL_CTL_MOD:
        if (!it) return -ENOENT;
        if (it.events & EPOLLEXCLUSIVE) return -EINVAL;
        it.events = events | POLLERR | POLLHUP;
        it.dataLo = dataLo;
        it.dataHi = dataHi;
        if (file.poll() & it.events & ~EP_PRIVATE_BITS) this.markReady(it);
        return 0;
    }
    return -EINVAL;
  }

  private remove(it: Item): void {
    it.cancel?.();
    it.cancel = null;
    const byFd = this.items.get(it.file);
    byFd?.delete(it.fd);
    if (byFd && byFd.size === 0) this.items.delete(it.file);
    if (it.ready) {
      it.ready = false;
      this.rdlist = this.rdlist.filter((x) => x !== it);
    }
  }

  /** The open file description was closed: its items go (ep_remove from eventpoll_release). */
  private forget(file: OpenFile): void {
    const byFd = this.items.get(file);
    if (byFd) for (const it of [...byFd.values()]) this.remove(it);
  }

  /** ep_send_events: up to `max` events, updating the ready list as Linux does. */
  collect(max: number): EpollEvent[] {
    const out: EpollEvent[] = [];
    const tx = this.rdlist;
    const again: Item[] = [];
    let i = 0;
    for (; i < tx.length && out.length < max; i++) {
      const it = tx[i];
      it.ready = false;
      const revents = it.file.poll() & it.events & ~EP_PRIVATE_BITS;
      if (revents === 0) continue;
      out.push({ events: revents, dataLo: it.dataLo, dataHi: it.dataHi });
      if (it.events & EPOLLONESHOT) it.events &= EP_PRIVATE_BITS;
      else if (!(it.events & EPOLLET)) again.push(it);
    }
    // Items not looked at stay first, level-triggered ones just reported go to the tail.
    this.rdlist = tx.slice(i);
    for (const it of again) {
      it.ready = true;
      this.rdlist.push(it);
    }
    return out;
  }

  /** The files watched (for the first look of epoll_wait at host streams). */
  files(): OpenFile[] {
    return [...this.items.keys()];
  }

  /** Readable when some item on the ready list has events now (ep_eventpoll_poll). */
  poll(): number {
    for (const it of this.rdlist) if (it.file.poll() & it.events & ~EP_PRIVATE_BITS) return POLLIN | POLLRDNORM;
    return 0;
  }

  read(): number {
    return -EINVAL;
  }

  write(): number {
    return -EINVAL;
  }

  stat(): HostStat {
    return anonInodeStat();
  }

  close(): void {
    this.closed = true;
    for (const byFd of this.items.values()) for (const it of byFd.values()) it.cancel?.();
    this.items.clear();
    this.rdlist = [];
  }
}

/** fstat of an anonymous-inode file (epoll, eventfd, timerfd, signalfd): no file type, mode 0600. */
export function anonInodeStat(): HostStat {
  return {
    dev: 14,
    ino: 1,
    mode: 0o600,
    nlink: 1,
    uid: 0,
    gid: 0,
    rdev: 0,
    size: 0,
    blksize: 4096,
    blocks: 0,
    atimeSec: 0,
    atimeNsec: 0,
    mtimeSec: 0,
    mtimeNsec: 0,
    ctimeSec: 0,
    ctimeNsec: 0,
  };
}
