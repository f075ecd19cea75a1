import { describe, expect, it } from 'vitest';
import { FactsDocumentSchema } from '@praxisready/model';
import type { Collector } from '../collector.ts';
import { COLLECTORS } from '../collectors.ts';
import { mergePatch, runProbe } from './run-probe.ts';
import { formatSummary } from './summary.ts';

const base = { fills: [], why: 'test', timeoutMs: 1000, platforms: ['linux', 'win32', 'darwin'] as const };

const fake: Collector[] = [
  {
    ...base,
    id: 'a.ok',
    title: 'A',
    collect: () =>
      Promise.resolve({ status: 'ok', message: 'gut', facts: { system: { computerName: 'PC1' } } }),
  },
  {
    ...base,
    id: 'a.more',
    title: 'B',
    collect: () =>
      Promise.resolve({
        status: 'ok',
        facts: {
          system: { ramGb: 16 },
          ports: [{ host: '127.0.0.1', port: 1, protocol: 'tcp', state: 'closed' }],
        },
      }),
  },
  { ...base, id: 'b.slow', title: 'C', timeoutMs: 50, collect: () => new Promise(() => undefined) },
  { ...base, id: 'b.boom', title: 'D', collect: () => Promise.reject(new Error('kaputt')) },
  {
    ...base,
    id: 'c.win',
    title: 'E',
    platforms: ['win32'],
    collect: () => Promise.reject(new Error('must not run')),
  },
  {
    ...base,
    id: 'c.after',
    title: 'F',
    async collect(ctx) {
      const a = await ctx.resultOf('a.ok');
      return { status: 'ok', message: `nach ${a?.facts?.system?.computerName ?? '?'}` };
    },
  },
];

describe('runProbe', () => {
  it('runs collectors concurrently with timeouts and assembles a valid document', async () => {
    const progress: string[] = [];
    const started = performance.now();
    const { facts, runs } = await runProbe(
      { policy: 'loopback' },
      { collectors: fake, platform: 'linux', onProgress: (l) => progress.push(l) },
    );
    expect(performance.now() - started).toBeLessThan(900);
    expect(FactsDocumentSchema.safeParse(facts).success).toBe(true);
    expect(facts.system).toEqual({ computerName: 'PC1', ramGb: 16 });
    expect(facts.ports).toHaveLength(1);
    expect(Object.fromEntries(runs.map((r) => [r.id, r.status]))).toEqual({
      'a.ok': 'ok',
      'a.more': 'ok',
      'b.slow': 'timeout',
      'b.boom': 'failed',
      'c.win': 'not_applicable',
      'c.after': 'ok',
    });
    expect(runs.find((r) => r.id === 'c.after')?.message).toBe('nach PC1');
    expect(facts.collectors.map((c) => c.id)).toEqual(fake.map((c) => c.id));
    expect(progress).toHaveLength(6);
    expect(progress.join('\n')).toMatch(
      /\[\s?\d\/6\] C \(b\.slow\): Zeitüberschreitung, \d+ ms – keine Antwort in 50 ms/,
    );
    expect(progress.join('\n')).toContain('E (c.win): nicht anwendbar, 0 ms – nur unter Windows');
  });

  it('the overall budget stops everything still running', async () => {
    const slow: Collector[] = [0, 1, 2].map((i) => ({
      ...base,
      id: `s.${i}`,
      title: `S${i}`,
      timeoutMs: 10_000,
      collect: () => new Promise(() => undefined),
    }));
    const t = performance.now();
    const { runs } = await runProbe(
      { policy: 'loopback', budgetMs: 80 },
      { collectors: slow, platform: 'linux' },
    );
    expect(performance.now() - t).toBeLessThan(1000);
    expect(runs.every((r) => r.status === 'timeout' && /Gesamtzeit/.test(r.message ?? ''))).toBe(true);
  });

  it('--only and --skip select by id or area', async () => {
    const { runs } = await runProbe(
      { policy: 'loopback', only: ['a'], skip: ['a.more'] },
      { collectors: fake, platform: 'linux' },
    );
    expect(runs.filter((r) => r.status !== 'skipped').map((r) => r.id)).toEqual(['a.ok']);
    expect(runs).toHaveLength(fake.length);
  });

  it('refuses non-loopback peers in loopback policy', async () => {
    const c: Collector = {
      ...base,
      id: 'n.net',
      title: 'N',
      collect: async (ctx) => ({ status: 'ok', message: await ctx.tcp('192.0.2.1', 80) }),
    };
    const { runs } = await runProbe({ policy: 'loopback' }, { collectors: [c], platform: 'linux' });
    expect(runs[0]?.status).toBe('failed');
    expect(runs[0]?.message).toMatch(/Loopback/);
  });

  it('maps host names through --host before the policy check', async () => {
    const c: Collector = {
      ...base,
      id: 'n.host',
      title: 'N',
      collect: async (ctx) => ({ status: 'ok', message: await ctx.tcp('PRAXIS-SRV01', 9, 300) }),
    };
    const { runs } = await runProbe(
      { policy: 'loopback', hosts: { 'PRAXIS-SRV01': '127.0.0.1' } },
      { collectors: [c], platform: 'linux' },
    );
    expect(runs[0]?.status).toBe('ok');
    expect(runs[0]?.message).toBe('closed');
  });

  it('Windows collectors report not_applicable on Linux without running', async () => {
    const { runs } = await runProbe(
      { policy: 'loopback', only: ['system.software', 'security', 'ti.mobile-terminals'] },
      { platform: 'linux' },
    );
    const ran = runs.filter((r) => r.status !== 'skipped');
    expect(ran.length).toBe(6);
    expect(ran.every((r) => r.status === 'not_applicable')).toBe(true);
  });

  it('the summary lists found and not-checked collectors with reasons', async () => {
    const { facts, runs } = await runProbe({ policy: 'loopback' }, { collectors: fake, platform: 'linux' });
    const text = formatSummary(facts, runs).join('\n');
    expect(text).toContain('Erfasst: 3 von 6');
    expect(text).toMatch(/– C: Zeitüberschreitung \(keine Antwort in 50 ms\)/);
    expect(text).toContain('– D: fehlgeschlagen (kaputt)');
  });
});

describe('mergePatch', () => {
  it('merges objects key by key and appends lists', () => {
    const doc = FactsDocumentSchema.parse({
      kind: 'praxisready.facts',
      schemaVersion: '1.0',
      documentId: 'doc-12345678',
      collectedAt: '2026-11-23T10:00:00Z',
      probe: { version: '0', platform: 'linux', arch: 'x64' },
    });
    mergePatch(doc, { network: { gateway: '10.0.0.1' } });
    mergePatch(doc, { network: { internetReachable: true } });
    mergePatch(doc, {
      printers: [{ uri: 'ipp://a', host: 'a', port: 631, discoveredBy: 'explicit', reachable: false }],
    });
    mergePatch(doc, {
      printers: [{ uri: 'ipp://b', host: 'b', port: 631, discoveredBy: 'explicit', reachable: false }],
    });
    expect(doc.network).toMatchObject({ gateway: '10.0.0.1', internetReachable: true });
    expect(doc.printers?.map((p) => p.host)).toEqual(['a', 'b']);
  });
});

describe('the collector list', () => {
  it('has unique ids, German titles, sheet paths and bounded timeouts', () => {
    const ids = COLLECTORS.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const c of COLLECTORS) {
      expect(c.id).toMatch(/^[a-z]+\.[a-z-]+$/);
      expect(c.fills.length).toBeGreaterThan(0);
      expect(c.timeoutMs).toBeGreaterThan(0);
      expect(c.timeoutMs).toBeLessThanOrEqual(60_000);
      expect(c.platforms.length).toBeGreaterThan(0);
      expect(c.why.length).toBeGreaterThan(20);
    }
  });
});
