#!/usr/bin/env node
/**
 * The `armvisor` command.
 *
 *   armvisor run [options] PROGRAM [ARGS...]
 *   armvisor [options] PROGRAM [ARGS...]        (when PROGRAM is not a subcommand)
 *
 * User-mode options follow qemu-aarch64 (single-dash words; `--x` is taken as
 * `-x`, as qemu does); the program and its arguments start at the first word
 * that is not an option. The exit status is the guest's, or 128 + signal.
 */
import * as fs from 'node:fs';
import { nodeHost } from '../host/node-host.js';
import { ExecError, prepareProgram, runPrepared } from '../linux-user/index.js';

// V8's default inlining budgets: compiled blocks emit their instructions
// inline (code templates), and raising the budgets only made TurboFan spend
// seconds compiling (see docs/PERFORMANCE.md).

const USAGE = `usage: armvisor run [options] program [arguments...]
       armvisor [options] program [arguments...]
Run an AArch64 Linux program (user-mode emulation, like qemu-aarch64).

Options (compatible with qemu-aarch64 where qemu has them):
  -E var=value[,var=value...]  set environment variables for the program
  -U var[,var...]              unset environment variables for the program
  -0 argv0                     use argv0 as the program's argv[0]
  -cpu model[,feat=off...]     CPU model: max, cortex-a57, cortex-a53, cortex-a72, any;
                               sve/sme/pauth/mte=off are accepted (not implemented anyway)
  -strace                      log system calls to stderr
  -d item[,item...]            debug logs: strace (as -strace), page (memory layout of
                               each program loaded), unimp (unimplemented syscalls and
                               instructions: always logged); -d help lists them
  -D file                      write -strace and -d logs to file instead of stderr
  -L path                      sysroot for dynamic programs: the dynamic linker and
                               libraries are looked up under path first
                               (default: $ARMVISOR_LD_PREFIX or $QEMU_LD_PREFIX)
  --stats                      after exit, print the instruction count and speed to stderr
  -h, --help                   print this help
  --version                    print the version

The program inherits the environment of armvisor (like qemu-aarch64).
`;

const CPU_MODELS = new Set(['max', 'cortex-a57', 'cortex-a53', 'cortex-a72', 'any']);
/** qemu -cpu properties for features armvisor's core does not have (so "=off" changes nothing). */
const ABSENT_FEATURES = new Set(['sve', 'sme', 'pauth', 'mte']);
const SUBCOMMANDS = new Set(['run']);

function version(): string {
  // dist/src/cli/main.js or dist/cli/main.js: the package root is two or three levels up.
  for (const rel of ['../../../package.json', '../../package.json']) {
    try {
      const pkg = JSON.parse(fs.readFileSync(new URL(rel, import.meta.url), 'utf8')) as {
        name?: string;
        version: string;
      };
      if (pkg.name === 'armvisor') return pkg.version;
    } catch {
      /* try the next */
    }
  }
  return 'unknown';
}

const DEBUG_ITEMS = `Log items for -d (comma-separated):
  strace  system calls with decoded arguments and results (as -strace)
  page    the memory layout of each program loaded (the first one and every execve)
  unimp   unimplemented system calls and instructions (always logged, once each)
`;

class UsageError extends Error {}

export interface CliOptions {
  program: string;
  args: string[];
  argv0?: string;
  setEnv: [string, string][];
  unsetEnv: string[];
  strace: boolean;
  /** -d page */
  page: boolean;
  /** -D: where logs go (default stderr). */
  logFile?: string;
  stats: boolean;
  cpu: string;
  ldPrefix?: string;
}

/** Parse the words after `run` (or after `armvisor` itself). Returns 'help' / 'version' for those. */
export function parseRunArgs(words: string[]): CliOptions | 'help' | 'version' | 'debug-help' {
  const o: CliOptions = {
    program: '',
    args: [],
    setEnv: [],
    unsetEnv: [],
    strace: false,
    page: false,
    stats: false,
    cpu: 'max',
  };
  let i = 0;
  const value = (opt: string): string => {
    if (i + 1 >= words.length) throw new UsageError(`option '${opt}' needs an argument`);
    return words[++i];
  };
  for (; i < words.length; i++) {
    const w = words[i];
    if (!w.startsWith('-') || w === '-') break;
    if (w === '--') {
      i++;
      break;
    }
    const name = w.startsWith('--') ? w.slice(1) : w;
    switch (name) {
      case '-h':
      case '-help':
        return 'help';
      case '-version':
        return 'version';
      case '-E':
        for (const kv of value(w).split(',')) {
          const eq = kv.indexOf('=');
          if (eq <= 0) throw new UsageError(`-E expects var=value, got '${kv}'`);
          o.setEnv.push([kv.slice(0, eq), kv.slice(eq + 1)]);
        }
        break;
      case '-U':
        o.unsetEnv.push(
          ...value(w)
            .split(',')
            .filter((s) => s !== ''),
        );
        break;
      case '-0':
        o.argv0 = value(w);
        break;
      case '-cpu': {
        // qemu's form: model[,feature=on|off...]. Turning off a feature armvisor
        // does not implement is accepted (so both emulators take the same options).
        const [m, ...props] = value(w).split(',');
        if (!CPU_MODELS.has(m)) throw new UsageError(`unable to find CPU model '${m}'`);
        for (const p of props) {
          const [name, setting] = p.split('=');
          if (!ABSENT_FEATURES.has(name) || setting !== 'off')
            throw new UsageError(
              `-cpu ${m}: property '${p}' is not supported (only ${[...ABSENT_FEATURES].map((f) => f + '=off').join(', ')})`,
            );
        }
        o.cpu = m;
        break;
      }
      case '-strace':
        o.strace = true;
        break;
      case '-d':
        for (const item of value(w).split(',')) {
          if (item === 'help') return 'debug-help';
          if (item === 'strace') o.strace = true;
          else if (item === 'page') o.page = true;
          else if (item !== 'unimp')
            throw new UsageError(`-d: unknown log item '${item}' (armvisor -d help lists them)`);
        }
        break;
      case '-D':
        o.logFile = value(w);
        break;
      case '-g':
        value(w);
        throw new UsageError('-g: the gdb stub is not implemented yet');
      case '-stats':
        o.stats = true;
        break;
      case '-L':
        o.ldPrefix = value(w);
        break;
      default:
        throw new UsageError(`unknown option '${w}' (see armvisor --help)`);
    }
  }
  if (i >= words.length) throw new UsageError('no program given (see armvisor --help)');
  o.program = words[i];
  o.args = words.slice(i + 1);
  return o;
}

/** The guest's environment: armvisor's own, changed by -E/-U (later changes win, as in qemu). */
function guestEnv(o: CliOptions): string[] {
  const env = new Map<string, string>();
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined) env.set(k, v);
  for (const [k, v] of o.setEnv) env.set(k, v);
  for (const k of o.unsetEnv) env.delete(k);
  return [...env].map(([k, v]) => `${k}=${v}`);
}

export async function main(argv: string[]): Promise<number> {
  let words = argv;
  if (words.length > 0 && SUBCOMMANDS.has(words[0])) words = words.slice(1);
  let opts: CliOptions | 'help' | 'version' | 'debug-help';
  try {
    opts = parseRunArgs(words);
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`armvisor: ${e.message}\n`);
      return 1;
    }
    throw e;
  }
  if (opts === 'help') {
    process.stdout.write(USAGE);
    return 0;
  }
  if (opts === 'version') {
    process.stdout.write(`armvisor ${version()}\n`);
    return 0;
  }
  if (opts === 'debug-help') {
    process.stdout.write(DEBUG_ITEMS);
    return 0;
  }
  const host = nodeHost();
  const enc = new TextEncoder();
  const toStderr = (line: string) => void host.stderr.write(enc.encode(line + '\n'), null);
  let toLog = toStderr;
  if (opts.logFile !== undefined) {
    let fd: number;
    try {
      fd = fs.openSync(opts.logFile, 'w');
    } catch (e) {
      process.stderr.write(`armvisor: -D: cannot open '${opts.logFile}': ${(e as Error).message}\n`);
      return 1;
    }
    toLog = (line: string) => void fs.writeSync(fd, line + '\n');
  }
  const started = performance.now();
  try {
    const prep = prepareProgram({
      argv: [opts.argv0 ?? opts.program, ...opts.args],
      execPath: opts.program,
      env: guestEnv(opts),
      host,
      sysroot: opts.ldPrefix ?? process.env.ARMVISOR_LD_PREFIX ?? process.env.QEMU_LD_PREFIX,
      diagnostic: toStderr,
      strace: opts.strace ? toLog : undefined,
      pageLog: opts.page ? (text) => toLog(text.replace(/\n$/, '')) : undefined,
    });
    // Node's event loop runs dry only when every guest task waits for something
    // nothing can bring (Linux would hang): say so instead of exiting quietly.
    const deadlock = (): void => {
      toStderr(
        `armvisor: deadlock: every guest task is waiting and nothing can wake it (${prep.process.kernel.describeWaits()})`,
      );
      process.exit(1);
    };
    process.once('beforeExit', deadlock);
    const r = await runPrepared(prep);
    process.off('beforeExit', deadlock);
    if (opts.stats) {
      const secs = (performance.now() - started) / 1000;
      const mips = r.instructions / secs / 1e6;
      toStderr(`armvisor: ${r.instructions} instructions in ${secs.toFixed(3)} s (${mips.toFixed(1)} MIPS)`);
    }
    return r.exitCode;
  } catch (e) {
    if (e instanceof ExecError) {
      toStderr(`armvisor: ${e.message}`);
      return 1;
    }
    toStderr(`armvisor: internal error: ${(e as Error).stack ?? String(e)}`);
    return 70;
  }
}

// Run when executed as a program (not when imported by tests).
const self = process.argv[1] ? fs.realpathSync(process.argv[1]) : '';
if (self && new URL(import.meta.url).pathname === self) {
  main(process.argv.slice(2)).then((code) => {
    // Exit now: a host read still waiting on stdin, or a timer, must not keep the command alive.
    process.exit(code);
  });
}
