/**
 * Real programs from Debian's arm64 packages (fetched by
 * scripts/fetch-debian-arm64.sh) timed under armvisor and qemu-aarch64 on
 * the same fixed inputs: python3 running bench/real/bench.py, xz and gzip
 * compressing and decompressing a generated file. Both must print the same
 * thing; the table goes into docs/PERFORMANCE.md between its own markers.
 *
 *   node dist/bench/real.js [--runs N] [--only python3,xz,gzip] [--no-write]
 *
 * With --only, the cases whose first word is listed run (none: nothing runs;
 * `npm run bench -- --only sieve` times that guest benchmark alone).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = new URL('../../', import.meta.url).pathname;
const DOC = join(ROOT, 'docs/PERFORMANCE.md');
const CLI = join(ROOT, 'dist/src/cli/main.js');
const SYSROOT = join(ROOT, 'build/sysroot-arm64');
const BEGIN = '<!-- bench-real:begin (written by npm run bench) -->';
const END = '<!-- bench-real:end -->';

interface Case {
  name: string;
  /** Program inside the sysroot, and its arguments. */
  program: string;
  args: string[];
}

interface Timing {
  seconds: number;
  stdout: string;
  status: number | null;
  stderr: string;
}

function run(cmd: string, args: string[], cwd: string): Timing {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', maxBuffer: 64 << 20 });
  return { seconds: Number(process.hrtime.bigint() - t0) / 1e9, stdout: r.stdout, status: r.status, stderr: r.stderr };
}

function best(n: number, cmd: string, args: string[], cwd: string): Timing {
  let b: Timing | null = null;
  for (let i = 0; i < n; i++) {
    const t = run(cmd, args, cwd);
    if (!b || t.seconds < b.seconds) b = t;
  }
  return b!;
}

/** `bytes` of text with some redundancy (a fixed pseudo-random sequence of words): the compressors' input. */
function input(bytes: number): string {
  let s = 12345;
  const words = ['arm', 'virt', 'kernel', 'page', 'frame', 'signal', 'thread', 'pipe', 'socket', 'vector'];
  const out: string[] = [];
  let size = 0;
  while (size < bytes) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    const w = words[s % words.length] + ((s >>> 8) % 1000).toString();
    out.push(w);
    size += w.length + 1;
  }
  return out.join(' ').slice(0, bytes);
}

function main(): void {
  const argv = process.argv.slice(2);
  const runs = argv.includes('--runs') ? Number(argv[argv.indexOf('--runs') + 1]) : 2;
  const write = !argv.includes('--no-write');
  const only = argv.includes('--only') ? argv[argv.indexOf('--only') + 1].split(',') : null;
  const fetch = spawnSync('bash', [join(ROOT, 'scripts/fetch-debian-arm64.sh')], { encoding: 'utf8' });
  if (fetch.status !== 0 || !existsSync(SYSROOT)) {
    console.error(`real-program benchmarks skipped: the Debian arm64 sysroot is not available\n${fetch.stderr}`);
    process.exitCode = 1;
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'armvisor-bench-'));
  writeFileSync(join(dir, 'input.txt'), input(3 << 20));
  writeFileSync(join(dir, 'input-1m.txt'), input(1 << 20));
  writeFileSync(join(dir, 'bench.py'), readFileSync(join(ROOT, 'bench/real/bench.py')));
  // The compressors run through the arm64 busybox shell so a round trip is one command; its output is a checksum.
  const sh = (script: string): Case => ({ name: '', program: '/bin/busybox', args: ['sh', '-c', script] });
  const cases: Case[] = [
    { name: 'python3 bench.py', program: '/usr/bin/python3.11', args: ['bench.py'] },
    {
      ...sh('/usr/bin/xz -6 -c input-1m.txt | /usr/bin/xz -d -c | /bin/busybox md5sum'),
      name: 'xz -6 round trip, 1 MB',
    },
    { ...sh('/bin/gzip -6 -c input.txt | /bin/gzip -d -c | /bin/busybox md5sum'), name: 'gzip -6 round trip, 3 MB' },
  ];
  const rows: string[] = [];
  let failed = 0;
  const chosen = cases.filter((c) => !only || only.includes(c.name.split(' ')[0]));
  if (chosen.length === 0) {
    rmSync(dir, { recursive: true, force: true });
    return;
  }
  try {
    for (const c of chosen) {
      const exe = join(SYSROOT, c.program);
      // qemu-aarch64 cannot exec arm64 programs from the guest without binfmt_misc: a pipeline runs
      // each stage under its own qemu through the host shell instead (same programs, same data).
      const q =
        c.program === '/bin/busybox'
          ? best(
              runs,
              'sh',
              [
                '-c',
                c.args[2].replace(
                  /\/(usr\/)?bin\/([a-z0-9.]+)/g,
                  (p) => `qemu-aarch64 -L ${SYSROOT} ${join(SYSROOT, p)}`,
                ),
              ],
              dir,
            )
          : best(runs, 'qemu-aarch64', ['-L', SYSROOT, exe, ...c.args], dir);
      const a = best(runs, process.execPath, [CLI, '--stats', '-L', SYSROOT, exe, ...c.args], dir);
      const m = /armvisor: (\d+) instructions/.exec(a.stderr);
      const same = a.stdout === q.stdout && a.status === q.status;
      if (!same) {
        failed++;
        console.error(
          `${c.name}: output differs\n--- qemu\n${q.stdout}${q.stderr}--- armvisor\n${a.stdout}${a.stderr}`,
        );
      }
      const ratio = a.seconds / q.seconds;
      rows.push(
        `| ${c.name} | ${m ? (Number(m[1]) / 1e6).toFixed(0) + ' M' : '?'} | ${q.seconds.toFixed(2)} s | ${a.seconds.toFixed(2)} s | 1/${ratio.toFixed(1)} | ${same ? 'yes' : '**no**'} |`,
      );
      console.log(rows[rows.length - 1]);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const qemuVersion = execFileSync('qemu-aarch64', ['--version'], { encoding: 'utf8' }).split('\n')[0];
  const table = [
    BEGIN,
    `Real programs from Debian 12 arm64, measured ${new Date().toISOString().slice(0, 10)} on ${cpus()[0]?.model ?? 'unknown CPU'} (${cpus().length} cores), Node ${process.version}, ${qemuVersion}; best of ${runs} runs each. The instruction count is armvisor's over all processes of the run; pipelines under qemu run one qemu per stage.`,
    '',
    '| program | guest instructions | qemu-aarch64 | armvisor | armvisor speed vs qemu | same output |',
    '|---|---|---|---|---|---|',
    ...rows,
    END,
  ].join('\n');
  if (write) {
    const doc = readFileSync(DOC, 'utf8');
    const i = doc.indexOf(BEGIN);
    const j = doc.indexOf(END);
    const out = i >= 0 && j > i ? doc.slice(0, i) + table + doc.slice(j + END.length) : doc + '\n' + table + '\n';
    writeFileSync(DOC, out);
    console.log('wrote PERFORMANCE.md (real programs)');
  } else console.log(table);
  if (failed) process.exitCode = 1;
}

main();
