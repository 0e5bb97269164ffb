/**
 * ELF64 (little-endian, AArch64) executable parsing and validation.
 * Only what an exec needs: the file header and the program headers
 * (System V gABI, "ELF-64 Object File Format"). Any problem becomes an
 * ElfError whose message is one line for the user.
 */

export const ET_EXEC = 2;
export const ET_DYN = 3;
export const EM_AARCH64 = 183;

export const PT_LOAD = 1;
export const PT_DYNAMIC = 2;
export const PT_INTERP = 3;
export const PT_PHDR = 6;
export const PT_TLS = 7;
export const PT_GNU_STACK = 0x6474e551;

export const PF_X = 1;
export const PF_W = 2;
export const PF_R = 4;

const EHDR_SIZE = 64;
const PHDR_SIZE = 56;

export class ElfError extends Error {
  override name = 'ElfError';
}

export interface ProgramHeader {
  type: number;
  flags: number;
  offset: number;
  vaddr: number;
  filesz: number;
  memsz: number;
  align: number;
}

export interface ElfImage {
  type: number;
  entry: number;
  phoff: number;
  phentsize: number;
  phnum: number;
  phdrs: ProgramHeader[];
  /** The PT_INTERP path, when the program is dynamically linked. */
  interp: string | null;
}

/** Unsigned 64-bit field as a number; throws past 2^53 (no user address is that large). */
function u64(dv: DataView, off: number, what: string): number {
  const lo = dv.getUint32(off, true);
  const hi = dv.getUint32(off + 4, true);
  if (hi >= 0x200000)
    throw new ElfError(`${what} out of range (0x${hi.toString(16)}${lo.toString(16).padStart(8, '0')})`);
  return hi * 4294967296 + lo;
}

/** Highest user address (exclusive) of a 48-bit virtual address space. */
export const USER_VA_END = 2 ** 48;

/** Parse and check an AArch64 executable. */
export function parseElf(data: Uint8Array): ElfImage {
  if (data.length < 4 || data[0] !== 0x7f || data[1] !== 0x45 || data[2] !== 0x4c || data[3] !== 0x46) {
    throw new ElfError('not an ELF file');
  }
  if (data.length < 16) throw new ElfError('truncated ELF header');
  if (data[4] === 1) throw new ElfError('32-bit ELF file (ELFCLASS32); only 64-bit AArch64 programs can run here');
  if (data[4] !== 2) throw new ElfError(`unknown ELF class ${data[4]}`);
  if (data[5] === 2) throw new ElfError('big-endian ELF file; only little-endian AArch64 programs can run here');
  if (data[5] !== 1) throw new ElfError(`unknown ELF data encoding ${data[5]}`);
  if (data[6] !== 1) throw new ElfError(`unknown ELF version ${data[6]}`);
  if (data.length < EHDR_SIZE) throw new ElfError('truncated ELF header');
  const dv = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const type = dv.getUint16(16, true);
  const machine = dv.getUint16(18, true);
  if (machine !== EM_AARCH64) throw new ElfError(`not an AArch64 program (e_machine ${machine})`);
  if (type !== ET_EXEC && type !== ET_DYN) {
    throw new ElfError(
      type === 1
        ? 'relocatable object file, not an executable'
        : type === 4
          ? 'core file, not an executable'
          : `not an executable (e_type ${type})`,
    );
  }
  const entry = u64(dv, 24, 'entry point');
  const phoff = u64(dv, 32, 'program header offset');
  const phentsize = dv.getUint16(54, true);
  const phnum = dv.getUint16(56, true);
  if (phentsize !== PHDR_SIZE) throw new ElfError(`bad program header size ${phentsize}`);
  if (phnum === 0 || phnum > 4096) throw new ElfError(`bad program header count ${phnum}`);
  if (phoff + phnum * PHDR_SIZE > data.length) throw new ElfError('truncated file: program headers lie past its end');

  const phdrs: ProgramHeader[] = [];
  let interp: string | null = null;
  for (let i = 0; i < phnum; i++) {
    const o = phoff + i * PHDR_SIZE;
    const ph: ProgramHeader = {
      type: dv.getUint32(o, true),
      flags: dv.getUint32(o + 4, true),
      offset: u64(dv, o + 8, 'segment offset'),
      vaddr: u64(dv, o + 16, 'segment address'),
      filesz: u64(dv, o + 32, 'segment file size'),
      memsz: u64(dv, o + 40, 'segment size'),
      align: u64(dv, o + 48, 'segment alignment'),
    };
    phdrs.push(ph);
    if (ph.type === PT_LOAD) {
      if (ph.offset + ph.filesz > data.length) throw new ElfError(`truncated file: segment ${i} lies past its end`);
      if (ph.memsz < ph.filesz) throw new ElfError(`segment ${i}: memory size smaller than file size`);
      if (ph.vaddr + ph.memsz > USER_VA_END) throw new ElfError(`segment ${i} lies outside the user address space`);
      if ((ph.vaddr - ph.offset) % 4096 !== 0)
        throw new ElfError(`segment ${i}: address and file offset differ modulo the page size`);
    } else if (ph.type === PT_INTERP) {
      if (ph.offset + ph.filesz > data.length || ph.filesz === 0) throw new ElfError('truncated file: bad PT_INTERP');
      let end = ph.offset;
      while (end < ph.offset + ph.filesz && data[end] !== 0) end++;
      interp = new TextDecoder().decode(data.subarray(ph.offset, end));
    }
  }
  if (!phdrs.some((p) => p.type === PT_LOAD)) throw new ElfError('no loadable segment');
  return { type, entry, phoff, phentsize, phnum, phdrs, interp };
}
