/**
 * Waiting without spinning: how a guest task blocks (a read on an empty
 * pipe, a futex, wait4, a sleep) while the others keep running.
 *
 * Every task runs as its own asynchronous loop on the host's event loop (see
 * scheduler.ts). A syscall that must wait returns a Promise; the task's loop
 * awaits it and, meanwhile, the other tasks' loops run. What ends the wait is
 * an event on a WaitQueue (the object the task waits on wakes it: data
 * written into a pipe, a futex word woken, a child exiting), a signal for
 * the task, or a deadline.
 *
 * The pattern for a blocking call (retry, because a wake-up only means that
 * something changed):
 *
 *   for (;;) {
 *     const n = tryTheOperation();
 *     if (n !== -EAGAIN || nonblocking) return n;
 *     if ((await block(t, [file.queue], null)) === 'signal') return -ERESTARTSYS;
 *   }
 */
import type { Task } from './process.js';

/** Waiters for one kind of event. Wakers call wake(); every waiter is called once and removed. */
export class WaitQueue {
  private readonly waiters = new Set<() => void>();

  /** Call `cb` at the next wake(); the returned function cancels it. */
  add(cb: () => void): () => void {
    this.waiters.add(cb);
    return () => void this.waiters.delete(cb);
  }

  /** Wake every current waiter. */
  wake(): void {
    if (this.waiters.size === 0) return;
    const list = [...this.waiters];
    this.waiters.clear();
    for (const cb of list) cb();
  }

  get size(): number {
    return this.waiters.size;
  }
}

/** Why block() returned. */
export type WakeReason = 'event' | 'signal' | 'timeout';

/**
 * Wait until one of `queues` is woken ('event'), a signal becomes
 * deliverable to the task or its process is ending ('signal'), or the
 * monotonic clock reaches `deadlineNs` ('timeout'; null waits for ever). A
 * signal already deliverable returns 'signal' at once.
 */
export function block(t: Task, queues: readonly WaitQueue[], deadlineNs: number | null): Promise<WakeReason> {
  if (t.interrupted()) return Promise.resolve('signal');
  const clock = t.process.host.clock;
  return new Promise<WakeReason>((resolve) => {
    const cancels: (() => void)[] = [];
    let timer: ReturnType<typeof setTimeout> | undefined;
    let done = false;
    const finish = (why: WakeReason): void => {
      if (done) return;
      done = true;
      if (timer !== undefined) clearTimeout(timer);
      for (const c of cancels) c();
      resolve(why);
    };
    for (const q of queues) cancels.push(q.add(() => finish('event')));
    cancels.push(t.wakeups.add(() => finish('signal')));
    if (deadlineNs !== null) {
      const arm = (): void => {
        const left = deadlineNs - Number(clock.monotonicNs());
        if (left <= 0) return finish('timeout');
        // Timers may fire a little early on some hosts: re-arm until the deadline has passed.
        timer = setTimeout(arm, Math.min(Math.ceil(left / 1e6), 2 ** 31 - 1));
      };
      arm();
    }
  });
}

/** Let the other tasks and the host's events run before continuing. */
export function yieldToHost(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof setImmediate === 'function') setImmediate(resolve);
    else setTimeout(resolve, 0);
  });
}
