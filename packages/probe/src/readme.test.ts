import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COLLECTORS } from './collectors.ts';
import { renderCollectorTable } from './readme-table.ts';

// Prettier pads table cells; compare cell by cell.
const cells = (table: string) =>
  table
    .trim()
    .split('\n')
    .map((row) => row.split('|').map((c) => c.trim().replace(/^-+$/, '---')));

describe('README', () => {
  it('carries the collectors table generated from the list (regenerate: see README)', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const start = readme.indexOf('<!-- collectors:start -->');
    const end = readme.indexOf('<!-- collectors:end -->');
    expect(start).toBeGreaterThan(0);
    expect(cells(readme.slice(start + '<!-- collectors:start -->'.length, end))).toEqual(
      cells(renderCollectorTable()),
    );
    for (const c of COLLECTORS) {
      expect(readme).toContain(`\`${c.id}\``);
    }
  });
});
