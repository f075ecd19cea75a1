import { ExitCode } from '@praxisready/model';
import { createServer, loadConfig, type ServerConfig } from '@praxisready/server';
import type { Command, CommandContext } from '../command.ts';

function overridesOf(ctx: CommandContext): Partial<ServerConfig> {
  const o: Partial<ServerConfig> = {};
  if (typeof ctx.values.port === 'string') {
    ctx.io.env = { ...ctx.io.env, PRAXISREADY_PORT: ctx.values.port };
  }
  if (typeof ctx.values['data-dir'] === 'string') {
    ctx.io.env = { ...ctx.io.env, PRAXISREADY_DATA_DIR: ctx.values['data-dir'] };
  }
  if (typeof ctx.values.host === 'string') {
    ctx.io.env = { ...ctx.io.env, PRAXISREADY_HOST: ctx.values.host };
  }
  return o;
}

/** Resolves when SIGINT/SIGTERM arrives (or the signal given by a test aborts). */
export function untilStopped(signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      process.off('SIGINT', done);
      process.off('SIGTERM', done);
      resolve();
    };
    process.once('SIGINT', done);
    process.once('SIGTERM', done);
    signal?.addEventListener('abort', done, { once: true });
  });
}

export const serveCommand: Command = {
  name: 'serve',
  summary: 'Start the case workflow server (HTTP API, embedded PGlite or PostgreSQL via DATABASE_URL)',
  usage: '[--port N] [--host ADDR] [--data-dir DIR]',
  description: [
    'Configuration comes from the environment (PRAXISREADY_*, DATABASE_URL); see packages/server/README.md.',
    'PRAXISREADY_MASTER_KEY (32 random bytes, base64) is required: it encrypts the secrets vault.',
    'Mail intake: PRAXISREADY_SMTP_INTAKE_PORT starts the SMTP listener, PRAXISREADY_IMAP_URL (+ _USER, _PASSWORD)',
    'the IMAP poll (a pg-boss job); PRAXISREADY_SMTP_URL + PRAXISREADY_MAIL_FROM send appointment invites.',
    'Migrations run on start. Stops cleanly on Ctrl+C / SIGTERM.',
  ].join('\n'),
  options: {
    port: { type: 'string', arg: 'N', description: 'TCP port (default 8470, PRAXISREADY_PORT)' },
    host: {
      type: 'string',
      arg: 'ADDR',
      description: 'listen address (default 127.0.0.1, PRAXISREADY_HOST)',
    },
    'data-dir': {
      type: 'string',
      arg: 'DIR',
      description: 'data folder: PGlite data and artifacts (PRAXISREADY_DATA_DIR)',
    },
  },
  exitCodes: {
    [ExitCode.OK]: 'stopped cleanly',
    [ExitCode.INPUT]: 'database not reachable or data folder in use',
    [ExitCode.CONFIG]: 'invalid configuration (the key is named)',
  },
  async run(ctx) {
    overridesOf(ctx);
    const config = loadConfig(ctx.io.env, ctx.io.cwd);
    const server = await createServer(config, { log: (l) => ctx.err(l) });
    const url = await server.listen();
    ctx.out(
      `praxisready server listening on ${url} (${server.ctx.database.engine}${config.databaseUrl ? '' : `, ${config.dataDir}`})`,
    );
    const smtp = server.integrations.smtpIntake;
    if (smtp) {
      ctx.out(`smtp intake listening on ${smtp.host}:${smtp.port}`);
    }
    await untilStopped();
    ctx.err('stopping …');
    await server.close();
    return ExitCode.OK;
  },
};
