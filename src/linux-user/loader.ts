/**
 * exec: map the ELF image (and its dynamic linker, if any), set the program break after
 * it, and build the initial stack as Linux's fs/binfmt_elf.c
 * (create_elf_tables) does: argc, argv[], NULL, envp[], NULL, auxv pairs,
 * AT_NULL, with the strings, the platform name and the AT_RANDOM bytes above
 * them, sp 16-byte aligned.
 */
import { PAGE_SIZE } from '../memory/guest-ram.js';
import { PROT_EXEC, PROT_READ, PROT_WRITE } from '../memory/user-address-space.js';
import { ElfError, ET_DYN, PF_R, PF_W, PF_X, PT_LOAD, PT_PHDR, USER_VA_END, parseElf, type ElfImage } from './elf.js';
import { MemoryMap, pageAlignDown, pageAlignUp } from './memory-map.js';

/** End (exclusive) of the main thread's stack: the top of the 48-bit user address space, as on Linux/arm64. */
export const STACK_TOP = USER_VA_END;
/** The stack reservation (RLIMIT_STACK's usual 8 MiB); pages are allocated on first touch. */
export const STACK_SIZE = 8 << 20;
/** mmap allocates top-down below here (Linux leaves at least 128 MiB for the stack to grow). */
export const MMAP_BASE = STACK_TOP - (128 << 20);
/** Where a static PIE (ET_DYN) goes: Linux's ELF_ET_DYN_BASE for arm64, 2/3 of the 48-bit space. */
export const ET_DYN_BASE = 0xaaaaaaaa0000;

// Auxiliary vector types (include/uapi/linux/auxvec.h, asm/auxvec.h).
export const AT_NULL = 0;
export const AT_PHDR = 3;
export const AT_PHENT = 4;
export const AT_PHNUM = 5;
export const AT_PAGESZ = 6;
export const AT_BASE = 7;
export const AT_FLAGS = 8;
export const AT_ENTRY = 9;
export const AT_UID = 11;
export const AT_EUID = 12;
export const AT_GID = 13;
export const AT_EGID = 14;
export const AT_PLATFORM = 15;
export const AT_HWCAP = 16;
export const AT_CLKTCK = 17;
export const AT_SECURE = 23;
export const AT_RANDOM = 25;
export const AT_HWCAP2 = 26;
export const AT_EXECFN = 31;
export const AT_MINSIGSTKSZ = 51;

/** Signal frame size the kernel reports for arm64 without SVE/SME (AT_MINSIGSTKSZ). */
const MINSIGSTKSZ_REPORTED = 4688;

export interface ExecParams {
  /** The program file's bytes. */
  image: Uint8Array;
  /** The bytes of the program's PT_INTERP (the dynamic linker), when it has one. */
  interp?: Uint8Array;
  argv: string[];
  env: string[];
  /** The path the program was named by (AT_EXECFN). */
  execfn: string;
  /** 16 random bytes for AT_RANDOM. */
  random: Uint8Array;
  hwcap: number;
  hwcap2: number;
  uid: number;
  gid: number;
  /** Name of the mappings of the image (for /proc/self/maps). */
  name: string;
}

export interface LoadedProgram {
  /** Where execution starts: the program's entry, or the dynamic linker's. */
  entry: number;
  /** Load bias of the dynamic linker (AT_BASE), 0 without one. */
  interpBase: number;
  sp: number;
  /** Where the image was placed relative to its link addresses (0 for ET_EXEC). */
  loadBias: number;
  phdr: number;
  elf: ElfImage;
  /** The auxiliary vector as written (type, value) — for tests and diagnostics. */
  auxv: [number, number][];
}

const protOf = (flags: number): number =>
  (flags & PF_R ? PROT_READ : 0) | (flags & PF_W ? PROT_WRITE | PROT_READ : 0) | (flags & PF_X ? PROT_EXEC : 0);

/** Where an image was placed. */
interface MappedImage {
  bias: number;
  /** End of the highest segment (unaligned). */
  end: number;
  /** Address of the program headers in memory (0 when not loaded). */
  phdr: number;
}

/**
 * Map the PT_LOAD segments of `elf` at `bias` with their protections, the
 * file's bytes from the start of each page (as a file mapping would show
 * them, so the ELF and program headers are visible at AT_PHDR).
 */
function mapImage(map: MemoryMap, elf: ElfImage, image: Uint8Array, bias: number, name: string): MappedImage {
  const loads = elf.phdrs.filter((ph) => ph.type === PT_LOAD);
  // Page protections: the union of every segment touching the page (segments may share one).
  const pageProt = new Map<number, number>();
  let imageEnd = 0;
  for (const ph of loads) {
    const start = pageAlignDown(ph.vaddr + bias);
    const end = pageAlignUp(ph.vaddr + bias + ph.memsz);
    if (end > STACK_TOP - STACK_SIZE) throw new ElfError('a segment overlaps the stack area');
    for (let a = start; a < end; a += PAGE_SIZE) pageProt.set(a, (pageProt.get(a) ?? 0) | protOf(ph.flags));
    imageEnd = Math.max(imageEnd, ph.vaddr + bias + ph.memsz);
  }
  const pages = [...pageProt.keys()].sort((a, b) => a - b);
  for (let i = 0; i < pages.length;) {
    // One mapping per run of pages with the same protection.
    let j = i + 1;
    while (
      j < pages.length &&
      pages[j] === pages[j - 1] + PAGE_SIZE &&
      pageProt.get(pages[j]) === pageProt.get(pages[i])
    )
      j++;
    map.mapAnonymous(pages[i], (j - i) * PAGE_SIZE, pageProt.get(pages[i])!, name);
    i = j;
  }
  for (const ph of loads) {
    const pad = (ph.vaddr + bias) % PAGE_SIZE;
    const from = ph.offset - Math.min(pad, ph.offset);
    map.mem.writeBytes(ph.vaddr + bias - (ph.offset - from), image.subarray(from, ph.offset + ph.filesz));
  }
  let phdr = 0;
  const pt = elf.phdrs.find((ph) => ph.type === PT_PHDR);
  if (pt) phdr = pt.vaddr + bias;
  else {
    const seg = loads.find(
      (ph) => elf.phoff >= ph.offset && elf.phoff + elf.phnum * elf.phentsize <= ph.offset + ph.filesz,
    );
    if (seg) phdr = seg.vaddr + bias + (elf.phoff - seg.offset);
  }
  return { bias, end: imageEnd, phdr };
}

/** Largest power-of-two segment alignment (at least a page). */
function maxAlign(elf: ElfImage): number {
  const loads = elf.phdrs.filter((ph) => ph.type === PT_LOAD);
  return Math.max(PAGE_SIZE, ...loads.map((ph) => (ph.align > 0 && (ph.align & (ph.align - 1)) === 0 ? ph.align : 0)));
}

/** Lowest and highest address of an image's segments (page aligned). */
function span(elf: ElfImage): [number, number] {
  const loads = elf.phdrs.filter((ph) => ph.type === PT_LOAD);
  return [
    pageAlignDown(Math.min(...loads.map((ph) => ph.vaddr))),
    pageAlignUp(Math.max(...loads.map((ph) => ph.vaddr + ph.memsz))),
  ];
}

/**
 * Load an executable into `map` (which must be empty), with its dynamic
 * linker when it has a PT_INTERP, and build its stack. Throws ElfError for
 * files that cannot run.
 */
export function loadProgram(map: MemoryMap, p: ExecParams): LoadedProgram {
  const elf = parseElf(p.image);
  if (elf.interp !== null && !p.interp) {
    throw new ElfError(`dynamic executables need -L SYSROOT: the program asks for the interpreter ${elf.interp}`);
  }
  let bias = 0;
  if (elf.type === ET_DYN) {
    const align = maxAlign(elf);
    bias = Math.ceil(ET_DYN_BASE / align) * align - span(elf)[0];
  }
  const main = mapImage(map, elf, p.image, bias, p.name);
  map.startBrk = map.brk = pageAlignUp(main.end);

  let interpBase = 0;
  let entry = elf.entry + bias;
  if (elf.interp !== null && p.interp) {
    // The dynamic linker goes where mmap would put it (Linux maps it with
    // a plain mmap of its whole span), and execution starts there.
    const ld = parseElf(p.interp);
    if (ld.interp !== null) throw new ElfError(`the interpreter ${elf.interp} itself asks for an interpreter`);
    const [lo, hi] = span(ld);
    const align = maxAlign(ld);
    const at = map.findFree(hi - lo + align);
    if (at < 0) throw new ElfError('no room for the interpreter');
    const base = ld.type === ET_DYN ? Math.ceil(at / align) * align - lo : 0;
    mapImage(map, ld, p.interp, base, elf.interp);
    interpBase = base + lo;
    entry = ld.entry + base;
  }

  map.mapAnonymous(STACK_TOP - STACK_SIZE, STACK_SIZE, PROT_READ | PROT_WRITE, '[stack]');
  const auxv: [number, number][] = [
    [AT_MINSIGSTKSZ, MINSIGSTKSZ_REPORTED],
    [AT_HWCAP, p.hwcap],
    [AT_PAGESZ, PAGE_SIZE],
    [AT_CLKTCK, 100],
    [AT_PHDR, main.phdr],
    [AT_PHENT, elf.phentsize],
    [AT_PHNUM, elf.phnum],
    [AT_BASE, interpBase],
    [AT_FLAGS, 0],
    [AT_ENTRY, elf.entry + bias],
    [AT_UID, p.uid],
    [AT_EUID, p.uid],
    [AT_GID, p.gid],
    [AT_EGID, p.gid],
    [AT_SECURE, 0],
    [AT_RANDOM, 0], // address filled in below
    [AT_HWCAP2, p.hwcap2],
    [AT_EXECFN, 0],
    [AT_PLATFORM, 0],
    [AT_NULL, 0],
  ];
  const sp = buildStack(map, p, auxv);
  return { entry, interpBase, sp, loadBias: bias, phdr: main.phdr, elf, auxv };
}

function buildStack(map: MemoryMap, p: ExecParams, auxv: [number, number][]): number {
  const enc = new TextEncoder();
  const z = (s: string): Uint8Array => {
    const b = enc.encode(s);
    const out = new Uint8Array(b.length + 1);
    out.set(b);
    return out;
  };
  const argStrs = p.argv.map(z);
  const envStrs = p.env.map(z);
  const execfn = z(p.execfn);
  const platform = z('aarch64');
  const stringBytes = [...argStrs, ...envStrs, execfn].reduce((n, b) => n + b.length, 0);
  // Linux caps argument + environment space at a quarter of the stack limit.
  if (stringBytes > STACK_SIZE / 4) throw new ElfError('argument list too long');

  // Strings: argv[0] lowest … envp … execfn, ending one word below the top.
  let at = STACK_TOP - 8 - stringBytes;
  const strStart = at;
  const argPtrs: number[] = [];
  const envPtrs: number[] = [];
  for (const s of argStrs) {
    argPtrs.push(at);
    at += s.length;
  }
  for (const s of envStrs) {
    envPtrs.push(at);
    at += s.length;
  }
  const execfnAddr = at;
  const strings = new Uint8Array(stringBytes);
  let o = 0;
  for (const s of [...argStrs, ...envStrs, execfn]) {
    strings.set(s, o);
    o += s.length;
  }
  map.mem.writeBytes(strStart, strings);

  let p2 = Math.floor(strStart / 16) * 16;
  p2 -= platform.length;
  const platformAddr = p2;
  map.mem.writeBytes(platformAddr, platform);
  p2 -= 16;
  const randomAddr = p2;
  map.mem.writeBytes(randomAddr, p.random.subarray(0, 16));

  for (const e of auxv) {
    if (e[0] === AT_RANDOM) e[1] = randomAddr;
    if (e[0] === AT_EXECFN) e[1] = execfnAddr;
    if (e[0] === AT_PLATFORM) e[1] = platformAddr;
  }
  const words = [p.argv.length, ...argPtrs, 0, ...envPtrs, 0, ...auxv.flat()];
  const sp = Math.floor((p2 - words.length * 8) / 16) * 16;
  const table = new Uint8Array(words.length * 8);
  const dv = new DataView(table.buffer);
  words.forEach((w, i) => {
    dv.setUint32(i * 8, w % 4294967296, true);
    dv.setUint32(i * 8 + 4, Math.floor(w / 4294967296), true);
  });
  map.mem.writeBytes(sp, table);
  return sp;
}
