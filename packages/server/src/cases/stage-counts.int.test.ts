import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WORKFLOW_STAGES, type WorkflowStage } from '@praxisready/model';
import { systemActor } from '../context.ts';
import { ENGINES, createTestDatabase, type TestDatabase } from '../test-support/db.ts';
import { createFixture, type Fixture } from '../test-support/fixture.ts';
import { board } from './board.ts';
import { completeTask, createCase, transition, updateSales } from './service.ts';
import { tasksOf } from './workflow.ts';

const admin = { ...systemActor('test'), role: 'admin' as const, kind: 'admin' as const };
// the stages in workflow order
const FORWARD = WORKFLOW_STAGES;

describe.each(ENGINES)('stage totals kept by triggers on %s', (engine) => {
  let tdb: TestDatabase;
  let f: Fixture;

  beforeAll(async () => {
    tdb = await createTestDatabase(engine);
    // a long TTL: the board must show writes because of the invalidation, not because the entry expired
    f = await createFixture(tdb.database, { boardCacheMs: 60_000 });
  });
  afterAll(async () => {
    await f.server.close();
    await tdb.drop();
  });

  const sql = (text: string, values: unknown[] = []) => f.server.ctx.database.executeSql(text, values);
  const byStage = (rows: Record<string, unknown>[], key: string): Record<string, number> =>
    Object.fromEntries(rows.map((r) => [String(r.stage), Number(r[key])]));
  const kept = async () =>
    byStage(
      (await sql('select stage, open from case_stage_counts where open <> 0 order by stage')).rows,
      'open',
    );
  const counted = async () =>
    byStage(
      (
        await sql(
          `select stage, count(*) as n from cases where status = 'open' group by stage order by stage`,
        )
      ).rows,
      'n',
    );
  const expectConsistent = async () => {
    const truth = await counted();
    expect(await kept()).toEqual(truth);
    const totals = (await board(f.server.ctx)).stages.filter((s) => s.total !== 0);
    expect(Object.fromEntries(totals.map((s) => [String(s.stage), s.total]))).toEqual(truth);
    return truth;
  };
  const newCase = async (name: string) =>
    (await createCase(f.server.ctx, admin, { source: 'manual', intake: { practiceName: name } })).caseRow.id;
  const forward = async (caseId: string, from: WorkflowStage) => {
    for (const t of tasksOf(from).filter((x) => x.required)) {
      await completeTask(f.server.ctx, admin, caseId, t.key, true);
    }
    await transition(f.server.ctx, admin, caseId, FORWARD[FORWARD.indexOf(from) + 1]!);
  };

  it('equal count(*) through creation, moves both ways, closures, raw inserts and deletes', async () => {
    const [a, b, c] = [await newCase('A'), await newCase('B'), await newCase('C')];
    expect(await expectConsistent()).toEqual({ intake: 3 });
    for (const stage of FORWARD.slice(0, -1)) {
      await forward(a, stage);
      await expectConsistent();
    }
    await forward(b, 'intake');
    await transition(f.server.ctx, admin, b, 'intake');
    await forward(b, 'intake');
    expect(await expectConsistent()).toEqual({ dispatch: 1, follow_up: 1, intake: 1 });
    await updateSales(f.server.ctx, admin, a, 'offer_sent');
    await updateSales(f.server.ctx, admin, a, 'won');
    await updateSales(f.server.ctx, admin, a, 'pvs_booked');
    expect(await expectConsistent()).toEqual({ dispatch: 1, intake: 1 });
    for (const stage of FORWARD.slice(0, -1)) {
      await forward(c, stage);
    }
    await updateSales(f.server.ctx, admin, c, 'lost');
    expect(await expectConsistent()).toEqual({ dispatch: 1 });
    // paths that bypass the services (restore, manual repair) count as well
    await sql(`insert into cases (id, number, title, stage, source, intake)
      select 'raw-' || i, 100000 + i, 'raw', 'audit', 'manual', '{}' from generate_series(1, 5) i`);
    await sql(`update cases set stage = 'sales' where id in ('raw-1', 'raw-2')`);
    await sql(`update cases set status = 'parked' where id = 'raw-3'`);
    await sql(`delete from cases where id in ('raw-1', 'raw-4')`);
    expect(await expectConsistent()).toEqual({ audit: 1, dispatch: 1, sales: 1 });
    await sql(`delete from cases where id like 'raw-%'`);
  });

  it('concurrent moves in opposite directions neither deadlock nor miscount', async () => {
    const up = await Promise.all([1, 2, 3, 4].map((i) => newCase(`Up ${i}`)));
    const down = await Promise.all([1, 2, 3, 4].map((i) => newCase(`Down ${i}`)));
    for (const id of down) {
      await forward(id, 'intake');
    }
    const before = await expectConsistent();
    for (const id of up) {
      for (const t of tasksOf('intake').filter((x) => x.required)) {
        await completeTask(f.server.ctx, admin, id, t.key, true);
      }
    }
    await Promise.all([
      ...up.map((id) => transition(f.server.ctx, admin, id, 'dispatch')),
      ...down.map((id) => transition(f.server.ctx, admin, id, 'intake')),
    ]);
    expect(await expectConsistent()).toEqual(before);
  });

  it('the cached board shows a stage move made over HTTP at once', async () => {
    const total = async (stage: string) => {
      const r = await f.req('GET', '/api/board', f.tokens.dispatcher);
      expect(r.status).toBe(200);
      const body = (await r.json()) as { stages: { stage: string; total: number }[] };
      return body.stages.find((s) => s.stage === stage)!.total;
    };
    const id = await newCase('HTTP');
    for (const t of tasksOf('intake').filter((x) => x.required)) {
      await completeTask(f.server.ctx, admin, id, t.key, true);
    }
    const [intake, dispatch] = [await total('intake'), await total('dispatch')];
    const moved = await f.req('POST', `/api/cases/${id}/transition`, f.tokens.dispatcher, { to: 'dispatch' });
    expect(moved.status).toBe(200);
    expect([await total('intake'), await total('dispatch')]).toEqual([intake - 1, dispatch + 1]);
  });
});
