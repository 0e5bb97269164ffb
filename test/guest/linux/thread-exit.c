/* How a multi-threaded process ends: exit() from a thread while the others
 * run or block, _exit (exit_group) from a thread while main waits in
 * pthread_join, main returning while threads still run, and main calling
 * pthread_exit so that the last thread's end ends the process. */
// cflags: -pthread
#include "common.h"
#include <pthread.h>
#include <semaphore.h>
#include <stdatomic.h>

static atomic_long spins;
static sem_t started;
static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t never = PTHREAD_COND_INITIALIZER;

static void *spinner(void *arg) {
  (void)arg;
  sem_post(&started);
  for (;;) atomic_fetch_add(&spins, 1);
  return NULL;
}

static void *blocker(void *arg) {
  (void)arg;
  pthread_mutex_lock(&m);
  sem_post(&started);
  for (;;) pthread_cond_wait(&never, &m);
  return NULL;
}

static void *sleeper(void *arg) {
  (void)arg;
  sem_post(&started);
  for (;;) sleep(1000);
  return NULL;
}

static void on_exit_handler(void) { printf("atexit handler runs in the exiting thread\n"); }

static void *exiter(void *arg) {
  long how = (long)arg;
  for (int i = 0; i < 3; i++) sem_wait(&started);
  printf("exiting from a thread\n");
  if (how == 0) exit(5);
  _exit(6);
}

static void spawn(void *(*fn)(void *), long arg) {
  pthread_t t;
  int r = pthread_create(&t, NULL, fn, (void *)arg);
  errno = r;
  CHECK(r == 0);
}

/* exit(5) from a thread while a spinner, a condvar waiter and a sleeper run; main waits in join. */
static int exit_case(int argc, char **argv) {
  (void)argc, (void)argv;
  sem_init(&started, 0, 0);
  atexit(on_exit_handler);
  spawn(spinner, 0);
  spawn(blocker, 0);
  spawn(sleeper, 0);
  pthread_t t;
  CHECK(pthread_create(&t, NULL, exiter, (void *)0) == 0);
  pthread_join(t, NULL);
  printf("not reached: join returned\n");
  return 1;
}

/* _exit(6) from a thread: no atexit handlers, and the other threads die too. */
static int underscore_exit_case(int argc, char **argv) {
  (void)argc, (void)argv;
  sem_init(&started, 0, 0);
  atexit(on_exit_handler);
  spawn(spinner, 0);
  spawn(blocker, 0);
  spawn(sleeper, 0);
  spawn(exiter, 1);
  for (;;) pause();
  return 1;
}

/* main returns 7 while three threads still run: the process ends with 7. */
static int return_case(int argc, char **argv) {
  (void)argc, (void)argv;
  sem_init(&started, 0, 0);
  spawn(spinner, 0);
  spawn(blocker, 0);
  spawn(sleeper, 0);
  for (int i = 0; i < 3; i++) sem_wait(&started);
  printf("main returns with threads running\n");
  return 7;
}

/* main calls pthread_exit: the process lives on until the last thread ends
 * (status 0). Each thread joins the one before it, so they print in order. */
static pthread_t chain[3];
static void *last(void *arg) {
  long id = (long)arg;
  if (id == 0)
    usleep(20000);
  else
    CHECK(pthread_join(chain[id - 1], NULL) == 0);
  printf("thread %ld ends after main\n", id);
  return NULL;
}
static int pthread_exit_case(int argc, char **argv) {
  (void)argc, (void)argv;
  printf("main calls pthread_exit\n");
  for (long i = 0; i < 3; i++) CHECK(pthread_create(&chain[i], NULL, last, (void *)i) == 0);
  pthread_exit(NULL);
}

static const struct test_case CASES[] = {
    {"exit", exit_case},
    {"_exit", underscore_exit_case},
    {"return", return_case},
    {"pthread_exit", pthread_exit_case},
    {NULL, NULL},
};

int main(int argc, char **argv) { return run_case(argc, argv, CASES); }
