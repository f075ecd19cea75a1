import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AUDIT_ACTION_LABELS } from './audit-actions.ts';

/** The server's sources, found upwards from the working directory (jsdom gives this file no file: URL). */
function serverSrc(): string {
  for (let dir = process.cwd(); ; dir = dirname(dir)) {
    const candidate = join(dir, 'packages/server/src');
    if (existsSync(candidate)) {
      return candidate;
    }
    if (dirname(dir) === dir) {
      throw new Error(`packages/server/src not found above ${process.cwd()}`);
    }
  }
}

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory()
      ? sources(join(dir, d.name))
      : d.name.endsWith('.ts') && !d.name.includes('.test.')
        ? [join(dir, d.name)]
        : [],
  );
}

describe('audit action labels', () => {
  it('name every case and customer action the server records (literal action keys in its sources)', () => {
    const recorded = new Set<string>();
    for (const file of sources(serverSrc())) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(
        /action: (?:done \? )?'([a-z_]+\.[a-z_]+)'(?: : '([a-z_]+\.[a-z_]+)')?/g,
      )) {
        recorded.add(m[1]!);
        if (m[2]) {
          recorded.add(m[2]);
        }
      }
      for (const m of text.matchAll(/audit\('([a-z_]+\.[a-z_]+)'/g)) {
        recorded.add(m[1]!);
      }
    }
    // users, sessions and prices are admin events, shown in no case or customer trail
    const shownElsewhere = /^(user|session|price_item|price_catalog)\./;
    const missing = [...recorded].filter((a) => !shownElsewhere.test(a) && !AUDIT_ACTION_LABELS[a]);
    expect(recorded.size).toBeGreaterThan(30);
    expect(missing).toEqual([]);
  });

  it('has a German and an English label for each', () => {
    for (const [action, label] of Object.entries(AUDIT_ACTION_LABELS)) {
      expect(label.de, action).not.toBe('');
      expect(label.en, action).not.toBe('');
    }
  });
});
