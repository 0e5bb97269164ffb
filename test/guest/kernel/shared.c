/* MAP_SHARED anonymous memory is one object for a parent and the children
 * it forks afterwards; MAP_PRIVATE memory is copied at fork. Counters in
 * shared memory are updated by several children with atomics. */
#include <stdio.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void) {
  int *shared = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
  int *private = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  int *untouched = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
  shared[0] = 1;
  private[0] = 1;
  pid_t c = fork();
  if (c == 0) {
    shared[0] = 42;
    shared[1024] = 43; /* second page, never touched by the parent */
    private[0] = 99;
    untouched[5] = 7;
    _exit(0);
  }
  waitpid(c, NULL, 0);
  printf("shared %d %d, private %d, untouched-before-fork %d\n", shared[0], shared[1024], private[0], untouched[5]);
  for (int i = 0; i < 4; i++) {
    if (fork() == 0) {
      for (int j = 0; j < 1000; j++) __atomic_fetch_add(&shared[2], 1, __ATOMIC_SEQ_CST);
      _exit(0);
    }
  }
  for (int i = 0; i < 4; i++) wait(NULL);
  printf("counter %d\n", shared[2]);
  munmap(shared, 8192);
  return 0;
}
