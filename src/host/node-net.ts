/**
 * The host network for guest sockets (src/linux-user/net.ts), on Node's
 * `net` (TCP and unix stream sockets) and `dgram` (UDP). Node is
 * event-driven: every event is handed to the socket layer, which buffers
 * data and wakes the guest tasks waiting on the socket.
 *
 * Connections are half-open capable (allowHalfOpen), so a peer's FIN is
 * end-of-file for the guest while the guest may still send, as with TCP on
 * Linux. Accepted connections start paused (pauseOnConnect) until the
 * socket layer attaches to them.
 */
import * as net from 'node:net';
import * as dgram from 'node:dgram';
import { linkSync, readFileSync, renameSync, rmSync } from 'node:fs';
import type {
  DatagramEvents,
  HostDatagram,
  HostListener,
  HostNet,
  HostStream,
  IncomingConnection,
  InetEndpoint,
  NetLimits,
  StreamEvents,
} from '../linux-user/net.js';
import { DEFAULT_LIMITS } from '../linux-user/net.js';
import { EIO, EPIPE, ERRNO_NAMES } from '../linux-user/errno.js';

const ERRNO_BY_NAME: { [name: string]: number } = Object.fromEntries(
  Object.entries(ERRNO_NAMES).map(([n, name]) => [name, Number(n)]),
);

/** The positive Linux errno of a Node network error. */
function errnoOf(e: unknown): number {
  const code = (e as { code?: string }).code ?? '';
  if (ERRNO_BY_NAME[code]) return ERRNO_BY_NAME[code];
  // Node's own stream errors (writing after the end, to a destroyed socket) are a broken pipe to the guest.
  if (code.startsWith('ERR_STREAM')) return EPIPE;
  return EIO;
}

const endpoint = (
  address: string | undefined,
  family: string | number | undefined,
  port: number | undefined,
): InetEndpoint | null =>
  address === undefined || port === undefined ? null : { v6: family === 'IPv6' || family === 6, address, port };

class NodeStream implements HostStream {
  constructor(
    private readonly s: net.Socket,
    ev: StreamEvents,
  ) {
    s.on('connect', () => ev.onConnect());
    s.on('data', (b: Buffer) => ev.onData(new Uint8Array(b.buffer, b.byteOffset, b.length)));
    s.on('end', () => ev.onEnd());
    s.on('error', (e) => ev.onError(errnoOf(e)));
    s.on('drain', () => ev.onDrain());
    s.on('close', () => ev.onClose());
  }

  write(data: Uint8Array): void {
    if (this.s.destroyed || this.s.writableEnded) return;
    this.s.write(data);
  }

  pending(): number {
    return this.s.writableLength;
  }

  end(): void {
    if (!this.s.destroyed) this.s.end();
  }

  close(reset: boolean): void {
    const s = this.s;
    if (s.destroyed) return;
    if (reset && !s.connecting) {
      s.resetAndDestroy();
      return;
    }
    if (s.connecting) {
      s.destroy();
      return;
    }
    // Send what is queued, then FIN, then let the host close (later data from the peer gets a reset, as on Linux).
    s.end(() => s.destroy());
    s.resume();
  }

  pause(): void {
    this.s.pause();
  }

  resume(): void {
    this.s.resume();
  }

  setNoDelay(on: boolean): void {
    this.s.setNoDelay(on);
  }

  setKeepAlive(on: boolean): void {
    this.s.setKeepAlive(on);
  }

  localEndpoint(): InetEndpoint | null {
    return endpoint(this.s.localAddress, this.s.localFamily, this.s.localPort);
  }

  remoteEndpoint(): InetEndpoint | null {
    return endpoint(this.s.remoteAddress, this.s.remoteFamily, this.s.remotePort);
  }
}

class NodeListener implements HostListener {
  constructor(
    private readonly server: net.Server,
    /** The socket file of a unix listener. */
    private readonly path: string | null = null,
  ) {}

  localEndpoint(): InetEndpoint | null {
    const a = this.server.address();
    if (a === null || typeof a === 'string') return null;
    return { v6: a.family === 'IPv6', address: a.address, port: a.port };
  }

  close(): void {
    const path = this.path;
    if (path === null) {
      this.server.close();
      return;
    }
    // libuv unlinks a unix listener's path when it closes; Linux leaves the
    // socket file in place (and the path may by now name another file):
    // keep whatever is there under a second name and put it back.
    const keep = `${path}.armvisor-${process.pid}-${Math.random().toString(36).slice(2)}`;
    let kept = false;
    try {
      linkSync(path, keep);
      kept = true;
    } catch {
      /* nothing there any more */
    }
    this.server.close();
    if (kept) {
      try {
        renameSync(keep, path);
      } catch {
        rmSync(keep, { force: true });
      }
    }
  }
}

function listenOn(
  options: net.ListenOptions,
  onConnection: (accept: IncomingConnection) => void,
  path: string | null = null,
): Promise<HostListener | number> {
  return new Promise((resolve) => {
    const server = net.createServer({ allowHalfOpen: true, pauseOnConnect: true });
    const failed = (e: Error): void => resolve(-errnoOf(e));
    server.once('error', failed);
    server.on('connection', (sock) => {
      onConnection((ev) => {
        const st = new NodeStream(sock, ev);
        sock.resume();
        return st;
      });
    });
    server.listen(options, () => {
      server.off('error', failed);
      // Later server errors (accept failures under fd pressure) drop that connection only.
      server.on('error', () => {});
      resolve(new NodeListener(server, path));
    });
  });
}

class NodeDatagram implements HostDatagram {
  private readonly s: dgram.Socket;
  private bound = false;
  private closed = false;

  constructor(v6: boolean, o: { v6Only: boolean; reuseAddr: boolean }, ev: DatagramEvents) {
    this.s = dgram.createSocket({ type: v6 ? 'udp6' : 'udp4', reuseAddr: o.reuseAddr, ipv6Only: o.v6Only });
    this.s.on('message', (b, r) =>
      ev.onMessage(new Uint8Array(b.buffer, b.byteOffset, b.length), {
        v6: r.family === 'IPv6',
        address: r.address,
        port: r.port,
      }),
    );
    this.s.on('error', (e) => ev.onError(errnoOf(e)));
  }

  bind(at: InetEndpoint): Promise<number> {
    return new Promise((resolve) => {
      const failed = (e: Error): void => resolve(-errnoOf(e));
      this.s.once('error', failed);
      this.s.bind({ address: at.address, port: at.port, exclusive: true }, () => {
        this.s.off('error', failed);
        this.bound = true;
        resolve(0);
      });
    });
  }

  async connect(to: InetEndpoint): Promise<number> {
    return new Promise((resolve) => {
      this.s.connect(to.port, to.address, (e?: Error) => {
        if (e) return resolve(-errnoOf(e));
        this.bound = true;
        resolve(0);
      });
    });
  }

  disconnect(): void {
    try {
      this.s.disconnect();
    } catch {
      /* not connected */
    }
  }

  send(data: Uint8Array, to: InetEndpoint | null, done: (r: number) => void): void {
    const cb = (e: Error | null): void => done(e ? -errnoOf(e) : 0);
    try {
      if (to === null) this.s.send(data, cb);
      else this.s.send(data, to.port, to.address, cb);
    } catch (e) {
      done(-errnoOf(e));
    }
  }

  setBroadcast(on: boolean): void {
    if (this.bound) this.s.setBroadcast(on);
  }

  localEndpoint(): InetEndpoint | null {
    try {
      const a = this.s.address();
      return { v6: a.family === 'IPv6', address: a.address, port: a.port };
    } catch {
      return null;
    }
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    try {
      this.s.close();
    } catch {
      /* never bound */
    }
  }
}

/** A number from a /proc/sys file (the first one on its line), or the fallback. */
function sysctl(path: string, index: number, fallback: number): number {
  try {
    const v = Number(readFileSync(path, 'utf8').trim().split(/\s+/)[index]);
    return Number.isFinite(v) && v > 0 ? v : fallback;
  } catch {
    return fallback;
  }
}

export class NodeNet implements HostNet {
  connectTcp(to: InetEndpoint, from: InetEndpoint | null, events: StreamEvents): HostStream {
    const s = new net.Socket({ allowHalfOpen: true });
    const st = new NodeStream(s, events);
    s.connect({
      host: to.address,
      port: to.port,
      family: to.v6 ? 6 : 4,
      ...(from ? { localAddress: from.address, localPort: from.port } : {}),
    });
    return st;
  }

  connectUnix(path: string, events: StreamEvents): HostStream {
    const s = new net.Socket({ allowHalfOpen: true });
    const st = new NodeStream(s, events);
    s.connect({ path });
    return st;
  }

  listenTcp(
    at: InetEndpoint,
    o: { backlog: number; v6Only: boolean },
    onConnection: (accept: IncomingConnection) => void,
  ): Promise<HostListener | number> {
    return listenOn(
      { host: at.address, port: at.port, backlog: o.backlog, ipv6Only: o.v6Only, exclusive: true },
      onConnection,
    );
  }

  listenUnix(
    path: string,
    backlog: number,
    onConnection: (accept: IncomingConnection) => void,
  ): Promise<HostListener | number> {
    return listenOn({ path, backlog, exclusive: true }, onConnection, path);
  }

  udp(v6: boolean, o: { v6Only: boolean; reuseAddr: boolean }, events: DatagramEvents): HostDatagram {
    return new NodeDatagram(v6, o, events);
  }

  limits(): NetLimits {
    const d = DEFAULT_LIMITS;
    return {
      rmemDefault: sysctl('/proc/sys/net/core/rmem_default', 0, d.rmemDefault),
      wmemDefault: sysctl('/proc/sys/net/core/wmem_default', 0, d.wmemDefault),
      rmemMax: sysctl('/proc/sys/net/core/rmem_max', 0, d.rmemMax),
      wmemMax: sysctl('/proc/sys/net/core/wmem_max', 0, d.wmemMax),
      tcpRmem: sysctl('/proc/sys/net/ipv4/tcp_rmem', 1, d.tcpRmem),
      tcpWmem: sysctl('/proc/sys/net/ipv4/tcp_wmem', 1, d.tcpWmem),
    };
  }
}
