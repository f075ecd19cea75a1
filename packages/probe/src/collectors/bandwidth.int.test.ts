// The bandwidth test against a local HTTP server on 127.0.0.1 serving a fixed-size file.
import { createServer } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runProbe } from '../run/run-probe.ts';
import { mbitPerSecond } from './network.ts';

const SIZE = 8 * 1024 * 1024;
let url = '';
const server = createServer((_req, res) => {
  res.writeHead(200, { 'content-length': SIZE });
  res.end(Buffer.alloc(SIZE, 0x41));
});

beforeAll(async () => {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as { port: number }).port}/speedtest.bin`;
});
afterAll(() => server.close());

describe('network.bandwidth', () => {
  it('measures the download rate of the given URL', async () => {
    const { facts, runs } = await runProbe({
      policy: 'loopback',
      bandwidthUrl: url,
      only: ['network.bandwidth'],
    });
    expect(runs.find((r) => r.id === 'network.bandwidth')?.message).toMatch(/8192 KiB von 127\.0\.0\.1/);
    expect(facts.network?.internetDownMbit).toBeGreaterThan(10);
  });

  it('is skipped without a URL and refuses non-loopback URLs in loopback mode', async () => {
    const none = await runProbe({ policy: 'loopback', only: ['network.bandwidth'] });
    expect(none.runs.find((r) => r.id === 'network.bandwidth')?.status).toBe('skipped');
    const refused = await runProbe({
      policy: 'loopback',
      bandwidthUrl: 'http://192.0.2.1/x',
      only: ['network.bandwidth'],
    });
    expect(refused.runs.find((r) => r.id === 'network.bandwidth')?.status).toBe('failed');
  });

  it('computes Mbit/s', () => {
    expect(mbitPerSecond(12_500_000, 1000)).toBe(100);
    expect(mbitPerSecond(1, 0)).toBe(0);
  });
});
