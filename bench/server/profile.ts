// Profiling aid (not a benchmark): seeds a kept data set once (PROFILE_DIR, default /tmp/prx/prof; PostgreSQL
// database praxisready_prof), then prints EXPLAIN ANALYZE of the given SQL file and times `board()` in-process.
// Usage: node --import tsx bench/server/profile.ts pglite|memory|postgres [sql-file]
import { existsSync, readFileSync } from 'node:fs';
import pg from 'pg';
import { openDatabase, pgliteDirOf, type Database } from '@praxisready/server';
import { board } from '../../packages/server/src/cases/board.ts';
import { seed } from './seed.ts';

const engine = process.argv[2] ?? 'pglite';
const sqlFile = process.argv[3];
const dir = process.env.PROFILE_DIR ?? '/tmp/prx/prof';
const PG_ADMIN = process.env.PRAXISREADY_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test';

async function open(): Promise<Database> {
  if (engine === 'memory') {
    const db = await openDatabase({});
    await seed(db);
    return db;
  }
  if (engine === 'pglite') {
    const fresh = !existsSync(pgliteDirOf(dir));
    const db = await openDatabase({ pgliteDir: pgliteDirOf(dir) });
    if (fresh) {
      await seed(db);
    }
    return db;
  }
  const u = new URL(PG_ADMIN);
  u.pathname = '/praxisready_prof';
  const c = new pg.Client({ connectionString: PG_ADMIN });
  await c.connect();
  const exists = (await c.query(`select 1 from pg_database where datname = 'praxisready_prof'`)).rowCount;
  if (!exists) {
    await c.query('create database praxisready_prof');
  }
  await c.end();
  const db = await openDatabase({ databaseUrl: u.toString() });
  if (!exists) {
    await seed(db);
  }
  return db;
}

const db = await open();
if (sqlFile) {
  for (const q of readFileSync(sqlFile, 'utf8')
    .split(/;\s*\n/)
    .filter((x) => x.trim())) {
    const t0 = performance.now();
    const r = await db.executeSql(q);
    console.log(`-- ${(performance.now() - t0).toFixed(1)} ms`);
    for (const row of r.rows) {
      console.log(Object.values(row).join(' | '));
    }
  }
}
const ctx = { database: db, db: db.db } as never;
for (let i = 0; i < 3; i++) {
  await board(ctx);
}
const n = Number(process.env.PROFILE_N ?? 20);
const t0 = performance.now();
for (let i = 0; i < n; i++) {
  await board(ctx);
}
console.log(`board(): ${((performance.now() - t0) / n).toFixed(2)} ms serial avg over ${n}`);
const t1 = performance.now();
await Promise.all(Array.from({ length: n }, () => board(ctx)));
console.log(`board(): ${((performance.now() - t1) / n).toFixed(2)} ms per call, ${n} concurrent`);
await db.close();
