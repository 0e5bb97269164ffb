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

const sh = (name: string, script: string, todo?: string, input?: string, timeoutMs?: number): RealCase => ({
  name,
  steps: [{ args: ['sh', '-c', script], input }],
  todo,
  timeoutMs,
});

/** "Finishes in seconds" (issue 3): a script of 100 forks slower than this under armvisor is killed and fails. */
const FORKS_WITHIN_MS = 20_000;

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
  sh('here-document', 'cat <<EOF\nline one\n$((6 * 7)) is the answer\nEOF'),
  sh('the last command of a script is exec-ed', 'echo first > f.txt; cat f.txt'),
  sh('a pipe between two applets', 'echo hello | tr a-z A-Z'),
  sh('a pipeline of sort, uniq and head', 'cat words.txt | sort | uniq -c | sort -rn | head -3'),
  sh('command substitution $(...)', 'x=$(seq 1 10 | wc -l); echo "lines: $x, doubled: $((x * 2))"'),
  sh('subshells and cd', '(cd tree/a && ls); (exit 3); echo "subshell status $?"; pwd | wc -c'),
  sh(
    'stderr redirection of a failing applet',
    'ls nope 2> err.txt; echo "status $?"; cat err.txt; ls nope 2>&1 >/dev/null | wc -l',
  ),
  sh('exit status of a pipeline is the last command', 'false | true; echo $?; true | false; echo $?'),
  sh('find piped to xargs', 'find . -name "*.txt" | sort | xargs wc -l'),
  sh('tar and gzip through a pipe', 'tar cf - lines.txt tree/a/two.txt | gzip -c | gunzip -c | tar tvf -'),
  sh('md5sum of stdin from a pipe', 'cat big.txt data.bin | md5sum; sha256sum < big.txt'),
  sh('awk and sed in a pipeline', "awk -F, '{ print $2, $1 }' table.csv | sort -n | sed -n '1p;$p'"),
  sh('grep -E in a pipeline with exit statuses', 'grep -E "fo+" lines.txt | wc -l; grep -q nothing lines.txt; echo $?'),
  sh('dd, od and printf together', 'printf "\\001\\002\\377abc" | dd bs=1 skip=1 count=4 2>/dev/null | od -A d -t x1'),
  sh(
    '100 forks finish within seconds',
    'i=0; while [ $i -lt 100 ]; do x=$(echo $i); i=$((i + 1)); done; echo $x',
    undefined,
    undefined,
    FORKS_WITHIN_MS,
  ),
  sh(
    '100 fork+exec of applets finish within seconds',
    'i=0; s=0; while [ $i -lt 100 ]; do s=$(expr $s + $i); i=$(expr $i + 1); done; echo $s',
    undefined,
    undefined,
    2 * FORKS_WITHIN_MS,
  ),
  sh('/proc/self/exe runs an applet', '/proc/self/exe echo via proc self exe'),
  sh('background job, kill and wait status', 'sleep 10 & kill $!; wait $!; echo "status $?"'),
  sh('kill -0 and kill of the shell itself', 'kill -0 $$ && echo alive; kill -TERM $$; echo not reached'),
  sh('trap runs a handler for a signal', 'trap "echo caught USR1" USR1; kill -USR1 $$; echo after'),
  sh('a process killed by a signal gives status 128+n', 'sh -c "kill -9 \\$\\$"; echo "status $?"'),
  sh('kill -TERM of a background job gives status 143', 'sleep 10 & kill -TERM $!; wait $!; echo "status $?"'),
  sh(
    'a trap on TERM in a background shell runs and sets its exit status',
    'sh -c \'trap "echo got TERM; exit 5" TERM; : > ready; while :; do sleep 1; done\' & pid=$!; ' +
      'while [ ! -e ready ]; do sleep 0.1; done; kill -TERM $pid; wait $pid; echo "status $?"',
  ),
  sh('trap on EXIT runs at the end of the script', 'trap "echo exit trap, status \\$?" EXIT; echo body; false'),
  sh(
    'wait returns the status of each background job',
    '(exit 3) & a=$!; (sleep 0.2; exit 4) & b=$!; wait $b; echo "b $?"; wait $a; echo "a $?"; wait; echo "all $?"',
  ),
  sh(
    'set -o pipefail gives the failing status of a pipeline',
    'set -o pipefail; false | true; echo $?; true | true; echo $?',
  ),
  sh(
    'a loop over the output of $(...) with nested $(...)',
    'for f in $(ls tree/a | sort -r); do echo "$f: $(wc -c < tree/a/$f) bytes, $(echo $(echo nested))"; done',
  ),
  sh(
    'find -exec runs another applet per file',
    'find tree -type f -name "*.txt" -exec wc -c {} \\; | sort; find tree -name "*.sh" -exec test -x {} \\; -print',
  ),
  sh(
    'tar xzf unpacks what tar cf | gzip packed',
    'tar cf - lines.txt big.txt tree/a/two.txt | gzip -9 > a.tgz && mkdir out && tar xzf a.tgz -C out && cmp big.txt out/big.txt && ' +
      'md5sum out/lines.txt out/tree/a/two.txt && gzip -t a.tgz && echo ok',
  ),
  sh(
    'sort, awk, sed and grep -E on generated data',
    "seq 1 200 | awk '{ print ($1 * 37) % 101, $1 }' | sort -n -k1,1 -k2,2nr | sed -n '1,12p;$p' | grep -E -v \"^[0-9]+ 1[0-9]{2}$\"",
  ),
  sh(
    'date -d @0 and printf in $(...)',
    'd=$(date -u -d @0 "+%Y-%m-%d %H:%M:%S"); printf "epoch: %s, %05d, %x, %s\\n" "$d" 42 255 "$(date -u -d @86400 +%A)"',
  ),
  sh(
    'dd and od on a file made in the script',
    'dd if=/dev/zero bs=1k count=3 2>/dev/null | tr "\\0" "z" > z.txt; wc -c < z.txt; dd if=data.bin bs=16 skip=2 count=2 2>/dev/null | od -A x -t x1',
  ),
  sh(
    'a script file with arguments, a function and exit status',
    "printf '%s\\n' 'f() { echo \"f got $# args: $*\"; return $(($# + 40)); }' 'f \"$@\"; r=$?' 'echo \"script $0 sees $1\"' 'exit $r' > s.sh; " +
      'sh s.sh one "two words"; echo "status $?"',
  ),
  sh(
    'exit statuses of applets through a pipe and $?',
    'grep -q foo lines.txt; echo "grep $?"; grep -q nothing lines.txt; echo "grep $?"; ls nope 2>/dev/null; echo "ls $?"; ' +
      'cat lines.txt | grep -c fo | (read n; exit $n); echo "count as status $?"',
  ),
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
