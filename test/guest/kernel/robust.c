/* Robust mutexes: a thread that exits holding one, and a forked process that
 * dies holding a process-shared one in MAP_SHARED memory, leave it to the next
 * locker with EOWNERDEAD (Linux walks the dead task's robust list). */
// cflags: -pthread
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

static pthread_mutex_t m;

static void *holder(void *arg) {
  (void)arg;
  pthread_mutex_lock(&m);
  return NULL; /* exits holding it */
}

static void init_robust(pthread_mutex_t *mu, int shared) {
  pthread_mutexattr_t a;
  pthread_mutexattr_init(&a);
  pthread_mutexattr_setrobust(&a, PTHREAD_MUTEX_ROBUST);
  if (shared) pthread_mutexattr_setpshared(&a, PTHREAD_PROCESS_SHARED);
  int r = pthread_mutex_init(mu, &a);
  if (r != 0) printf("init: %s\n", strerror(r));
}

int main(void) {
  init_robust(&m, 0);
  pthread_t t;
  pthread_create(&t, NULL, holder, NULL);
  pthread_join(t, NULL);
  int r = pthread_mutex_lock(&m);
  printf("thread died holding it: %s\n", r == EOWNERDEAD ? "EOWNERDEAD" : strerror(r));
  printf("consistent: %d, unlock: %d\n", pthread_mutex_consistent(&m), pthread_mutex_unlock(&m));
  printf("relock: %d\n", pthread_mutex_lock(&m));
  pthread_mutex_unlock(&m);

  pthread_mutex_t *sm = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
  init_robust(sm, 1);
  pid_t c = fork();
  if (c == 0) {
    pthread_mutex_lock(sm);
    _exit(0);
  }
  waitpid(c, NULL, 0);
  r = pthread_mutex_lock(sm);
  printf("process died holding it: %s\n", r == EOWNERDEAD ? "EOWNERDEAD" : strerror(r));
  pthread_mutex_consistent(sm);
  pthread_mutex_unlock(sm);
  return 0;
}
