import { describe, expect, it } from 'vitest';
import { keyedRows, reconcileRemovedRows } from './removed-rows.ts';

const stamp = { at: '2026-11-23T10:00:00Z', by: 'tech@example.org' };
const sheet = (machines: { id: string; disks?: { id: string }[] }[], removedRows: unknown[] = []) => ({
  machines,
  ti: { terminals: [{ id: 'CT-1' }] },
  removedRows,
});

describe('removed rows', () => {
  it('finds keyed lists at any depth, by merge-conflict path', () => {
    const rows = keyedRows(sheet([{ id: 'PC-1', disks: [{ id: 'C:' }] }]));
    expect([...rows.keys()]).toEqual(['machines', 'machines[PC-1].disks', 'ti.terminals']);
  });

  it('records a row a person removed, once, with who and when', () => {
    const before = sheet([{ id: 'PC-1' }, { id: 'PC-2' }]);
    const after = sheet([{ id: 'PC-1' }]);
    expect(reconcileRemovedRows(before, after, stamp)).toEqual([{ path: 'machines', id: 'PC-2', ...stamp }]);
  });

  it('records the outer row only when a row with inner lists goes', () => {
    const before = sheet([{ id: 'PC-1', disks: [{ id: 'C:' }, { id: 'D:' }] }]);
    expect(reconcileRemovedRows(before, sheet([]), stamp)).toEqual([
      { path: 'machines', id: 'PC-1', ...stamp },
    ]);
  });

  it('drops the entry when the row is back, and ignores what the client sent', () => {
    const earlier = { path: 'machines', id: 'PC-2', at: '2026-11-20T08:00:00Z', by: 'other@example.org' };
    const before = sheet([{ id: 'PC-1' }], [earlier]);
    expect(reconcileRemovedRows(before, sheet([{ id: 'PC-1' }], []), stamp)).toEqual([earlier]);
    expect(reconcileRemovedRows(before, sheet([{ id: 'PC-1' }, { id: 'PC-2' }]), stamp)).toEqual([]);
  });
});
