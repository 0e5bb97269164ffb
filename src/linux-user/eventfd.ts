/**
 * eventfd (fs/eventfd.c): a 64-bit counter as a file. write adds to it
 * (waiting while the sum would pass 2^64 - 2), read returns it and resets
 * it to 0, or with EFD_SEMAPHORE returns 1 and decrements it (waiting while
 * it is 0). Reads and writes move exactly 8 bytes (EINVAL below that). The
 * counter is a BigInt: eventfd calls are syscalls, not per-instruction work.
 */
import type { HostFile, HostStat } from './host.js';
import { POLLERR, POLLIN, POLLOUT, POLLRDNORM, POLLWRNORM } from './files.js';
import { WaitQueue } from './wait.js';
import { EAGAIN, EINVAL } from './errno.js';
import { anonInodeStat } from './epoll.js';

export const EFD_SEMAPHORE = 1;
const ULLONG_MAX = 0xffffffffffffffffn;

export class EventFd implements HostFile {
  readonly readiness = new WaitQueue();
  /** The events of the wake-up in progress (read: POLLOUT, write: POLLIN), for epoll's edge-triggered mode. */
  wakeKey = 0;

  constructor(
    public count: bigint,
    readonly semaphore: boolean,
  ) {}

  private wake(key: number): void {
    this.wakeKey = key;
    this.readiness.wake();
    this.wakeKey = 0;
  }

  read(buf: Uint8Array): number {
    if (buf.length < 8) return -EINVAL;
    if (this.count === 0n) return -EAGAIN;
    const v = this.semaphore ? 1n : this.count;
    this.count -= v;
    new DataView(buf.buffer, buf.byteOffset, 8).setBigUint64(0, v, true);
    this.wake(POLLOUT);
    return 8;
  }

  write(buf: Uint8Array): number {
    if (buf.length < 8) return -EINVAL;
    const v = new DataView(buf.buffer, buf.byteOffset, 8).getBigUint64(0, true);
    if (v === ULLONG_MAX) return -EINVAL;
    if (ULLONG_MAX - this.count <= v) return -EAGAIN;
    this.count += v;
    this.wake(POLLIN);
    return 8;
  }

  /** eventfd_poll: readable above 0, writable while one more write of 1 fits, in error at the (unreachable by write) maximum. */
  poll(): number {
    let m = 0;
    if (this.count > 0n) m |= POLLIN | POLLRDNORM;
    if (this.count === ULLONG_MAX) m |= POLLERR;
    if (ULLONG_MAX - 1n > this.count) m |= POLLOUT | POLLWRNORM;
    return m;
  }

  stat(): HostStat {
    return anonInodeStat();
  }

  close(): void {}
}
