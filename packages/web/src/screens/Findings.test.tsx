import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Finding } from '@praxisready/model';
import { FindingsScreen } from './Findings.tsx';
import { mockApi } from '../test/mock-api.ts';
import { renderScreen } from '../test/render.tsx';

const finding = (
  checkId: string,
  area: Finding['area'],
  status: Finding['status'],
  kbvRefs: string[] = [],
): Finding => ({
  checkId,
  area,
  status,
  severity: 'high',
  title: { de: `Titel ${checkId}`, en: `Title ${checkId}` },
  explanation: { de: 'Erklärung', en: 'Explanation' },
  evidence: [],
  kbvRefs,
});

const findings = [
  finding('sec.admin-separation', 'it_security', 'fail', ['A1-12']),
  finding('backup.copies', 'backup', 'fail'),
  finding('net.gateway', 'network', 'pass'),
  finding('kbv.a1-20', 'kbv', 'manual', ['A1-20']),
];

describe('FindingsScreen', () => {
  it('lists the failing findings first and filters by area, status and KBV', async () => {
    const { api } = mockApi({
      'GET /api/cases/c1/findings': { findings, scores: { overall: {}, areas: [] } },
    });
    renderScreen(<FindingsScreen caseId="c1" />, api);
    const rows = async () => within((await screen.findAllByRole('rowgroup'))[1]!).queryAllByRole('row');
    expect((await rows()).map((r) => r.textContent)).toEqual([
      expect.stringContaining('Titel sec.admin-separation'),
      expect.stringContaining('Titel backup.copies'),
    ]);
    await userEvent.selectOptions(screen.getByLabelText('Bereich'), 'backup');
    expect(await rows()).toHaveLength(1);
    await userEvent.selectOptions(screen.getByLabelText('Bereich'), '');
    await userEvent.selectOptions(screen.getByLabelText('Status'), '');
    await userEvent.click(screen.getByRole('checkbox', { name: 'Nur KBV-Anforderungen' }));
    const kbv = await rows();
    expect(kbv.map((r) => r.textContent)).toEqual([
      expect.stringContaining('A1-12'),
      expect.stringContaining('A1-20'),
    ]);
    expect(screen.getByText('2 / 4 angezeigt')).toBeTruthy();
  });

  it('names severities in German, in the table and in the filter', async () => {
    const { api } = mockApi({
      'GET /api/cases/c1/findings': { findings, scores: { overall: {}, areas: [] } },
    });
    renderScreen(<FindingsScreen caseId="c1" />, api);
    const body = within((await screen.findAllByRole('rowgroup'))[1]!);
    expect(body.getAllByRole('cell', { name: 'hoch' }).length).toBeGreaterThan(0);
    expect(body.queryByRole('cell', { name: 'high' })).toBeNull();
    await userEvent.selectOptions(screen.getByLabelText('Schwere'), 'hoch');
    expect(screen.getByLabelText<HTMLSelectElement>('Schwere').value).toBe('high');
  });
});
