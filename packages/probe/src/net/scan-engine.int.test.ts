import { execFile } from 'node:child_process';
import { createServer, type AddressInfo, type Server } from 'node:net';
import { constants as osConstants } from 'node:os';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  rawDial,
  rawDialAvailable,
  REUSE_REFUSED,
  runScan,
  socketDial,
  T4_TIMING,
  type ConnectState,
  type Dial,
  type EngineOptions,
} from './scan-engine.mjs';
import { scanSubnet } from './scan.ts';

// Both ways of connecting, against a listening and a just-closed port on 127.0.0.1.
let server: Server;
let openPort = 0;
let closedPort = 0;
const accepted: number[] = [];

const listen = (s: Server) =>
  new Promise<number>((resolve) =>
    s.listen(0, '127.0.0.1', () => resolve((s.address() as AddressInfo).port)),
  );

beforeAll(async () => {
  server = createServer((socket) => {
    accepted.push(socket.remotePort ?? 0);
    socket.on('data', () => accepted.push(-1)); // the scan never sends a byte
    socket.on('error', () => undefined);
  });
  openPort = await listen(server);
  const gone = createServer();
  closedPort = await listen(gone);
  await new Promise((r) => gone.close(r));
});

afterAll(() => new Promise((r) => server.close(r)));

const dialOnce = (dial: Dial, port: number) =>
  new Promise<ConnectState>((resolve) => dial('127.0.0.1', port, 1000, resolve));

describe.each([
  ['tcp_wrap handle', rawDial],
  ['net.Socket', socketDial],
] as const)('%s', (_name, dial) => {
  it('reports open, closed, and sends nothing', async () => {
    expect(rawDialAvailable).toBe(true); // Node 20 has the binding; the net.Socket path is the fallback
    const before = accepted.length;
    expect(await dialOnce(dial, openPort)).toBe('open');
    expect(await dialOnce(dial, closedPort)).toBe('closed');
    await new Promise((r) => setTimeout(r, 50));
    expect(accepted.slice(before).filter((p) => p === -1)).toEqual([]);
    expect(accepted.length - before).toBe(1);
  });
});

// The engine on real sockets: its own path over the TCP handle (no `dial` given) and the net.Socket fallback, over
// the same hosts and ports, must find exactly the listening ports.
describe('runScan on loopback', () => {
  const servers: Server[] = [];
  const open = new Map<string, number[]>();
  const hosts = ['127.0.0.1', '127.0.0.2', '127.0.0.3'];
  let ports: number[] = [];

  beforeAll(async () => {
    // One listener on .1, two on .3, none on .2; the other ports of the list were just closed (RST).
    for (const host of ['127.0.0.1', '127.0.0.3', '127.0.0.3']) {
      const s = createServer((socket) => socket.on('error', () => undefined).destroy());
      servers.push(s);
      await new Promise<void>((r) => s.listen(0, host, r));
      const port = (s.address() as AddressInfo).port;
      open.set(host, [...(open.get(host) ?? []), port]);
    }
    const closed: number[] = [];
    for (let i = 0; i < 20; i++) {
      const s = createServer();
      closed.push(await listen(s));
      await new Promise((r) => s.close(r));
    }
    ports = [...new Set([...open.values()].flat()), ...closed];
  });

  afterAll(() => Promise.all(servers.map((s) => new Promise((r) => s.close(r)))));

  const scan = (extra: Partial<EngineOptions>) => {
    let next = 0;
    return runScan({
      hosts,
      ports,
      discovery: [],
      claim: () => next++,
      concurrency: 8,
      window: 4,
      ratePerSecond: 100_000,
      timing: T4_TIMING,
      ...extra,
    });
  };
  // Every listener accepts on its own address only, so a port open on .3 is closed on .1 and .2.
  const expected = () =>
    Object.fromEntries(
      hosts.flatMap((h) => {
        const list = open.get(h)?.filter((p) => ports.includes(p));
        return list ? [[h, [...list].sort((a, b) => a - b)]] : [];
      }),
    );
  const sorted = (r: Record<string, number[]>) =>
    Object.fromEntries(Object.entries(r).map(([h, l]) => [h, [...l].sort((a, b) => a - b)]));

  it('TCP handle path and net.Socket fallback find exactly the listening ports', async () => {
    expect(rawDialAvailable).toBe(true);
    expect(sorted(await scan({}))).toEqual(expected());
    expect(sorted(await scan({ dial: socketDial }))).toEqual(expected());
  });

  it('with a timeout too short for any answer, each connect ends once and nothing is counted twice', async () => {
    // Deadlines in the past: connects whose answer has not been read by the next sweep count as filtered, their
    // handles are closed and their late completions ignored. What is reported is still only listening ports.
    const timing = { initialMs: 0.001, minMs: 0.001, maxMs: 0.001 };
    for (const extra of [{}, { dial: socketDial }]) {
      const result = await scan({ timing, ...extra });
      for (const [host, list] of Object.entries(result)) {
        expect(new Set(list).size).toBe(list.length);
        expect(list.every((p) => open.get(host)?.includes(p))).toBe(true);
      }
    }
  });

  it('scanSubnet: the default (worker only on an idle core), one thread and two threads agree', async () => {
    const cidr = '127.0.0.0/30'; // .1 and .2 (network and broadcast address left out)
    const want = Object.entries(expected())
      .filter(([h]) => h !== '127.0.0.3')
      .map(([address, openPorts]) => ({ address, openPorts }));
    for (const threads of [undefined, 1, 2]) {
      let workers = 0;
      const result = await scanSubnet({
        cidr,
        ports,
        policy: 'loopback',
        onWorkerStart: () => workers++,
        ...(threads ? { threads } : {}),
      });
      expect(result.hosts).toEqual(want);
      // By default a scan this small (2 × 23 connects) never pays for a worker's start-up.
      expect(workers).toBe(threads === 2 ? 1 : 0);
    }
  });
});

describe('where process.binding is unavailable', () => {
  it('the engine falls back to net.Socket and still finds the listening port', async () => {
    const server = createServer((socket) => socket.on('error', () => undefined).destroy());
    const port = await listen(server);
    const gone = createServer();
    const closed = await listen(gone);
    await new Promise((r) => gone.close(r));
    // A fresh Node process whose process.binding throws (as it may under a future Node or a policy) before the
    // engine is loaded; it reports which connect path it chose and what it found.
    const script = `
      process.binding = () => { throw new Error('no bindings here'); };
      const m = await import(${JSON.stringify(new URL('./scan-engine.mjs', import.meta.url).href)});
      let next = 0;
      const open = await m.runScan({ hosts: ['127.0.0.1'], ports: [${port}, ${closed}], discovery: [],
        claim: () => next++, concurrency: 4, ratePerSecond: 1000, timing: m.T4_TIMING });
      console.log(JSON.stringify({ raw: m.rawDialAvailable, fallback: m.defaultDial === m.socketDial, open }));`;
    try {
      const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script]);
      expect(JSON.parse(stdout)).toEqual({ raw: false, fallback: true, open: { '127.0.0.1': [port] } });
    } finally {
      await new Promise((r) => server.close(r));
    }
  });
});

describe('connecting a refused TCP handle again (what REUSE_REFUSED relies on)', () => {
  it('on Linux: the next connect reports the spent attempt, the one after reaches the listener', async () => {
    expect(REUSE_REFUSED).toBe(process.platform === 'linux');
    if (!REUSE_REFUSED) {
      return; // elsewhere every connect gets a new handle, covered by the scans above
    }
    const tcp = (process as unknown as { binding(name: string): TcpBinding }).binding('tcp_wrap');
    const server = createServer((socket) => socket.on('error', () => undefined).destroy());
    const port = await listen(server);
    const gone = createServer();
    const closed = await listen(gone);
    await new Promise((r) => gone.close(r));
    const handle = new tcp.TCP(tcp.constants.SOCKET);
    const connect = (target: number) =>
      new Promise<number>((resolve, reject) => {
        const req = new tcp.TCPConnectWrap();
        req.oncomplete = (status: number) => resolve(status);
        const err = handle.connect(req, '127.0.0.1', target);
        if (err !== 0) {
          reject(new Error(`connect returned ${err}`));
        }
      });
    try {
      expect(await connect(closed)).toBe(-(osConstants.errno.ECONNREFUSED ?? 111));
      const req = new tcp.TCPConnectWrap();
      expect(handle.connect(req, '127.0.0.1', port)).toBe(-(osConstants.errno.ECONNABORTED ?? 103));
      expect(await connect(port)).toBe(0);
    } finally {
      handle.close();
      await new Promise((r) => server.close(r));
    }
  });
});

interface TcpBinding {
  TCP: new (type: number) => {
    connect(req: object, host: string, port: number): number;
    close(): void;
  };
  TCPConnectWrap: new () => { oncomplete?: (status: number) => void };
  constants: { SOCKET: number };
}
