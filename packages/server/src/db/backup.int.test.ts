import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../context.ts';
import { createCase } from '../cases/service.ts';
import { storeSecret, revealSecret } from '../vault/service.ts';
import { addArtifact } from '../artifacts/service.ts';
import { addLogbookEntry } from '../cases/logbook.ts';
import { DiskStore } from '../artifacts/store.ts';
import { ENGINES, createTestDatabase, type TestDatabase } from '../test-support/db.ts';
import { PASSWORD, createFixture, type Fixture } from '../test-support/fixture.ts';
import { backupTo, restoreFrom } from './backup.ts';

const SECRET = 'Fw-Admin-Kennwort-7781!';
const admin = { ...systemActor('test'), role: 'admin' as const, kind: 'admin' as const };

describe.each(ENGINES)('vault at rest and backup round trip on %s', (engine) => {
  let tdb: TestDatabase;
  let f: Fixture;
  let dir: string;
  let caseId: string;
  let secretId: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'praxisready-backup-'));
    tdb = await createTestDatabase(engine);
    f = await createFixture(tdb.database, { dataDir: join(dir, 'data') });
    const { ctx } = f.server;
    caseId = (
      await createCase(ctx, admin, { source: 'manual', intake: { practiceName: 'Praxis Rückspiel' } })
    ).caseRow.id;
    secretId = (
      await storeSecret(ctx, admin, caseId, { kind: 'firewall', label: 'Firewall admin', value: SECRET })
    ).id;
    await addArtifact(ctx, admin, caseId, {
      folder: '03_Audit',
      filename: 'ports.txt',
      contentType: 'text/plain',
      bytes: Buffer.from('Port 443 offen'),
    });
    await addLogbookEntry(ctx, admin, caseId, 'Zertifikat läuft im März ab');
  });
  afterAll(async () => {
    await f.server.close();
    await tdb.drop();
    await rm(dir, { recursive: true, force: true });
  });

  it('keeps no plaintext secret or password in a raw database dump', async () => {
    const { ctx } = f.server;
    expect((await revealSecret(ctx, admin, caseId, secretId)).value).toBe(SECRET);
    let dump: Buffer;
    if (engine === 'postgres') {
      dump = execFileSync('pg_dump', ['--no-owner', tdb.url!], { maxBuffer: 256 * 1024 * 1024 });
      expect(dump.toString()).toContain('Firewall admin');
    } else {
      // PGlite's own dump: the whole data directory as an uncompressed tar.
      const tar = await ctx.database.pglite!.dumpDataDir('none');
      dump = Buffer.from(await tar.arrayBuffer());
      expect(dump.includes(Buffer.from('Firewall admin'))).toBe(true);
    }
    expect(dump.includes(Buffer.from(SECRET))).toBe(false);
    expect(dump.includes(Buffer.from(PASSWORD))).toBe(false);
    // the read is in the audit trail, the value is not
    const trail = await ctx.database.executeSql(
      `select action, after::text as after from audit_events where case_id = $1`,
      [caseId],
    );
    expect(trail.rows.map((r) => r.action)).toContain('secret.read');
    expect(JSON.stringify(trail.rows)).not.toContain(SECRET);
  });

  it('backs up and restores a consistent copy (rows, files, sequences) on a fresh database', async () => {
    const { ctx } = f.server;
    const file = join(dir, 'backup.jsonl');
    const summary = await backupTo(ctx.database, ctx.store, file);
    expect(summary.tables.cases).toBe(1);
    expect(summary.artifacts).toBe(1);
    expect((await readFile(file)).includes(Buffer.from(SECRET))).toBe(false);

    const target = await createTestDatabase(engine);
    const store2 = new DiskStore(join(dir, 'restored-artifacts'));
    try {
      const restored = await restoreFrom(target.database, store2, file);
      expect(restored.tables).toEqual(summary.tables);
      const g = await createFixture(
        target.database,
        { masterKey: ctx.config.masterKey },
        { store: store2 },
      ).catch((e: unknown) => e);
      // users exist in the restored copy: the fixture cannot create them again
      expect(String(g)).toMatch(/exists/);
      const { createServer } = await import('../server.ts');
      const { loadTestConfig } = await import('../config/config.ts');
      const s2 = await createServer(loadTestConfig({ masterKey: ctx.config.masterKey }), {
        database: target.database,
        store: store2,
        log: () => {},
      });
      expect((await revealSecret(s2.ctx, admin, caseId, secretId)).value).toBe(SECRET);
      const hits = await s2.ctx.database.executeSql(
        `select kind from search_docs where to_tsvector('german', title || ' ' || body) @@ websearch_to_tsquery('german', 'Zertifikate')`,
      );
      expect(hits.rows.map((r) => r.kind)).toContain('note');
      const files = await s2.ctx.database.executeSql('select storage_key from artifacts');
      expect((await store2.get(String(files.rows[0]!.storage_key))).toString()).toBe('Port 443 offen');
      // sequences follow: a new audit event gets a fresh id
      await addLogbookEntry(s2.ctx, admin, caseId, 'nach Restore');
      await expect(restoreFrom(target.database, store2, file)).rejects.toThrow(/not empty/);
      await s2.close();
    } finally {
      await target.drop();
    }
  });
});
