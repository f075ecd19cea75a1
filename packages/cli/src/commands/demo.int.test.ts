import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FactsDocumentSchema } from '@praxisready/model';
import { labDown, labStatus } from '@praxisready/lab';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../test-run.ts';

const dir = mkdtempSync(join(tmpdir(), 'cli-demo-'));
const uiDir = mkdtempSync(join(tmpdir(), 'cli-demo-ui-'));
const randomBlock = () => `127.${150 + Math.floor(Math.random() * 40)}.${Math.floor(Math.random() * 250)}`;
const block = randomBlock();
const BIN = fileURLToPath(new URL('../../bin/praxisready.js', import.meta.url));

afterAll(async () => {
  await labDown({ dir });
  await labDown({ dir: uiDir });
});

describe('praxisready demo (the README main command)', () => {
  it('runs lab → probe → findings on typical-problems and stops the lab again', async () => {
    const r = await run(['demo', '--no-ui', '--dir', dir, '--block', block]);
    expect(r.code).toBe(0);
    expect(r.err).toContain('== 1/3 Praxis-Labor starten ==');
    expect(r.err).toContain('== 2/3 Probe gegen das Labor ==');
    const facts = FactsDocumentSchema.parse(JSON.parse(readFileSync(join(dir, 'facts.json'), 'utf8')));
    expect(facts.konnektor).toBeDefined();
    // The problems the scenario is built to produce, found from measured facts only.
    for (const id of ['ti.smcb.expiry', 'print.pdf', 'sp.installed', 'ports.pvs-reachability']) {
      expect(r.out).toMatch(new RegExp(`✗ ${id.replace('.', '\\.')}`));
    }
    expect(r.out).toMatch(/Gesamt: \d+\.\d\/100/);
    expect(labStatus({ dir }).running).toBe(false);
  });

  it('serves the web UI with the lab practice as an audited demo case until Ctrl+C, then stops everything', async () => {
    // A real process, as `npm start` runs it: the demo waits for SIGINT.
    const child = spawn(
      process.execPath,
      [BIN, 'demo', '--dir', uiDir, '--block', randomBlock(), '--port', '0'],
      { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, FORCE_COLOR: '0' } },
    );
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
    const deadline = Date.now() + 200_000;
    while (!out.includes('Beenden mit Strg+C') && Date.now() < deadline && child.exitCode === null) {
      await new Promise((r) => setTimeout(r, 100));
    }
    try {
      expect(out, err).toContain('Beenden mit Strg+C');
      const base = /Praxisready läuft: (http:\/\/127\.0\.0\.1:\d+)\//.exec(out)?.[1];
      const caseId = /\/faelle\/([0-9a-f-]{36})/.exec(out)?.[1];
      const password = /Passwort für alle Demo-Konten: (\S+)/.exec(out)?.[1];
      expect(base && caseId && password, out).toBeTruthy();
      // The UI itself is served (index.html for the client route of the case).
      const page = await fetch(`${base}/faelle/${caseId}`);
      expect(page.status).toBe(200);
      expect(await page.text()).toMatch(/<div id="root">/);
      const login = await fetch(`${base}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'technician@demo.praxisready.local', password }),
      });
      expect(login.status).toBe(200);
      const { token } = (await login.json()) as { token: string };
      const auth = { authorization: `Bearer ${token}` };
      const kase = (await (await fetch(`${base}/api/cases/${caseId}`, { headers: auth })).json()) as {
        stage: string;
      };
      expect(kase.stage).toBe('audit');
      const sheet = (await (await fetch(`${base}/api/cases/${caseId}/sheet`, { headers: auth })).json()) as {
        sheet: { machines?: { computerName?: { source: string } }[] };
      };
      expect(sheet.sheet.machines?.[0]?.computerName?.source).toBe('probe');
      const findings = (await (
        await fetch(`${base}/api/cases/${caseId}/findings`, { headers: auth })
      ).json()) as
        { findings?: { checkId: string; status: string }[] } | { checkId: string; status: string }[];
      const list = Array.isArray(findings) ? findings : (findings.findings ?? []);
      const failed = list.filter((f) => f.status === 'fail').map((f) => f.checkId);
      for (const id of ['ti.smcb.expiry', 'print.pdf', 'sp.installed']) {
        expect(failed).toContain(id);
      }
      // Report and offer of the demo case, sent through the demo's local mail catcher.
      const post = async (path: string, body: unknown) => {
        const r = await fetch(`${base}/api/cases/${caseId}${path}`, {
          method: 'POST',
          headers: { ...auth, 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
        const text = await r.text();
        expect(r.status, text).toBeLessThan(300);
        return JSON.parse(text) as Record<string, unknown>;
      };
      const report = await post('/documents/report', {});
      const offer = await post('/documents/offer', {});
      const sent = await post('/documents/send', {
        reportArtifactId: report.artifactId,
        offerArtifactId: offer.artifactId,
      });
      expect(sent.to).toBeTruthy();
      const outbox = join(uiDir, 'server', 'outbox');
      const mails = readdirSync(outbox).filter((n) => n.endsWith('.eml'));
      expect(mails.length).toBeGreaterThanOrEqual(1);
      const eml = readFileSync(join(outbox, mails.at(-1)!), 'latin1');
      expect(eml).toMatch(/^To: .*praxis@muster\.example/m);
      expect(eml).toContain('application/pdf');
    } finally {
      child.kill('SIGINT');
    }
    expect(await exited).toBe(0);
    expect(labStatus({ dir: uiDir }).running).toBe(false);
  }, 240_000); // a fresh clone builds the web UI first
});
