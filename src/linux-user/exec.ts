/**
 * Executing a file: what the host's first program and every execve() go
 * through. Finds the file (the sysroot first for absolute paths, as qemu's
 * -L), follows `#!` interpreter lines as Linux does (up to four levels),
 * reads the ELF image and its dynamic linker, and loads them into a fresh
 * address space. Nothing of the calling process changes until the new image
 * is completely built, so a failing execve returns its errno to a caller
 * that is still intact.
 */
import { UserAddressSpace } from '../memory/user-address-space.js';
import { ElfError, parseElf } from './elf.js';
import { EACCES, EISDIR, ELOOP, ENOEXEC, ENOENT } from './errno.js';
import type { Host } from './host.js';
import { coreHwcaps } from './hwcaps.js';
import { MMAP_BASE, loadProgram, type LoadedProgram } from './loader.js';
import { MemoryMap } from './memory-map.js';
import type { Kernel } from './kernel.js';
import { inSysroot, normalizePath } from './syscalls/fs.js';

/** What an exec needs to know about the caller. */
export interface ExecContext {
  host: Host;
  kernel: Kernel;
  sysroot: string | null;
  cwd: string;
  uid: number;
  gid: number;
  pid: number;
}

/** A program ready to start: its address space, entry and stack, and what /proc shows about it. */
export interface NewImage {
  mem: UserAddressSpace;
  map: MemoryMap;
  loaded: LoadedProgram;
  /** Host path of the executable (/proc/self/exe). */
  exePath: string;
  argv: string[];
}

/** An exec that cannot proceed: the errno and a message for the user (the first program's error line). */
export class ExecFailure extends Error {
  constructor(
    readonly errno: number,
    message: string,
  ) {
    super(message);
  }
}

const O_RDONLY = 0;
const S_IFMT = 0o170000;
const S_IFDIR = 0o040000;
const S_IFREG = 0o100000;
/** Linux's BINPRM_BUF_SIZE: the first bytes of a file, where a `#!` line must end. */
const BINPRM_BUF_SIZE = 256;

/** The host path a guest path names: relative to cwd; absolute ones in the sysroot first. */
export function hostPathOf(c: ExecContext, path: string): string {
  return inSysroot(c, path.startsWith('/') ? normalizePath(path) : normalizePath(c.cwd + '/' + path));
}

const describe = (e: number): string =>
  e === ENOENT
    ? 'No such file or directory'
    : e === EACCES
      ? 'Permission denied'
      : e === EISDIR
        ? 'Is a directory'
        : e === ENOEXEC
          ? 'Exec format error'
          : `error ${e}`;

/** The whole file at a host path. */
export function readWholeFile(host: Host, hostPath: string, shown: string, executable: boolean): Uint8Array {
  const f = host.fs.open(hostPath, O_RDONLY, 0);
  if (typeof f === 'number') throw new ExecFailure(-f, `cannot open '${shown}': ${describe(-f)}`);
  try {
    const st = f.stat();
    if (typeof st === 'number') throw new ExecFailure(-st, `cannot stat '${shown}': ${describe(-st)}`);
    if ((st.mode & S_IFMT) === S_IFDIR) throw new ExecFailure(EACCES, `cannot execute '${shown}': Is a directory`);
    if (executable && (st.mode & S_IFMT) !== S_IFREG)
      throw new ExecFailure(EACCES, `cannot execute '${shown}': not a regular file`);
    if (executable && host.fs.access(hostPath, 1) < 0)
      throw new ExecFailure(EACCES, `cannot execute '${shown}': Permission denied`);
    const chunks: Uint8Array[] = [];
    let total = 0;
    for (;;) {
      const buf = new Uint8Array(Math.max(65536, st.size - total + 1));
      const n = f.read(buf, total);
      if (n < 0) throw new ExecFailure(-n, `cannot read '${shown}': ${describe(-n)}`);
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

/** The interpreter and its optional argument of a `#!` line, or null when the file has none. */
function shebang(image: Uint8Array): [string, string | null] | null {
  if (image.length < 2 || image[0] !== 0x23 || image[1] !== 0x21) return null;
  let end = image.indexOf(0x0a);
  if (end < 0) end = Math.min(image.length, BINPRM_BUF_SIZE);
  const line = new TextDecoder('latin1').decode(image.subarray(2, end)).replace(/[ \t]+$/, '');
  const m = /^[ \t]*([^ \t]+)(?:[ \t]+(.*))?$/.exec(line);
  if (!m) throw new ExecFailure(ENOEXEC, 'empty #! line');
  return [m[1], m[2] ?? null];
}

/**
 * Build the image execve(path, argv, env) would start, without touching the
 * caller. `execfn` is the path as given (AT_EXECFN, the script argument of
 * an interpreter). Throws ExecFailure.
 */
export function buildImage(c: ExecContext, path: string, argv: string[], env: string[], exePath?: string): NewImage {
  let hostPath = exePath ?? hostPathOf(c, path);
  let image = readWholeFile(c.host, hostPath, path, true);
  let args = argv;
  let execfn = path;
  for (let depth = 0; ; depth++) {
    const sb = shebang(image);
    if (sb === null) break;
    if (depth >= 4) throw new ExecFailure(ELOOP, `${path}: too many levels of #! interpreters`);
    const [interp, arg] = sb;
    // The interpreter gets: its own name, the optional argument, the script's path, the rest of argv.
    args = [interp, ...(arg !== null ? [arg] : []), execfn, ...args.slice(1)];
    execfn = interp;
    hostPath = hostPathOf(c, interp);
    image = readWholeFile(c.host, hostPath, interp, true);
  }
  let interpImage: Uint8Array | undefined;
  let want: string | null;
  try {
    want = parseElf(image).interp;
  } catch (e) {
    if (e instanceof ElfError) throw new ExecFailure(ENOEXEC, `${path}: ${e.message}`);
    throw e;
  }
  if (want !== null) {
    if (c.sysroot === null)
      throw new ExecFailure(
        ENOEXEC,
        `${path}: dynamic executables need -L SYSROOT (the program asks for the interpreter ${want})`,
      );
    interpImage = readWholeFile(c.host, hostPathOf(c, want), want, false);
  }
  const random = new Uint8Array(16);
  c.host.random(random);
  const { hwcap, hwcap2 } = coreHwcaps();
  const mem = new UserAddressSpace(c.kernel.ram);
  const map = new MemoryMap(mem, MMAP_BASE);
  try {
    const loaded = loadProgram(map, {
      image,
      interp: interpImage,
      argv: args,
      env,
      execfn,
      random,
      hwcap,
      hwcap2,
      uid: c.uid,
      gid: c.gid,
      name: hostPath,
    });
    return { mem, map, loaded, exePath: hostPath, argv: args };
  } catch (e) {
    mem.releaseAll();
    if (e instanceof ElfError) throw new ExecFailure(ENOEXEC, `${path}: ${e.message}`);
    throw e;
  }
}
