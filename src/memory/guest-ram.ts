/**
 * Guest RAM: one WebAssembly.Memory, so a later WebAssembly JIT can address
 * guest memory directly. Frames (4 KiB host pages of guest RAM) are handed out
 * by a simple allocator with a free list; the memory grows on demand.
 *
 * Growing a WebAssembly.Memory detaches its old ArrayBuffer, so everyone that
 * caches a view registers with onGrow() and re-reads `buffer`.
 */
export const PAGE_SIZE = 4096;
export const PAGE_SHIFT = 12;
const WASM_PAGE = 65536;

export class GuestRam {
  readonly memory: WebAssembly.Memory;
  buffer: ArrayBuffer;
  bytes: Uint8Array;
  view: DataView;
  private readonly maxPages: number;
  private nextFrame = 0;
  private readonly freeFrames: number[] = [];
  private readonly growListeners: (() => void)[] = [];

  /** maxBytes bounds the guest's RAM (at most 4 GiB, wasm32's limit). */
  constructor(initialBytes = 16 << 20, maxBytes = 4 * 1024 * 1024 * 1024 - WASM_PAGE) {
    this.maxPages = Math.floor(maxBytes / WASM_PAGE);
    this.memory = new WebAssembly.Memory({
      initial: Math.ceil(initialBytes / WASM_PAGE),
      maximum: this.maxPages,
    });
    this.buffer = this.memory.buffer;
    this.bytes = new Uint8Array(this.buffer);
    this.view = new DataView(this.buffer);
  }

  /** Call fn after every growth; the returned function unregisters it. */
  onGrow(fn: () => void): () => void {
    this.growListeners.push(fn);
    return () => {
      const i = this.growListeners.indexOf(fn);
      if (i >= 0) this.growListeners.splice(i, 1);
    };
  }

  get size(): number {
    return this.buffer.byteLength;
  }

  /** Make sure byte offsets below `end` exist. */
  ensure(end: number): void {
    if (end <= this.buffer.byteLength) return;
    const need = Math.ceil((end - this.buffer.byteLength) / WASM_PAGE);
    // Grow geometrically to keep the number of detach/refresh cycles small,
    // but never past the maximum while what is needed still fits.
    const cur = this.buffer.byteLength / WASM_PAGE;
    this.memory.grow(Math.max(need, Math.min(cur, 4096, this.maxPages - cur)));
    this.buffer = this.memory.buffer;
    this.bytes = new Uint8Array(this.buffer);
    this.view = new DataView(this.buffer);
    for (const fn of this.growListeners) fn();
  }

  /** A zeroed 4 KiB frame; returns its byte offset. */
  allocFrame(): number {
    const f = this.freeFrames.pop();
    if (f !== undefined) {
      this.bytes.fill(0, f, f + PAGE_SIZE);
      return f;
    }
    const off = this.nextFrame;
    this.nextFrame += PAGE_SIZE;
    try {
      this.ensure(this.nextFrame);
    } catch (e) {
      this.nextFrame -= PAGE_SIZE;
      throw new Error(`guest RAM exhausted (${this.buffer.byteLength} bytes in use): ${(e as Error).message}`);
    }
    return off;
  }

  freeFrame(off: number): void {
    this.freeFrames.push(off);
  }

  /** Reserve `bytes` of contiguous RAM (whole frames) and return its offset. */
  allocContiguous(bytes: number): number {
    const off = this.nextFrame;
    this.nextFrame += Math.ceil(bytes / PAGE_SIZE) * PAGE_SIZE;
    this.ensure(this.nextFrame);
    return off;
  }
}
