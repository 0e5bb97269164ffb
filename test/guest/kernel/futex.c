/* futex operations between two threads, by raw syscall: WAIT with a value
 * that changed (EAGAIN), a timed WAIT that times out, WAKE of a waiter,
 * WAIT_BITSET/WAKE_BITSET with disjoint and matching masks, CMP_REQUEUE
 * moving a waiter to a second word, and WAKE_OP. */
// cflags: -pthread
#include <errno.h>
#include <linux/futex.h>
#include <pthread.h>
#include <stdio.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

static int w1, w2;
static volatile int state;

static long fx(int *addr, int op, int val, const struct timespec *ts, int *addr2, int val3) {
  return syscall(SYS_futex, addr, op, val, ts, addr2, val3);
}

static void *waiter(void *arg) {
  long r = fx(&w1, FUTEX_WAIT_PRIVATE, 0, NULL, NULL, 0);
  state = 1;
  return (void *)r;
}

static void *bitset_waiter(void *arg) {
  long r = fx(&w1, FUTEX_WAIT_BITSET_PRIVATE, 0, NULL, NULL, 0x2);
  state = 2;
  return (void *)r;
}

static void settle(void) {
  struct timespec d = {0, 20 * 1000 * 1000};
  nanosleep(&d, NULL);
}

int main(void) {
  errno = 0;
  long r = fx(&w1, FUTEX_WAIT_PRIVATE, 5, NULL, NULL, 0);
  printf("wait on a changed value: %ld %s\n", r, errno == EAGAIN ? "EAGAIN" : "?");
  struct timespec ts = {0, 30 * 1000 * 1000};
  errno = 0;
  r = fx(&w1, FUTEX_WAIT_PRIVATE, 0, &ts, NULL, 0);
  printf("timed wait: %ld %s\n", r, errno == ETIMEDOUT ? "ETIMEDOUT" : "?");
  printf("wake with nobody waiting: %ld\n", fx(&w1, FUTEX_WAKE_PRIVATE, 1, NULL, NULL, 0));

  pthread_t t;
  void *res;
  pthread_create(&t, NULL, waiter, NULL);
  settle();
  printf("waiter still asleep: %d\n", state == 0);
  printf("wake one: %ld\n", fx(&w1, FUTEX_WAKE_PRIVATE, 1, NULL, NULL, 0));
  pthread_join(t, &res);
  printf("waiter returned %ld, state %d\n", (long)res, state);

  pthread_create(&t, NULL, bitset_waiter, NULL);
  settle();
  printf("wake with a disjoint bitset: %ld\n", fx(&w1, FUTEX_WAKE_BITSET_PRIVATE, 1, NULL, NULL, 0x1));
  printf("wake with a matching bitset: %ld\n", fx(&w1, FUTEX_WAKE_BITSET_PRIVATE, 1, NULL, NULL, 0x6));
  pthread_join(t, &res);
  printf("bitset waiter returned %ld, state %d\n", (long)res, state);

  state = 0;
  pthread_create(&t, NULL, waiter, NULL);
  settle();
  errno = 0;
  r = fx(&w1, FUTEX_CMP_REQUEUE_PRIVATE, 0, (void *)1, &w2, 7);
  printf("cmp_requeue with a wrong value: %ld %s\n", r, errno == EAGAIN ? "EAGAIN" : "?");
  printf("cmp_requeue moves the waiter: %ld\n", fx(&w1, FUTEX_CMP_REQUEUE_PRIVATE, 0, (void *)1, &w2, 0));
  printf("wake on the old word finds nobody: %ld\n", fx(&w1, FUTEX_WAKE_PRIVATE, 1, NULL, NULL, 0));
  printf("state still %d\n", state);
  /* WAKE_OP: w2 += 1 (FUTEX_OP_ADD 1), then wake on w2 if the old value == 0. */
  int op = FUTEX_OP(FUTEX_OP_ADD, 1, FUTEX_OP_CMP_EQ, 0);
  printf("wake_op: %ld\n", fx(&w1, FUTEX_WAKE_OP_PRIVATE, 1, (void *)1, &w2, op));
  pthread_join(t, &res);
  printf("requeued waiter returned %ld, state %d, w2 = %d\n", (long)res, state, w2);
  return 0;
}
