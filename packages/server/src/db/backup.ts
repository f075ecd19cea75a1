import { createWriteStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { once } from 'node:events';
import { AppError } from '@praxisready/model';
import type { ArtifactStore } from '../artifacts/store.ts';
import type { Database } from './connect.ts';

/**
 * A logical, engine-independent backup: every table of our schema read in ONE repeatable-read transaction (a
 * consistent snapshot), written as JSON lines, plus the artifact files. It restores into a freshly migrated,
 * empty database on either engine (PGlite ↔ PostgreSQL). Secrets stay encrypted; the master key is not in it.
 * The pg-boss schema is not copied: due reminders are re-fired from the follow-ups on start.
 */
export const BACKUP_FORMAT = 'praxisready-backup';
export const BACKUP_VERSION = 1;

/** Tables in foreign-key order (parents first). */
export const BACKUP_TABLES = [
  'users',
  'sessions',
  'customers',
  'sites',
  'contacts',
  'cases',
  'case_assignments',
  'case_tasks',
  'logbook_entries',
  'followups',
  'appointments',
  'sheets',
  'sheet_conflicts',
  'findings',
  'probe_enrollments',
  'probe_uploads',
  'preinfo_links',
  'secrets',
  'artifacts',
  'case_mails',
  'settings',
  'audit_events',
  'search_docs',
  'counters',
] as const;

/** bigserial columns whose sequences must follow the restored ids. */
const SERIALS: readonly [table: string, column: string][] = [
  ['findings', 'id'],
  ['audit_events', 'id'],
];

const CHUNK = 5000;

export interface BackupSummary {
  tables: Record<string, number>;
  artifacts: number;
}

export async function backupTo(
  database: Database,
  store: ArtifactStore,
  file: string,
): Promise<BackupSummary> {
  const out = createWriteStream(file, { mode: 0o600 });
  const write = async (obj: unknown) => {
    if (!out.write(`${JSON.stringify(obj)}\n`)) {
      await once(out, 'drain');
    }
  };
  const summary: BackupSummary = { tables: {}, artifacts: 0 };
  try {
    await database.sqlTransaction(async (sql) => {
      {
        await write({
          format: BACKUP_FORMAT,
          version: BACKUP_VERSION,
          engine: database.engine,
          createdAt: new Date().toISOString(),
        });
        for (const table of BACKUP_TABLES) {
          let count = 0;
          for (let offset = 0; ; offset += CHUNK) {
            const r = await sql(
              `select coalesce(json_agg(t), '[]'::json)::text as rows from (select * from "${table}" order by 1 limit ${CHUNK} offset ${offset}) t`,
            );
            const raw = r.rows[0]?.rows;
            const rows = JSON.parse(typeof raw === 'string' ? raw : '[]') as unknown[];
            if (rows.length === 0) {
              break;
            }
            await write({ table, rows });
            count += rows.length;
            if (rows.length < CHUNK) {
              break;
            }
          }
          summary.tables[table] = count;
        }
        const keys = await sql('select storage_key from artifacts order by storage_key');
        for (const row of keys.rows) {
          const key = String(row.storage_key);
          await write({ artifact: key, data: (await store.get(key)).toString('base64') });
          summary.artifacts++;
        }
      }
    }, true);
  } finally {
    out.end();
    await once(out, 'close');
  }
  return summary;
}

export async function restoreFrom(
  database: Database,
  store: ArtifactStore,
  file: string,
): Promise<BackupSummary> {
  const text = await readFile(file, 'utf8');
  const lines = text.split('\n').filter((l) => l !== '');
  let header: { format?: string; version?: number } = {};
  try {
    header = JSON.parse(lines[0] ?? '{}') as typeof header;
  } catch {
    // not JSON: reported below as not a backup
  }
  if (header.format !== BACKUP_FORMAT || header.version !== BACKUP_VERSION) {
    throw new AppError('PARSE_FAILED', `${file} is not a praxisready backup (version ${BACKUP_VERSION})`);
  }
  const existing = await database.executeSql(
    'select (select count(*) from cases) + (select count(*) from users) as n',
  );
  if (Number(existing.rows[0]?.n) > 0) {
    throw new AppError('CONFLICT', 'The target database is not empty', {
      hint: 'In eine frisch angelegte, leere Datenbank (bzw. einen leeren Datenordner) wiederherstellen.',
    });
  }
  const summary: BackupSummary = {
    tables: Object.fromEntries(BACKUP_TABLES.map((t) => [t, 0])),
    artifacts: 0,
  };
  const known = new Set<string>(BACKUP_TABLES);
  await database.sqlTransaction(async (sql) => {
    {
      await sql('delete from counters');
      for (const line of lines.slice(1)) {
        const entry = JSON.parse(line) as {
          table?: string;
          rows?: unknown[];
          artifact?: string;
          data?: string;
        };
        if (entry.table && entry.rows) {
          if (!known.has(entry.table)) {
            throw new AppError('PARSE_FAILED', `Unknown table in backup: ${entry.table}`);
          }
          await sql(
            `insert into "${entry.table}" select * from json_populate_recordset(null::"${entry.table}", $1::json)`,
            [JSON.stringify(entry.rows)],
          );
          summary.tables[entry.table] = (summary.tables[entry.table] ?? 0) + entry.rows.length;
        } else if (entry.artifact && entry.data !== undefined) {
          await store.put(entry.artifact, Buffer.from(entry.data, 'base64'));
          summary.artifacts++;
        }
      }
      for (const [table, column] of SERIALS) {
        await sql(
          `select setval(pg_get_serial_sequence('${table}', '${column}'), coalesce((select max(${column}) from ${table}), 0) + 1, false)`,
        );
      }
    }
  });
  return summary;
}
