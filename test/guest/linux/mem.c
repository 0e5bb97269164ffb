/* Memory across faults and processes (test/guest/user/mm.c and
 * test/guest/signals/faults.c cover single faults): a SIGSEGV handler that
 * makes the page writable and returns so the store is retried, MAP_SHARED
 * anonymous memory seen by a forked child and its parent, private memory
 * copied on fork, and a process-shared mutex in shared memory. */
// cflags: -pthread
#include "common.h"
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <sys/mman.h>
#include <sys/wait.h>

static long pg;

static int wait_child(pid_t p) {
  int st;
  CHECK(waitpid(p, &st, 0) == p);
  return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
}

/* mprotect-retry: 16 read-only pages; each first store faults, the handler
 * enables writing on that page and returns, the store is retried and lands. */
static char *area;
static volatile int faults, wrong_addr;
static void unprotect(int sig, siginfo_t *si, void *uc) {
  (void)sig, (void)uc;
  char *a = si->si_addr;
  faults++;
  if (a < area || a >= area + 16 * pg) {
    wrong_addr++;
    _exit(98);
  }
  char *page = area + ((a - area) / pg) * pg;
  if (mprotect(page, pg, PROT_READ | PROT_WRITE) != 0) _exit(97);
}
static int mprotect_retry_case(int argc, char **argv) {
  (void)argc, (void)argv;
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_sigaction = unprotect;
  sa.sa_flags = SA_SIGINFO;
  CHECK(sigaction(SIGSEGV, &sa, NULL) == 0);
  area = mmap(NULL, 16 * pg, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  CHECK(area != MAP_FAILED);
  long sum = 0;
  for (int round = 0; round < 3; round++)
    for (long i = 0; i < 16 * pg; i += 512) {
      area[i] = (char)(i / 512 + round);
      sum += (unsigned char)area[i];
    }
  printf("stores done, faults %d (one per page), outside the area %d, sum %ld\n", faults, wrong_addr, sum);
  /* Taking the permission away again makes the next store fault again. */
  CHECK(mprotect(area, 16 * pg, PROT_READ) == 0);
  ((volatile char *)area)[5 * pg + 1] = 9;
  printf("after mprotect PROT_READ again: faults %d, value %d\n", faults, area[5 * pg + 1]);
  return 0;
}

/* shared-fork: the child writes into MAP_SHARED anonymous memory, the parent sees it. */
static int shared_fork_case(int argc, char **argv) {
  (void)argc, (void)argv;
  uint32_t *shared = mmap(NULL, 4 * pg, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
  CHECK(shared != MAP_FAILED);
  shared[0] = 1;
  pid_t p = fork();
  CHECK(p >= 0);
  if (p == 0) {
    for (uint32_t i = 1; i < 4 * pg / 4; i++) shared[i] = i * 2654435761u;
    shared[0] = shared[0] + 100; /* sees the parent's 1 */
    _exit(0);
  }
  printf("child exit %d\n", wait_child(p));
  uint32_t h = 0;
  for (uint32_t i = 0; i < 4 * pg / 4; i++) h = h * 31 + shared[i];
  printf("parent sees shared[0] = %u, hash %08x\n", shared[0], h);
  /* And the other way: the parent writes after fork, the child reads. */
  p = fork();
  CHECK(p >= 0);
  if (p == 0) {
    while (__atomic_load_n(&shared[1], __ATOMIC_ACQUIRE) != 12345) usleep(1000);
    _exit(shared[2] == 678 ? 10 : 11);
  }
  shared[2] = 678;
  __atomic_store_n(&shared[1], 12345, __ATOMIC_RELEASE);
  printf("child saw the parent's later write: exit %d\n", wait_child(p));
  return 0;
}

/* fork-cow: private memory (heap, data, private anonymous map) is copied: writes do not cross. */
static int data_var = 7;
static int fork_cow_case(int argc, char **argv) {
  (void)argc, (void)argv;
  int *heap = malloc(1 << 20);
  CHECK(heap != NULL);
  for (int i = 0; i < (1 << 18); i++) heap[i] = i;
  char *priv = mmap(NULL, pg, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  CHECK(priv != MAP_FAILED);
  strcpy(priv, "parent");
  pid_t p = fork();
  CHECK(p >= 0);
  if (p == 0) {
    int ok = heap[12345] == 12345 && data_var == 7 && !strcmp(priv, "parent");
    for (int i = 0; i < (1 << 18); i++) heap[i] = -i;
    data_var = 8;
    strcpy(priv, "child");
    _exit(ok ? 0 : 1);
  }
  int st = wait_child(p);
  long sum = 0;
  for (int i = 0; i < (1 << 18); i++) sum += heap[i];
  printf("child saw the parent's memory: %d; parent after child wrote: sum %ld, data %d, map %s\n", st == 0, sum,
         data_var, priv);
  return 0;
}

/* shared-mutex: 4 children increment a counter in shared memory under a
 * PTHREAD_PROCESS_SHARED mutex (futexes that are not process-private). */
struct shared_state {
  pthread_mutex_t lock;
  long counter;
  long unlocked_atomic;
};
static int shared_mutex_case(int argc, char **argv) {
  (void)argc, (void)argv;
  struct shared_state *s = mmap(NULL, pg, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
  CHECK(s != MAP_FAILED);
  pthread_mutexattr_t a;
  pthread_mutexattr_init(&a);
  CHECK(pthread_mutexattr_setpshared(&a, PTHREAD_PROCESS_SHARED) == 0);
  CHECK(pthread_mutex_init(&s->lock, &a) == 0);
  pid_t kids[4];
  for (int k = 0; k < 4; k++) {
    kids[k] = fork();
    CHECK(kids[k] >= 0);
    if (kids[k] == 0) {
      for (int i = 0; i < 5000; i++) {
        pthread_mutex_lock(&s->lock);
        long v = s->counter;
        if (i % 64 == 0) sched_yield(); /* hold the lock across a reschedule */
        s->counter = v + 1;
        pthread_mutex_unlock(&s->lock);
        __atomic_fetch_add(&s->unlocked_atomic, 2, __ATOMIC_SEQ_CST);
      }
      _exit(0);
    }
  }
  int bad = 0;
  for (int k = 0; k < 4; k++) bad += wait_child(kids[k]) != 0;
  printf("children failed %d; counter %ld (expected 20000); atomic %ld (expected 40000)\n", bad, s->counter,
         s->unlocked_atomic);
  return 0;
}

static const struct test_case CASES[] = {
    {"mprotect-retry", mprotect_retry_case},
    {"shared-fork", shared_fork_case},
    {"fork-cow", fork_cow_case},
    {"shared-mutex", shared_mutex_case},
    {NULL, NULL},
};

int main(int argc, char **argv) {
  pg = sysconf(_SC_PAGESIZE);
  return run_case(argc, argv, CASES);
}
