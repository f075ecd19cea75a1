// DNS-SD sends multicast: this test runs it only inside a network namespace it creates and deletes
// (shared/reference/dependencies.md row 4), never in the root namespace.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const NS = `prx-probe-${process.pid}`;

beforeAll(async () => {
  await run('ip', ['netns', 'add', NS]);
  for (const args of [
    ['link', 'set', 'lo', 'up'],
    ['link', 'set', 'lo', 'multicast', 'on'],
    ['route', 'add', '224.0.0.0/4', 'dev', 'lo'],
  ]) {
    await run('ip', ['netns', 'exec', NS, 'ip', ...args]);
  }
});

afterAll(async () => {
  await run('ip', ['netns', 'del', NS]);
});

describe('DNS-SD printer discovery (in a private network namespace)', () => {
  it('finds the announced _ipp._tcp printer and reads its attributes over IPP', async () => {
    const child = fileURLToPath(new URL('./dnssd-netns-child.ts', import.meta.url));
    const { stdout } = await run('ip', ['netns', 'exec', NS, process.execPath, '--import', 'tsx', child], {
      timeout: 60_000,
      cwd: fileURLToPath(new URL('../../../..', import.meta.url)),
    });
    const { printers } = JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as {
      printers: {
        discoveredBy: string;
        name?: string;
        makeAndModel?: string;
        pdfSupported?: boolean;
        uri: string;
      }[];
    };
    const found = printers.filter((p) => p.discoveredBy === 'dns-sd');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      name: 'Netns Drucker',
      makeAndModel: 'Brother HL-L5100DN',
      pdfSupported: true,
    });
    expect(found[0]?.uri).toMatch(/^ipp:\/\/(127\.0\.0\.1|localhost):\d+\/ipp\/print$/);
  });
});
