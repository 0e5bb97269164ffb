/* execve and friends: exec of another program (its path is argv[2]) with
 * chosen arguments and environment, exec of /proc/self/exe, fork + exec +
 * wait, exec failures, close-on-exec, a #! script, posix_spawn, system()
 * and exec from a thread of a multi-threaded process.
 * qemu-aarch64 cannot exec an arm64 program without binfmt_misc, so the
 * reference for this program is the same source built for the host and run
 * natively (test/programs/linux-programs.test.ts). */
// cflags: -pthread
#include "common.h"
#include <fcntl.h>
#include <pthread.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>

static char *const ENV[] = {"T_ONE=1", "T_TWO=two words", "OTHER=hidden", NULL};

static void describe(const char *what, int st) {
  if (WIFEXITED(st))
    printf("%s: exited %d\n", what, WEXITSTATUS(st));
  else if (WIFSIGNALED(st))
    printf("%s: killed by signal %d\n", what, WTERMSIG(st));
  else
    printf("%s: other status %#x\n", what, st);
}

static int fork_exec_wait(const char *path, char *const args[], char *const env[]) {
  pid_t p = fork();
  CHECK(p >= 0);
  if (p == 0) {
    execve(path, args, env);
    printf("execve failed: %s\n", strerrorname_np(errno));
    _exit(127);
  }
  int st;
  CHECK(waitpid(p, &st, 0) == p);
  return st;
}

/* execve-other SHOW: replaces this process; nothing after execve runs. */
static int execve_other_case(int argc, char **argv) {
  CHECK(argc >= 2);
  printf("before execve\n");
  char *args[] = {"renamed-argv0", "one", "two words", "", NULL};
  char *env[] = {"T_ONE=1", "T_TWO=two words", "OTHER=hidden", "T_EXIT=33", NULL};
  execve(argv[1], args, env);
  printf("not reached: %s\n", strerrorname_np(errno));
  return 1;
}

/* child: what self-exe runs after exec. */
static int child_case(int argc, char **argv) {
  printf("child: argc %d:", argc);
  for (int i = 1; i < argc; i++) printf(" [%s]", argv[i]);
  printf("\n");
  return 12;
}

/* self-exe: fork + exec of /proc/self/exe, then exec of it in place. */
static int self_exe_case(int argc, char **argv) {
  (void)argc, (void)argv;
  char *args[] = {"self", "child", "from fork", NULL};
  describe("forked /proc/self/exe", fork_exec_wait("/proc/self/exe", args, ENV));
  char *again[] = {"self", "child", "in place", "x", NULL};
  execv("/proc/self/exe", again);
  printf("not reached: %s\n", strerrorname_np(errno));
  return 1;
}

/* fork-exec SHOW: statuses from exec-ed programs; exec failures in the child. */
static int fork_exec_case(int argc, char **argv) {
  CHECK(argc >= 2);
  char *args[] = {"show", "a", NULL};
  char *env[] = {"T_EXIT=9", NULL};
  describe("show with T_EXIT=9", fork_exec_wait(argv[1], args, env));
  describe("missing program", fork_exec_wait("/nonexistent/program", args, env));
  describe("/dev/null (not executable)", fork_exec_wait("/dev/null", args, env));
  describe("a directory", fork_exec_wait("/", args, env));
  int r = execve("/nonexistent/program", args, env);
  printf("execve in place of a missing file: %d %s; still running\n", r, err_name(r));
  return 0;
}

/* cloexec SHOW: descriptors with FD_CLOEXEC are closed by exec, the others stay. */
static int cloexec_case(int argc, char **argv) {
  CHECK(argc >= 2);
  int keep = open("/dev/null", O_RDONLY);
  int gone = open("/dev/null", O_RDONLY | O_CLOEXEC);
  int p[2];
  CHECK(pipe2(p, O_CLOEXEC) == 0);
  int dup_keep = dup(p[0]); /* dup clears FD_CLOEXEC */
  int set_later = dup(keep);
  CHECK(fcntl(set_later, F_SETFD, FD_CLOEXEC) == 0);
  int dup3_keep = dup3(gone, 9, 0);
  printf("fds: keep %d, cloexec %d, pipe %d %d, dup %d, F_SETFD %d, dup3 %d\n", keep, gone, p[0], p[1], dup_keep,
         set_later, dup3_keep);
  char *args[] = {"show", NULL};
  describe("show", fork_exec_wait(argv[1], args, ENV));
  return 0;
}

/* script SHOW DIR: a #! script whose interpreter is SHOW, with an optional argument. */
static int script_case(int argc, char **argv) {
  CHECK(argc >= 3);
  char path[4096];
  snprintf(path, sizeof path, "%s/script.sh", argv[2]);
  FILE *f = fopen(path, "w");
  CHECK(f != NULL);
  fprintf(f, "#!%s interp-arg\nnot read by anyone\n", argv[1]);
  fclose(f);
  CHECK(chmod(path, 0755) == 0);
  char *args[] = {"script-argv0", "first", "second", NULL};
  describe("script", fork_exec_wait(path, args, ENV));
  /* Without the x bit: EACCES. */
  CHECK(chmod(path, 0644) == 0);
  describe("script without x", fork_exec_wait(path, args, ENV));
  unlink(path);
  return 0;
}

/* posix-spawn SHOW: spawn with stdout into a pipe and the environment given. */
extern char **environ;
static int posix_spawn_case(int argc, char **argv) {
  CHECK(argc >= 2);
  int p[2];
  CHECK(pipe(p) == 0);
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_adddup2(&fa, p[1], 1);
  posix_spawn_file_actions_addclose(&fa, p[0]);
  posix_spawn_file_actions_addclose(&fa, p[1]);
  char *args[] = {"show", "spawned", NULL};
  char *env[] = {"T_SPAWN=yes", "T_EXIT=4", NULL};
  pid_t pid;
  int r = posix_spawn(&pid, argv[1], &fa, NULL, args, env);
  CHECK(r == 0);
  close(p[1]);
  char buf[1024];
  size_t got = 0;
  ssize_t n;
  while ((n = read(p[0], buf + got, sizeof buf - 1 - got)) > 0) got += n;
  buf[got] = 0;
  printf("from the pipe:\n%s", buf);
  int st;
  CHECK(waitpid(pid, &st, 0) == pid);
  describe("spawned", st);
  r = posix_spawn(&pid, "/nonexistent/program", NULL, NULL, args, env);
  printf("posix_spawn of a missing program: %s\n", r ? strerrorname_np(r) : "ok");
  if (r == 0) waitpid(pid, &st, 0);
  return 0;
}

/* exec-thread SHOW: a second thread calls execve while others block; the new
 * program runs alone, with the process's pid. */
static const char *show_path;
static void *sleeper(void *arg) {
  (void)arg;
  for (;;) sleep(1000);
  return NULL;
}
static void *execer(void *arg) {
  (void)arg;
  char pidenv[32];
  snprintf(pidenv, sizeof pidenv, "T_PID=%d", getpid());
  char *args[] = {"show", "from a thread", NULL};
  char *env[] = {pidenv, NULL};
  execve(show_path, args, env);
  printf("execve from a thread failed: %s\n", strerrorname_np(errno));
  _exit(127);
}
static int exec_thread_case(int argc, char **argv) {
  CHECK(argc >= 2);
  show_path = argv[1];
  pthread_t t;
  for (int i = 0; i < 3; i++) CHECK(pthread_create(&t, NULL, sleeper, NULL) == 0);
  CHECK(pthread_create(&t, NULL, execer, NULL) == 0);
  for (;;) pause();
  return 1;
}

/* system: commands through /bin/sh -c (the arm64 dash of the sysroot under
 * armvisor, the host's dash natively), their output and statuses. */
static int system_case(int argc, char **argv) {
  (void)argc, (void)argv;
  printf("a shell is available: %d\n", system(NULL) != 0);
  describe("echo and exit 3", system("echo from system; x=$((6 * 7)); echo \"arithmetic $x\"; exit 3"));
  describe("a shell that kills itself", system("kill -TERM $$"));
  describe("a missing command", system("no-such-command-anywhere 2>/dev/null"));
  describe("a pipeline", system("echo one two three | { read a b c; echo \"$c $b $a\"; }"));
  return 0;
}

static const struct test_case CASES[] = {
    {"execve-other", execve_other_case},
    {"child", child_case},
    {"self-exe", self_exe_case},
    {"fork-exec", fork_exec_case},
    {"cloexec", cloexec_case},
    {"script", script_case},
    {"posix-spawn", posix_spawn_case},
    {"exec-thread", exec_thread_case},
    {"system", system_case},
    {NULL, NULL},
};

int main(int argc, char **argv) { return run_case(argc, argv, CASES); }
