import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { run } from '../test-run.ts';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
// The CLI uses today by default; tests pin the date the examples were audited against.
const NOW = ['--now', '2026-11-23'];

const PROBLEM_FAILS = [
  'sysreq.workstation.os',
  'sysreq.workstation.ram',
  'sysreq.server.ssd',
  'sp.installed',
  'sp.ini.spaces',
  'sp.reachable',
  'ports.pvs-reachability',
  'ti.smcb.expiry',
  'ti.terminals.per-workplace',
  'print.pdf',
  'print.resolution',
  'gdt.charset',
  'backup.offsite',
  'backup.3-2-1',
  'sec.os-support',
  'qc.gdt-no-result',
  'qc.direct-print-incompatible',
];

const facts = {
  kind: 'praxisready.facts',
  schemaVersion: '1.0',
  documentId: 'doc-12345678',
  collectedAt: '2026-11-23T10:00:00Z',
  probe: { version: '0.1.0', platform: 'win32', arch: 'x64' },
  system: {
    computerName: 'EMPFANG-01',
    os: { family: 'windows', name: 'Microsoft Windows 10 Home', edition: 'Home', version: '10', arch: 'x64' },
    cpu: { clockGhz: 3.1, cores: 8 },
    ramGb: 4,
    disks: [{ mount: 'C:', sizeGb: 512, freeGb: 320, kind: 'ssd' }],
  },
  ports: [{ host: '127.0.0.1', port: 23174, protocol: 'tcp', state: 'closed', role: 'pvs_server' }],
  pvs: { products: [{ product: 'x.concept', version: '24.2' }] },
};

describe('praxisready check', () => {
  it('passes the ready practice (exit 0) and prints the overall score', async () => {
    const r = await run(['check', 'examples/ready-practice.json', ...NOW], '', root);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('Gesamt: 100.0/100');
    expect(r.out).not.toMatch(/^ {2}✗ /m);
  });

  it('names the failing checks of the problem practice with the seed wording (exit 1)', async () => {
    const r = await run(['check', 'examples/problem-practice.json', ...NOW], '', root);
    expect(r.code).toBe(1);
    const failing = new Set([...r.out.matchAll(/✗ ([a-z0-9.-]+)/g)].map((m) => m[1]));
    for (const id of PROBLEM_FAILS) {
      expect(failing, id).toContain(id);
    }
    expect(r.out).toContain(
      'Die Konfigurationsdatei ist nicht korrekt eingestellt (Installed ist nicht auf 1 gesetzt).',
    );
    expect(r.out).toContain('Der Service-Provider ist nicht erreichbar.');
    expect(r.out).toContain('Windows-Home-Editionen werden nicht unterstützt');
    expect(r.out).toContain('Mindestauflösung von 300 dpi');
    expect(r.out).toContain('läuft in 60 Tagen ab');
    expect(r.out).toContain('→ Maßnahme:');
    expect(r.out).toContain('Datensicherung —');
  });

  it('prints English with --lang en', async () => {
    const r = await run(['--lang', 'en', 'check', 'examples/problem-practice.json', ...NOW], '', root);
    expect(r.code).toBe(1);
    expect(r.out).toContain('Overall:');
    expect(r.out).toContain('→ Remediation:');
    expect(r.out).toContain('Direct print —');
  });

  it('prints {findings, scores} with --json, read from standard input', async () => {
    const text = readFileSync(`${root}examples/problem-practice.json`, 'utf8');
    const r = await run(['check', '-', '--json', ...NOW], text, root);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.out) as {
      findings: { checkId: string; status: string }[];
      scores: { overall: { score: number } };
    };
    expect(out.findings.filter((f) => f.status === 'fail').map((f) => f.checkId)).toEqual(
      expect.arrayContaining(PROBLEM_FAILS),
    );
    expect(out.scores.overall.score).toBeLessThan(100);
  });

  it('accepts a facts document and evaluates the sheet made from it', async () => {
    const r = await run(['check', '-', '--json', ...NOW], JSON.stringify(facts), root);
    expect(r.err).toBe('');
    const out = JSON.parse(r.out) as { findings: { checkId: string; status: string }[] };
    const fails = out.findings.filter((f) => f.status === 'fail').map((f) => f.checkId);
    expect(fails).toEqual(
      expect.arrayContaining(['sysreq.workstation.os', 'sysreq.workstation.ram', 'ports.pvs-reachability']),
    );
    expect(r.code).toBe(1);
  });

  it('rejects an invalid sheet with the JSON path of the problem (exit 2)', async () => {
    const sheet = JSON.parse(readFileSync(`${root}examples/ready-practice.json`, 'utf8')) as {
      machines: { ramGb: unknown }[];
    };
    sheet.machines[1]!.ramGb = { value: 16 };
    const r = await run(['check', '-'], JSON.stringify(sheet), root);
    expect(r.code).toBe(2);
    expect(r.err).toContain('VALIDATION_FAILED');
    expect(r.err).toContain('machines[1].ramGb.source');
  });

  it('rejects an unknown kind, non-JSON and a bad --now', async () => {
    const kind = await run(['check', '-'], '{"kind":"something"}', root);
    expect(kind.code).toBe(2);
    expect(kind.err).toContain('kind');
    const notJson = await run(['check', '-'], '{nope', root);
    expect(notJson.code).toBe(2);
    expect(notJson.err).toContain('PARSE_FAILED');
    const badNow = await run(['check', 'examples/ready-practice.json', '--now', 'gestern'], '', root);
    expect(badNow.code).toBe(64);
  });
});
