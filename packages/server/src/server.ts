import { AppError } from '@praxisready/model';
import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import type { ServerConfig } from './config/config.ts';
import { openDatabase, pgliteDirOf, type Database } from './db/connect.ts';
import { DiskStore, artifactsRootOf, type ArtifactStore } from './artifacts/store.ts';
import { systemActor, type AppContext, type Evaluator, type Hooks } from './context.ts';
import { createUser } from './auth/service.ts';
import { buildApp } from './http/app.ts';
import { RateLimiter } from './http/rate-limit.ts';
import { inlineJobs, startJobs, type Jobs } from './jobs/jobs.ts';
import { startMailIntegrations, type MailIntegrations } from './intake/integrations.ts';
import { rulesEvaluator } from './sheets/evaluator.ts';

export interface CreateServerOptions {
  /** Use an already open database (tests share one PGlite per file). */
  database?: Database;
  store?: ArtifactStore;
  evaluate?: Evaluator;
  hooks?: Hooks;
  now?: () => Date;
  log?: (line: string) => void;
}

export interface PraxisreadyServer {
  ctx: AppContext;
  app: ReturnType<typeof buildApp>;
  jobs: Jobs;
  /** SMTP intake listener (bound port), IMAP poll, invite sending — as configured. */
  integrations: MailIntegrations;
  /** Starts listening; resolves with the bound URL. */
  listen(): Promise<string>;
  close(): Promise<void>;
}

/** Opens the database (migrations on start), starts jobs and builds the app. */
export async function createServer(
  config: ServerConfig,
  options: CreateServerOptions = {},
): Promise<PraxisreadyServer> {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const ownsDb = options.database === undefined;
  const database =
    options.database ??
    (await openDatabase({
      databaseUrl: config.databaseUrl,
      pgliteDir: config.memoryDb ? undefined : pgliteDirOf(config.dataDir),
    }));
  const ctx: AppContext = {
    config,
    database,
    db: database.db,
    store: options.store ?? new DiskStore(artifactsRootOf(config.dataDir)),
    jobs: inlineJobs().queue,
    hooks: options.hooks ?? {},
    evaluate: options.evaluate ?? rulesEvaluator(),
    now: options.now ?? (() => new Date()),
    limits: {
      login: new RateLimiter(10),
      token: new RateLimiter(config.rateLimitPerMinute),
      badToken: new RateLimiter(config.rateLimitPerMinute),
    },
    sessionCache: new Map(),
    writeVersion: { value: 0 },
  };
  if (config.bootstrapAdmin) {
    const any = await database.executeSql('select 1 from users limit 1');
    if (any.rows.length === 0) {
      await createUser(ctx, systemActor('bootstrap'), {
        email: config.bootstrapAdmin.email,
        name: 'Administrator',
        role: 'admin',
        password: config.bootstrapAdmin.password,
      });
      log(`created admin ${config.bootstrapAdmin.email}`);
    }
  }
  let jobs: Jobs = inlineJobs();
  if (config.jobs) {
    jobs = await startJobs(ctx, (e) => log(`jobs: ${e.message}`));
    ctx.jobs = jobs.queue;
  }
  const integrations = await startMailIntegrations(ctx, jobs, log);
  const app = buildApp(ctx, { log });
  let server: ServerType | undefined;
  return {
    ctx,
    app,
    jobs,
    integrations,
    listen: () =>
      new Promise((resolveUrl, reject) => {
        server = serve(
          { fetch: app.fetch, hostname: config.host, port: config.port },
          (info: AddressInfo) => {
            const url = `http://${info.family === 'IPv6' ? `[${info.address}]` : info.address}:${info.port}`;
            // Port 0 asks the OS for a free port; links (pre-information form, probe upload) must name the real one.
            if (config.port === 0 && /:0\/?$/.test(ctx.config.publicUrl)) {
              ctx.config = {
                ...ctx.config,
                publicUrl: ctx.config.publicUrl.replace(/:0\/?$/, `:${info.port}`),
              };
            }
            resolveUrl(url);
          },
        );
        // A taken port (EADDRINUSE) must reach the caller, not crash the process as an unhandled 'error'.
        server.once('error', (error: Error) => {
          server = undefined;
          reject(
            new AppError('CONFLICT', `Cannot listen on ${config.host}:${config.port}: ${error.message}`, {
              cause: error,
              hint: 'Anderen Port wählen (--port N; 0 = ein freier Port).',
            }),
          );
        });
      }),
    async close() {
      if (server) {
        await new Promise<void>((r) => server!.close(() => r()));
      }
      await integrations.stop();
      await jobs.stop();
      if (ownsDb) {
        await database.close();
      }
    },
  };
}
