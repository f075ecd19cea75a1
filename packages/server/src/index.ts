/**
 * @module @praxisready/server
 * The case workflow server of seed 000: HTTP API (OpenAPI at /api/openapi.json), PGlite or PostgreSQL,
 * roles and permissions, audit trail, vault, probe uploads, artifacts, German full-text search, jobs.
 *
 * @example
 * const server = await createServer(loadConfig(process.env));
 * console.log(await server.listen());
 */
export { loadConfig, loadTestConfig } from './config/config.ts';
export type { ServerConfig } from './config/config.ts';
export { createServer } from './server.ts';
export type { CreateServerOptions, PraxisreadyServer } from './server.ts';
export { openDatabase, pgliteDirOf, MIGRATIONS_FOLDER } from './db/connect.ts';
export type { Database, Db } from './db/connect.ts';
export { backupTo, restoreFrom, BACKUP_TABLES } from './db/backup.ts';
export type { BackupSummary } from './db/backup.ts';
export { DiskStore, artifactsRootOf } from './artifacts/store.ts';
export type { ArtifactStore } from './artifacts/store.ts';
export { Role, ROLES, PERMISSIONS, PRINCIPAL_KINDS, can } from './auth/permissions.ts';
export type { Action, PrincipalKind } from './auth/permissions.ts';
export { STAGE_TASKS, TRANSITIONS, SalesStatus, SALES_MOVES } from './cases/workflow.ts';
export { intakeMail } from './intake/service.ts';
export type { IntakeMail } from './intake/service.ts';
export { systemActor } from './context.ts';
export type { Actor, AppContext, Hooks, Evaluator } from './context.ts';
export { createUser } from './auth/service.ts';
