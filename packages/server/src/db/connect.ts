import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { AppError } from '@praxisready/model';
import * as schema from './schema.ts';

export type Schema = typeof schema;
/** The Drizzle database, whichever engine is underneath. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
/** A transaction handle; services take `Db | Tx` so they compose inside one transaction. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | Tx;

export const MIGRATIONS_FOLDER = fileURLToPath(new URL('../../drizzle', import.meta.url));

export type ExecSql = (text: string, values?: unknown[]) => Promise<{ rows: Record<string, unknown>[] }>;

export interface Database {
  db: Db;
  engine: 'pglite' | 'postgres';
  /** Raw SQL with positional parameters (pg-boss adapter, backup). */
  executeSql(text: string, values?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
  /** Runs `fn` in one transaction on one connection; `snapshot` = repeatable read, read only (backups). */
  sqlTransaction<T>(fn: (exec: ExecSql) => Promise<T>, snapshot?: boolean): Promise<T>;
  /** The embedded instance, when the engine is PGlite. */
  pglite: PGlite | undefined;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** PostgreSQL URL; without it PGlite is used. */
  databaseUrl?: string | undefined;
  /** PGlite data folder; undefined = in memory. */
  pgliteDir?: string | undefined;
  /** Restore a PGlite data-dir tarball (PGlite only). */
  loadDataDir?: Blob | undefined;
  /** Apply migrations (default true). */
  migrate?: boolean;
  poolSize?: number;
}

/** Opens the database (PGlite by default, PostgreSQL when a URL is given) and applies the migrations. */
export async function openDatabase(options: OpenOptions): Promise<Database> {
  const database = options.databaseUrl
    ? await openPostgres(options.databaseUrl, options.poolSize ?? 10)
    : await openPglite(options.pgliteDir, options.loadDataDir);
  if (options.migrate !== false) {
    try {
      await database.migrate();
    } catch (e) {
      await database.close();
      throw new AppError('INTERNAL', `Database migration failed: ${(e as Error).message}`, { cause: e });
    }
  }
  return database;
}

async function openPglite(dir: string | undefined, loadDataDir: Blob | undefined) {
  if (dir !== undefined) {
    await mkdir(dir, { recursive: true });
  }
  let client: PGlite;
  try {
    client = new PGlite({
      ...(dir === undefined ? {} : { dataDir: dir }),
      ...(loadDataDir ? { loadDataDir } : {}),
    });
    await client.waitReady;
  } catch (e) {
    throw new AppError('CONFIG_INVALID', `Cannot open the embedded database in ${dir ?? 'memory'}`, {
      cause: e,
      hint: 'Läuft schon ein Server mit demselben Datenordner? PGlite erlaubt nur einen Prozess je Ordner.',
    });
  }
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return {
    db,
    engine: 'pglite' as const,
    pglite: client,
    async executeSql(text: string, values: unknown[] = []) {
      const r = await client.query<Record<string, unknown>>(text, values);
      return { rows: r.rows };
    },
    sqlTransaction<T>(fn: (exec: ExecSql) => Promise<T>, snapshot = false): Promise<T> {
      return client.transaction(async (tx) => {
        if (snapshot) {
          await tx.query('set transaction isolation level repeatable read read only');
        }
        return fn(async (text, values = []) => ({
          rows: (await tx.query<Record<string, unknown>>(text, values)).rows,
        }));
      });
    },
    async migrate() {
      await migratePglite(db as never, { migrationsFolder: MIGRATIONS_FOLDER });
    },
    async close() {
      if (!client.closed) {
        await client.close();
      }
    },
  };
}

async function openPostgres(url: string, poolSize: number) {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // An idle client can lose its connection (server restart, admin terminating backends). pg removes it from the
  // pool and the next query gets a fresh one; without a listener the 'error' event would crash the process.
  pool.on('error', () => undefined);
  try {
    const c = await pool.connect();
    c.release();
  } catch (e) {
    await pool.end();
    throw new AppError('UNREACHABLE', `Cannot connect to DATABASE_URL: ${(e as Error).message}`, {
      cause: e,
    });
  }
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  return {
    db,
    engine: 'postgres' as const,
    pglite: undefined,
    async executeSql(text: string, values: unknown[] = []) {
      const r = await pool.query(text, values);
      return { rows: r.rows as Record<string, unknown>[] };
    },
    async sqlTransaction<T>(fn: (exec: ExecSql) => Promise<T>, snapshot = false): Promise<T> {
      const conn = await pool.connect();
      try {
        await conn.query(snapshot ? 'begin isolation level repeatable read read only' : 'begin');
        const r = await fn(async (text, values = []) => ({
          rows: (await conn.query(text, values)).rows as Record<string, unknown>[],
        }));
        await conn.query('commit');
        return r;
      } catch (e) {
        await conn.query('rollback');
        throw e;
      } finally {
        conn.release();
      }
    },
    async migrate() {
      await migratePg(db as never, { migrationsFolder: MIGRATIONS_FOLDER });
    },
    async close() {
      await pool.end();
    },
  };
}

/** The PGlite folder inside the data folder. */
export function pgliteDirOf(dataDir: string): string {
  return join(dataDir, 'pglite');
}
