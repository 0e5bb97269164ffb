/**
 * Run a static AArch64 Linux program: the library entry point of user-mode
 * emulation (the `armvisor run` command is a thin layer over it).
 *
 *   const { exitCode } = await runProgram({ argv: ['./hello'], env: [], host: nodeHost() });
 *
 * Every guest task runs as a loop of CPU batches on the host's event loop
 * (kernel.ts), so a page, the host's I/O and the other tasks stay responsive.
 */
import { GuestRam } from '../memory/guest-ram.js';
import { ExecFailure, buildImage, type NewImage } from './exec.js';
import { OpenFile } from './files.js';
import { bytesFile, sinkFile, type Host, type HostFile } from './host.js';
import { Kernel } from './kernel.js';
import type { LoadedProgram } from './loader.js';
import { Process, type Task } from './process.js';
import { normalizePath } from './syscalls/fs.js';

export { ElfError } from './elf.js';
export type { Host, HostFile } from './host.js';

export type OutputOption = HostFile | ((data: Uint8Array) => void);

export interface RunOptions {
  /** argv[0] is the program path (unless `execPath` is given); the guest sees argv as is. */
  argv: string[];
  /** Environment as NAME=value strings. */
  env?: string[];
  /** The file to execute when it differs from argv[0] (qemu's -0 option). */
  execPath?: string;
  /** The host (files, clocks, randomness); required unless every stream is given and no file is opened. */
  host: Host;
  stdin?: HostFile | Uint8Array | string;
  stdout?: OutputOption;
  stderr?: OutputOption;
  /** One-line diagnostics (unimplemented instructions, syscalls, fatal signals); default: the stderr stream. */
  diagnostic?: (line: string) => void;
  /** Decoded syscall trace sink (-strace). */
  strace?: (line: string) => void;
  /** -d page: the memory layout of each program image loaded (the first and every execve). */
  pageLog?: (text: string) => void;
  /** A sysroot for dynamic programs (qemu's -L): the dynamic linker and libraries come from there. */
  sysroot?: string;
  /** Instructions per CPU batch between checks (default 1M). */
  batch?: number;
}

export interface RunResult {
  /** Exit status as a shell would see it: the code, or 128 + signal. */
  exitCode: number;
  /** The signal that ended the program, when one did. */
  signal?: number;
  instructions: number;
}

/** A problem before the program could start (bad file, missing file): one line for the user. */
export class ExecError extends Error {
  override name = 'ExecError';
}

const O_RDONLY = 0;
const O_WRONLY = 1;

function asFile(o: OutputOption | undefined, fallback: HostFile): HostFile {
  if (o === undefined) return fallback;
  return typeof o === 'function' ? sinkFile(o) : o;
}

function inputFile(i: RunOptions['stdin'], fallback: HostFile): HostFile {
  if (i === undefined) return fallback;
  if (typeof i === 'string') return bytesFile(new TextEncoder().encode(i));
  if (i instanceof Uint8Array) return bytesFile(i);
  return i;
}

/** Most guest RAM a process may touch (see prepareProgram). */
export const GUEST_RAM_LIMIT = 2 ** 31 - 65536;

/** A process ready to run: loaded, with stdio, not started. */
export interface PreparedProgram {
  process: Process;
  task: Task;
  loaded: LoadedProgram;
}

/** Load the program and set up its process (exposed for tests and tools). */
export function prepareProgram(o: RunOptions): PreparedProgram {
  const host = o.host;
  if (o.argv.length === 0 && o.execPath === undefined) throw new ExecError('no program given');
  const path = o.execPath ?? o.argv[0];
  const stderr = asFile(o.stderr, host.stderr);
  const enc = new TextEncoder();
  const diagnostic = o.diagnostic ?? ((line: string) => void stderr.write(enc.encode(line + '\n'), null));
  // Guest RAM is capped below 2 GiB: the CPU's TLB keeps host offsets in an
  // Int32Array, so frames past 2^31 would wrap negative. All processes of the
  // run share it.
  const ram = new GuestRam(1 << 20, GUEST_RAM_LIMIT);
  const kernel = new Kernel({ host, ram, diagnostic, pageLog: o.pageLog });
  const cwd = host.fs.cwd();
  // An absolute sysroot: paths built from it reach the guest (readlink of /proc/self/exe must be absolute).
  const sysroot = o.sysroot ? normalizePath(o.sysroot.startsWith('/') ? o.sysroot : cwd + '/' + o.sysroot) : undefined;
  // The first program is named by a host path (as for qemu), not looked up in the sysroot.
  const exePath = path.startsWith('/') ? normalizePath(path) : normalizePath(cwd + '/' + path);
  const id = host.identity?.();
  let image: NewImage;
  try {
    image = buildImage(
      {
        host,
        kernel,
        sysroot: sysroot ?? null,
        cwd,
        uid: id?.uid ?? 0,
        gid: id?.gid ?? 0,
        pid: id?.pid ?? 1000,
      },
      path,
      o.argv,
      o.env ?? [],
      exePath,
    );
  } catch (e) {
    if (e instanceof ExecFailure) throw new ExecError(e.message);
    throw e;
  }
  const proc = new Process({
    host,
    kernel,
    mem: image.mem,
    map: image.map,
    exePath: image.exePath,
    diagnostic,
    strace: o.strace,
    sysroot,
    cwd,
  });
  kernel.root = proc;
  const loaded = image.loaded;
  proc.argv = image.argv;
  proc.env = o.env ?? [];
  proc.auxv = loaded.auxv;
  proc.fds.install(new OpenFile(inputFile(o.stdin, host.stdin), O_RDONLY, '/dev/stdin', true), false);
  proc.fds.install(new OpenFile(asFile(o.stdout, host.stdout), O_WRONLY, '/dev/stdout', true), false);
  proc.fds.install(new OpenFile(stderr, O_WRONLY, '/dev/stderr', true), false);
  const task = proc.newTask();
  startAt(task.cpu, loaded);
  kernel.logImage(proc);
  return { process: proc, task, loaded };
}

/** Point a fresh CPU at a loaded image's entry and initial stack. */
export function startAt(cpu: Task['cpu'], loaded: LoadedProgram): void {
  cpu.pcLo = (loaded.entry % 4294967296) | 0;
  cpu.pcHi = Math.floor(loaded.entry / 4294967296) | 0;
  cpu.x[62] = (loaded.sp % 4294967296) | 0;
  cpu.x[63] = Math.floor(loaded.sp / 4294967296) | 0;
}

/** Run a prepared program to its end (the end of its first process; other processes end with it). */
export async function runPrepared(prep: PreparedProgram, batch?: number): Promise<RunResult> {
  const { process: p, task: t } = prep;
  const k = p.kernel;
  if (batch !== undefined) k.soloBatch = batch;
  k.root = p;
  k.start(t);
  await k.waitRoot();
  const st = p.exitStatus!;
  const instructions = k.instructions;
  if (st.signal !== undefined) return { exitCode: 128 + st.signal, signal: st.signal, instructions };
  return { exitCode: st.code, instructions };
}

/** Load and run a static AArch64 Linux program. Throws ExecError when it cannot start. */
export async function runProgram(o: RunOptions): Promise<RunResult> {
  return runPrepared(prepareProgram(o), o.batch);
}
