/* mmap/munmap/mprotect/madvise/mremap/brk behaviour, printed as errno names.
 * Only cases where qemu-aarch64 7.2 agrees with Linux are here; the others
 * (MAP_FIXED_NOREPLACE, mprotect of length 0, madvise over a hole) are pinned
 * in test/linux-user/syscalls-mm.test.ts against Linux's mm/ code. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

static const char *err(long r) {
  if (r != -1) return "ok";
  switch (errno) {
    case EINVAL: return "EINVAL";
    case ENOMEM: return "ENOMEM";
    case EEXIST: return "EEXIST";
    case EBADF: return "EBADF";
    case EACCES: return "EACCES";
    case EPERM: return "EPERM";
    case EFAULT: return "EFAULT";
    default: return strerror(errno);
  }
}
#define SHOW(what, expr) do { long _r = (long)(expr); printf("%-40s %s\n", what, err(_r)); } while (0)

int main(void) {
  long pg = sysconf(_SC_PAGESIZE);
  printf("page size %ld\n", pg);
  SHOW("mmap len 0", mmap(0, 0, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0));
  SHOW("mmap no type", mmap(0, pg, PROT_READ, MAP_ANONYMOUS, -1, 0));
  SHOW("mmap bad fd", mmap(0, pg, PROT_READ, MAP_PRIVATE, 99, 0));
  SHOW("mmap unaligned offset", mmap(0, pg, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 1));
  char *p = mmap(0, 4 * pg, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  SHOW("mmap 4 pages", p == MAP_FAILED ? -1 : 0);
  printf("fresh memory is zero: %d\n", p[0] == 0 && p[4 * pg - 1] == 0);
  memset(p, 7, 4 * pg);
  SHOW("mmap fixed unaligned", mmap(p + 1, pg, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0));
  char *q = mmap(p + pg, pg, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
  printf("mmap fixed replaces: %d, new page zero: %d, neighbour kept: %d\n", q == p + pg, q[0] == 0, p[0] == 7 && p[2 * pg] == 7);
  SHOW("munmap unaligned", munmap(p + 1, pg));
  SHOW("munmap len 0", munmap(p, 0));
  SHOW("munmap middle page", munmap(p + 2 * pg, pg));
  SHOW("munmap again (unmapped is fine)", munmap(p + 2 * pg, pg));
  SHOW("mprotect over hole", mprotect(p, 4 * pg, PROT_READ));
  SHOW("mprotect unaligned", mprotect(p + 1, pg, PROT_READ));
  SHOW("mprotect one page read-only", mprotect(p, pg, PROT_READ));
  int fd = open("/proc/self/exe", O_RDONLY);
  SHOW("read into read-only page", read(fd, p, 16));
  SHOW("read into writable page", read(fd, p + pg, 16));
  printf("ELF magic read: %d\n", memcmp(p + pg, "\177ELF", 4) == 0);
  SHOW("madvise dontneed", madvise(p + pg, pg, MADV_DONTNEED));
  printf("after dontneed zero: %d\n", p[pg] == 0);
  char *f = mmap(0, pg, PROT_READ, MAP_PRIVATE, fd, 0);
  SHOW("mmap file", f == MAP_FAILED ? -1 : 0);
  printf("file mapping shows ELF: %d\n", memcmp(f, "\177ELF", 4) == 0);
  SHOW("mmap file offset past end", mmap(0, pg, PROT_READ, MAP_PRIVATE, fd, 1L << 40) == MAP_FAILED ? -1 : 0);
  char *r = mremap(p + 3 * pg, pg, 2 * pg, MREMAP_MAYMOVE);
  SHOW("mremap grow", r == MAP_FAILED ? -1 : 0);
  printf("mremap kept data: %d\n", r[0] == 7);
  void *b0 = sbrk(0);
  SHOW("brk grow", brk((char *)b0 + 3 * pg));
  printf("brk moved: %d\n", sbrk(0) == (char *)b0 + 3 * pg);
  ((char *)b0)[0] = 1;
  SHOW("brk shrink", brk(b0));
  printf("brk below start returns current: %d\n", syscall(SYS_brk, 4096) == (long)b0);
  return 0;
}
