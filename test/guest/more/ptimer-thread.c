// SIGEV_THREAD: glibc runs the notification in a helper thread (it asks the
// kernel for SIGEV_THREAD_ID to its helper and a real-time signal).
// cflags: -pthread
#define _GNU_SOURCE
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cv = PTHREAD_COND_INITIALIZER;
static int calls;
static int seen;

static void notify(union sigval v) {
  pthread_mutex_lock(&mu);
  calls++;
  seen = v.sival_int;
  pthread_cond_signal(&cv);
  pthread_mutex_unlock(&mu);
}

int main(void) {
  struct sigevent ev;
  memset(&ev, 0, sizeof ev);
  ev.sigev_notify = SIGEV_THREAD;
  ev.sigev_notify_function = notify;
  ev.sigev_value.sival_int = 4242;
  timer_t id;
  printf("create %d\n", timer_create(CLOCK_MONOTONIC, &ev, &id));
  struct itimerspec its = {{0, 10000000}, {0, 10000000}};
  timer_settime(id, 0, &its, NULL);
  pthread_mutex_lock(&mu);
  while (calls < 3) pthread_cond_wait(&cv, &mu);
  pthread_mutex_unlock(&mu);
  printf("delete %d\n", timer_delete(id));
  printf("calls>=3 %d value %d\n", calls >= 3, seen);
  return 0;
}
