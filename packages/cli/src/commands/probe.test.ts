import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FactsDocumentSchema } from '@praxisready/model';
import { run } from '../test-run.ts';

describe('praxisready probe', () => {
  it('prints a valid facts document with --json and German progress on stderr', async () => {
    const r = await run(['probe', '--loopback-only', '--no-dnssd', '--only', 'system', '--json']);
    expect(r.code).toBe(0);
    const facts = FactsDocumentSchema.parse(JSON.parse(r.out));
    expect(facts.system?.os?.family).toBe(
      process.platform === 'win32' ? 'windows' : process.platform === 'darwin' ? 'macos' : 'linux',
    );
    expect(r.err).toMatch(/\[\s*\d+\/\d+\] Betriebssystem und Rechnername \(system\.os\): ok/);
    expect(r.err).toContain('Zusammenfassung');
  });

  it('refuses a public or too large --scan before anything runs', async () => {
    expect((await run(['probe', '--scan', '8.8.8.0/24', '--json'])).code).toBe(64);
    expect((await run(['probe', '--scan', '10.0.0.0/16', '--json'])).code).toBe(64);
    expect((await run(['probe', '--loopback-only', '--scan', '192.168.1.0/24'])).code).toBe(64);
  });

  it('takes the Konnektor password only from the environment (exit 78 without a terminal)', async () => {
    const r = await run([
      'probe',
      '--loopback-only',
      '--konnektor',
      'https://127.0.0.1:9',
      '--konnektor-user',
      'admin',
    ]);
    expect(r.code).toBe(78);
    expect(r.err).toContain('PRAXISREADY_KONNEKTOR_PASSWORD');
  });

  it('rejects a config file with unknown keys or secrets (exit 78)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'probe-cfg-'));
    writeFileSync(join(dir, 'probe.json'), JSON.stringify({ pvsServer: '127.0.0.1', password: 'geheim' }));
    const r = await run(['probe', '--config', 'probe.json'], '', dir);
    expect(r.code).toBe(78);
    expect(r.err).not.toContain('geheim');
  });

  it('wrong option values are usage errors', async () => {
    expect((await run(['probe', '--budget', '0'])).code).toBe(64);
    expect((await run(['probe', '--printer', 'a:99999'])).code).toBe(64);
    expect((await run(['probe', '--flush-outbox'])).code).toBe(64);
  });
});
