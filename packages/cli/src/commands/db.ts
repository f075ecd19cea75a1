import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { AppError, ExitCode } from '@praxisready/model';
import {
  DiskStore,
  artifactsRootOf,
  backupTo,
  loadConfig,
  openDatabase,
  pgliteDirOf,
  restoreFrom,
} from '@praxisready/server';
import type { Command, CommandContext } from '../command.ts';

async function withDatabase<T>(
  ctx: CommandContext,
  fn: (db: Awaited<ReturnType<typeof openDatabase>>, store: DiskStore) => Promise<T>,
) {
  if (typeof ctx.values['data-dir'] === 'string') {
    ctx.io.env = { ...ctx.io.env, PRAXISREADY_DATA_DIR: ctx.values['data-dir'] };
  }
  // Backup and restore never decrypt: the vault stays sealed, so no master key is needed here.
  const config = loadConfig(
    ctx.io.env,
    ctx.io.cwd,
    ctx.io.env.PRAXISREADY_MASTER_KEY ? {} : { masterKey: randomBytes(32) },
  );
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    pgliteDir: pgliteDirOf(config.dataDir),
  });
  try {
    return await fn(database, new DiskStore(artifactsRootOf(config.dataDir)));
  } finally {
    await database.close();
  }
}

function fileArg(ctx: CommandContext): string {
  const file = ctx.positionals[0];
  if (!file) {
    throw new AppError('BAD_REQUEST', 'Missing FILE');
  }
  return resolve(ctx.io.cwd, file);
}

const dataDirOption = {
  'data-dir': {
    type: 'string' as const,
    arg: 'DIR',
    description: 'data folder (PRAXISREADY_DATA_DIR); ignored with DATABASE_URL',
  },
};

export const dbBackupCommand: Command = {
  name: 'db backup',
  summary: 'Write a consistent backup of the server database and artifact files',
  usage: 'FILE [--data-dir DIR]',
  description:
    'One repeatable-read snapshot of every table plus the artifact files, as JSON lines; restorable on PGlite or PostgreSQL. Secrets stay encrypted (the master key is not in it). With the embedded database, stop the server first (PGlite allows one process per data folder).',
  options: dataDirOption,
  exitCodes: {
    [ExitCode.OK]: 'backup written',
    [ExitCode.INPUT]: 'database not reachable or data folder in use',
  },
  async run(ctx) {
    const file = fileArg(ctx);
    const s = await withDatabase(ctx, (db, store) => backupTo(db, store, file));
    const rows = Object.values(s.tables).reduce((a, b) => a + b, 0);
    ctx.out(`backup ${file}: ${rows} rows in ${Object.keys(s.tables).length} tables, ${s.artifacts} files`);
    return ExitCode.OK;
  },
};

export const dbRestoreCommand: Command = {
  name: 'db restore',
  summary: 'Restore a backup into an empty database (fresh data folder or new PostgreSQL database)',
  usage: 'FILE [--data-dir DIR]',
  options: dataDirOption,
  exitCodes: {
    [ExitCode.OK]: 'restored',
    [ExitCode.INPUT]: 'not a backup file, or database not reachable',
    [ExitCode.FAILURES]: 'the target database is not empty',
  },
  async run(ctx) {
    const file = fileArg(ctx);
    const s = await withDatabase(ctx, (db, store) => restoreFrom(db, store, file));
    const rows = Object.values(s.tables).reduce((a, b) => a + b, 0);
    ctx.out(`restored ${rows} rows and ${s.artifacts} files from ${file}`);
    return ExitCode.OK;
  },
};

export const dbCommands: readonly Command[] = [dbBackupCommand, dbRestoreCommand];
