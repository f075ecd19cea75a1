import { createImapPoller, type ImapPoller, type PollResult, type SmtpIntake } from '@praxisready/mail';
import { toAppError } from '@praxisready/model';
import type { AppContext } from '../context.ts';
import { DiskStore, artifactsRootOf } from '../artifacts/store.ts';
import { Queue, type Jobs } from '../jobs/jobs.ts';
import { sendAppointmentInvite } from '../cases/invites.ts';
import { intakeRaw, startMailIntake } from './mail.ts';

/** Last IMAP poll, for the admin status page (counts and the error message only). */
export interface ImapPollStatus {
  at: string;
  ok: boolean;
  found?: number;
  processed?: number;
  failed?: number;
  error?: string;
}

export interface MailIntegrations {
  /** Whether pg-boss workers run (PRAXISREADY_JOBS). */
  jobs: boolean;
  /** The listening SMTP intake endpoint (its bound port, also when configured as 0). */
  smtpIntake: SmtpIntake | undefined;
  imap: { poller: ImapPoller; mode: 'pg-boss' | 'timer'; last: ImapPollStatus | undefined } | undefined;
  /** One IMAP poll now (tests, admin); resolves with what it handled. */
  pollImapOnce(): Promise<PollResult | undefined>;
  stop(): Promise<void>;
}

const running = new WeakMap<AppContext, MailIntegrations>();

/** The integrations started for a server context, for the status route. */
export function integrationsOf(ctx: AppContext): MailIntegrations | undefined {
  return running.get(ctx);
}

/**
 * Starts what the configuration asks for: the SMTP intake listener, the IMAP poll (a pg-boss job that
 * re-queues itself, one chain per database; a plain timer when jobs are off) and invite sending on
 * appointment proposals. Every mail goes through `intakeRaw`: Message-ID dedupe, malformed mail kept with
 * its reason, invite replies recorded on the appointment.
 */
export async function startMailIntegrations(
  ctx: AppContext,
  jobs: Jobs,
  log: (line: string) => void,
): Promise<MailIntegrations> {
  const { config } = ctx;
  if (config.smtpOut && config.mailFrom && !ctx.hooks.appointmentProposed) {
    ctx.hooks.appointmentProposed = (event) => sendAppointmentInvite(ctx, event, log);
  }
  const smtpIntake = config.smtpIntake
    ? await startMailIntake(ctx, { host: config.smtpIntake.host, port: config.smtpIntake.port })
    : undefined;
  if (smtpIntake) {
    log(`smtp intake listening on ${smtpIntake.host}:${smtpIntake.port}`);
  }

  let imap: MailIntegrations['imap'];
  const im = config.imap;
  if (im) {
    const poller = createImapPoller({
      host: im.host,
      port: im.port,
      secure: im.secure,
      auth: { user: im.user, pass: im.password },
      mailbox: im.mailbox,
      intervalMs: im.intervalMs,
      maxSize: config.maxUploadBytes,
      onMail: async (raw) => {
        await intakeRaw(ctx, raw, 'imap');
      },
      onError: (e) => {
        state.last = { at: new Date().toISOString(), ok: false, error: e.message };
        log(`imap poll failed: ${e.message}`);
      },
    });
    const state: NonNullable<MailIntegrations['imap']> = {
      poller,
      mode: jobs.boss ? 'pg-boss' : 'timer',
      last: undefined,
    };
    imap = state;
    if (jobs.boss) {
      const delaySeconds = Math.max(1, Math.round(im.intervalMs / 1000));
      await jobs.work(
        Queue.imapPoll,
        async () => {
          try {
            await pollAndRecord();
          } finally {
            // the next poll of the chain; `stately` drops it when another process already queued one
            await jobs.send(Queue.imapPoll, {}, { delaySeconds, key: 'imap' });
          }
        },
        { stately: true },
      );
      await jobs.send(Queue.imapPoll, {}, { key: 'imap' });
    } else {
      poller.start();
    }
    log(`imap poll of ${im.host}:${im.port}/${im.mailbox} every ${im.intervalMs / 1000} s (${imap.mode})`);
  }

  async function pollAndRecord(): Promise<PollResult | undefined> {
    if (!imap) {
      return undefined;
    }
    try {
      const r = await imap.poller.pollOnce();
      imap.last = {
        at: new Date().toISOString(),
        ok: r.failed.length === 0,
        found: r.found,
        processed: r.processed,
        failed: r.failed.length,
      };
      return r;
    } catch (e) {
      const err = toAppError(e);
      imap.last = { at: new Date().toISOString(), ok: false, error: err.message };
      log(`imap poll failed: ${err.message}`);
      throw err;
    }
  }

  const integrations: MailIntegrations = {
    jobs: jobs.boss !== undefined,
    smtpIntake,
    imap,
    pollImapOnce: pollAndRecord,
    async stop() {
      running.delete(ctx);
      await imap?.poller.stop();
      await smtpIntake?.close();
    },
  };
  running.set(ctx, integrations);
  return integrations;
}

/**
 * What is configured and running, for the admin (`GET /api/admin/integrations`). Hosts, ports and counts
 * only: no password, no user name of a mailbox, no URL with credentials.
 */
export function integrationStatus(ctx: AppContext) {
  const { config } = ctx;
  const running = integrationsOf(ctx);
  return {
    database: { engine: ctx.database.engine, external: config.databaseUrl !== undefined },
    smtpOut: config.smtpOut
      ? {
          configured: true,
          host: config.smtpOut.host,
          port: config.smtpOut.port,
          secure: config.smtpOut.secure,
          authenticated: config.smtpOut.auth !== undefined,
          from: config.mailFrom ?? null,
        }
      : { configured: false },
    smtpIntake: config.smtpIntake
      ? {
          configured: true,
          listening: running?.smtpIntake !== undefined,
          host: config.smtpIntake.host,
          port: running?.smtpIntake?.port ?? config.smtpIntake.port,
        }
      : { configured: false },
    imap: config.imap
      ? {
          configured: true,
          host: config.imap.host,
          port: config.imap.port,
          secure: config.imap.secure,
          mailbox: config.imap.mailbox,
          intervalSeconds: config.imap.intervalMs / 1000,
          mode: running?.imap?.mode ?? null,
          lastPoll: running?.imap?.last ?? null,
        }
      : { configured: false },
    jobs: { enabled: config.jobs, running: running?.jobs ?? false },
    artifacts:
      ctx.store instanceof DiskStore
        ? { kind: 'disk', root: artifactsRootOf(config.dataDir), maxUploadBytes: config.maxUploadBytes }
        : { kind: 'custom', maxUploadBytes: config.maxUploadBytes },
  };
}
