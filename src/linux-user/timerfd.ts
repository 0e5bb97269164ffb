/**
 * timerfd (fs/timerfd.c): a timer whose expirations are read as a 64-bit
 * count. Times are kept in ns of the timer's clock (CLOCK_REALTIME or
 * CLOCK_MONOTONIC/BOOTTIME), as BigInt since realtime ns pass 2^53. The
 * count is computed from the clock when asked; a host timer only wakes
 * waiters (poll, epoll, a blocking read) at each expiry.
 */
import type { HostClock, HostFile, HostStat } from './host.js';
import { POLLIN, POLLRDNORM } from './files.js';
import { WaitQueue } from './wait.js';
import { EAGAIN, EINVAL } from './errno.js';
import { anonInodeStat } from './epoll.js';

export const TFD_TIMER_ABSTIME = 1;
export const TFD_TIMER_CANCEL_ON_SET = 2;

export class TimerFd implements HostFile {
  readonly readiness = new WaitQueue();
  /** Next expiry in the clock's ns; 0n: disarmed. */
  private next = 0n;
  private interval = 0n;
  /** Expirations not yet read. */
  private ticks = 0n;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly clock: HostClock,
    /** True for CLOCK_REALTIME(_ALARM), false for the monotonic clocks. */
    private readonly realtime: boolean,
  ) {}

  private now(): bigint {
    return this.realtime ? this.clock.realtimeNs() : this.clock.monotonicNs();
  }

  /** Count the expirations up to now into `ticks` (timerfd's hrtimer_forward). */
  private update(): void {
    if (this.next === 0n) return;
    const now = this.now();
    if (now < this.next) return;
    if (this.interval > 0n) {
      const n = 1n + (now - this.next) / this.interval;
      this.ticks += n;
      this.next += n * this.interval;
    } else {
      this.ticks += 1n;
      this.next = 0n;
    }
  }

  /** A host timer for the next expiry, which wakes the waiters. */
  private arm(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.next === 0n) return;
    const ms = Number((this.next - this.now()) / 1_000_000n);
    this.timer = setTimeout(
      () => {
        this.timer = undefined;
        this.update();
        if (this.ticks > 0n) this.readiness.wake();
        this.arm();
      },
      Math.max(0, Math.min(ms + 1, 2 ** 31 - 1)),
    );
  }

  /** What is left until the next expiry and the interval, in ns (timerfd_gettime). */
  get(): [bigint, bigint] {
    this.update();
    if (this.next === 0n) return [0n, 0n];
    const left = this.next - this.now();
    return [left > 0n ? left : 1n, this.interval];
  }

  /** timerfd_settime with checked values (ns): the old setting. A value of 0 disarms. */
  set(flags: number, value: bigint, interval: bigint): [bigint, bigint] {
    const old = this.get();
    this.ticks = 0n;
    this.interval = interval;
    if (value === 0n) this.next = 0n;
    else if (flags & TFD_TIMER_ABSTIME) this.next = value > 0n ? value : 1n;
    else this.next = this.now() + value;
    this.update();
    if (this.ticks > 0n) this.readiness.wake();
    this.arm();
    return old;
  }

  read(buf: Uint8Array): number {
    if (buf.length < 8) return -EINVAL;
    this.update();
    if (this.ticks === 0n) return -EAGAIN;
    new DataView(buf.buffer, buf.byteOffset, 8).setBigUint64(0, this.ticks, true);
    this.ticks = 0n;
    return 8;
  }

  write(): number {
    return -EINVAL;
  }

  poll(): number {
    this.update();
    return this.ticks > 0n ? POLLIN | POLLRDNORM : 0;
  }

  stat(): HostStat {
    return anonInodeStat();
  }

  close(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    this.next = 0n;
  }
}
