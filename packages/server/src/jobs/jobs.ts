import PgBoss from 'pg-boss';
import { AppError } from '@praxisready/model';
import { systemActor, type AppContext, type JobQueue } from '../context.ts';
import { fireReminder } from '../cases/logbook.ts';
import { and, isNull, lte, isNotNull } from 'drizzle-orm';
import { followups } from '../db/schema.ts';

/**
 * Background jobs with pg-boss on the same database. pg-boss 10.4 (not 12): 10 declares Node ≥ 20, which is
 * our runtime, while 12 declares Node ≥ 22.12; 10 runs on PGlite through its `db.executeSql` adapter, the same
 * adapter we use for PostgreSQL so both engines take one code path.
 */
export const Queue = { reminder: 'reminder', imapPoll: 'imap-poll' } as const;

export interface Jobs {
  queue: JobQueue;
  boss: PgBoss | undefined;
  /**
   * Registers a worker for a queue. `stately`: at most one job per key waiting and one running, so several
   * server processes on one database keep a single chain (the IMAP poll).
   */
  work<T extends object>(
    name: string,
    handler: (data: T) => Promise<void>,
    options?: { stately?: boolean },
  ): Promise<void>;
  /** Queues a job, after `delaySeconds`; with `key` a second one is dropped while the first waits. */
  send(name: string, data: object, options?: { delaySeconds?: number; key?: string }): Promise<void>;
  stop(): Promise<void>;
}

/** Inline queue: reminders whose time has come are fired on `scanDueReminders` (tests, jobs off). */
export function inlineJobs(): Jobs {
  return {
    queue: { scheduleReminder: async () => {} },
    boss: undefined,
    work: async () => {},
    send: async () => {},
    stop: async () => {},
  };
}

/** Fires every reminder that is due and not yet sent (also catches up after downtime or a restore). */
export async function scanDueReminders(ctx: AppContext, now: Date): Promise<number> {
  const due = await ctx.db
    .select({ id: followups.id })
    .from(followups)
    .where(
      and(
        isNotNull(followups.remindAt),
        lte(followups.remindAt, now),
        isNull(followups.remindedAt),
        isNull(followups.doneAt),
      ),
    );
  let fired = 0;
  for (const f of due) {
    if (await fireReminder(ctx, systemActor('reminder'), f.id, now)) {
      fired++;
    }
  }
  return fired;
}

export async function startJobs(ctx: AppContext, onError: (e: Error) => void): Promise<Jobs> {
  const boss = new PgBoss({
    db: {
      // pg-boss sends multi-statement scripts without parameters (its migrations); PGlite runs those via exec.
      executeSql: async (text: string, values: unknown[] = []) => {
        const lite = ctx.database.pglite;
        if (lite && values.length === 0) {
          const results = await lite.exec(text);
          return { rows: results.at(-1)?.rows ?? [] };
        }
        return ctx.database.executeSql(text, values);
      },
    },
    schema: 'pgboss',
    pollingIntervalSeconds: 1,
    supervise: true,
    schedule: false,
  });
  boss.on('error', onError);
  try {
    await boss.start();
    await boss.createQueue(Queue.reminder);
  } catch (e) {
    throw new AppError('INTERNAL', `Job queue could not start: ${(e as Error).message}`, { cause: e });
  }
  await boss.work<{ followupId: string }>(Queue.reminder, async (jobs) => {
    for (const job of jobs) {
      await fireReminder(ctx, systemActor('reminder'), job.data.followupId, ctx.now());
    }
  });
  await scanDueReminders(ctx, ctx.now());
  return {
    boss,
    queue: {
      async scheduleReminder(followupId, at) {
        await boss.send(
          Queue.reminder,
          { followupId },
          { startAfter: at, singletonKey: `reminder:${followupId}` },
        );
      },
    },
    async work(name, handler, options = {}) {
      await boss.createQueue(name, options.stately ? { name, policy: 'stately' } : undefined);
      await boss.work<Record<string, unknown>>(name, async (jobs) => {
        for (const job of jobs) {
          await handler(job.data as never);
        }
      });
    },
    async send(name, data, options = {}) {
      await boss.send(name, data, {
        ...(options.delaySeconds ? { startAfter: options.delaySeconds } : {}),
        ...(options.key ? { singletonKey: options.key } : {}),
      });
    },
    async stop() {
      await boss.stop({ graceful: true, wait: true, timeout: 5000 });
    },
  };
}
