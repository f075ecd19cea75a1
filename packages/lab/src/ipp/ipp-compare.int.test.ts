import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { scenarioById } from '../scenarios/scenarios.ts';
import { getPrinterAttributes } from './ipp-client.ts';
import { startIppPrinterSimulator, type IppPrinterSimulator } from './ipp-simulator.ts';
import { ippeveprinterAvailability, startIppeveprinter, type RunningIppeveprinter } from './ippeveprinter.ts';

const run = promisify(execFile);

/** The attributes a probe reads from a printer; the built-in simulator must answer them as ippeveprinter does. */
const COMPARED = [
  'printer-name',
  'printer-info',
  'printer-location',
  'printer-make-and-model',
  'printer-device-id',
  'printer-state',
  'printer-state-reasons',
  'printer-state-message',
  'printer-is-accepting-jobs',
  'document-format-supported',
  'document-format-default',
  'printer-resolution-supported',
  'printer-resolution-default',
  'pwg-raster-document-resolution-supported',
  'media-source-supported',
  'media-supported',
  'media-default',
  'sides-supported',
  'sides-default',
  'color-supported',
  'print-color-mode-supported',
  'pages-per-minute',
  'ipp-versions-supported',
  'ipp-features-supported',
  'charset-supported',
  'compression-supported',
] as const;

// One printer with PDF and one without, exactly as the typical-problems scenario defines them.
const PRINTERS = scenarioById('typical-problems').printers;
const block = `127.${200 + Math.floor(Math.random() * 50)}.${Math.floor(Math.random() * 250)}`;
const work = mkdtempSync(join(tmpdir(), 'lab-ipp-'));
const started: { stop(): Promise<void> }[] = [];

afterAll(async () => {
  await Promise.all(started.map((s) => s.stop()));
});

/** `name (syntax) = value` lines of `ipptool -tv` for the compared attributes. */
async function ipptool(uri: string): Promise<Map<string, string>> {
  const { stdout } = await run('ipptool', ['-tv', '-T', '5', uri, 'get-printer-attributes.test']);
  expect(stdout).toContain('[PASS]');
  const out = new Map<string, string>();
  for (const m of stdout.matchAll(/^\s+([a-z0-9-]+) (\([^)]*\) = .*)$/gm)) {
    out.set(m[1]!, m[2]!);
  }
  return out;
}

describe('built-in IPP simulator vs ippeveprinter', () => {
  it('ippeveprinter is available here (scripts/setup-machine.sh installs it and starts D-Bus and Avahi)', () => {
    expect(ippeveprinterAvailability()).toMatchObject({ available: true });
  });

  describe.each(PRINTERS.map((p, i) => [p.name, p, i] as const))('printer %s', (_name, def, i) => {
    let real: RunningIppeveprinter;
    let sim: IppPrinterSimulator;

    it('both start', async () => {
      real = await startIppeveprinter(def, { workDir: work });
      started.push(real);
      sim = await startIppPrinterSimulator(def, { address: `${block}.${51 + i}`, port: 0 });
      started.push({ stop: () => sim.close() });
      expect(real.pid).toBeGreaterThan(0);
      expect(sim.uri).toMatch(/^ipp:\/\/127\./);
    });

    it('answer Get-Printer-Attributes with the same values (ipp client)', async () => {
      const [a, b] = await Promise.all([getPrinterAttributes(real.uri), getPrinterAttributes(sim.uri)]);
      for (const name of COMPARED) {
        expect(a[name], `${name} missing at ippeveprinter`).toBeDefined();
        expect(b[name], name).toEqual(a[name]);
      }
      expect(b['document-format-supported']!.includes('application/pdf')).toBe(
        def.formats.includes('application/pdf'),
      );
      for (const op of b['operations-supported']!) {
        expect(a['operations-supported'], JSON.stringify(op)).toContain(op);
      }
      expect(b['printer-uri-supported']).toEqual([sim.uri]);
    });

    it('answer with the same syntax and values as ipptool (CUPS) prints them', async () => {
      const [a, b] = await Promise.all([ipptool(real.uri), ipptool(sim.uri)]);
      for (const name of COMPARED) {
        expect(a.get(name), `${name} missing at ippeveprinter`).toBeDefined();
        expect(b.get(name), name).toBe(a.get(name));
      }
    });
  });
});
