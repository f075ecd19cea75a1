// Ground-truth tests against the practice lab (packages/lab, in-process on its own loopback block and state dir,
// always closed), against Debian's ipptool and nmap on the same addresses, and the privacy canary.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runLab, type GroundTruth, type RunningLab } from '@praxisready/lab';
import { FactsDocumentSchema, type FactsDocument } from '@praxisready/model';
import { runProbe } from '../run/run-probe.ts';
import { scanPorts } from '../collectors/port-targets.ts';
import { scanSubnet } from '../net/scan.ts';
import { uploadOrQueue } from '../upload/upload.ts';
import { labProbeOptions } from './lab-options.ts';

const run = promisify(execFile);
const BLOCK = '127.81.0';
const CANARY = { surname: 'Zyxkanarienvogel', given: 'Quetzalia', born: '01021934', id: 'PAT-CANARY-77' };

/** One GDT line: 3-digit length (incl. CRLF), 4-digit field id, content. */
function gdtLine(field: string, value: string): string {
  return `${String(3 + 4 + Buffer.byteLength(value, 'latin1') + 2).padStart(3, '0')}${field}${value}\r\n`;
}

function canaryGdt(): Buffer {
  const body = [
    gdtLine('8000', '6310'),
    gdtLine('8315', 'PRAX_EDV'),
    gdtLine('8316', 'AT102'),
    gdtLine('9206', '2'),
    gdtLine('9218', '02.10'),
    gdtLine('3000', CANARY.id),
    gdtLine('3101', CANARY.surname),
    gdtLine('3102', CANARY.given),
    gdtLine('3103', CANARY.born),
    gdtLine('8402', 'EKG'),
    gdtLine('6220', `Befund fuer ${CANARY.given} ${CANARY.surname}`),
  ];
  const total = body.reduce((n, l) => n + Buffer.byteLength(l, 'latin1'), 0) + 14;
  return Buffer.from(
    [body[0], gdtLine('8100', String(total).padStart(5, '0')), ...body.slice(1)].join(''),
    'latin1',
  );
}

/** `name (type) = a,b,c` lines of `ipptool -tv … get-printer-attributes.test`. */
function parseIpptool(text: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const m of text.matchAll(/^\s+([a-z0-9-]+) \([^)]*\) = (.*)$/gm)) {
    out[m[1] ?? ''] = (m[2] ?? '').split(',');
  }
  return out;
}

let lab: RunningLab;
let gt: GroundTruth;
let dir: string;
let facts: FactsDocument;
let durationMs = 0;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'probe-lab-'));
  lab = await runLab({ scenario: 'typical-problems', dir, block: BLOCK, printers: 'builtin' });
  gt = lab.groundTruth;
  // The canary: a result file with a made-up patient in the EKG import folder, named after the patient.
  const ekg = gt.gdt.devices.find((d) => d.id === 'ekg');
  writeFileSync(join(ekg?.importDir.path ?? dir, `${CANARY.surname}.gdt`), canaryGdt());
  const t = performance.now();
  ({ facts } = await runProbe(labProbeOptions(gt)));
  durationMs = performance.now() - t;
});

afterAll(async () => {
  await lab?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('probe against lab typical-problems', () => {
  it('produces a valid facts document within the time target', () => {
    expect(FactsDocumentSchema.safeParse(facts).success).toBe(true);
    expect(durationMs).toBeLessThan(10_000);
    expect(facts.collectors.filter((c) => c.status === 'failed' || c.status === 'timeout')).toEqual([]);
  });

  it('port states equal the ground truth (open and deliberately closed ports)', () => {
    const state = (address: string, port: number) =>
      facts.ports?.find((p) => p.host === address && p.port === port)?.state;
    const named = gt.openPorts.filter((p) =>
      ['pvs', 'kim', 'konnektor', 'konnektor-management'].includes(p.kind),
    );
    expect(named.length).toBeGreaterThan(20);
    for (const p of named) {
      expect({ ...p, state: state(p.address, p.port) }).toMatchObject({ state: 'open' });
    }
    expect(gt.closedPorts.length).toBeGreaterThan(0);
    for (const p of gt.closedPorts) {
      expect({ ...p, state: state(p.address, p.port ?? -1) }).toMatchObject({ state: 'closed' });
    }
    // And nothing the lab does not serve is reported open.
    const open = new Set(gt.openPorts.map((p) => `${p.address}:${p.port}`));
    expect(facts.ports?.filter((p) => p.state === 'open' && !open.has(`${p.host}:${p.port}`))).toEqual([]);
  });

  it('card terminals: SICCT reachability equals the ground truth', () => {
    const got = Object.fromEntries((facts.cardTerminals ?? []).map((t) => [t.id, t.reachable]));
    expect(got).toEqual(Object.fromEntries(gt.cardTerminals.map((t) => [t.ctId, t.port !== null])));
  });

  it('printers: attributes equal the ground truth', () => {
    for (const p of gt.printers.filter((x) => x.reachable)) {
      const f = facts.printers?.find((x) => x.host === p.address);
      expect(f).toMatchObject({
        reachable: true,
        name: p.name,
        makeAndModel: p.attributes.makeAndModel,
        pdfSupported: p.attributes.pdf,
        resolutionsDpi: [...p.attributes.resolutionsDpi].sort((a, b) => a - b),
        trays: p.attributes.mediaSources,
        state: p.attributes.state,
      });
      expect([...(f?.documentFormats ?? [])].sort()).toEqual([...p.attributes.documentFormats].sort());
    }
  });

  it('printers: attributes equal what ipptool reports for the same printers', async () => {
    for (const p of facts.printers ?? []) {
      const { stdout } = await run('ipptool', ['-tv', p.uri, 'get-printer-attributes.test'], {
        timeout: 15_000,
      });
      const a = parseIpptool(stdout);
      expect(p.name).toBe(a['printer-name']?.join(','));
      expect(p.makeAndModel).toBe(a['printer-make-and-model']?.join(','));
      expect(p.state).toBe(a['printer-state']?.[0]);
      expect(p.documentFormats).toEqual(a['document-format-supported']);
      expect(p.trays).toEqual(a['media-source-supported']);
      expect(p.resolutionsDpi).toEqual(
        a['printer-resolution-supported']?.map((r) => Number(r.replace('dpi', ''))),
      );
    }
  });

  it('Konnektor facts equal the simulator truth', () => {
    const truth = gt.konnektor.truth as {
      product: Record<string, string>;
      terminals: { ctId: string; connected: boolean }[];
      connector: { certificateNotAfter: string; activeErrorStates: string[] };
    };
    const k = facts.konnektor;
    expect(k?.errors).toEqual([]);
    expect(k?.product).toMatchObject({
      productName: truth.product.productName,
      fwVersion: truth.product.fwVersion,
    });
    expect(k?.terminals.map((t) => [t.ctId, t.connected])).toEqual(
      truth.terminals.map((t) => [t.ctId, t.connected]),
    );
    expect(k?.connectorCertificate?.validity?.slice(0, 10)).toBe(truth.connector.certificateNotAfter);
    expect(
      k?.errorStates
        .filter((e) => e.active)
        .map((e) => e.condition)
        .sort(),
    ).toEqual([...truth.connector.activeErrorStates].sort());
  });

  it('Service-Provider: both INI files as written, port reachability as the lab serves it', () => {
    const sp = facts.serviceProvider;
    const truth = gt.pvs.serviceProvider;
    expect(sp?.installIni).toMatchObject({ found: true, path: truth.installationIni.windowsPath });
    expect(sp?.dataIni).toMatchObject({ found: true, path: truth.pvsIni?.windowsPath });
    for (const [k, v] of Object.entries(truth.installationIni.entries)) {
      expect(sp?.installIni?.text).toContain(`${k}=${v}`);
    }
    expect(sp?.reachable).toBe(truth.listening);
    expect(sp?.dataPathExists).toBe(true);
    expect(sp?.host).toBe(gt.pvs.serverName);
    expect(facts.pvs?.products.map((p) => p.product)).toEqual([gt.pvs.product]);
  });

  it('GDT folders: one audit per folder, file counts as in the ground truth (+ the canary file)', () => {
    for (const d of gt.gdt.devices) {
      for (const g of [d.exportDir, d.importDir]) {
        const audit = facts.gdt?.folders.find((f) => f.path === g.path);
        const canary = d.id === 'ekg' && g === d.importDir ? 1 : 0;
        expect(audit?.exists).toBe(g.exists);
        expect(audit?.counts.gdtFiles).toBe(g.files.length + canary);
      }
    }
  });

  it('privacy canary: no patient name, birth date or id in the facts or the upload body', async () => {
    const bodies: string[] = [];
    const server = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        bodies.push(body);
        res.writeHead(201).end();
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as { port: number }).port;
    try {
      const r = await uploadOrQueue(facts, {
        url: `http://127.0.0.1:${port}/api/probe/uploads`,
        token: 't',
        policy: 'loopback',
        outboxDir: join(dir, 'outbox'),
      });
      expect(r.status).toBe('sent');
    } finally {
      server.close();
    }
    const json = JSON.stringify(facts);
    expect(bodies).toHaveLength(1);
    // The lab's own synthetic patient (packages/lab/src/gdt/gdt-folders.ts) and our canary.
    for (const secret of [CANARY.surname, CANARY.given, CANARY.born, CANARY.id, 'Müller', 'Jürgen']) {
      expect(json).not.toContain(secret);
      expect(bodies[0]).not.toContain(secret);
    }
    expect(json).toContain('"gdtFiles"'); // the GDT audit is there, just without names
  });
});

describe('--scan against nmap on the same loopback addresses', () => {
  it('finds the same open ports as nmap -sT', async () => {
    const cidr = `${BLOCK}.0/24`;
    const ports = scanPorts();
    const ours = await scanSubnet({ cidr, ports, policy: 'loopback', threads: 2 });
    const { stdout } = await run(
      'nmap',
      ['-sT', '-T4', '-Pn', '-n', '-p', ports.join(','), '-oG', '-', cidr],
      { timeout: 120_000, maxBuffer: 16 * 1024 * 1024 },
    );
    const nmap = new Map<string, number[]>();
    for (const m of stdout.matchAll(/^Host: (\S+) .*Ports: (.*)$/gm)) {
      const open = [...(m[2] ?? '').matchAll(/(\d+)\/open\/tcp/g)]
        .map((x) => Number(x[1]))
        .sort((a, b) => a - b);
      if (open.length > 0) {
        nmap.set(m[1] ?? '', open);
      }
    }
    expect(ours.hosts.length).toBeGreaterThan(3);
    // The scan with a worker thread and the single-thread scan agree.
    const single = await scanSubnet({ cidr, ports, policy: 'loopback', threads: 1 });
    expect(single.hosts).toEqual(ours.hosts);
    expect(Object.fromEntries(ours.hosts.map((h) => [h.address, h.openPorts]))).toEqual(
      Object.fromEntries(nmap),
    );
  });
});
