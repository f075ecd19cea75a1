import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { systemActor } from '../context.ts';
import { createCase } from '../cases/service.ts';
import { addFollowup } from '../cases/logbook.ts';
import { followups } from '../db/schema.ts';
import { ENGINES, createTestDatabase, type TestDatabase } from '../test-support/db.ts';
import { createFixture, type Fixture } from '../test-support/fixture.ts';
import { scanDueReminders } from './jobs.ts';

const admin = { ...systemActor('test'), role: 'admin' as const, kind: 'admin' as const };

describe.each(ENGINES)('follow-up reminders with pg-boss on %s', (engine) => {
  let tdb: TestDatabase;
  let f: Fixture;
  beforeAll(async () => {
    tdb = await createTestDatabase(engine);
    f = await createFixture(tdb.database, { jobs: true });
  });
  afterAll(async () => {
    await f.server.close();
    await tdb.drop();
  });

  it('fires a reminder at its time, once, and writes it to the audit trail', async () => {
    const { ctx } = f.server;
    expect(f.server.jobs.boss).toBeDefined();
    const caseId = (await createCase(ctx, admin, { source: 'manual', intake: {} })).caseRow.id;
    const remindAt = new Date(Date.now() + 1500);
    const fu = await addFollowup(ctx, admin, caseId, {
      title: 'Praxis anrufen: PVS gebucht?',
      dueAt: new Date(Date.now() + 86_400_000).toISOString(),
      remindAt: remindAt.toISOString(),
    });
    let row;
    for (let i = 0; i < 40; i++) {
      row = (await ctx.db.select().from(followups).where(eq(followups.id, fu.id)))[0];
      if (row?.remindedAt) {
        break;
      }
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(row?.remindedAt).toBeInstanceOf(Date);
    expect(row?.remindedAt?.getTime()).toBeGreaterThanOrEqual(remindAt.getTime());
    // a scan afterwards does not fire it again
    expect(await scanDueReminders(ctx, new Date())).toBe(0);
    const trail = await ctx.database.executeSql(`select action from audit_events where entity_id = $1`, [
      fu.id,
    ]);
    expect(trail.rows.map((r) => r.action)).toEqual(['followup.created', 'followup.reminded']);
  });
});
