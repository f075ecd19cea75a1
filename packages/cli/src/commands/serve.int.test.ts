import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../test-run.ts';

const BIN = fileURLToPath(new URL('../../bin/praxisready.js', import.meta.url));

describe('praxisready serve', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
  });

  it('refuses to start without a master key and names the key (exit 78)', async () => {
    const r = await run(['serve', '--port', '0']);
    expect(r.code).toBe(78);
    expect(r.err).toContain('PRAXISREADY_MASTER_KEY');
  });

  it('starts on the embedded database, migrates, creates the first admin, serves the API and stops on SIGTERM', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'praxisready-serve-'));
    dirs.push(dir);
    const port = 20000 + Math.floor(Math.random() * 20000);
    const child = spawn(process.execPath, [BIN, 'serve', '--port', String(port), '--data-dir', dir], {
      env: {
        ...process.env,
        PRAXISREADY_MASTER_KEY: randomBytes(32).toString('base64'),
        PRAXISREADY_ADMIN_EMAIL: 'admin@praxis.test',
        PRAXISREADY_ADMIN_PASSWORD: 'Admin-Passwort-123',
        PRAXISREADY_JOBS: 'on',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (c: Buffer) => {
        out += c.toString();
        if (out.includes('listening on')) {
          resolve();
        }
      });
      void exited.then(() => reject(new Error(`serve exited early: ${err}`)));
    });
    expect(out).toContain(`http://127.0.0.1:${port}`);
    const base = `http://127.0.0.1:${port}`;
    expect(await (await fetch(`${base}/api/health`)).json()).toEqual({ ok: true, engine: 'pglite' });
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@praxis.test', password: 'Admin-Passwort-123' }),
    });
    expect(login.status).toBe(200);
    const doc = (await (await fetch(`${base}/api/openapi.json`)).json()) as { paths: object };
    expect(Object.keys(doc.paths)).toContain('/api/board');
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(err).not.toContain('Admin-Passwort-123');
  });
});
