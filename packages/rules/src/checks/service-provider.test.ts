import { describe, expect, it } from 'vitest';
import { evaluate } from '../evaluate.ts';
import {
  TEST_NOW,
  parseDraft,
  readyPracticeInput,
  v,
  type SheetDraft,
} from '../test-support/sheet-builder.ts';
import { serviceProviderChecks } from './service-provider.ts';

function run(mutate: (s: SheetDraft) => void) {
  const s = readyPracticeInput();
  mutate(s);
  return evaluate(parseDraft(s), { now: TEST_NOW, checks: serviceProviderChecks }).findings;
}

describe('Service-Provider diagnostics', () => {
  it('does not apply to medatixx ("außer Praxissoftware medatixx")', () => {
    const f = run((s) => (s.pvs.product = v('medatixx') as never));
    expect(f.every((x) => x.status === 'not_applicable')).toBe(true);
  });

  it('reads an empty PVSDataPath of x.concept as "Datenpfad existiert nicht" when existence was not measured', () => {
    const f = run((s) => {
      delete (s.pvs.serviceProvider as Partial<SheetDraft['pvs']['serviceProvider']>).dataPathExists;
      s.pvs.serviceProvider.installIni.value.text = s.pvs.serviceProvider.installIni.value.text.replace(
        /PVSDDataPath=.*/,
        'PVSDDataPath=',
      );
    });
    expect(f.find((x) => x.checkId === 'sp.data-path-exists')?.status).toBe('fail');
  });

  it('points at the line with Installed≠1 and survives garbage ini text', () => {
    const f = run(
      (s) => (s.pvs.serviceProvider.dataIni.value.text = '\u0000\u0001 garbage\n[INSTALL]\nInstalled=2\n'),
    );
    const installed = f.find((x) => x.checkId === 'sp.installed' && x.subject === 'PVS-ServiceProvider.ini');
    expect(installed?.status).toBe('fail');
    expect(installed?.explanation.de).toContain('Zeile 3');
    expect(f.some((x) => x.explanation.de.includes('interner Fehler'))).toBe(false);
  });

  it('reports a closed port 23174 as "nicht erreichbar" even without the reachable flag', () => {
    const f = run((s) => {
      delete (s.pvs.serviceProvider as Partial<SheetDraft['pvs']['serviceProvider']>).reachable;
      Object.assign(s.network.portChecks.value[0]!, { state: 'filtered' });
    });
    const r = f.find((x) => x.checkId === 'sp.reachable');
    expect(r?.status).toBe('fail');
    expect(r?.remediation?.de).toContain('Port 23174 für eingehende TCP-Verbindungen');
  });
});
