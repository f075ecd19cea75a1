import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FactsDocumentSchema } from '@praxisready/model';
import { labDown, labStatus } from '@praxisready/lab';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../test-run.ts';

const dir = mkdtempSync(join(tmpdir(), 'cli-demo-'));
const block = `127.${150 + Math.floor(Math.random() * 40)}.${Math.floor(Math.random() * 250)}`;

afterAll(async () => {
  await labDown({ dir });
});

describe('praxisready demo (the README main command)', () => {
  it('runs lab → probe → findings on typical-problems and stops the lab again', async () => {
    const r = await run(['demo', '--dir', dir, '--block', block]);
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
});
