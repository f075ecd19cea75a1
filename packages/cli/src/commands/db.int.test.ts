import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BACKUP_TABLES, createServer, loadConfig, systemActor, createUser } from '@praxisready/server';
import { runCli } from '../cli.ts';
import { PassThrough, Readable } from 'node:stream';
import pg from 'pg';

const ADMIN_PG = process.env.PRAXISREADY_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test';

async function cli(argv: string[], env: Record<string, string>) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c: Buffer) => (out += c.toString()));
  stderr.on('data', (c: Buffer) => (err += c.toString()));
  const code = await runCli(argv, { stdout, stderr, stdin: Readable.from(['']), env, cwd: process.cwd() });
  return { code, out, err };
}

async function pgDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `praxisready_cli_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: ADMIN_PG });
  await admin.connect();
  await admin.query(`create database "${name}"`);
  await admin.end();
  const u = new URL(ADMIN_PG);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    async drop() {
      const a = new pg.Client({ connectionString: ADMIN_PG });
      await a.connect();
      await a.query(`drop database if exists "${name}" with (force)`);
      await a.end();
    },
  };
}

describe('praxisready db backup / restore', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const c of cleanups) {
      await c();
    }
  });

  it('round-trips PGlite → file → PostgreSQL → file → PGlite', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'praxisready-db-'));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    const key = randomBytes(32).toString('base64');
    const src = join(dir, 'src');
    // a source server with data
    const s = await createServer(
      loadConfig({ PRAXISREADY_MASTER_KEY: key, PRAXISREADY_DATA_DIR: src, PRAXISREADY_JOBS: 'off' }),
      { log: () => {} },
    );
    await createUser(s.ctx, systemActor('test'), {
      email: 'tech@praxis.test',
      name: 'Tech',
      role: 'technician',
      password: 'Techniker-Pass-1',
    });
    await s.close();

    const file1 = join(dir, 'one.jsonl');
    const b1 = await cli(['db', 'backup', file1, '--data-dir', src], {});
    expect(b1.code, b1.err).toBe(0);
    expect(b1.out).toMatch(new RegExp(`backup .*rows in ${BACKUP_TABLES.length} tables`));

    const target = await pgDatabase();
    cleanups.push(() => target.drop());
    const r1 = await cli(['db', 'restore', file1], { DATABASE_URL: target.url });
    expect(r1.code, r1.err).toBe(0);
    const again = await cli(['db', 'restore', file1], { DATABASE_URL: target.url });
    expect(again.code).toBe(1);
    expect(again.err).toContain('not empty');

    const file2 = join(dir, 'two.jsonl');
    expect((await cli(['db', 'backup', file2], { DATABASE_URL: target.url })).code).toBe(0);
    const back = join(dir, 'back');
    expect((await cli(['db', 'restore', file2, '--data-dir', back], {})).code).toBe(0);

    const s2 = await createServer(
      loadConfig({ PRAXISREADY_MASTER_KEY: key, PRAXISREADY_DATA_DIR: back, PRAXISREADY_JOBS: 'off' }),
      { log: () => {} },
    );
    const login = await s2.app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'tech@praxis.test', password: 'Techniker-Pass-1' }),
    });
    expect(login.status).toBe(200);
    await s2.close();
  });

  it('rejects a file that is not a backup (exit 2)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'praxisready-db-'));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    const r = await cli(
      ['db', 'restore', new URL(import.meta.url).pathname, '--data-dir', join(dir, 'x')],
      {},
    );
    expect(r.code).toBe(2);
  });
});
