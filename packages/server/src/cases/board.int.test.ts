import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../context.ts';
import { ENGINES, createTestDatabase, type TestDatabase } from '../test-support/db.ts';
import { createFixture, type Fixture } from '../test-support/fixture.ts';
import { assign, createCase, proposeAppointment } from './service.ts';
import { addFollowup } from './logbook.ts';

const admin = { ...systemActor('test'), role: 'admin' as const, kind: 'admin' as const };

interface Board {
  stages: { stage: string; total: number; cards: { id: string; nextDueAt: string | null }[] }[];
}

describe.each(ENGINES)('board cards and filters on %s', (engine) => {
  let tdb: TestDatabase;
  let f: Fixture;
  const ids: string[] = [];
  const inDays = (d: number) => new Date(Date.now() + d * 86_400_000);

  beforeAll(async () => {
    tdb = await createTestDatabase(engine);
    f = await createFixture(tdb.database);
    const { ctx } = f.server;
    for (const name of ['Praxis A', 'Praxis B', 'Praxis C']) {
      ids.push(
        (await createCase(ctx, admin, { source: 'manual', intake: { practiceName: name } })).caseRow.id,
      );
    }
    const [a, b] = ids as [string, string];
    await assign(ctx, admin, a, 'technician', f.userIds.technician);
    await assign(ctx, admin, b, 'helpdesk', f.userIds.helpdesk);
    await addFollowup(ctx, admin, a, { title: 'Anrufen', dueAt: inDays(3).toISOString() });
    await addFollowup(ctx, admin, a, { title: 'Später', dueAt: inDays(9).toISOString() });
    await proposeAppointment(ctx, admin, b, {
      startsAt: inDays(10).toISOString(),
      endsAt: new Date(inDays(10).getTime() + 3_600_000).toISOString(),
      mode: 'remote',
    });
  });
  afterAll(async () => {
    await f.server.close();
    await tdb.drop();
  });

  const get = async (query = '') => {
    const r = await f.req('GET', `/api/board${query}`, f.tokens.dispatcher);
    expect(r.status).toBe(200);
    const body = (await r.json()) as Board;
    const intake = body.stages.find((s) => s.stage === 'intake')!;
    return { total: intake.total, cards: new Map(intake.cards.map((c) => [c.id, c.nextDueAt])) };
  };

  it('gives each card the earliest open follow-up or appointment as nextDueAt', async () => {
    const { total, cards } = await get();
    expect(total).toBe(3);
    const [a, b, c] = ids as [string, string, string];
    expect(new Date(cards.get(a)!).getTime()).toBeCloseTo(inDays(3).getTime(), -4);
    expect(new Date(cards.get(b)!).getTime()).toBeCloseTo(inDays(10).getTime(), -4);
    expect(cards.get(c)).toBeNull();
  });

  it('filters by assignee, role and due date, with matching totals', async () => {
    const [a, b] = ids as [string, string];
    const mine = await get(`?assignee=${f.userIds.technician}`);
    expect([...mine.cards.keys()]).toEqual([a]);
    expect(mine.total).toBe(1);
    expect([...(await get('?role=helpdesk')).cards.keys()]).toEqual([b]);
    expect((await get(`?assignee=${f.userIds.technician}&role=helpdesk`)).total).toBe(0);
    const due = await get(`?dueBefore=${encodeURIComponent(inDays(5).toISOString())}`);
    expect([...due.cards.keys()]).toEqual([a]);
    const later = await get(`?dueBefore=${encodeURIComponent(inDays(11).toISOString())}`);
    expect(new Set(later.cards.keys())).toEqual(new Set([a, b]));
    expect((await f.req('GET', '/api/board?role=nobody', f.tokens.dispatcher)).status).toBe(400);
  });
});
