import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GroundTruthSchema, type GroundTruth } from '../ground-truth/schema.ts';
import { getPrinterAttributes } from '../ipp/ipp-client.ts';
import { scenarioById } from '../scenarios/scenarios.ts';
import { ScenarioIds } from '../scenarios/types.ts';
import { canConnect, httpsGet, randomBlock } from '../testing/net.ts';
import { runLab } from './run-lab.ts';

async function checkReachable(gt: GroundTruth): Promise<void> {
  const open = await Promise.all(gt.openPorts.map((p) => canConnect(p.address, p.port)));
  gt.openPorts.forEach((p, i) => expect(open[i], `${p.host} ${p.address}:${p.port} ${p.service}`).toBe(true));
  for (const c of gt.closedPorts) {
    if (c.port !== null) {
      expect(await canConnect(c.address, c.port), `${c.address}:${c.port} should be closed`).toBe(false);
    }
  }
}

describe('runLab (in-process)', () => {
  it.each(ScenarioIds)(
    '%s: ground truth validates, and everything it states is true on the wire',
    async (id) => {
      const dir = mkdtempSync(join(tmpdir(), `lab-${id}-`));
      const lab = await runLab({ scenario: id, dir, block: randomBlock(), printers: 'builtin' });
      const gt = lab.groundTruth;
      try {
        expect(GroundTruthSchema.safeParse(JSON.parse(JSON.stringify(gt))).success).toBe(true);
        expect(gt.addressing.mode).toBe('multi');
        expect(gt.problems.map((p) => p.id).sort()).toEqual([...scenarioById(id).problems].sort());
        await checkReachable(gt);

        // Konnektor: connector.sds over https with the simulator CA; terminals and cards as the simulator says.
        // (broken: the gSMC-K has expired, and with it the Konnektor's TLS certificate.)
        if (gt.problems.some((p) => p.id === 'konnektor.gsmck-certificate-expired')) {
          await expect(httpsGet(gt.konnektor.sdsUrl, gt.konnektor.caCertPem)).rejects.toMatchObject({
            code: 'CERT_HAS_EXPIRED',
          });
        } else {
          const sds = await httpsGet(gt.konnektor.sdsUrl, gt.konnektor.caCertPem);
          expect(sds.status).toBe(200);
          expect(sds.body).toContain('ServiceInformation');
        }
        expect(gt.konnektor.url).toContain(gt.hosts.find((h) => h.id === 'konnektor')!.address);
        for (const t of gt.cardTerminals) {
          expect(t.port === null).toBe(!t.connected);
        }

        // Printers: what the ground truth says is what Get-Printer-Attributes answers.
        for (const p of gt.printers) {
          if (!p.reachable) {
            expect(p.uri).toBeNull();
            continue;
          }
          const attrs = await getPrinterAttributes(p.uri!);
          expect(attrs['printer-make-and-model']).toEqual([p.attributes.makeAndModel]);
          expect(attrs['document-format-supported']).toEqual(p.attributes.documentFormats);
          expect(attrs['document-format-supported']!.includes('application/pdf')).toBe(p.attributes.pdf);
          expect(attrs['printer-resolution-supported']).toEqual([[600, 600, 'dpi']]);
        }

        // Files.
        expect(existsSync(gt.pvs.serviceProvider.installationIni.path)).toBe(true);
        for (const d of gt.gdt.devices) {
          expect(existsSync(d.importDir.path)).toBe(d.importDir.exists);
          for (const f of [...d.exportDir.files, ...d.importDir.files]) {
            expect(existsSync(f.path)).toBe(true);
          }
        }
      } finally {
        await lab.close();
      }
      const after = await Promise.all(gt.openPorts.map((p) => canConnect(p.address, p.port)));
      expect(after.every((x) => !x)).toBe(true);
    },
  );

  it('single-address mode (macOS/Windows): everything on 127.0.0.1, distinct ephemeral ports', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lab-single-'));
    const lab = await runLab({
      scenario: 'typical-problems',
      dir,
      addressing: 'single',
      printers: 'builtin',
    });
    const gt = lab.groundTruth;
    try {
      expect(gt.addressing).toMatchObject({ mode: 'single', block: null });
      expect(new Set(gt.openPorts.map((p) => p.address))).toEqual(new Set(['127.0.0.1']));
      const ports = gt.openPorts.map((p) => p.port);
      expect(new Set(ports).size).toBe(ports.length);
      expect(gt.closedPorts.every((c) => c.port === null)).toBe(true);
      await checkReachable(gt);
    } finally {
      await lab.close();
    }
  });

  it('refuses a block outside 127.0.0.0/8', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lab-bad-'));
    await expect(runLab({ scenario: 'ready', dir, block: '192.168.1' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
  });
});
