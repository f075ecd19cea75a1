// lab → probe → check, through the CLI in-process: the lab runs in-process on its own loopback block and
// state dir and is always closed.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runLab, type GroundTruth, type RunningLab } from '@praxisready/lab';
import { FactsDocumentSchema } from '@praxisready/model';
import { run } from '../test-run.ts';

let lab: RunningLab;
let gt: GroundTruth;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'probe-cli-'));
  lab = await runLab({ scenario: 'typical-problems', dir, block: '127.82.0', printers: 'builtin' });
  gt = lab.groundTruth;
  writeFileSync(join(dir, 'konnektor-ca.pem'), gt.konnektor.caCertPem);
});

afterAll(async () => {
  await lab?.close();
  rmSync(dir, { recursive: true, force: true });
});

function probeArgs(): string[] {
  const ini = gt.pvs.serviceProvider.installationIni.path;
  return [
    'probe',
    '--loopback-only',
    '--no-dnssd',
    '--pvs-server',
    gt.pvs.serverAddress,
    '--pvs-product',
    gt.pvs.product,
    '--kim',
    gt.kim.address,
    '--host',
    `${gt.pvs.serverName}=${gt.pvs.serverAddress}`,
    '--konnektor',
    gt.konnektor.url,
    '--mandant',
    gt.konnektor.context.mandantId,
    '--client-system',
    gt.konnektor.context.clientSystemId,
    '--workplace',
    gt.konnektor.context.workplaceId,
    '--konnektor-ca',
    'konnektor-ca.pem',
    ...gt.printers.flatMap((p) => ['--printer', `${p.address}:${p.port}`]),
    ...gt.gdt.devices.flatMap((d) => ['--gdt-device', `${d.id}=${d.exportDir.path},${d.importDir.path}`]),
    '--windows-root',
    ini.slice(0, ini.lastIndexOf('/C/')),
  ];
}

describe('lab → probe → check', () => {
  it('probe --json | check - finds the problems the scenario is built for', async () => {
    const probe = await run([...probeArgs(), '--json'], '', dir);
    expect(probe.code).toBe(0);
    const facts = FactsDocumentSchema.parse(JSON.parse(probe.out));
    expect(facts.konnektor?.tls?.trusted).toBe(true);
    const check = await run(['check', '-', '--json'], probe.out, dir);
    expect(check.code).toBe(1);
    const { findings } = JSON.parse(check.out) as { findings: { checkId: string; status: string }[] };
    const status = (id: string) => findings.filter((f) => f.checkId === id).map((f) => f.status);
    // Scenario problem → check that must not pass.
    expect(status('ti.smcb.expiry')).toContain('fail'); // konnektor.smcb-certificate-expiring
    expect(status('ti.cards.pin')).toContain('fail'); // konnektor.pin-transport:HBA
    expect(status('ti.gsmck.expiry')).toContain('warn'); // EC_NK_Certificate_Expiring (gSMC-K in 150 days)
    expect(status('print.pdf')).toContain('fail'); // printers.no-pdf:behandlung-1
    expect(status('sp.installed')).toContain('fail'); // service-provider.installed-not-1
    expect(status('sp.reachable')).toContain('fail'); // service-provider.port-closed
    expect(status('gdt.examination-code')).toContain('fail'); // gdt.missing-examination-code:spiro
    // What the lab does right must not fail.
    expect(status('ti.konnektor.tls')).not.toContain('fail');
  });

  it('--out writes the file, the upload goes to the outbox when the server is down, the token is never printed', async () => {
    const r = await run(
      [
        ...probeArgs(),
        '--out',
        'facts.json',
        '--upload',
        'http://127.0.0.1:9/api/probe/uploads',
        '--token',
        'TOKEN-SECRET-123',
        '--outbox',
        'outbox',
      ],
      '',
      dir,
    );
    expect(r.code).toBe(0);
    expect(r.out).toBe('');
    expect(r.err).toContain('in der Outbox gespeichert');
    expect(`${r.out}${r.err}`).not.toContain('TOKEN-SECRET-123');
  }, 60_000);
});
