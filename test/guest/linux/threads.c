/* POSIX threads: 8 threads sharing a mutex-protected counter, atomics, a
 * producer/consumer queue on condition variables, join results, __thread
 * variables, pthread_once, a barrier, a detached thread and cancellation.
 * Every result printed is the same whatever the interleaving. */
// cflags: -pthread
#include "common.h"
#include <pthread.h>
#include <semaphore.h>
#include <stdatomic.h>
#include <stdint.h>
#include <sys/syscall.h>

#define NT 8

static pthread_t start(void *(*fn)(void *), long arg) {
  pthread_t t;
  int r = pthread_create(&t, NULL, fn, (void *)arg);
  errno = r;
  CHECK(r == 0);
  return t;
}

static long join(pthread_t t) {
  void *ret;
  int r = pthread_join(t, &ret);
  errno = r;
  CHECK(r == 0);
  return (long)ret;
}

/* mutex: a shared counter, and each thread's own return value. */
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static long counter;
static void *add_locked(void *arg) {
  long id = (long)arg;
  for (int i = 0; i < 20000; i++) {
    pthread_mutex_lock(&lock);
    counter++;
    pthread_mutex_unlock(&lock);
  }
  return (void *)(id * id + 1000);
}
static int mutex_case(int argc, char **argv) {
  (void)argc, (void)argv;
  pthread_t t[NT];
  for (long i = 0; i < NT; i++) t[i] = start(add_locked, i);
  long sum = 0;
  for (int i = 0; i < NT; i++) {
    long r = join(t[i]);
    printf("thread %d returned %ld\n", i, r);
    sum += r;
  }
  printf("counter %ld (expected %d), sum of results %ld\n", counter, NT * 20000, sum);
  return 0;
}

/* atomics: C11 fetch_add, a compare-and-swap loop with the GCC builtins, and
 * a spin lock made of test-and-set. */
static atomic_long hits;
static uint64_t cas_max_sum;
static atomic_flag spin = ATOMIC_FLAG_INIT;
static long spin_counter;
static void *atomic_work(void *arg) {
  long id = (long)arg;
  for (int i = 0; i < 20000; i++) {
    atomic_fetch_add_explicit(&hits, 1, memory_order_relaxed);
    uint64_t old = __atomic_load_n(&cas_max_sum, __ATOMIC_RELAXED);
    while (!__atomic_compare_exchange_n(&cas_max_sum, &old, old + (uint64_t)id, 1, __ATOMIC_ACQ_REL,
                                        __ATOMIC_RELAXED)) {
    }
    if (i % 8 == 0) {
      while (atomic_flag_test_and_set_explicit(&spin, memory_order_acquire)) sched_yield();
      spin_counter++;
      atomic_flag_clear_explicit(&spin, memory_order_release);
    }
  }
  return NULL;
}
static int atomics_case(int argc, char **argv) {
  (void)argc, (void)argv;
  pthread_t t[NT];
  for (long i = 0; i < NT; i++) t[i] = start(atomic_work, i);
  for (int i = 0; i < NT; i++) join(t[i]);
  printf("fetch_add total %ld\n", atomic_load(&hits));
  printf("cas total %llu (expected %d)\n", (unsigned long long)cas_max_sum, 20000 * (0 + 1 + 2 + 3 + 4 + 5 + 6 + 7));
  printf("spin-lock counter %ld\n", spin_counter);
  return 0;
}

/* condvar: a bounded queue, 4 producers and 4 consumers; -1 tells a consumer to stop. */
#define QCAP 16
static int queue[QCAP], qhead, qlen;
static pthread_cond_t not_empty = PTHREAD_COND_INITIALIZER, not_full = PTHREAD_COND_INITIALIZER;
static void put(int v) {
  pthread_mutex_lock(&lock);
  while (qlen == QCAP) pthread_cond_wait(&not_full, &lock);
  queue[(qhead + qlen++) % QCAP] = v;
  pthread_cond_signal(&not_empty);
  pthread_mutex_unlock(&lock);
}
static int take(void) {
  pthread_mutex_lock(&lock);
  while (qlen == 0) pthread_cond_wait(&not_empty, &lock);
  int v = queue[qhead];
  qhead = (qhead + 1) % QCAP;
  qlen--;
  pthread_cond_signal(&not_full);
  pthread_mutex_unlock(&lock);
  return v;
}
static void *producer(void *arg) {
  long id = (long)arg;
  for (int i = 1; i <= 2000; i++) put((int)(id * 100000 + i));
  return NULL;
}
static void *consumer(void *arg) {
  (void)arg;
  long sum = 0, n = 0;
  for (;;) {
    int v = take();
    if (v < 0) break;
    sum += v, n++;
  }
  return (void *)sum;
}
static int condvar_case(int argc, char **argv) {
  (void)argc, (void)argv;
  pthread_t p[4], c[4];
  for (long i = 0; i < 4; i++) c[i] = start(consumer, i);
  for (long i = 0; i < 4; i++) p[i] = start(producer, i);
  for (int i = 0; i < 4; i++) join(p[i]);
  for (int i = 0; i < 4; i++) put(-1);
  long total = 0;
  for (int i = 0; i < 4; i++) total += join(c[i]);
  long want = 0;
  for (long id = 0; id < 4; id++)
    for (int i = 1; i <= 2000; i++) want += id * 100000 + i;
  printf("consumed sum %ld, expected %ld, queue left %d\n", total, want, qlen);
  return 0;
}

/* tls: each thread sees its own copy of __thread variables, initialised from the image. */
static __thread long tls_value = 5;
static __thread char tls_buf[64] = "initial";
static void *tls_work(void *arg) {
  long id = (long)arg;
  long first = tls_value;
  int buf_ok = !strcmp(tls_buf, "initial");
  tls_value = id * 7;
  snprintf(tls_buf, sizeof tls_buf, "thread %ld", id);
  for (int i = 0; i < 1000; i++) {
    tls_value++;
    if (i % 100 == 0) sched_yield();
  }
  char want[64];
  snprintf(want, sizeof want, "thread %ld", id);
  long ok = first == 5 && buf_ok && tls_value == id * 7 + 1000 && !strcmp(tls_buf, want);
  return (void *)(ok ? tls_value : -1);
}
static int tls_case(int argc, char **argv) {
  (void)argc, (void)argv;
  tls_value = 100;
  strcpy(tls_buf, "main");
  pthread_t t[NT];
  for (long i = 0; i < NT; i++) t[i] = start(tls_work, i);
  for (int i = 0; i < NT; i++) printf("thread %d: tls %ld\n", i, join(t[i]));
  printf("main: tls %ld %s\n", tls_value, tls_buf);
  return 0;
}

/* once: pthread_once runs its function exactly once among 8 racing threads. */
static pthread_once_t once = PTHREAD_ONCE_INIT;
static atomic_int once_runs, once_seen;
static void init_once(void) {
  atomic_fetch_add(&once_runs, 1);
  usleep(20000);
}
static void *once_work(void *arg) {
  (void)arg;
  pthread_once(&once, init_once);
  atomic_fetch_add(&once_seen, atomic_load(&once_runs));
  return NULL;
}
static int once_case(int argc, char **argv) {
  (void)argc, (void)argv;
  pthread_t t[NT];
  for (long i = 0; i < NT; i++) t[i] = start(once_work, i);
  for (int i = 0; i < NT; i++) join(t[i]);
  printf("init ran %d time(s); every thread saw it done: %d\n", atomic_load(&once_runs),
         atomic_load(&once_seen) == NT);
  return 0;
}

/* barrier: 3 phases; nobody passes before all wrote their slot; one serial thread per phase. */
static pthread_barrier_t barrier;
static int slots[3][NT];
static atomic_int serial[3], incomplete;
static void *barrier_work(void *arg) {
  long id = (long)arg;
  for (int ph = 0; ph < 3; ph++) {
    if ((id + ph) % 3 == 0) usleep(5000);
    slots[ph][id] = ph * 10 + (int)id;
    int r = pthread_barrier_wait(&barrier);
    if (r == PTHREAD_BARRIER_SERIAL_THREAD) atomic_fetch_add(&serial[ph], 1);
    for (int j = 0; j < NT; j++)
      if (slots[ph][j] != ph * 10 + j) atomic_fetch_add(&incomplete, 1);
  }
  return NULL;
}
static int barrier_case(int argc, char **argv) {
  (void)argc, (void)argv;
  pthread_barrier_init(&barrier, NULL, NT);
  pthread_t t[NT];
  for (long i = 0; i < NT; i++) t[i] = start(barrier_work, i);
  for (int i = 0; i < NT; i++) join(t[i]);
  printf("serial threads per phase: %d %d %d; slots seen unwritten: %d\n", atomic_load(&serial[0]),
         atomic_load(&serial[1]), atomic_load(&serial[2]), atomic_load(&incomplete));
  pthread_barrier_destroy(&barrier);
  return 0;
}

/* detached: a detached thread runs to its end on its own; joining it is EINVAL. */
static sem_t done;
static volatile long detached_result;
static void *detached_work(void *arg) {
  long s = 0;
  for (long i = 0; i < 100000; i++) s += i ^ (long)arg;
  detached_result = s;
  sem_post(&done);
  return NULL;
}
static int detached_case(int argc, char **argv) {
  (void)argc, (void)argv;
  sem_init(&done, 0, 0);
  pthread_attr_t a;
  pthread_attr_init(&a);
  pthread_attr_setdetachstate(&a, PTHREAD_CREATE_DETACHED);
  pthread_t t;
  int r = pthread_create(&t, &a, detached_work, (void *)3);
  errno = r;
  CHECK(r == 0);
  while (sem_wait(&done) != 0) CHECK(errno == EINTR);
  printf("detached thread result %ld\n", detached_result);
  /* A second detached thread, then pthread_exit from main: the process ends when it does. */
  pthread_t u;
  CHECK(pthread_create(&u, &a, detached_work, (void *)5) == 0);
  r = pthread_detach(pthread_self());
  printf("main detaches itself: %s\n", r ? strerrorname_np(r) : "ok");
  pthread_exit(NULL);
}

/* cancel: a thread blocked in pthread_cond_wait and one in nanosleep are
 * cancelled (glibc sends SIGCANCEL with tgkill); cleanup handlers run. */
static atomic_int cleanups;
static pthread_cond_t never = PTHREAD_COND_INITIALIZER;
static void cleanup(void *arg) {
  (void)arg;
  atomic_fetch_add(&cleanups, 1);
}
static void unlock_cleanup(void *arg) {
  pthread_mutex_unlock(arg);
  atomic_fetch_add(&cleanups, 1);
}
static sem_t ready;
static void *wait_forever(void *arg) {
  (void)arg;
  pthread_mutex_lock(&lock);
  pthread_cleanup_push(unlock_cleanup, &lock);
  sem_post(&ready);
  for (;;) pthread_cond_wait(&never, &lock);
  pthread_cleanup_pop(1);
  return NULL;
}
static void *sleep_forever(void *arg) {
  (void)arg;
  pthread_cleanup_push(cleanup, NULL);
  sem_post(&ready);
  for (;;) sleep(100);
  pthread_cleanup_pop(1);
  return NULL;
}
static int cancel_case(int argc, char **argv) {
  (void)argc, (void)argv;
  sem_init(&ready, 0, 0);
  pthread_t a = start(wait_forever, 0), b = start(sleep_forever, 0);
  sem_wait(&ready);
  sem_wait(&ready);
  CHECK(pthread_cancel(a) == 0);
  CHECK(pthread_cancel(b) == 0);
  void *ra, *rb;
  CHECK(pthread_join(a, &ra) == 0);
  CHECK(pthread_join(b, &rb) == 0);
  printf("cancelled: %d %d, cleanups %d\n", ra == PTHREAD_CANCELED, rb == PTHREAD_CANCELED, atomic_load(&cleanups));
  /* The mutex the cancelled waiter held was released by its cleanup handler. */
  printf("mutex free again: %d\n", pthread_mutex_trylock(&lock) == 0);
  return 0;
}

/* ids: every thread has its own tid, all share the pid; gettid of main == pid. */
static pid_t tids[NT];
static void *id_work(void *arg) {
  long id = (long)arg;
  tids[id] = (pid_t)syscall(SYS_gettid);
  return (void *)(long)(getpid() == (pid_t)syscall(SYS_getpid));
}
static int ids_case(int argc, char **argv) {
  (void)argc, (void)argv;
  pthread_t t[NT];
  int same_pid = 1;
  for (long i = 0; i < NT; i++) t[i] = start(id_work, i);
  for (int i = 0; i < NT; i++) same_pid &= (int)join(t[i]);
  int distinct = 1;
  for (int i = 0; i < NT; i++) {
    if (tids[i] == getpid() || tids[i] <= 0) distinct = 0;
    for (int j = 0; j < i; j++)
      if (tids[i] == tids[j]) distinct = 0;
  }
  printf("main tid == pid: %d; threads share the pid: %d; thread tids distinct: %d\n",
         (pid_t)syscall(SYS_gettid) == getpid(), same_pid, distinct);
  return 0;
}

static const struct test_case CASES[] = {
    {"mutex", mutex_case},     {"atomics", atomics_case},   {"condvar", condvar_case}, {"tls", tls_case},
    {"once", once_case},       {"barrier", barrier_case},   {"detached", detached_case},
    {"cancel", cancel_case},   {"ids", ids_case},           {NULL, NULL},
};

int main(int argc, char **argv) { return run_case(argc, argv, CASES); }
