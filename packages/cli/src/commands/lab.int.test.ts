import { mkdtempSync, readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GroundTruthSchema, labDown } from '@praxisready/lab';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../test-run.ts';

const dir = mkdtempSync(join(tmpdir(), 'cli-lab-'));
const block = `127.${200 + Math.floor(Math.random() * 50)}.${Math.floor(Math.random() * 250)}`;

afterAll(async () => {
  await labDown({ dir });
});

function canConnect(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = connect({ host, port });
    s.once('connect', () => (s.destroy(), resolve(true)));
    s.once('error', () => resolve(false));
  });
}

describe('praxisready lab', () => {
  it('up prints what runs where and writes the ground truth; status and down follow it', async () => {
    const up = await run(['lab', 'up', '--scenario', 'broken', '--dir', dir, '--block', block]);
    expect(up.err).toBe('');
    expect(up.code).toBe(0);
    const gt = GroundTruthSchema.parse(JSON.parse(readFileSync(join(dir, 'ground-truth.json'), 'utf8')));
    expect(up.out).toContain(`Konnektor       ${gt.konnektor.url}`);
    expect(up.out).toContain(`${block}.20`);
    expect(up.out).toContain(`Probleme im Szenario (${gt.problems.length}):`);
    expect(gt.problems.map((p) => p.id)).toContain('konnektor.fault:GetCardTerminals:4000');
    for (const p of gt.problems) {
      expect(up.out).toContain(p.title);
    }
    expect(await canConnect(`${block}.10`, gt.openPorts.find((p) => p.kind === 'konnektor')!.port)).toBe(
      true,
    );

    const status = await run(['lab', 'status', '--dir', dir]);
    expect(status.code).toBe(0);
    expect(status.out).toContain(`pid ${gt.processes.daemonPid}`);
    const statusJson = await run(['lab', 'status', '--dir', dir, '--json']);
    expect(JSON.parse(statusJson.out)).toMatchObject({ running: true, groundTruth: { scenario: 'broken' } });

    const again = await run(['lab', 'up', '--dir', dir, '--block', block]);
    expect(again.code).toBe(1);
    expect(again.err).toContain('already running');

    const down = await run(['lab', 'down', '--dir', dir]);
    expect(down.code).toBe(0);
    expect(down.out).toContain(`lab-daemon (pid ${gt.processes.daemonPid})`);
    expect(await canConnect(`${block}.10`, gt.openPorts.find((p) => p.kind === 'konnektor')!.port)).toBe(
      false,
    );

    expect((await run(['lab', 'status', '--dir', dir])).code).toBe(1);
    expect((await run(['lab', 'down', '--dir', dir])).out).toContain('Kein Labor lief.');
  });

  it("konnektor inspect against the running lab prints the lab's terminals and cards", async () => {
    const labDir = mkdtempSync(join(tmpdir(), 'cli-lab-inspect-'));
    const labBlock = `127.${200 + Math.floor(Math.random() * 50)}.${Math.floor(Math.random() * 250)}`;
    const up = await run([
      'lab',
      'up',
      '--scenario',
      'typical-problems',
      '--dir',
      labDir,
      '--block',
      labBlock,
    ]);
    expect(up.code).toBe(0);
    try {
      const gt = GroundTruthSchema.parse(JSON.parse(readFileSync(join(labDir, 'ground-truth.json'), 'utf8')));
      const { mandantId, clientSystemId, workplaceId } = gt.konnektor.context;
      const inspect = await run([
        'konnektor',
        'inspect',
        '--url',
        gt.konnektor.url,
        '--mandant',
        mandantId,
        '--client-system',
        clientSystemId,
        '--workplace',
        workplaceId,
      ]);
      expect(inspect.code).toBe(0);
      for (const t of gt.cardTerminals) {
        expect(inspect.out).toContain(t.ctId);
        expect(inspect.out).toContain(t.address);
      }
      const truth = gt.konnektor.truth as { cards: { iccsn: string }[] };
      expect(truth.cards.length).toBeGreaterThan(0);
      for (const card of truth.cards) {
        expect(inspect.out).toContain(card.iccsn);
      }
    } finally {
      await labDown({ dir: labDir });
    }
  });

  it('rejects an unknown scenario with the usage exit code', async () => {
    const r = await run(['lab', 'up', '--scenario', 'nope', '--dir', dir]);
    expect(r.code).toBe(64);
    expect(r.err).toContain('--scenario takes ready | typical-problems | broken');
  });
});
