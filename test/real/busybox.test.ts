/**
 * Debian's busybox-static for arm64, unmodified, running single applets (no
 * fork or exec needed) under armvisor and under qemu-aarch64 on the same
 * generated files: stdout, stderr and exit status of every run, and the
 * bytes of the files the applets write, must be identical (issue 3).
 */
import { after, test } from 'node:test';
import { armvisor, cleanup, defineCases, qemu, workBase, type RealCase, type Step } from './compare.js';
import { writeFixture } from './fixture.js';

const bb = (...args: string[]): Step => ({ args });
const one = (name: string, ...args: string[]): RealCase => ({ name, steps: [bb(...args)] });

const AWK_PROGRAM = `
function fact(n) { return n <= 1 ? 1 : n * fact(n - 1) }
BEGIN { FS = "," }
{ sum[$1] += $2; n++; if ($2 > max) { max = $2; who = $1 } }
END {
  for (k in sum) keys[++m] = k
  for (i = 1; i <= m; i++) for (j = i + 1; j <= m; j++) if (keys[j] < keys[i]) { t = keys[i]; keys[i] = keys[j]; keys[j] = t }
  for (i = 1; i <= m; i++) printf "%-10s %6d\\n", keys[i], sum[keys[i]]
  printf "rows=%d max=%d (%s) 10!=%d\\n", n, max, who, fact(10)
  s = "hello world"; gsub(/o/, "0", s); print s, length(s), substr(s, 3, 4), index(s, "w0"), toupper(s)
  split("a:b:c", parts, ":"); print parts[3] parts[1], sprintf("%05.1f|%x|%o|%e", 3.14159, 255, 8, 12345.678)
}`;

const CASES: RealCase[] = [
  one('echo prints its arguments', 'echo', 'hello', 'world', '  spaced  '),
  one('echo -n -e interprets escapes', 'echo', '-n', '-e', 'a\\tb\\nc\\x41\\0101'),
  one(
    'printf formats strings, integers, hex and floats',
    'printf',
    '%s|%5d|%-4d|%x|%o|%.3f|%e|%c|%%\\n',
    'abc',
    '42',
    '7',
    '255',
    '8',
    '3.14159',
    '1234.5',
    'xyz',
  ),
  one('cat concatenates files', 'cat', 'lines.txt', 'nums.txt'),
  one('cat -n numbers lines', 'cat', '-n', 'lines.txt'),
  one('cat of a missing file fails with a message', 'cat', 'lines.txt', 'missing.txt'),
  one('head -n and -c', 'head', '-n', '3', 'lines.txt', 'words.txt'),
  one('tail -n 2', 'tail', '-n', '2', 'lines.txt'),
  one('tail -c 100 of a large file', 'tail', '-c', '100', 'big.txt'),
  one('wc counts lines, words and bytes', 'wc', 'lines.txt', 'big.txt', 'data.bin'),
  one('sort sorts lines', 'sort', 'lines.txt'),
  one('sort -n sorts numerically', 'sort', '-n', 'nums.txt'),
  one('sort -r reverses', 'sort', '-r', 'words.txt'),
  one('sort -u removes duplicates', 'sort', '-u', 'words.txt'),
  one('sort -t, -k2,2n sorts on a numeric field', 'sort', '-t', ',', '-k', '2,2n', 'table.csv'),
  one('sort -k3 -r -s sorts on a field, reversed and stable', 'sort', '-t', ',', '-k', '3,3', '-r', '-s', 'table.csv'),
  one('sort -n -u on a large file', 'sort', '-n', '-u', 'big.txt'),
  one('uniq -c counts runs', 'uniq', '-c', 'sorted-words.txt'),
  one('uniq -d prints repeated lines only', 'uniq', '-d', 'sorted-words.txt'),
  one('cut -d, -f selects fields', 'cut', '-d', ',', '-f', '1,3', 'table.csv'),
  one('cut -c selects characters', 'cut', '-c', '2-5,9-', 'lines.txt'),
  { name: 'tr maps character ranges from stdin', steps: [{ args: ['tr', 'a-z', 'A-Z'], input: 'Hello, tr world!\n' }] },
  {
    name: 'tr -d and -s delete and squeeze',
    steps: [
      { args: ['tr', '-s', ' '], input: 'a   b    c\n' },
      { args: ['tr', '-d', 'aeiou'], input: 'education\n' },
    ],
  },
  one('sed -n prints a line range', 'sed', '-n', '2,4p', 'lines.txt'),
  one(
    'sed substitutes and deletes with regular expressions',
    'sed',
    '-e',
    's/o\\+/0/g',
    '-e',
    '/^$/d',
    '-e',
    's/\\([a-z]*\\) \\([0-9]*\\)$/\\2=\\1/',
    'lines.txt',
  ),
  {
    name: 'sed -i edits a file in place',
    steps: [bb('sed', '-i', 's/fox/cat/;3q', 'lines.txt'), bb('cat', 'lines.txt')],
    files: ['lines.txt'],
  },
  one('awk runs a program with functions, arrays, printf and string functions', 'awk', AWK_PROGRAM, 'table.csv'),
  one(
    'awk does floating-point math',
    'awk',
    'BEGIN { printf "%.10f %.10f %.10f %.10f %.10f %.6g\\n", 1/3, sqrt(2), exp(1), log(10), sin(1) + cos(1), 2^0.5; print 1e300*1e10, -1/3, int(-3.7), 17 % 5 }',
  ),
  one(
    'awk -F with NR and NF over a large file',
    'awk',
    '{ w += NF; if (length($0) > l) l = length($0) } END { print NR, w, l }',
    'big.txt',
  ),
  one('grep -E matches alternatives', 'grep', '-E', 'fo+|ba[rz]', 'lines.txt'),
  one('grep -n -v -i -E inverts, numbers and ignores case', 'grep', '-n', '-v', '-i', '-E', '^[a-h]', 'lines.txt'),
  one('grep -c -w counts whole-word matches in several files', 'grep', '-c', '-w', 'foo', 'lines.txt', 'big.txt'),
  one('grep exits 1 when nothing matches', 'grep', '-E', 'no+such', 'lines.txt'),
  one('od -c shows characters', 'od', '-c', 'lines.txt'),
  one('od -A d -t x2 -N 64 shows hex words', 'od', '-A', 'd', '-t', 'x2', '-N', '64', 'data.bin'),
  one('hexdump -C shows a canonical dump', 'hexdump', '-C', '-n', '100', 'data.bin'),
  one('md5sum hashes files', 'md5sum', 'lines.txt', 'big.txt', 'data.bin'),
  one('sha1sum, sha256sum and sha512sum hash files', 'sha256sum', 'lines.txt', 'big.txt', 'data.bin'),
  one('sha512sum hashes a large file', 'sha512sum', 'big.txt'),
  {
    name: 'md5sum -c checks a list',
    steps: [{ args: ['md5sum', '-c', '-'], input: 'bad0bad0bad0bad0bad0bad0bad0bad0  lines.txt\n' }],
  },
  one('base64 encodes binary data', 'base64', 'data.bin'),
  { name: 'base64 -d decodes', steps: [{ args: ['base64', '-d'], input: 'aGVsbG8sIGJhc2U2NCB3b3JsZAo=\n' }] },
  {
    name: 'dd copies with bs, count and skip',
    steps: [
      bb('dd', 'if=data.bin', 'of=part.bin', 'bs=512', 'count=3', 'skip=2'),
      bb('dd', 'if=big.txt', 'of=head.txt', 'bs=1k', 'count=1', 'conv=ucase'),
    ],
    files: ['part.bin', 'head.txt'],
    stderr: false,
  },
  one('expr evaluates arithmetic', 'expr', '3', '+', '4', '*', '5'),
  one('expr compares and takes lengths', 'expr', 'length', 'hello', '>', '3'),
  one('expr with a false result exits 1', 'expr', '2', '-', '2'),
  one('seq counts with a step', 'seq', '1', '3', '20'),
  one('seq -s with a separator and fractions', 'seq', '-s', ',', '1', '0.5', '4'),
  one('basename strips a suffix', 'basename', '/usr/lib/file.tar.gz', '.gz'),
  one('dirname strips the last component', 'dirname', '/usr/lib/file.tar.gz'),
  one('date -d @0 -u prints the epoch', 'date', '-d', '@0', '-u'),
  one('date -u -d @N with a format', 'date', '-u', '-d', '@1234567890', '+%Y-%m-%d %H:%M:%S %A %j %s'),
  one('ls -l lists a fixed directory', 'ls', '-l', 'tree', 'tree/a'),
  one('ls -laR lists recursively', 'ls', '-laR', 'tree'),
  one('ls -1 on a missing file fails', 'ls', '-1', 'tree/a', 'nope'),
  one('find lists a tree in directory order', 'find', 'tree'),
  one('find -type l finds the symbolic link', 'find', '.', '-type', 'l'),
  one('find -name -size selects one file', 'find', '.', '-type', 'f', '-name', '*.txt', '-size', '+10k'),
  one('find -perm and -o', 'find', 'tree/b', '(', '-perm', '755', '-o', '-name', 'nothing', ')'),
  one(
    'stat -c prints size, mode and type',
    'stat',
    '-c',
    '%n %s %a %A %F %h %Y',
    'lines.txt',
    'tree',
    'tree/link',
    'tree/b/run.sh',
  ),
  {
    name: 'gzip and gunzip round trip through files',
    steps: [
      bb('gzip', '-9', '-k', 'big.txt'),
      bb('gzip', '-t', 'big.txt.gz'),
      bb('gunzip', '-c', 'big.txt.gz'),
      bb('cp', 'big.txt.gz', 'copy.gz'),
      bb('gunzip', 'copy.gz'),
    ],
    files: ['big.txt.gz', 'copy'],
  },
  {
    name: 'tar creates, lists and extracts an archive',
    steps: [
      bb('tar', 'cf', 'a.tar', 'lines.txt', 'tree/a/two.txt', 'tree/link', 'tree/empty'),
      bb('mkdir', 'out'),
      bb('tar', 'xf', 'a.tar', '-C', 'out'),
      bb('ls', '-lR', 'out'),
      bb('cmp', 'out/tree/a/two.txt', 'tree/a/two.txt'),
    ],
    files: ['a.tar', 'out/tree/a/two.txt', 'out/lines.txt'],
  },
  {
    name: 'tar cf creates an archive',
    steps: [bb('tar', 'cf', 'a.tar', 'lines.txt', 'tree/a/two.txt', 'tree/link', 'tree/empty')],
    files: ['a.tar'],
  },
  {
    name: 'tar tvf lists an archive',
    steps: [bb('tar', 'cf', 'a.tar', 'lines.txt', 'tree/link', 'tree/empty'), bb('tar', 'tvf', 'a.tar')],
  },
  {
    name: 'tar of a directory',
    steps: [bb('tar', 'cf', 'a.tar', 'tree'), bb('tar', 'tf', 'a.tar')],
    files: ['a.tar'],
  },
  { name: 'true exits 0', steps: [bb('true')] },
  { name: 'false exits 1', steps: [bb('false')] },
  {
    name: 'test compares numbers and strings',
    steps: [
      bb('test', '3', '-lt', '5'),
      bb('test', 'abc', '=', 'abd'),
      bb('test', '-f', 'lines.txt', '-a', '-d', 'tree'),
      bb('test', '-x', 'tree/b/run.sh'),
    ],
  },
  {
    name: '[ ... ] tests files and strings',
    steps: [
      bb('[', '-e', 'nope', ']'),
      bb('[', '-z', '', ']'),
      bb('[', '-s', 'data.bin', ']'),
      bb('[', '1', '-eq', ']'),
    ],
  },
  one('cmp reports the first difference', 'cmp', 'lines.txt', 'words.txt'),
  one('diff -u prints a unified diff', 'diff', '-u', 'words.txt', 'sorted-words.txt'),
  one('cksum and sum checksum a file', 'cksum', 'big.txt', 'data.bin'),
  one('tac, rev and nl', 'nl', 'lines.txt'),
  one('fold wraps long lines', 'fold', '-w', '30', '-s', 'big.txt'),
  one(
    'factor factors 64-bit numbers',
    'factor',
    '1234567890123',
    '18446744073709551615',
    '9223372036854775807',
    '600851475143',
  ),
  { name: 'dc computes with big numbers', steps: [bb('dc', '-e', '2 64 ^ p 3 40 ^ 7 % p 10 k 2 v p')] },
  {
    name: 'bc -l computes to many digits',
    steps: [{ args: ['bc', '-l'], input: 'scale=30\n4*a(1)\ne(1)\n2^100\nsqrt(2)\n' }],
  },
  {
    name: 'bzip2 round trip through files',
    steps: [bb('bzip2', '-k', 'big.txt'), bb('bunzip2', '-c', 'big.txt.bz2')],
    files: ['big.txt.bz2'],
  },
];

let base = '';
const baseDir = (): string => (base ||= workBase('busybox'));
after(() => base && cleanup(base));

defineCases(
  test,
  CASES,
  (sw) => ({ armvisor: armvisor(sw.busybox), reference: qemu(sw.busybox) }),
  baseDir,
  writeFixture,
);
