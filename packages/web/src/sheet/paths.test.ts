import { describe, expect, it } from 'vitest';
import { addEdit, applyEdits, type Edits } from './edits.ts';
import { getPath, isUnder, parsePath, removePath, setPath } from './paths.ts';

const sheet = {
  machines: [
    { id: 'm1', ramGb: { value: 8 } },
    { id: 'm2', ramGb: { value: 16 } },
  ],
  network: { gateway: { value: '10.0.0.1' } },
};

describe('sheet paths (server syntax)', () => {
  it('parses keys and list items by id', () => {
    expect(parsePath('machines[PC-1].os.name')).toEqual([
      { key: 'machines' },
      { id: 'PC-1' },
      { key: 'os' },
      { key: 'name' },
    ]);
    expect(getPath(sheet, 'machines[m2].ramGb')).toEqual({ value: 16 });
    expect(getPath(sheet, 'machines[nope].ramGb')).toBeUndefined();
  });

  it('sets without touching the original, creating rows and objects on the way', () => {
    const next = setPath(sheet, 'machines[m3].cpu.model', { value: 'i5' });
    expect(getPath(next, 'machines[m3]')).toEqual({ id: 'm3', cpu: { model: { value: 'i5' } } });
    expect(sheet.machines).toHaveLength(2);
    const changed = setPath(sheet, 'machines[m1].ramGb', { value: 32 });
    expect(getPath(changed, 'machines[m1].ramGb')).toEqual({ value: 32 });
    expect(getPath(changed, 'machines[m2]')).toBe(sheet.machines[1]);
  });

  it('removes a value or a row, and nothing when the path is absent', () => {
    expect(getPath(removePath(sheet, 'network.gateway'), 'network')).toEqual({});
    expect(getPath(removePath(sheet, 'machines[m1]'), 'machines')).toEqual([sheet.machines[1]]);
    expect(removePath(sheet, 'machines[zz].ramGb')).toBe(sheet);
  });

  it('knows what lies below a path', () => {
    expect(isUnder('machines[m1].ramGb', 'machines[m1]')).toBe(true);
    expect(isUnder('machines[m10].ramGb', 'machines[m1]')).toBe(false);
    expect(isUnder('ti.cards', 'ti.cards')).toBe(true);
  });
});

describe('pending edits', () => {
  it('a later edit of a row replaces the edits below it; removing an unsaved row forgets it', () => {
    let edits: Edits = {};
    edits = addEdit(edits, { op: 'set', path: 'machines[m1].ramGb', value: { value: 4 } }, sheet);
    edits = addEdit(edits, { op: 'set', path: 'machines[new].ramGb', value: { value: 2 } }, sheet);
    expect(Object.keys(edits)).toEqual(['machines[m1].ramGb', 'machines[new].ramGb']);
    edits = addEdit(edits, { op: 'remove', path: 'machines[new]' }, sheet);
    expect(Object.keys(edits)).toEqual(['machines[m1].ramGb']);
    edits = addEdit(edits, { op: 'remove', path: 'machines[m1]' }, sheet);
    expect(Object.values(edits)).toEqual([{ op: 'remove', path: 'machines[m1]' }]);
    expect(getPath(applyEdits(sheet, edits), 'machines')).toEqual([sheet.machines[1]]);
  });
});
