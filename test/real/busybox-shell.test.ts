/**
 * Shell scripts (`busybox sh -c ...`) of Debian's arm64 busybox-static under
 * armvisor, against the same busybox version built for the host: qemu-aarch64
 * without binfmt_misc cannot exec the arm64 applets a script forks, so the
 * host's busybox-static is the reference (issue 3, REFERENCES.md). Both run in
 * the same folder with the same environment. Scripts that need what armvisor
 * lacks today are `todo` with the reason: they run and report without failing
 * the suite; one that starts passing should lose its `todo`.
 */
import { after, test } from 'node:test';
import { armvisor, cleanup, defineCases, host, workBase, type RealCase } from './compare.js';
import { writeFixture } from './fixture.js';

const FORK = 'needs fork/exec and pipes (issue 3): pipe2, clone and wait4 are not implemented';

const EXEC = 'needs execve (issue 3): busybox sh execs the last applet of a script in place';
const HEREDOC = 'needs pipe2 (issue 3): busybox sh feeds a here-document through a pipe';

const sh = (name: string, script: string, todo?: string, input?: string): RealCase => ({
  name,
  steps: [{ args: ['sh', '-c', script], input }],
  todo,
});

const CASES: RealCase[] = [
  // Builtins only: no fork.
  sh('for loop with arithmetic expansion', 'for i in 1 2 3 4 5; do echo "$i squared is $((i * i))"; done'),
  sh('while loop counting to 1000', 'i=0; s=0; while [ $i -lt 1000 ]; do i=$((i + 1)); s=$((s + i)); done; echo $i $s'),
  sh(
    'functions, case and local variables',
    'f() { local x=$1; case $x in a*) echo "A:$x";; [0-9]*) echo "num:$x";; *) echo "other:$x";; esac; }; f apple; f 42; f zed; f',
  ),
  sh('exit status of the script', 'echo before; exit 7'),
  sh('$? after false and ! true', 'false; echo $?; ! true; echo $?; true && echo and; false || echo or'),
  sh('set -e stops at the first failure', 'set -e; echo one; false; echo two'),
  sh(
    'parameter expansion',
    'x=hello.tar.gz; echo ${x%.gz} ${x%%.*} ${x#*.} ${#x} ${y:-default} ${x:+set}; set -- a b c; echo $# "$@" $2',
  ),
  sh(
    'read from stdin in a loop',
    'n=0; while read a b; do n=$((n + 1)); echo "$n:$b:$a"; done; echo total $n',
    undefined,
    'x 1\ny 2\nz 3\n',
  ),
  sh(
    'redirections to and from files',
    'echo first > f.txt; echo second >> f.txt; while read l; do echo "got $l"; done < f.txt; echo to-stderr >&2; echo gone 2>/dev/null >&2; exec 3> g.txt; echo fd3 >&3; exec 3>&-; read x < g.txt; echo $x',
  ),
  sh('syntax error exits 2', 'if then fi'),
  sh('unknown command exits 127', 'no-such-command-here; echo $?'),
  // fork, exec and pipes.
  sh('here-document', 'cat <<EOF\nline one\n$((6 * 7)) is the answer\nEOF', HEREDOC),
  sh('the last command of a script is exec-ed', 'echo first > f.txt; cat f.txt', EXEC),
  sh('a pipe between two applets', 'echo hello | tr a-z A-Z', FORK),
  sh('a pipeline of sort, uniq and head', 'cat words.txt | sort | uniq -c | sort -rn | head -3', FORK),
  sh('command substitution $(...)', 'x=$(seq 1 10 | wc -l); echo "lines: $x, doubled: $((x * 2))"', FORK),
  sh('subshells and cd', '(cd tree/a && ls); (exit 3); echo "subshell status $?"; pwd | wc -c', FORK),
  sh(
    'stderr redirection of a failing applet',
    'ls nope 2> err.txt; echo "status $?"; cat err.txt; ls nope 2>&1 >/dev/null | wc -l',
    FORK,
  ),
  sh('exit status of a pipeline is the last command', 'false | true; echo $?; true | false; echo $?', FORK),
  sh('find piped to xargs', 'find . -name "*.txt" | sort | xargs wc -l', FORK),
  sh('tar and gzip through a pipe', 'tar cf - lines.txt tree/a/two.txt | gzip -c | gunzip -c | tar tvf -', FORK),
  sh('md5sum of stdin from a pipe', 'cat big.txt data.bin | md5sum; sha256sum < big.txt', FORK),
  sh('awk and sed in a pipeline', "awk -F, '{ print $2, $1 }' table.csv | sort -n | sed -n '1p;$p'", FORK),
  sh(
    'grep -E in a pipeline with exit statuses',
    'grep -E "fo+" lines.txt | wc -l; grep -q nothing lines.txt; echo $?',
    FORK,
  ),
  sh(
    'dd, od and printf together',
    'printf "\\001\\002\\377abc" | dd bs=1 skip=1 count=4 2>/dev/null | od -A d -t x1',
    FORK,
  ),
  sh('100 forks finish', 'i=0; while [ $i -lt 100 ]; do x=$(echo $i); i=$((i + 1)); done; echo $x', FORK),
  sh('/proc/self/exe runs an applet', '/proc/self/exe echo via proc self exe', FORK),
  sh('background job, kill and wait status', 'sleep 10 & kill $!; wait $!; echo "status $?"', FORK),
  sh('kill -0 and kill of the shell itself', 'kill -0 $$ && echo alive; kill -TERM $$; echo not reached'),
  sh('trap runs a handler for a signal', 'trap "echo caught USR1" USR1; kill -USR1 $$; echo after'),
  sh('a process killed by a signal gives status 128+n', 'sh -c "kill -9 \\$\\$"; echo "status $?"', FORK),
];

let base = '';
const baseDir = (): string => (base ||= workBase('shell'));
after(() => base && cleanup(base));

defineCases(
  test,
  CASES,
  (sw) => ({ armvisor: armvisor(sw.busybox), reference: host(sw.hostBusybox) }),
  baseDir,
  writeFixture,
);
