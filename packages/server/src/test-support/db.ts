import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database } from '../db/connect.ts';

/** The engines every `*.int.test.ts` runs on. */
export const ENGINES = ['pglite', 'postgres'] as const;
export type Engine = (typeof ENGINES)[number];

/** PostgreSQL of our machines: 127.0.0.1:5432, trust auth, database `test` (override with PRAXISREADY_TEST_PG). */
export const TEST_PG_ADMIN_URL = process.env.PRAXISREADY_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface TestDatabase {
  database: Database;
  /** URL of the fresh PostgreSQL database (postgres engine only). */
  url: string | undefined;
  drop(): Promise<void>;
}

/** A fresh database per call: in-memory PGlite, or a new PostgreSQL database so runs never collide. */
export async function createTestDatabase(engine: Engine): Promise<TestDatabase> {
  if (engine === 'pglite') {
    const database = await openDatabase({});
    return { database, url: undefined, drop: () => database.close() };
  }
  const name = `praxisready_t_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  const url = await createPgDatabase(name);
  const database = await openDatabase({ databaseUrl: url, poolSize: 5 });
  return {
    database,
    url,
    async drop() {
      await database.close();
      await dropPgDatabase(name);
    },
  };
}

export async function createPgDatabase(name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: TEST_PG_ADMIN_URL });
  await admin.connect();
  try {
    await admin.query(`create database "${name}"`);
  } finally {
    await admin.end();
  }
  const u = new URL(TEST_PG_ADMIN_URL);
  u.pathname = `/${name}`;
  return u.toString();
}

export async function dropPgDatabase(name: string): Promise<void> {
  const admin = new pg.Client({ connectionString: TEST_PG_ADMIN_URL });
  await admin.connect();
  try {
    await admin.query(`drop database if exists "${name}" with (force)`);
  } finally {
    await admin.end();
  }
}
