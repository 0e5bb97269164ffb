/**
 * Run a static AArch64 Linux program: the library entry point of user-mode
 * emulation (the `armvisor run` command is a thin layer over it).
 *
 *   const { exitCode } = await runProgram({ argv: ['./hello'], env: [], host: nodeHost() });
 *
 * The loop runs the CPU in batches and yields to the event loop now and then,
 * so a page or a later thread scheduler stays responsive.
 */
import { StopReason } from '../cpu/a64/cpu.js';
import { Access, FaultKind } from '../memory/address-space.js';
import { UserAddressSpace } from '../memory/user-address-space.js';
import { GuestRam } from '../memory/guest-ram.js';
import { ElfError, parseElf } from './elf.js';
import { OpenFile } from './files.js';
import { bytesFile, sinkFile, type Host, type HostFile } from './host.js';
import { coreHwcaps } from './hwcaps.js';
import { MMAP_BASE, loadProgram, type LoadedProgram } from './loader.js';
import { MemoryMap } from './memory-map.js';
import { Process, type Task } from './process.js';
import { SIGBUS, SIGILL, SIGKILL, SIGSEGV, SIGTRAP } from './signals.js';
import {
  BUS_ADRALN,
  BUS_ADRERR,
  ERESTARTSYS,
  ERESTART_RESTARTBLOCK,
  ILL_ILLOPC,
  SEGV_ACCERR,
  SEGV_MAPERR,
  TRAP_BRKPT,
  deliverSignals,
  faultInfo,
  fireTimers,
  forceSignal,
  hasDeliverable,
} from './delivery.js';
import { inSysroot, normalizePath } from './syscalls/fs.js';
import { dispatchSyscall } from './syscalls/table.js';

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

function readWholeFile(host: Host, path: string): Uint8Array {
  const f = host.fs.open(path, O_RDONLY, 0);
  const why = (e: number): string =>
    e === -2
      ? 'No such file or directory'
      : e === -13
        ? 'Permission denied'
        : e === -21
          ? 'Is a directory'
          : `error ${-e}`;
  if (typeof f === 'number') throw new ExecError(`cannot open '${path}': ${why(f)}`);
  try {
    const st = f.stat();
    if (typeof st === 'number') throw new ExecError(`cannot stat '${path}': ${why(st)}`);
    if ((st.mode & 0o170000) === 0o040000) throw new ExecError(`cannot execute '${path}': Is a directory`);
    const chunks: Uint8Array[] = [];
    let total = 0;
    for (;;) {
      const buf = new Uint8Array(Math.max(65536, st.size - total + 1));
      const n = f.read(buf, total);
      if (n < 0) throw new ExecError(`cannot read '${path}': ${why(n)}`);
      if (n === 0) break;
      chunks.push(buf.subarray(0, n));
      total += n;
    }
    const out = new Uint8Array(total);
    let o = 0;
    for (const c of chunks) {
      out.set(c, o);
      o += c.length;
    }
    return out;
  } finally {
    f.close();
  }
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
  const image = readWholeFile(host, path);
  const stderr = asFile(o.stderr, host.stderr);
  const enc = new TextEncoder();
  const diagnostic = o.diagnostic ?? ((line: string) => void stderr.write(enc.encode(line + '\n'), null));
  // Guest RAM is capped below 2 GiB: the CPU's TLB keeps host offsets in an
  // Int32Array, so frames past 2^31 would wrap negative.
  const mem = new UserAddressSpace(new GuestRam(1 << 20, GUEST_RAM_LIMIT));
  const map = new MemoryMap(mem, MMAP_BASE);
  const exePath = path.startsWith('/') ? normalizePath(path) : normalizePath(host.fs.cwd() + '/' + path);
  const proc = new Process({ host, mem, map, exePath, diagnostic, strace: o.strace, sysroot: o.sysroot });
  const random = new Uint8Array(16);
  host.random(random);
  const { hwcap, hwcap2 } = coreHwcaps();
  let loaded: LoadedProgram;
  try {
    let interp: Uint8Array | undefined;
    const want = parseElf(image).interp;
    if (want !== null) {
      if (!o.sysroot)
        throw new ElfError(`dynamic executables need -L SYSROOT (the program asks for the interpreter ${want})`);
      interp = readWholeFile(host, inSysroot(proc, want));
    }
    loaded = loadProgram(map, {
      image,
      interp,
      argv: o.argv,
      env: o.env ?? [],
      execfn: path,
      random,
      hwcap,
      hwcap2,
      uid: proc.uid,
      gid: proc.gid,
      name: exePath,
    });
  } catch (e) {
    if (e instanceof ElfError) throw new ExecError(`${path}: ${e.message}`);
    throw e;
  }
  proc.argv = o.argv;
  proc.env = o.env ?? [];
  proc.auxv = loaded.auxv;
  proc.fds.install(new OpenFile(inputFile(o.stdin, host.stdin), O_RDONLY, '/dev/stdin', true), false);
  proc.fds.install(new OpenFile(asFile(o.stdout, host.stdout), O_WRONLY, '/dev/stdout', true), false);
  proc.fds.install(new OpenFile(stderr, O_WRONLY, '/dev/stderr', true), false);
  const task = proc.newTask();
  const cpu = task.cpu;
  cpu.pcLo = (loaded.entry % 4294967296) | 0;
  cpu.pcHi = Math.floor(loaded.entry / 4294967296) | 0;
  cpu.x[62] = (loaded.sp % 4294967296) | 0;
  cpu.x[63] = Math.floor(loaded.sp / 4294967296) | 0;
  return { process: proc, task, loaded };
}

const hex = (lo: number, hi: number): string => '0x' + ((hi >>> 0) * 4294967296 + (lo >>> 0)).toString(16);

/** Raise the synchronous signal of a CPU exception (delivered before the next instruction). */
function exceptionSignal(t: Task, sig: number, code: number, addr: number, detail: string): void {
  forceSignal(t, sig, faultInfo(sig, code, addr), detail);
}

const pcOf = (t: Task): number => (t.cpu.pcHi >>> 0) * 4294967296 + (t.cpu.pcLo >>> 0);

const isOutOfMemory = (e: unknown): boolean => e instanceof Error && /guest RAM exhausted/.test(e.message);

/** Guest RAM (one WebAssembly.Memory, at most 4 GiB) ran out: end as the OOM killer would, with SIGKILL. */
function outOfMemory(t: Task, e: Error): void {
  t.process.diagnostic(`armvisor: out of guest memory (${e.message}): killing the program`);
  t.process.exit({ signal: SIGKILL, coreDump: false });
}

/** Run a prepared program to its end. */
export async function runPrepared(prep: PreparedProgram, batch = 1_000_000): Promise<RunResult> {
  const { process: p, task: t } = prep;
  const cpu = t.cpu;
  const now = (): number => (typeof performance !== 'undefined' ? performance.now() : Date.now());
  let lastYield = now();
  try {
    while (p.exitStatus === null) {
      let reason: StopReason;
      try {
        reason = cpu.run(batch);
      } catch (e) {
        if (!isOutOfMemory(e)) throw e;
        outOfMemory(t, e as Error);
        break;
      }
      switch (reason) {
        case StopReason.Svc: {
          t.origX0Lo = cpu.x[0];
          t.origX0Hi = cpu.x[1];
          try {
            const r = dispatchSyscall(t);
            if (r) await r;
          } catch (e) {
            if (!isOutOfMemory(e)) throw e;
            outOfMemory(t, e as Error);
          }
          // Exception return clears the exclusive monitor.
          cpu.exclValid = 0;
          if (cpu.x[1] === -1 && cpu.x[0] <= -ERESTARTSYS && cpu.x[0] >= -ERESTART_RESTARTBLOCK) t.syscallReturn = true;
          break;
        }
        case StopReason.Budget:
        case StopReason.Requested:
        case StopReason.Wait:
          break;
        case StopReason.Undefined:
        case StopReason.Hlt:
          exceptionSignal(t, SIGILL, ILL_ILLOPC, pcOf(t), '');
          break;
        case StopReason.Brk:
          exceptionSignal(t, SIGTRAP, TRAP_BRKPT, pcOf(t), ` (brk #${cpu.excImm})`);
          break;
        case StopReason.Alignment:
          // A misaligned pc, or a data access that must be aligned (exclusives, atomics): SIGBUS, BUS_ADRALN.
          if ((cpu.pcLo & 3) !== 0) exceptionSignal(t, SIGBUS, BUS_ADRALN, pcOf(t), ' (misaligned pc)');
          else {
            const f = cpu.fault;
            const addr = (f.addrHi >>> 0) * 4294967296 + (f.addrLo >>> 0);
            exceptionSignal(t, SIGBUS, BUS_ADRALN, addr, `: misaligned access at ${hex(f.addrLo, f.addrHi)}`);
          }
          break;
        case StopReason.DataAbort:
        case StopReason.InstructionAbort: {
          const f = cpu.fault;
          const sig = f.kind === FaultKind.Bus ? SIGBUS : SIGSEGV;
          const code =
            f.kind === FaultKind.Bus ? BUS_ADRERR : f.kind === FaultKind.Permission ? SEGV_ACCERR : SEGV_MAPERR;
          const what = f.access === Access.Write ? 'write' : f.access === Access.Exec ? 'execute' : 'read';
          const kind =
            f.kind === FaultKind.Permission ? 'permission' : f.kind === FaultKind.Bus ? 'bus error' : 'unmapped';
          const addr = (f.addrHi >>> 0) * 4294967296 + (f.addrLo >>> 0);
          exceptionSignal(t, sig, code, addr, `: ${what} at ${hex(f.addrLo, f.addrHi)} (${kind})`);
          break;
        }
        default:
          exceptionSignal(t, SIGILL, ILL_ILLOPC, pcOf(t), ` (unexpected stop reason ${reason})`);
      }
      if (p.realTimerDeadline !== 0) fireTimers(p);
      if (hasDeliverable(t) || t.syscallReturn) deliverSignals(t);
      if (now() - lastYield > 50) {
        await new Promise((resolve) => setTimeout(resolve, 0));
        lastYield = now();
      }
    }
  } finally {
    p.fds.closeAll();
  }
  const st = p.exitStatus!;
  if (st.signal !== undefined) return { exitCode: 128 + st.signal, signal: st.signal, instructions: cpu.icount };
  return { exitCode: st.code, instructions: cpu.icount };
}

/** Load and run a static AArch64 Linux program. Throws ExecError when it cannot start. */
export async function runProgram(o: RunOptions): Promise<RunResult> {
  return runPrepared(prepareProgram(o), o.batch);
}
