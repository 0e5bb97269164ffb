/* Clocks and sleeping: only properties that hold on any machine are printed. */
#include <stdio.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

static double ts(struct timespec t) { return t.tv_sec + t.tv_nsec / 1e9; }

int main(void) {
  struct timespec a, b, r;
  const clockid_t clocks[] = {CLOCK_REALTIME, CLOCK_MONOTONIC, CLOCK_PROCESS_CPUTIME_ID, CLOCK_THREAD_CPUTIME_ID,
                              CLOCK_MONOTONIC_RAW, CLOCK_REALTIME_COARSE, CLOCK_MONOTONIC_COARSE, CLOCK_BOOTTIME};
  for (unsigned i = 0; i < sizeof clocks / sizeof clocks[0]; i++)
    printf("clock %d gettime %d getres %d\n", (int)clocks[i], clock_gettime(clocks[i], &a), clock_getres(clocks[i], &r));
  printf("bad clock: %d\n", clock_gettime(42, &a));
  clock_gettime(CLOCK_MONOTONIC, &a);
  struct timespec req = {0, 30 * 1000 * 1000};
  printf("nanosleep %d\n", nanosleep(&req, 0));
  clock_gettime(CLOCK_MONOTONIC, &b);
  printf("slept at least 30 ms: %d\n", ts(b) - ts(a) >= 0.029);
  usleep(1000);
  clock_gettime(CLOCK_MONOTONIC, &a);
  req.tv_nsec = 10 * 1000 * 1000;
  printf("clock_nanosleep %d\n", clock_nanosleep(CLOCK_MONOTONIC, 0, &req, 0));
  struct timespec abs;
  clock_gettime(CLOCK_MONOTONIC, &abs);
  abs.tv_nsec += 10 * 1000 * 1000;
  if (abs.tv_nsec >= 1000000000) { abs.tv_sec++; abs.tv_nsec -= 1000000000; }
  printf("clock_nanosleep abstime %d\n", clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &abs, 0));
  clock_gettime(CLOCK_MONOTONIC, &b);
  printf("monotonic advanced: %d\n", ts(b) > ts(a));
  struct timeval tv;
  gettimeofday(&tv, 0);
  time_t now = time(0);
  printf("gettimeofday agrees with time(): %d\n", now - tv.tv_sec <= 1 && now >= tv.tv_sec);
  printf("year after 2020: %d\n", localtime(&now)->tm_year + 1900 > 2020);
  printf("clock() works: %d\n", clock() >= 0);
  return 0;
}
