import { createServer, type AddressInfo, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawDial, rawDialAvailable, socketDial, type ConnectState, type Dial } from './scan-engine.mjs';

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
