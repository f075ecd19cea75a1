import { describe, expect, it } from 'vitest';
import { run } from './test-run.ts';
import { commands } from './registry.ts';

describe('praxisready top-level handler', () => {
  it('lists every command and the exit codes in --help', async () => {
    const r = await run(['--help']);
    expect(r.code).toBe(0);
    for (const c of commands) {
      expect(r.out).toContain(c.name);
    }
    expect(r.out).toContain('Exit codes:');
  });

  it('answers --help for every command', async () => {
    for (const c of commands) {
      const r = await run([...c.name.split(' '), '--help']);
      expect(r.code).toBe(0);
      expect(r.out).toContain(`Usage: praxisready ${c.name}`);
      // the handler appends "(repeatable)" itself; a description saying it too printed it twice
      expect(r.out).not.toMatch(/repeatable\b.*\(repeatable\)/);
    }
  });

  it('rejects an unknown command with the usage exit code', async () => {
    const r = await run(['frobnicate']);
    expect(r.code).toBe(64);
    expect(r.err).toContain('Unknown command');
  });

  it('rejects an unknown option with the usage exit code and shows the command help', async () => {
    const r = await run(['check', '--nope', 'x.json']);
    expect(r.code).toBe(64);
    expect(r.err).toContain('Usage: praxisready check');
  });

  it('maps a missing file to exit code 2 without a stack trace', async () => {
    const r = await run(['check', 'does-not-exist.json']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('NOT_FOUND');
    expect(r.err).not.toMatch(/\n\s+at /);
  });

  it('rejects an unsupported --lang', async () => {
    const r = await run(['--lang', 'fr', '--help']);
    expect(r.code).toBe(64);
  });
});
