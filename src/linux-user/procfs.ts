/**
 * The parts of /proc that describe the guest itself. Guest paths otherwise
 * go to the host, where /proc/self would describe the emulator; these files
 * are generated from the guest's state instead (as qemu-user does):
 * /proc/self/{maps,cmdline,environ,auxv,comm} (also as /proc/<pid>/ and
 * /proc/thread-self/). /proc/self/exe is handled by path resolution.
 */
import { bytesFile, type HostFile, type HostStat } from './host.js';
import type { Process } from './process.js';

const hex8 = (v: number): string => v.toString(16).padStart(8, '0');

/** /proc/self/maps in Linux's format (show_map_vma): name column at 74. */
export function procMaps(p: Process): string {
  let out = '';
  for (const v of p.map.vmas) {
    const perms = (v.prot & 1 ? 'r' : '-') + (v.prot & 2 ? 'w' : '-') + (v.prot & 4 ? 'x' : '-') + 'p';
    let line = `${hex8(v.start)}-${hex8(v.end)} ${perms} 00000000 00:00 0`;
    if (v.name) line = line.padEnd(73, ' ') + v.name;
    out += line + '\n';
  }
  return out;
}

const nulJoined = (list: string[]): string => list.map((s) => s + '\0').join('');

function auxvBytes(p: Process): Uint8Array {
  const b = new Uint8Array(p.auxv.length * 16);
  const dv = new DataView(b.buffer);
  p.auxv.forEach(([k, v], i) => {
    dv.setUint32(i * 16, k, true);
    dv.setUint32(i * 16 + 8, v % 4294967296, true);
    dv.setUint32(i * 16 + 12, Math.floor(v / 4294967296), true);
  });
  return b;
}

/** A read-only regular file whose bytes are generated at open time. */
function generated(data: Uint8Array): HostFile {
  const f = bytesFile(data);
  const stat = (): HostStat => ({
    dev: 0,
    ino: 0,
    mode: 0o100444,
    nlink: 1,
    uid: 0,
    gid: 0,
    rdev: 0,
    size: 0,
    blksize: 1024,
    blocks: 0,
    atimeSec: 0,
    atimeNsec: 0,
    mtimeSec: 0,
    mtimeNsec: 0,
    ctimeSec: 0,
    ctimeNsec: 0,
  });
  return { ...f, stat };
}

/**
 * The generated file for a /proc path about the guest, or null when the path
 * is not one (the host's file system then answers).
 */
export function openProcFile(p: Process, path: string): HostFile | null {
  const m = /^\/proc\/(self|thread-self|\d+)\/([a-z_]+)$/.exec(path);
  if (!m) return null;
  if (m[1] !== 'self' && m[1] !== 'thread-self' && Number(m[1]) !== p.pid) return null;
  const enc = new TextEncoder();
  switch (m[2]) {
    case 'maps':
      return generated(enc.encode(procMaps(p)));
    case 'cmdline':
      return generated(enc.encode(nulJoined(p.argv)));
    case 'environ':
      return generated(enc.encode(nulJoined(p.env)));
    case 'auxv':
      return generated(auxvBytes(p));
    case 'comm':
      return generated(enc.encode((p.tasks[0]?.comm || p.exePath.split('/').pop() || '').slice(0, 15) + '\n'));
  }
  return null;
}
