import { SimulatorConfigSchema, simulatorPreset } from '@praxisready/konnektor';
import { describe, expect, it } from 'vitest';
import { detectProblems } from './problems.ts';
import { SCENARIOS, scenarioById } from './scenarios.ts';
import { ScenarioIds } from './types.ts';

const NOW = new Date('2026-11-23T10:00:00Z');

function problemsOf(id: (typeof ScenarioIds)[number]) {
  const scenario = scenarioById(id);
  const konnektor = SimulatorConfigSchema.parse(simulatorPreset(scenario.konnektorPreset, { now: NOW }));
  return detectProblems({ scenario, konnektor, now: NOW });
}

describe('lab scenarios', () => {
  it('has exactly one entry per scenario id, in order', () => {
    expect(SCENARIOS.map((s) => s.id)).toEqual([...ScenarioIds]);
  });

  it.each(ScenarioIds)('%s: the declared problems are the ones its data produces', (id) => {
    const detected = problemsOf(id).map((p) => p.id);
    expect(new Set(detected).size).toBe(detected.length);
    expect([...detected].sort()).toEqual([...scenarioById(id).problems].sort());
  });

  it('ready has no problem at all', () => {
    expect(problemsOf('ready')).toEqual([]);
  });

  it("typical-problems carries the seeds' typical problems", () => {
    const ids = problemsOf('typical-problems').map((p) => p.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        'konnektor.smcb-certificate-expiring',
        'konnektor.workplace-without-terminal:Empfang',
        'printers.no-pdf:behandlung-1',
        'gdt.charset-mismatch:ekg',
        'gdt.missing-examination-code:spiro',
        'service-provider.installed-not-1',
        'service-provider.port-closed',
      ]),
    );
  });

  it('broken has Konnektor faults and unreachable pieces', () => {
    const ids = problemsOf('broken').map((p) => p.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        'konnektor.fault:GetCardTerminals:4000',
        'konnektor.vpn-ti-offline',
        'printers.unreachable:behandlung-1',
        'kim.unreachable',
        'network.pvs-port-closed:1433',
      ]),
    );
  });

  it('gives every problem a German title naming its subject', () => {
    for (const id of ScenarioIds) {
      for (const p of problemsOf(id)) {
        expect(p.title.length).toBeGreaterThan(10);
        const subject = p.id.split(':')[1];
        if (subject !== undefined && p.area !== 'konnektor') {
          expect(p.title).toContain(subject);
        }
      }
    }
  });

  it('counts the SMC-B expiry warning from today: 89 days warns, 90 does not', () => {
    const scenario = scenarioById('ready');
    const card = (days: number) => ({
      cards: [
        { type: 'SMC-B', expires: new Date(NOW.getTime() + days * 86_400_000).toISOString().slice(0, 10) },
      ],
    });
    const ids = (days: number) =>
      detectProblems({ scenario, konnektor: card(days), now: NOW }).map((p) => p.id);
    expect(ids(89)).toContain('konnektor.smcb-certificate-expiring');
    expect(ids(90)).not.toContain('konnektor.smcb-certificate-expiring');
    expect(ids(-1)).toContain('konnektor.smcb-certificate-expired');
  });

  it('rejects an unknown scenario with a usage error', () => {
    expect(() => scenarioById('nope' as never)).toThrow(expect.objectContaining({ code: 'BAD_REQUEST' }));
  });
});
