import { describe, expect, it } from 'vitest';
import { KBV_CATALOG } from '../catalogs/kbv.ts';
import { evaluate } from '../evaluate.ts';
import { kbvApplicability, kbvSizeClass } from './kbv.ts';
import {
  TEST_NOW,
  machine,
  parseDraft,
  readyPracticeInput,
  v,
  type SheetDraft,
} from '../test-support/sheet-builder.ts';

function draft(mutate: (s: SheetDraft) => void) {
  const s = readyPracticeInput();
  mutate(s);
  return parseDraft(s);
}

const count = (list: ReturnType<typeof kbvApplicability>, anlage: number, status: string) =>
  list.filter((a) => a.requirement.anlage === anlage && a.status === status).length;

describe('KBV catalog', () => {
  it('has the 92 requirements of the reference with unique ids: 50/10/17/6/9', () => {
    expect(KBV_CATALOG).toHaveLength(92);
    expect(new Set(KBV_CATALOG.map((r) => r.id)).size).toBe(92);
    expect([1, 2, 3, 4, 5].map((a) => KBV_CATALOG.filter((r) => r.anlage === a).length)).toEqual([
      50, 10, 17, 6, 9,
    ]);
    expect(KBV_CATALOG.filter((r) => r.effectiveFrom === '2025-10-01')).toHaveLength(29);
    expect(KBV_CATALOG.find((r) => r.id === 'A1-20')?.title).toBe('Einsatz von Viren-Schutzprogrammen');
  });
});

describe('KBV applicability', () => {
  it.each([
    [5, 'no', 'praxis', false],
    [6, 'no', 'mittlere', false],
    [20, 'no', 'mittlere', false],
    [21, 'no', 'gross', true],
    [3, 'yes', 'gross', true],
  ] as const)('%i persons, extensive %s → %s', (staff, extensive, cls, gross) => {
    const s = draft((d) =>
      Object.assign(d.profile, { staffInDataProcessing: v(staff), extensiveDataProcessing: v(extensive) }),
    );
    expect(kbvSizeClass(s)).toEqual({ sizeClass: cls, mayBeGross: gross });
  });

  it('a small practice: Anlage 2/3 not applicable, Anlage 4 off without large devices', () => {
    const a = kbvApplicability(parseDraft(readyPracticeInput()), TEST_NOW);
    expect(count(a, 2, 'not_applicable')).toBe(10);
    expect(count(a, 3, 'not_applicable')).toBe(17);
    expect(count(a, 4, 'not_applicable')).toBe(6);
    expect(count(a, 1, 'conditional')).toBe(0);
  });

  it('unknown size, large devices and Zielobjekte become conditional (shown as manual), never silently n/a', () => {
    const s = draft((d) => {
      delete (d.profile as Partial<SheetDraft['profile']>).staffInDataProcessing;
      d.profile.largeMedicalDevices = v('unknown') as never;
      d.kbv.zielobjekte = {};
      d.kbv.requirements = {};
    });
    const a = kbvApplicability(s, TEST_NOW);
    expect(count(a, 2, 'conditional') + count(a, 2, 'not_applicable')).toBe(10);
    expect(count(a, 2, 'conditional')).toBeGreaterThan(0);
    expect(count(a, 4, 'conditional')).toBe(6);
    expect(a.find((x) => x.requirement.id === 'A1-30')?.status).toBe('conditional');
    const f = evaluate(s, { now: TEST_NOW }).findings.find((x) => x.checkId === 'kbv.a1-30');
    expect(f?.status).toBe('manual');
    expect(f?.explanation.de).toContain('Bedingt anwendbar');
  });

  it('Anlage 5 follows decentral TI components, inferred from the TI connection', () => {
    const none = draft((d) => {
      delete (d.profile as Partial<SheetDraft['profile']>).decentralTiComponents;
      d.ti.connection = v('none') as never;
    });
    expect(count(kbvApplicability(none, TEST_NOW), 5, 'not_applicable')).toBe(9);
  });

  it('requirements effective 01.10.2025 are not applicable before that date', () => {
    const a = kbvApplicability(parseDraft(readyPracticeInput()), new Date('2025-06-01T00:00:00Z'));
    expect(a.find((x) => x.requirement.id === 'A1-01')?.status).toBe('not_applicable');
    expect(a.find((x) => x.requirement.id === 'A1-11')?.status).toBe('applies');
  });
});

describe('KBV status from linked automated findings', () => {
  it('a failing linked check (sec.av) fails A1-20 even when the technician said done', () => {
    const s = draft((d) => (machine(d, 'ws-empfang').antivirus.value.enabled = false));
    const f = evaluate(s, { now: TEST_NOW }).findings.find((x) => x.checkId === 'kbv.a1-20');
    expect(f?.status).toBe('fail');
    // the reader sees the linked check's title; its id stays in the evidence
    expect(f?.explanation.de).toContain('„Virenschutz (AV/EDR) aktiv und aktuell“');
    expect(f?.explanation.de).not.toContain('sec.av');
    expect(JSON.stringify(f?.evidence)).toContain('finding:sec.av');
  });

  it('without an answer, passing linked checks are evidence; without either, it is manual', () => {
    const s = draft((d) => (d.kbv.requirements = {}));
    const findings = evaluate(s, { now: TEST_NOW }).findings;
    expect(findings.find((x) => x.checkId === 'kbv.a1-20')?.status).toBe('pass');
    expect(findings.find((x) => x.checkId === 'kbv.a1-01')?.status).toBe('manual');
  });
});
